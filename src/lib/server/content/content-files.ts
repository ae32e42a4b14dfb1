import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { renderChapter, type RenderedChapter } from './blocks.ts';
import { fromRoot } from '../platform/paths.ts';
import { sortVersions, toVersion, versionDataSchema, type DraftVersion } from './versions.ts';

/**
 * The strategy text read straight from content/ — for code that runs outside Astro (the CLI, demo
 * seeding). Pages use content.ts (Astro's content collections, validated by their schema); both
 * render through the same blocks.ts, so keys, numbers and fingerprints agree.
 */
export interface ChapterFile {
  slug: string;
  number: number;
  title: string;
  rendered: RenderedChapter;
}

export function readChapterFiles(versionId: string): ChapterFile[] {
  const folder = fromRoot('content', versionId);
  return readdirSync(folder)
    .filter((file) => /^\d\d-.+\.md$/.test(file))
    .sort()
    .map((file) => {
      const source = readFileSync(`${folder}/${file}`, 'utf8');
      const front = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(source);
      if (!front) throw new Error(`${file}: no front matter`);
      const field = (name: string) => new RegExp(`^${name}:\\s*(.+)$`, 'm').exec(front[1])?.[1].trim() ?? '';
      const number = Number(field('number'));
      return {
        slug: file.replace(/^\d+-/, '').replace(/\.md$/, ''),
        number,
        title: field('title'),
        rendered: renderChapter(source.slice(front[0].length), number),
      };
    });
}

/** Every version in content/, read from its version.json and checked as the content collection checks it. */
export function readVersionFiles(): DraftVersion[] {
  const root = fromRoot('content');
  return sortVersions(
    readdirSync(root, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(`${root}/${entry.name}/version.json`))
      .map((entry) => {
        const file = `${root}/${entry.name}/version.json`;
        const parsed = versionDataSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
        if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
        return toVersion(entry.name, parsed.data);
      }),
  );
}
