import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { renderChapter, type RenderedChapter } from './blocks.ts';
import { fromRoot } from './paths.ts';
import { sortVersions, toVersion, type DraftVersion, type VersionData } from './versions.ts';

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

/** Every version in content/, read from its version.json. */
export function readVersionFiles(): DraftVersion[] {
  const root = fromRoot('content');
  return sortVersions(
    readdirSync(root, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(`${root}/${entry.name}/version.json`))
      .map((entry) => toVersion(entry.name, JSON.parse(readFileSync(`${root}/${entry.name}/version.json`, 'utf8')) as VersionData)),
  );
}
