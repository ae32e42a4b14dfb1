import type { Kysely } from 'kysely';
import type { Db } from '../../platform/db.ts';
import type { Database } from '../../platform/schema.ts';
import { DEFAULT_SEED, fitThemes, nearest, prng, vectorize, type Item } from './cluster.ts';

/**
 * Suggested themes for a chapter of a consultation (or its whole draft, `chapterSlug` null), the
 * background computation behind „Predlagaj teme“. The model is fitted on a seeded sample of the
 * scope's comments (reservoir sampling, so the sample is the same for the same comments) and every
 * comment is then placed by its nearest centroid in chunks: at 100,000 comments only the sample's
 * vectors are ever in memory. The scope's previous *suggested* themes are replaced with their
 * algorithm's assignments; accepted and discarded themes, and whatever a moderator assigned, stay —
 * and comments already in an accepted theme of the scope are not suggested again.
 */

export const SAMPLE_SIZE = 5_000;
const CHUNK = 2_000;
/** A label: the first terms of the cluster, the first letter capital („Optičnega, omrežja, podeželju“). */
const LABEL_TERMS = 3;
const labelOf = (terms: string[]) => {
  const text = terms.slice(0, LABEL_TERMS).join(', ');
  return text.charAt(0).toLocaleUpperCase('sl') + text.slice(1);
};

/** The scope's submitted comments not already in an accepted theme of the scope, a chunk at a time by id. */
async function* scopeChunks(db: Kysely<Database>, consultationId: number, chapterSlug: string | null): AsyncGenerator<Item[]> {
  let after = 0;
  for (;;) {
    let query = db
      .selectFrom('comments as c')
      .select(['c.id', 'c.body', 'c.rationale'])
      .where('c.consultation_id', '=', consultationId)
      .where('c.state', '=', 'submitted')
      .where('c.id', '>', after);
    if (chapterSlug !== null) query = query.where('c.chapter_slug', '=', chapterSlug);
    query = query.where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('comment_themes as ct')
            .innerJoin('themes as t', 't.id', 'ct.theme_id')
            .select('ct.theme_id')
            .whereRef('ct.comment_id', '=', 'c.id')
            .where('t.state', '=', 'accepted')
            .where('t.consultation_id', '=', consultationId)
            .where((w) => (chapterSlug === null ? w('t.chapter_slug', 'is', null) : w('t.chapter_slug', '=', chapterSlug))),
        ),
      ),
    );
    const rows = await query.orderBy('c.id').limit(CHUNK).execute();
    if (rows.length === 0) return;
    after = rows[rows.length - 1].id;
    yield rows.map((r) => ({ id: r.id, text: r.rationale ? `${r.body}\n${r.rationale}` : r.body }));
  }
}

/** Computes the scope's suggestions; answers how many themes it suggested and how many comments they hold. */
export async function suggestThemes(db: Db, consultationId: number, chapterSlug: string | null, options: { seed?: number; sampleSize?: number } = {}): Promise<{ themes: number; comments: number }> {
  const seed = options.seed ?? DEFAULT_SEED;
  const size = options.sampleSize ?? SAMPLE_SIZE;
  // First pass: a reservoir sample of the scope, the same for the same comments and seed.
  const random = prng(seed ^ 0x5eed);
  const sample: Item[] = [];
  let seen = 0;
  for await (const chunk of scopeChunks(db, consultationId, chapterSlug)) {
    for (const item of chunk) {
      if (sample.length < size) sample.push(item);
      else {
        const j = Math.floor(random() * (seen + 1));
        if (j < size) sample[j] = item;
      }
      seen++;
    }
  }
  const model = fitThemes(sample, { seed });
  const themeIds = await db.transaction().execute(async (trx) => {
    const previous = trx
      .selectFrom('themes')
      .select('id')
      .where('consultation_id', '=', consultationId)
      .where('state', '=', 'suggested')
      .where((w) => (chapterSlug === null ? w('chapter_slug', 'is', null) : w('chapter_slug', '=', chapterSlug)));
    await trx.deleteFrom('comment_themes').where('theme_id', 'in', previous).execute();
    await trx.deleteFrom('themes').where('id', 'in', previous).execute();
    const ids: number[] = [];
    for (const terms of model.terms) {
      const row = await trx
        .insertInto('themes')
        .values({ consultation_id: consultationId, chapter_slug: chapterSlug, label: labelOf(terms), terms: JSON.stringify(terms), state: 'suggested', source: 'algorithm' })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(row.id);
    }
    return ids;
  });
  // Second pass: every comment of the scope to its nearest theme (those without a single term to none).
  const sizes = themeIds.map(() => 0);
  for await (const chunk of scopeChunks(db, consultationId, chapterSlug)) {
    const rows = chunk.flatMap((item) => {
      const at = nearest(model.centroids, vectorize(model, item.text));
      if (at < 0) return [];
      sizes[at]++;
      return [{ comment_id: item.id, theme_id: themeIds[at], source: 'algorithm' as const, assigned_by: null }];
    });
    if (rows.length) await db.insertInto('comment_themes').values(rows).onConflict((oc) => oc.doNothing()).execute();
  }
  // A centroid no comment ended up nearest to (the sample is not the whole) is no theme.
  const empty = themeIds.filter((_, i) => sizes[i] === 0);
  if (empty.length) await db.deleteFrom('themes').where('id', 'in', empty).execute();
  return { themes: themeIds.length - empty.length, comments: sizes.reduce((s, n) => s + n, 0) };
}
