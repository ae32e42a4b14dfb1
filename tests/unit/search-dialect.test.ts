import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { foldText, likePattern } from '../../src/lib/server/search/fold.ts';
import { MARK_CLOSE, MARK_OPEN, markTerms } from '../../src/lib/server/search/highlight.ts';
import { indexMatch, type SearchIndex } from '../../src/lib/server/search/match.ts';
import { postgresCluster, tempDatabase } from './helpers.ts';
import { indexesAgreeWithTables } from './search-helpers.ts';

/**
 * What differs between the databases in the search (search/match.ts): the folding of the terms on
 * PostgreSQL (it must be the database's own), the highlighting done in TypeScript there, and the
 * queries reading the indexes on each.
 */
const SLOVENIAN = 'č š ž ć đ Č Š Ž Ć Đ';
const mark = (text: string) => text.replaceAll(MARK_OPEN, '[').replaceAll(MARK_CLOSE, ']');

describe('folding and highlighting the terms', () => {
  it('folds case and diacritics, the Slovenian letters as plain ones', () => {
    expect(foldText(SLOVENIAN)).toBe('c s z c d c s z c d');
    expect(foldText('Občinam ŠIROKOPASOVNA Đurđevak')).toBe('obcinam sirokopasovna durdevak');
    // Decomposed input (a letter and a combining caron) folds alike.
    expect(foldText('Obc\u030Cina')).toBe('obcina');
  });

  it('escapes what LIKE would take as a wildcard', () => {
    expect(likePattern('Žaba')).toBe('%zaba%');
    expect(likePattern('100%_a\\b')).toBe('%100\\%\\_a\\\\b%');
  });

  it('marks every occurrence in the original text, whatever its case and diacritics', () => {
    expect(mark(markTerms('Občine in OBCINAM, občinski', ['občin']))).toBe('[Občin]e in [OBCIN]AM, [občin]ski');
    expect(mark(markTerms('Obc\u030Cina', ['obcin']))).toBe('[Obc\u030Cin]a');
    // Overlapping matches are one mark; no match, no mark.
    expect(mark(markTerms('strategija', ['strateg', 'tegij']))).toBe('[strategij]a');
    expect(markTerms('brez zadetka', ['optik'])).toBe('brez zadetka');
  });

  it.runIf(postgresCluster)('folds the terms as PostgreSQL folds the texts (posvet_fold: unaccent, lower)', async () => {
    const { db } = tempDatabase();
    for (const text of [SLOVENIAN, 'Đurđevak ČEBELA šŠ žŽ ćĆ', 'Obc\u030Cina', 'Straße Łódź Øresund Ærø', 'ŠIROKOPASOVNA omrežja']) {
      const { folded } = (await sql<{ folded: string }>`select posvet_fold(${text}) as folded`.execute(db)).rows[0]!;
      expect(foldText(text), text).toBe(folded);
    }
  });

  it.skipIf(postgresCluster)('folds the terms as SQLite’s FTS5 index folds the texts (remove_diacritics; đ only on PostgreSQL)', async () => {
    const { db } = tempDatabase();
    await sql`create virtual table folded using fts5(text, tokenize='trigram remove_diacritics 1')`.execute(db);
    for (const word of ['čebelar', 'šivilja', 'žerjav', 'ćevapčič', 'ČEBELAR', 'ŠIVILJA', 'ŽERJAV', 'ĆEVAPČIČ']) {
      await sql`insert into folded (text) values (${word})`.execute(db);
      const found = await sql<{ text: string }>`select text from folded where folded match ${`"${foldText(word)}"`}`.execute(db);
      expect(found.rows.map((r) => r.text), word).toContain(word);
    }
  });
});

describe('the searches read the indexes', () => {
  it.runIf(postgresCluster)('PostgreSQL: the trigram indexes, with the expression they were built on', async () => {
    const { db } = tempDatabase();
    await fill(db);
    await sql`analyze`.execute(db);
    const plan = async (index: SearchIndex, settings: string) => {
      const m = indexMatch(db, index, ['kolesarsk', 'stez'], 'all');
      return db.transaction().execute(async (trx) => {
        await sql.raw(settings).execute(trx);
        return (await sql<{ 'QUERY PLAN': string }>`explain select 1 from ${m.from} where ${m.where}`.execute(trx)).rows.map((r) => r['QUERY PLAN']).join('\n');
      });
    };
    const scan = (index: SearchIndex) => `Bitmap Index Scan on ${index === 'draft_text' ? 'draft_text_fts_search' : `${index}_search`}`;
    // The comments by the planner's own choice; the query's expression is the index's on each table
    // (the demo's few stances and few hundred blocks may be read whole unless that is ruled out).
    expect(await plan('comments', 'select 1')).toContain(scan('comments'));
    for (const index of ['comments', 'stances', 'organisations', 'draft_text'] as const) expect(await plan(index, 'set local enable_seqscan = off'), index).toContain(scan(index));
    expect(await indexesAgreeWithTables(db, ['kolesarsk', 'stez', 'bled'])).toBe(true);
  });

  it.skipIf(postgresCluster)('SQLite: the FTS5 trigram tables', async () => {
    const { db } = tempDatabase();
    await fill(db);
    for (const index of ['comments', 'stances', 'organisations', 'draft_text'] as const) {
      const m = indexMatch(db, index, ['kolesarsk', 'stez'], 'all');
      const plan = (await sql<{ detail: string }>`explain query plan select 1 from ${m.from} where ${m.where}`.execute(db)).rows.map((r) => r.detail).join('\n');
      expect(plan, index).toMatch(/VIRTUAL TABLE INDEX \d+:M/);
    }
    expect(await indexesAgreeWithTables(db, ['kolesarsk', 'stez', 'bled'])).toBe(true);
  });
});

/** A few thousand comments, a few of them about cycle paths, on a migrated database. */
/** The length of a real comment (a few hundred characters), so that the tables are of a real shape. */
const FILLER = 'Predlagamo, da se pri načrtovanju storitev upošteva zmogljivost manjših občin, ki nimajo lastnih informatikov, in da ministrstvo zagotovi skupne rešitve, usposabljanje zaposlenih ter jasne roke za prehod. '.repeat(3);

async function fill(db: ReturnType<typeof tempDatabase>['db']) {
  const { prepareDatabase } = await import('../../src/lib/server/platform/setup.ts');
  await prepareDatabase(db, { demo: true });
  const model = await db.selectFrom('comments').selectAll().orderBy('id').executeTakeFirstOrThrow();
  const { id: _, idempotency_key: __, ...copy } = model;
  const rows = Array.from({ length: 3000 }, (_, i) => ({ ...copy, body: i % 500 === 0 ? `Kolesarske steze, predlog ${i}.` : `Splošna pripomba številka ${i} o digitalni preobrazbi. ${FILLER}` }));
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('comments').values(rows.slice(i, i + 500)).execute();
}
