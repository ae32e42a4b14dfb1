import { z } from 'astro/zod';
import { perDictionary } from '../../../i18n/index.ts';
import { findChapter } from '../content/content.ts';
import type { Consultation } from '../consultations/consultations.ts';
import type { Db } from '../platform/db.ts';
import { stanceCounts } from './statistics.ts';

/**
 * What the publishing page (/moderacija/objava) reads: a consultation's stances by state, its
 * approved ones per chapter, and — before an administrator confirms — exactly those to be published.
 */

/** Which approved stances: all of the consultation, one chapter's, or those on the draft as a whole. */
export type PublishScope = { scope: 'all' } | { scope: 'chapter'; chapter: string } | { scope: 'draft' };

/** Up to this many approved stances are published by their numbers (the ones the confirmation listed); more, by the scope. */
export const MAX_LISTED_IDS = 1_000;
/** The confirmation lists this many stances and counts the rest. */
export const CONFIRM_ROWS = 100;

const chapterSlug = z.string().regex(/^[a-z0-9-]{1,80}$/);

/** The scope as the page's links and forms carry it (`objavi` = vse | poglavje | osnutek, `poglavje` = slug). */
export function parseScope(values: Record<string, string | undefined>): PublishScope | undefined {
  if (values.objavi === 'vse') return { scope: 'all' };
  if (values.objavi === 'osnutek') return { scope: 'draft' };
  const chapter = chapterSlug.safeParse(values.poglavje);
  if (values.objavi === 'poglavje' && chapter.success) return { scope: 'chapter', chapter: chapter.data };
  return undefined;
}

/** The confirmed form: the scope and, when the confirmation listed them, the comments' numbers. */
export const publishInput = perDictionary((t) =>
  z
    .object({
      objavi: z.string().optional(),
      poglavje: z.string().optional(),
      ids: z
        .string()
        .optional()
        .transform((v, ctx) => {
          if (!v) return undefined;
          const ids = v.split(',').map((id) => Number(id.trim()));
          if (ids.length > MAX_LISTED_IDS || ids.some((id) => !Number.isSafeInteger(id) || id <= 0)) {
            ctx.addIssue({ code: 'custom', message: t.stances.errors.scopeInvalid });
            return z.NEVER;
          }
          return ids;
        }),
    })
    .transform((v, ctx) => {
      const scope = parseScope({ objavi: v.objavi, poglavje: v.poglavje });
      if (!scope) {
        ctx.addIssue({ code: 'custom', path: ['_form'], message: t.stances.errors.scopeInvalid });
        return z.NEVER;
      }
      return { ...scope, ids: v.ids };
    }),
);
export type PublishInput = z.infer<ReturnType<typeof publishInput>>;

/** The chapter a scope narrows to: a slug, null for the draft as a whole, undefined for all. */
export function scopeChapter(scope: PublishScope): string | null | undefined {
  return scope.scope === 'chapter' ? scope.chapter : scope.scope === 'draft' ? null : undefined;
}

/** The consultation's stances by state, and its approved ones per chapter (the draft as a whole: `slug` null). */
export async function publishOverview(db: Db, consultation: Consultation) {
  const [counts, perChapter] = await Promise.all([
    stanceCounts(db, consultation.id),
    db
      .selectFrom('stances as s')
      .innerJoin('comments as c', 'c.id', 's.comment_id')
      .select(['c.chapter_slug', (eb) => eb.fn.min('c.chapter_number').as('chapter_number'), (eb) => eb.fn.max('c.version_id').as('version_id'), (eb) => eb.fn.countAll<number>().as('n')])
      .where('s.state', '=', 'approved')
      .where('c.consultation_id', '=', consultation.id)
      .where('c.state', '=', 'submitted')
      .groupBy('c.chapter_slug')
      .execute(),
  ]);
  const chapters = await Promise.all(
    perChapter.map(async (r) => ({
      slug: r.chapter_slug,
      number: r.chapter_number,
      title: r.chapter_slug ? ((await findChapter(consultation.slug, String(r.version_id), r.chapter_slug))?.title ?? r.chapter_slug) : null,
      count: Number(r.n),
    })),
  );
  // The draft as a whole first, then the chapters in their order.
  chapters.sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
  return { counts, chapters, approved: chapters.reduce((sum, c) => sum + c.count, 0) };
}
export type PublishOverview = Awaited<ReturnType<typeof publishOverview>>;

/** The approved stances a scope would publish: the first rows to list, how many in all, and (when not too many) every number. */
export async function stancesToPublish(db: Db, consultation: Consultation, scope: PublishScope) {
  const chapter = scopeChapter(scope);
  const base = db
    .selectFrom('stances as s')
    .innerJoin('comments as c', 'c.id', 's.comment_id')
    .where('s.state', '=', 'approved')
    .where('c.consultation_id', '=', consultation.id)
    .where('c.state', '=', 'submitted')
    .$if(chapter === null, (q) => q.where('c.chapter_slug', 'is', null))
    .$if(typeof chapter === 'string', (q) => q.where('c.chapter_slug', '=', chapter!));
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await base
    .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
    .select(['c.id', 'c.chapter_slug', 'c.chapter_number', 'c.block_number', 's.status', 's.response', 'o.name as organisation_name'])
    .orderBy('c.chapter_number')
    .orderBy('c.id')
    .limit(CONFIRM_ROWS)
    .execute();
  const ids = total <= MAX_LISTED_IDS ? (await base.select('c.id').orderBy('c.id').execute()).map((r) => r.id) : undefined;
  let chapterTitle: string | undefined;
  if (typeof chapter === 'string') {
    const version = await db.selectFrom('comments').select('version_id').where('consultation_id', '=', consultation.id).where('chapter_slug', '=', chapter).orderBy('version_id', 'desc').executeTakeFirst();
    chapterTitle = (version && (await findChapter(consultation.slug, version.version_id, chapter))?.title) || chapter;
  }
  return { scope, total, rows, ids, chapterTitle };
}
export type StancesToPublish = Awaited<ReturnType<typeof stancesToPublish>>;
