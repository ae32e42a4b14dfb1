import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';
import { renderChapter, type RenderedChapter } from './blocks.ts';
import { fromRoot } from '../platform/paths.ts';
import { sortVersions, toVersion, versionDataSchema, type DraftVersion } from './versions.ts';

/**
 * The strategy text, read from content/ — the one reading of it, for the pages (through content.ts,
 * which keeps it for the life of the process), the anchoring of comments at start, the CLI and the
 * demo data. Each version is a folder content/<version>/ with a version.json and one Markdown file
 * per chapter, NN-<slug>.md, that opens with YAML front matter (number, title, summary).
 */

/** The front matter of content/<version>/NN-<slug>.md. */
export const chapterDataSchema = z.object({
  number: z.number().int().positive(),
  title: z.string().min(1),
  summary: z.string().min(1).max(400),
});

export interface Chapter {
  versionId: string;
  slug: string;
  number: number;
  title: string;
  summary: string;
  rendered: RenderedChapter;
}

const CHAPTER_FILE = /^\d\d-.+\.md$/;
const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

function checked<S extends z.ZodType>(schema: S, data: unknown, file: string): z.infer<S> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** One chapter file: its front matter checked, its Markdown rendered into numbered blocks. */
export function parseChapterFile(versionId: string, file: string, source: string): Chapter {
  const front = FRONT_MATTER.exec(source);
  if (!front) throw new Error(`${file}: no front matter`);
  const data = checked(chapterDataSchema, parseYaml(front[1]), file);
  return {
    versionId,
    slug: file.replace(/^\d+-/, '').replace(/\.md$/, ''),
    number: data.number,
    title: data.title,
    summary: data.summary,
    rendered: renderChapter(source.slice(front[0].length), data.number),
  };
}

/** The chapters of a version in their order. */
export function readChapterFiles(versionId: string): Chapter[] {
  const folder = fromRoot('content', versionId);
  return readdirSync(folder)
    .filter((file) => CHAPTER_FILE.test(file))
    .map((file) => parseChapterFile(versionId, file, readFileSync(`${folder}/${file}`, 'utf8')))
    .sort((a, b) => a.number - b.number);
}

/** Every version in content/, read from its version.json, oldest first. */
export function readVersionFiles(): DraftVersion[] {
  const root = fromRoot('content');
  return sortVersions(
    readdirSync(root, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(`${root}/${entry.name}/version.json`))
      .map((entry) => {
        const file = `${root}/${entry.name}/version.json`;
        return toVersion(entry.name, checked(versionDataSchema, JSON.parse(readFileSync(file, 'utf8')), file));
      }),
  );
}
