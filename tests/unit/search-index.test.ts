import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { CommentActor, CommentAnchor } from '../../src/lib/server/comments/input.ts';
import { saveComment } from '../../src/lib/server/comments/save.ts';
import { withdrawComment } from '../../src/lib/server/comments/commands.ts';
import { windowLookup } from '../../src/lib/server/comments/consultation-window.ts';
import { findConsultation } from '../../src/lib/server/consultations/consultations.ts';
import { readChapterFiles, readVersionFiles } from '../../src/lib/server/content/content-files.ts';
import { currentOf } from '../../src/lib/server/content/versions.ts';
import { setHidden } from '../../src/lib/server/moderation/hide.ts';
import { listQueue, parseQueueFilter } from '../../src/lib/server/moderation/queue.ts';
import { draftStance } from '../../src/lib/server/moderation/stances.ts';
import { prepareDatabase } from '../../src/lib/server/platform/setup.ts';
import { searchPublic } from '../../src/lib/server/search/public.ts';
import { indexDraftTexts } from '../../src/lib/server/search/draft-index.ts';
import { reindexAll } from '../../src/lib/server/search/reindex.ts';
import { postgresCluster, tempDatabase } from './helpers.ts';
import { indexesAgreeWithTables } from './search-helpers.ts';
import { publishStance } from './stance-helpers.ts';

/** The search indexes over a real database: what readers and moderators find, and what they never do. */
const IP = '192.0.2.1';
const during = new Date('2026-12-01T10:00:00Z');

async function setup() {
  const { db } = tempDatabase();
  await prepareDatabase(db, { demo: true });
  // Only this test's comments: the demo's would match common words.
  await db.deleteFrom('comments').execute();
  const consultation = (await findConsultation(db, 'ds2030'))!;
  const version = currentOf(readVersionFiles('ds2030'))!;
  const chapter = readChapterFiles('ds2030', version.id)[1];
  const block = chapter.rendered.blocks[0];
  const window = { consultationId: consultation.id, consultationStatus: 'open' as const, versionId: version.id, opensAt: new Date('2026-11-01T08:00:00Z'), closesAt: new Date('2027-01-31T23:00:00Z'), lastDay: new Date('2027-01-31T22:59:00Z') };
  const anchor: CommentAnchor = { window, scope: 'block', chapter: { slug: chapter.slug, number: chapter.number }, block: { key: block.key, number: block.number, fingerprint: block.fingerprint, text: block.text } };
  const actor = async (email: string): Promise<CommentActor> => {
    const u = await db.selectFrom('users as u').innerJoin('organisations as o', 'o.id', 'u.organisation_id').select(['u.id', 'u.role', 'u.organisation_id', 'o.kind']).where('u.email', '=', email).executeTakeFirstOrThrow();
    return { id: u.id, role: u.role, organisationId: u.organisation_id, organisationKind: u.kind };
  };
  const bled = await actor('bled@posvet.test');
  const moderator = await actor('moderator@posvet.test');
  const hands = { drafter: moderator, reviewer: await actor('moderatorka@posvet.test'), admin: await actor('admin@posvet.test') };
  const save = async (body: string, intent: 'draft' | 'submit' = 'submit', commentId?: number) => {
    const saved = await saveComment(db, bled, anchor, { kind: 'comment', body }, intent, { now: during, commentId });
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
    return saved.value.id;
  };
  const found = async (query: string) => (await searchPublic(db, consultation, query)).comments.rows.map((r) => r.id);
  const queue = async (text: string) => (await listQueue(db, consultation.id, parseQueueFilter(new URLSearchParams({ text })), moderator.id)).rows.map((r) => r.id);
  return { db, consultation, version, chapter, block, bled, moderator, hands, save, found, queue, windows: windowLookup([window]) };
}

describe('the public search', () => {
  it('finds inflected forms, forms without diacritics and partial words', async () => {
    const { save, found } = await setup();
    const id = await save('Predlagamo, da občinam zagotovite dodatna sredstva za širokopasovna omrežja.');
    for (const query of ['občina', 'občine', 'obcina', 'OBČINAM', 'sirokopasovn', 'pasovna', 'omrežje', 'dodatno sredstvo']) expect(await found(query), query).toEqual([id]);
    expect(await found('občina vodovod')).toEqual([]);
  });

  it('treats FTS5 syntax as text: never an error, the words still found', async () => {
    const { db, consultation, save, found } = await setup();
    const id = await save('Optika do vsake kmetije je ključna.');
    for (const typed of ['"optika', 'optika"', 'optika*', '*', 'NEAR(optika kmetije)', 'optika NEAR kmetije', '-optika', 'optika -kmetije', 'optika AND kmetije', 'optika OR', '(optika', 'optika)', 'body:optika', '^optika', '"', '""', "'", 'optika:', '{optika}', '[optika]', '+optika', 'optika; drop table comments;--']) {
      const result = await searchPublic(db, consultation, typed).catch((error: unknown) => error);
      expect(result, typed).not.toBeInstanceOf(Error);
    }
    for (const typed of ['"optika', 'optika*', '-optika', 'optika OR', '(optika)', 'optika:', '^optika', '"kmetije"']) expect(await found(typed), typed).toEqual([id]);
    // The operators' words are words like any other: „near“ is not in the comment.
    expect(await found('NEAR(optika kmetije)')).toEqual([]);
  });

  it('asks for three letters when every word is shorter; leaves short words out otherwise', async () => {
    const { db, consultation, save, found } = await setup();
    const id = await save('Cilji EU za optiko.');
    expect((await searchPublic(db, consultation, 'EU')).state).toBe('short');
    expect((await searchPublic(db, consultation, '  ')).state).toBe('empty');
    expect(await found('EU optika')).toEqual([id]);
  });

  it('finds the draft text, highlighted, with a link to the paragraph', async () => {
    const { db, consultation, block, chapter } = await setup();
    const word = block.text.split(/\s+/).find((w) => w.length >= 7)!.replace(/[^\p{L}]/gu, '');
    const result = await searchPublic(db, consultation, word);
    const hit = result.paragraphs.find((p) => p.blockNumber === block.number);
    expect(hit).toMatchObject({ chapterTitle: chapter.title, href: `/posvetovanja/ds2030/osnutek/${chapter.slug}#${block.anchor}` });
    expect(hit!.html).toContain('<mark>');
  });

  it('escapes what a comment says and marks only the matches', async () => {
    const { db, consultation, save } = await setup();
    await save('<script>alert("zlonamerno")</script> <b>krepko</b> besedilo');
    const [row] = (await searchPublic(db, consultation, 'zlonamerno')).comments.rows;
    expect(row.bodyHtml).toBe('&#60;script&#62;alert(&#34;<mark>zlonamern</mark>o&#34;)&#60;/script&#62; &#60;b&#62;krepko&#60;/b&#62; besedilo');
  });

  it('the triggers keep the index right: drafts, edits, withdrawal, hiding and published stances', async () => {
    const { db, save, found, queue, bled, windows, moderator, hands } = await setup();
    const id = await save('Prvotno besedilo o kolesarjenju.', 'draft');
    expect(await found('kolesarjenje')).toEqual([]);
    expect(await queue('kolesarjenje')).toEqual([]);
    await save('Popravljeno besedilo o pešpoteh.', 'submit', id);
    expect(await found('kolesarjenje')).toEqual([]);
    expect(await found('pešpoti')).toEqual([id]);
    expect(await queue('pešpoti')).toEqual([id]);

    await publishStance(db, hands, id, 'rejected', 'Pešpoti ureja lokalna skupnost v prostorskem načrtu.');
    expect(await found('prostorski načrt')).toEqual([id]);
    const [row] = (await searchPublic(db, (await findConsultation(db, 'ds2030'))!, 'prostorski')).comments.rows;
    expect(row.responseHtml).toContain('<mark>prostorsk</mark>');
    expect(row.status).toBe('rejected');

    const hidden = await save('Sporno besedilo o pešpoteh.');
    expect(await found('pešpoti')).toEqual([hidden, id]);
    expect((await setHidden(db, moderator, hidden, { hidden: true, reason: 'spam' }, 'https://posvet.test', IP)).ok).toBe(true);
    expect(await found('pešpoti')).toEqual([id]);
    expect(await queue('pešpoti')).toContain(hidden);

    const withdrawn = await save('Umaknjeno besedilo o pešpoteh.');
    expect(await found('pešpoti')).toEqual([withdrawn, id]);
    expect((await withdrawComment(db, bled, withdrawn, { reason: null }, windows, { now: during })).ok).toBe(true);
    expect(await found('pešpoti')).toEqual([id]);
    // Each index holds exactly what its table does.
    expect(await indexesAgreeWithTables(db, ['pešpot', 'kolesar', 'prostorsk', 'bled'])).toBe(true);
  });

  it('pages the comments 20 at a time, newest first, and counts up to a bound', async () => {
    const { db, consultation, save } = await setup();
    const first = await save('Geotermalna energija v javnih stavbah.');
    const row = await db.selectFrom('comments').selectAll().where('id', '=', first).executeTakeFirstOrThrow();
    const { id: _, idempotency_key: __, ...copy } = row;
    const more = Array.from({ length: 1004 }, (_, i) => ({ ...copy, body: `Geotermalna energija, različica ${i}.` }));
    for (let i = 0; i < more.length; i += 200) await db.insertInto('comments').values(more.slice(i, i + 200)).execute();
    const one = await searchPublic(db, consultation, 'geotermalno');
    expect(one.comments).toMatchObject({ total: 1000, capped: true, page: 1, pageCount: 50 });
    expect(one.comments.rows).toHaveLength(20);
    expect(one.comments.rows[0].bodyHtml).toContain('različica 1003');
    const last = await searchPublic(db, consultation, 'geotermalno', 999);
    expect(last.comments.page).toBe(50);
    const few = await searchPublic(db, consultation, 'geotermalno različica 100');
    expect(few.comments).toMatchObject({ total: 5, capped: false, pageCount: 1 });
  });

  it('never finds another consultation’s comments', async () => {
    const { db, save } = await setup();
    const id = await save('Vodikova tehnologija.');
    const other = (await findConsultation(db, 'sdjs2030'))!;
    expect((await searchPublic(db, other, 'vodikova')).comments.rows.map((r) => r.id)).not.toContain(id);
  });
});

describe('the queue’s text filter', () => {
  it('finds inflected forms, the organisation’s name and the moderators’ stance drafts — which the public never finds', async () => {
    const { db, save, found, queue, moderator } = await setup();
    const id = await save('Predlagamo več sredstev za knjižnice.');
    const other = await save('Nekaj povsem drugega.');
    expect(await queue('knjižnicam')).toEqual([id]);
    expect(await queue('knjiznica')).toEqual([id]);
    // The organisation's name (Občina Bled) counts as the comment's text…
    expect(await queue('bled')).toEqual([other, id]);
    expect(await queue('bled knjižnica')).toEqual([id]);
    // …unless the word is in many organisations' names: „občina“ names none in particular.
    expect(await queue('občina')).toEqual([]);
    const municipalities = await save('Občine potrebujejo podporo.');
    expect(await queue('občina')).toEqual([municipalities]);
    expect(await queue('blejski')).toEqual([]);
    expect((await draftStance(db, moderator, other, { status: 'noted', response: 'Osnutek odgovora o hidroelektrarnah.' }, IP)).ok).toBe(true);
    expect(await queue('hidroelektrarne')).toEqual([other]);
    expect(await found('hidroelektrarne')).toEqual([]);
    // Only short words: a substring scan, as before the index.
    expect(await queue('ne')).toContain(other);
    // Syntax is text here too.
    for (const typed of ['"', '*', 'NEAR(', '-', 'AND', 'OR', '(', ':', '^']) await expect(queue(typed), typed).resolves.toBeInstanceOf(Array);
  });

  it('a common word: the newest 1,000 matches that meet the other filters, said to be more', async () => {
    const { db, consultation, moderator, save } = await setup();
    const first = await save('Geotermalna energija v javnih stavbah.');
    const row = await db.selectFrom('comments').selectAll().where('id', '=', first).executeTakeFirstOrThrow();
    const { id: _, idempotency_key: __, ...copy } = row;
    const more = Array.from({ length: 5100 }, (_, i) => ({ ...copy, body: `Geotermalna energija, različica ${i}.` }));
    for (let i = 0; i < more.length; i += 500) await db.insertInto('comments').values(more.slice(i, i + 500)).execute();
    const list = (query: Record<string, string>) => listQueue(db, consultation.id, parseQueueFilter(new URLSearchParams(query)), moderator.id);

    const common = await list({ text: 'geotermalno' });
    expect(common).toMatchObject({ total: 1000, capped: true, page: 1, pageCount: 40 });
    expect(common.rows[0].body).toBe('Geotermalna energija, različica 5099.');
    const last = await list({ text: 'geotermalno', page: '40', sort: 'submitted' });
    expect(last.rows).toHaveLength(25);
    expect(last.rows.every((r) => r.id > first)).toBe(true);

    // A narrow filter that the newest matches do not meet: the newest of those that do.
    const ids = (await db.selectFrom('comments').select('id').where('consultation_id', '=', consultation.id).orderBy('id').limit(1100).execute()).map((r) => r.id);
    await db.updateTable('comments').set({ moderation_status: 'in_review' }).where('id', '<=', ids.at(-1)!).execute();
    const narrow = await list({ text: 'geotermalno', status: 'in_review' });
    expect(narrow).toMatchObject({ total: 1000, capped: true });
    expect(narrow.rows[0].id).toBe(ids.at(-1));
    expect(narrow.rows.every((r) => r.moderation_status === 'in_review')).toBe(true);
    await db.updateTable('comments').set({ moderation_status: 'new' }).where('id', '<', ids[1097]!).execute();
    expect(await list({ text: 'geotermalno', status: 'in_review' })).toMatchObject({ total: 3, capped: false });

    // Words in few comments: every match, counted exactly.
    expect(await list({ text: 'geotermalno različica 100' })).toMatchObject({ total: 15, capped: false });
  });

  it.runIf(postgresCluster)('reindex rebuilds every trigram index and counts what they hold', async () => {
    const { db, save, found } = await setup();
    const id = await save('Kvantno računalništvo.');
    const indexes = ['comments_search', 'stances_search', 'organisations_search', 'draft_text_fts_search'];
    // REINDEX writes each index anew, into a new file.
    const files = async () => (await sql<{ file: string }>`select pg_relation_filenode(cast(name as regclass)) as file from unnest(cast(${indexes} as text[])) as name`.execute(db)).rows.map((r) => r.file);
    const before = await files();
    const counts = await reindexAll(db);
    expect((await files()).filter((file, i) => file === before[i])).toEqual([]);
    expect(counts.comments).toBeGreaterThan(0);
    expect(counts.versions).toBe(readVersionFiles('ds2030').length + readVersionFiles('sdjs2030').length);
    expect(counts.blocks).toBeGreaterThan(100);
    expect(await found('kvantno')).toEqual([id]);
    expect(await indexesAgreeWithTables(db, ['kvantn', 'bled'])).toBe(true);
    expect(await indexDraftTexts(db)).toEqual({ versions: 0, blocks: 0 });
  });

  it.skipIf(postgresCluster)('reindex rebuilds every index and counts what they hold', async () => {
    const { db, save, found } = await setup();
    const id = await save('Kvantno računalništvo.');
    await sql`insert into comments_fts (comments_fts) values ('delete-all')`.execute(db);
    expect(await found('kvantno')).toEqual([]);
    const counts = await reindexAll(db);
    expect(counts.comments).toBeGreaterThan(0);
    expect(counts.versions).toBe(readVersionFiles('ds2030').length + readVersionFiles('sdjs2030').length);
    expect(counts.blocks).toBeGreaterThan(100);
    expect(await found('kvantno')).toEqual([id]);
    // At start the draft text is indexed once per version: nothing new, nothing done.
    expect(await indexDraftTexts(db)).toEqual({ versions: 0, blocks: 0 });
  });
});
