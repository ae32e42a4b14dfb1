import { describe, expect, it } from 'vitest';
import { dictionary } from '../../src/i18n/index.ts';
import type { OpenDataItem } from '../../src/lib/server/comments/open-data.ts';
import { decodeCursor, encodeCursor, openDataPage, openDataStream, parseSince, type OpenDataFilter, type OpenDataOptions } from '../../src/lib/server/comments/open-data-pages.ts';
import type { Db } from '../../src/lib/server/platform/db.ts';
import { checkOpenDataQuery } from '../../src/lib/server/web/comments/open-data.ts';
import { seededDatabase } from './helpers.ts';

/*
 * The open data at any scale: the query's bad input answered 400 naming the parameter, cursor
 * paging that equals the full export, stable while comments arrive, and `since` for harvesters.
 */

const t = dictionary('sl');
const options: OpenDataOptions = { baseUrl: 'https://posvet.example', currentVersionId: async () => undefined };

async function refusal(search: string): Promise<{ status: number; error: string } | undefined> {
  const checked = checkOpenDataQuery(new URL(`https://posvet.example/api/v1/comments?${search}`), t);
  return checked.ok ? undefined : { status: checked.response.status, error: ((await checked.response.json()) as { error: string }).error };
}

/** Every page, following `next`, with the page size given. */
async function allPages(db: Db, filter: OpenDataFilter, limit: number, between?: (page: number) => Promise<void>): Promise<OpenDataItem[]> {
  const items: OpenDataItem[] = [];
  let cursor: string | null = null;
  for (let page = 1; ; page++) {
    const after = cursor === null ? undefined : decodeCursor(cursor, !!filter.since);
    const result = await openDataPage(db, filter, { after, limit }, options);
    if (!result.ok) throw new Error('page refused');
    expect(result.value.items.length).toBeLessThanOrEqual(limit);
    items.push(...result.value.items);
    cursor = result.value.next;
    if (!cursor) return items;
    await between?.(page);
  }
}

async function exported(db: Db, filter: OpenDataFilter): Promise<OpenDataItem[]> {
  const stream = await openDataStream(db, filter, options, 7);
  if (!stream.ok) throw new Error('export refused');
  return Array.fromAsync(stream.value);
}

/** A new public comment, a copy of an existing one with its own text. */
async function submitCopy(db: Db, of: number, body: string): Promise<number> {
  const row = await db.selectFrom('comments').selectAll().where('id', '=', of).executeTakeFirstOrThrow();
  const { id: _id, public_changed_at: _changed, idempotency_key: _key, ...rest } = row;
  const inserted = await db.insertInto('comments').values({ ...rest, body, submitted_at: new Date().toISOString() }).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

/** The current instant, once the clock has moved past every write so far (timestamps have milliseconds). */
async function freshInstant(db: Db): Promise<string> {
  const latest = (await db.selectFrom('comments').select((eb) => eb.fn.max('public_changed_at').as('m')).executeTakeFirst())?.m ?? '';
  let now = new Date().toISOString();
  while (now <= latest) now = await new Promise<string>((done) => setImmediate(() => done(new Date().toISOString())));
  return now;
}

describe('the open data query: bad input is a 400 naming the parameter', () => {
  it.each(['limit=0', 'limit=-1', 'limit=1001', 'limit=1000000000', 'limit=abc', 'limit=1.5', 'limit='])('%s', async (search) => {
    expect(await refusal(search)).toEqual({ status: 400, error: 'Parameter limit mora biti celo število od 1 do 1000.' });
  });

  it.each(['after=garbage', 'after=!!', `after=${Buffer.from('{"id":3}').toString('base64url')}`, `after=${encodeCursor({ id: 3, changedAt: '2026-12-01T08:00:00.000Z' })}`])('%s', async (search) => {
    expect((await refusal(search))?.error).toMatch(/^Parameter after ni veljaven kazalec/);
  });

  it.each(['since=garbage', 'since=2026-12-01', 'since=2026-13-01T08:00:00Z', 'since=2026-12-01T08:00:00'])('%s', async (search) => {
    expect((await refusal(search))?.error).toMatch(/^Parameter since mora biti trenutek v zapisu ISO 8601/);
  });

  it('names other parameters as before, and accepts good values', async () => {
    expect(await refusal('status=bogus')).toEqual({ status: 400, error: t.forms.invalidQuery(['status']) });
    expect(await refusal('limit=1000&consultation=ds2030')).toBeUndefined();
    expect(await refusal(`after=${encodeCursor({ id: 3 })}`)).toBeUndefined();
    expect(await refusal(`since=2026-12-01T09:00:00%2B01:00&after=${encodeCursor({ id: 3, changedAt: '2026-12-01T08:00:00.000Z' })}`)).toBeUndefined();
    expect(parseSince('2026-12-01T09:00:00+01:00')).toBe('2026-12-01T08:00:00.000Z');
  });
});

describe('paging the open data', () => {
  it('the pages, concatenated, equal the full export — overall and for one consultation — in id order', async () => {
    const { db } = await seededDatabase();
    for (const [filter, limit] of [[{}, 5], [{ consultation: 'ds2030' }, 3], [{ consultation: 'sdjs2030', status: 'new' as const }, 1]] as const) {
      const pages = await allPages(db, filter, limit);
      expect(pages.length).toBeGreaterThan(limit);
      expect(pages).toEqual(await exported(db, filter));
      const ids = pages.map((c) => c.id);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(new Set(ids).size).toBe(ids.length);
    }
    const one = await openDataPage(db, { consultation: 'ni-takega' }, {}, options);
    expect(one.ok ? undefined : one.error.code).toBe('not_found');
  });

  it('a comment submitted between two page reads appears on a later page, none repeated, none missed', async () => {
    const { db } = await seededDatabase();
    const before = await exported(db, {});
    const read = await allPages(db, {}, 5, async (page) => {
      if (page === 2) await submitCopy(db, before[0].id, 'Pripomba, oddana med branjem strani.');
    });
    expect(read.map((c) => c.id)).toEqual([...before.map((c) => c.id), read.at(-1)!.id]);
    expect(read.at(-1)!.body).toBe('Pripomba, oddana med branjem strani.');
  });

  it('since: only comments whose public data changed — a published stance, a shown comment; hidden and withdrawn ones leave', async () => {
    const { db } = await seededDatabase();
    const [first, second, third, fourth] = await exported(db, { consultation: 'ds2030' });
    await db.updateTable('comments').set({ hidden: 1 }).where('id', '=', third.id).execute();
    const since = await freshInstant(db);
    expect(await exported(db, { since })).toEqual([]);

    await db.updateTable('comments').set({ moderation_status: 'accepted', response: 'Upoštevamo.', decided_at: new Date().toISOString() }).where('id', '=', second.id).execute();
    await db.updateTable('comments').set({ hidden: 0 }).where('id', '=', third.id).execute();
    await db.updateTable('comments').set({ state: 'withdrawn', withdrawn_at: new Date().toISOString() }).where('id', '=', fourth.id).execute();
    const changed = await exported(db, { since });
    expect(changed.map((c) => c.id).sort()).toEqual([second.id, third.id].sort());
    expect(changed.find((c) => c.id === second.id)).toMatchObject({ status: 'accepted', response: 'Upoštevamo.' });
    for (const c of changed) expect(c.changedAt >= since).toBe(true);
    // Ordered by (changedAt, id); the pages equal the export here too.
    expect(await allPages(db, { since }, 1)).toEqual(changed);
    expect(changed.map((c) => c.changedAt)).toEqual(changed.map((c) => c.changedAt).sort());

    // A co-signer is public data of the comment too; an edit of a draft is not.
    const later = await freshInstant(db);
    const bled = await db.selectFrom('organisations').select('id').where('kind', '=', 'municipality').executeTakeFirstOrThrow();
    await db.insertInto('comment_supports').values({ comment_id: first.id, organisation_id: bled.id, user_id: null }).onConflict((oc) => oc.doNothing()).execute();
    expect((await exported(db, { since: later })).map((c) => c.id)).toEqual([first.id]);
  });

  it('since: a comment that changes while a harvester pages comes again later, so its last state is read', async () => {
    const { db } = await seededDatabase();
    const since = await freshInstant(db);
    const ids: number[] = [];
    for (let i = 0; i < 4; i++) ids.push(await submitCopy(db, (await exported(db, {}))[0].id, `Nova pripomba ${i}.`));
    const read = await allPages(db, { since }, 1, async (page) => {
      if (page === 1) await db.updateTable('comments').set({ response: 'Odgovor.', moderation_status: 'noted' }).where('id', '=', ids[0]).execute();
    });
    expect(read.map((c) => c.id)).toEqual([...ids, ids[0]]);
    expect(read.at(-1)).toMatchObject({ id: ids[0], status: 'noted', response: 'Odgovor.' });
  });
});
