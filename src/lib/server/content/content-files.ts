import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';
import { renderChapter, type RenderedChapter } from './blocks.ts';
import { fromRoot } from '../platform/paths.ts';
import { sortVersions, toVersion, versionDataSchema, type DraftVersion } from './versions.ts';

/**
 * The consultations' texts, read from content/ — the one reading of them, for the pages (through
 * content.ts, which keeps them for the life of the process), the anchoring of comments at start, the
 * CLI and the demo data. Each consultation is a folder content/<consultation>/ with a
 * consultation.json; each of its draft versions a folder content/<consultation>/<version>/ with a
 * version.json and one Markdown file per chapter, NN-<slug>.md, that opens with YAML front matter
 * (number, title, summary).
 */

/** content/<consultation>/consultation.json: what the portal says of the consultation. */
export const consultationDataSchema = z.object({
  title: z.string().trim().min(1).max(200),
  shortTitle: z.string().trim().min(1).max(40),
  /** The code of the government organisation that runs it, e.g. "MDP". */
  owner: z.string().trim().min(1),
  caseNumber: z.string().trim().min(1).max(60),
  description: z.string().trim().min(1).max(2000),
  invited: z.string().trim().min(1).max(500).optional(),
});
export type ConsultationData = z.infer<typeof consultationDataSchema>;

/** A consultation's slug, as in its folder's name and its addresses. */
export const CONSULTATION_SLUG = /^[a-z0-9][a-z0-9-]{1,39}$/;

/** The front matter of content/<version>/NN-<slug>.md. */
export const chapterDataSchema = z.object({
  number: z.number().int().positive(),
  title: z.string().min(1),
  summary: z.string().min(1).max(400),
});

export interface Chapter {
  consultation: string;
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
export function parseChapterFile(consultation: string, versionId: string, file: string, source: string): Chapter {
  const front = FRONT_MATTER.exec(source);
  if (!front) throw new Error(`${file}: no front matter`);
  const data = checked(chapterDataSchema, parseYaml(front[1]), file);
  return {
    consultation,
    versionId,
    slug: file.replace(/^\d+-/, '').replace(/\.md$/, ''),
    number: data.number,
    title: data.title,
    summary: data.summary,
    rendered: renderChapter(source.slice(front[0].length), data.number),
  };
}

/** The chapters of a version in their order. */
export function readChapterFiles(consultation: string, versionId: string): Chapter[] {
  const folder = fromRoot('content', consultation, versionId);
  return readdirSync(folder)
    .filter((file) => CHAPTER_FILE.test(file))
    .map((file) => parseChapterFile(consultation, versionId, file, readFileSync(`${folder}/${file}`, 'utf8')))
    .sort((a, b) => a.number - b.number);
}

/** Every version of a consultation, read from its version.json, oldest first; none for a consultation without a folder. */
export function readVersionFiles(consultation: string): DraftVersion[] {
  const root = fromRoot('content', consultation);
  if (!CONSULTATION_SLUG.test(consultation) || !existsSync(root)) return [];
  return sortVersions(
    readdirSync(root, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(`${root}/${entry.name}/version.json`))
      .map((entry) => {
        const file = `${root}/${entry.name}/version.json`;
        return toVersion(consultation, entry.name, checked(versionDataSchema, JSON.parse(readFileSync(file, 'utf8')), file));
      }),
  );
}

/** Every consultation with a folder in content/ and what its consultation.json says, by slug. */
export function readConsultationFiles(): Array<{ slug: string; data: ConsultationData }> {
  const root = fromRoot('content');
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(`${root}/${entry.name}/consultation.json`))
    .map((entry) => {
      const file = `${root}/${entry.name}/consultation.json`;
      if (!CONSULTATION_SLUG.test(entry.name)) throw new Error(`${file}: the folder's name is not a valid consultation slug`);
      return { slug: entry.name, data: checked(consultationDataSchema, JSON.parse(readFileSync(file, 'utf8')), file) };
    })
    .sort((a, b) => a.slug.localeCompare(b.slug));
}
