import { sql } from 'kysely';
import type { Db } from './db.ts';

/** Figures for the moderators' statistics page: all submitted comments, hidden ones included. */
export async function statistics(db: Db) {
  const base = db.selectFrom('comments as c').innerJoin('organisations as o', 'o.id', 'c.organisation_id').where('c.state', '=', 'submitted');
  const [perChapter, perBlock, perKind, perStatus, perDay] = await Promise.all([
    base.select(['c.chapter_number', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('c.chapter_number').orderBy('c.chapter_number').execute(),
    base
      .select(['c.chapter_number', 'c.block_number', (eb) => eb.fn.countAll<number>().as('n')])
      .where('c.block_number', 'is not', null)
      .groupBy(['c.chapter_number', 'c.block_number'])
      .execute(),
    base.select(['o.kind', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('o.kind').execute(),
    base.select(['c.moderation_status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('c.moderation_status').execute(),
    base
      .select([sql<string>`substr(c.submitted_at, 1, 10)`.as('day'), (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(sql`substr(c.submitted_at, 1, 10)`)
      .orderBy(sql`substr(c.submitted_at, 1, 10)`)
      .execute(),
  ]);
  return {
    perChapter: perChapter.map((r) => ({ chapter: r.chapter_number, count: Number(r.n) })),
    perBlock: perBlock.map((r) => ({ chapter: r.chapter_number!, block: r.block_number!, count: Number(r.n) })),
    perOrganisationKind: perKind.map((r) => ({ kind: r.kind, count: Number(r.n) })),
    perStatus: perStatus.map((r) => ({ status: r.moderation_status, count: Number(r.n) })),
    perDay: perDay.map((r) => ({ day: r.day, count: Number(r.n) })),
  };
}
