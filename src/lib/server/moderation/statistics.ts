import { sql } from 'kysely';
import type { Db } from '../platform/db.ts';
import { ljubljanaToday } from '../../time.ts';
import { STANCE_FILTERS } from './queue.ts';

/**
 * Figures for the moderators' statistics page: a consultation's submitted comments, hidden ones
 * included, their stances by state, and how many were withdrawn.
 */
export async function statistics(db: Db, consultationId: number) {
  const base = db
    .selectFrom('comments as c')
    .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
    .where('c.consultation_id', '=', consultationId)
    .where('c.state', '=', 'submitted');
  const [perChapter, perBlock, perKind, perStatus, perDay, perStance, withdrawn] = await Promise.all([
    base.select(['c.chapter_number', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('c.chapter_number').orderBy('c.chapter_number').execute(),
    base
      .select(['c.chapter_number', 'c.block_number', (eb) => eb.fn.countAll<number>().as('n')])
      .where('c.block_number', 'is not', null)
      .groupBy(['c.chapter_number', 'c.block_number'])
      .execute(),
    base.select(['o.kind', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('o.kind').execute(),
    base.select(['c.moderation_status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('c.moderation_status').execute(),
    // By the UTC hour in the database, summed into Ljubljana calendar days below (an hour never
    // straddles two Ljubljana days).
    base
      .select([sql<string>`substr(c.submitted_at, 1, 13)`.as('hour'), (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(sql`substr(c.submitted_at, 1, 13)`)
      .orderBy(sql`substr(c.submitted_at, 1, 13)`)
      .execute(),
    stanceCounts(db, consultationId),
    db
      .selectFrom('comments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('consultation_id', '=', consultationId)
      .where('state', '=', 'withdrawn')
      .executeTakeFirst(),
  ]);
  return {
    perChapter: perChapter.map((r) => ({ chapter: r.chapter_number, count: Number(r.n) })),
    perBlock: perBlock.map((r) => ({ chapter: r.chapter_number!, block: r.block_number!, count: Number(r.n) })),
    perOrganisationKind: perKind.map((r) => ({ kind: r.kind, count: Number(r.n) })),
    perStatus: perStatus.map((r) => ({ status: r.moderation_status, count: Number(r.n) })),
    perDay: ljubljanaDays(perDay.map((r) => ({ hour: r.hour, count: Number(r.n) }))),
    /** Every state, in the order of the work (no stance, drafted, returned, approved, published), zeros included. */
    perStance,
    withdrawn: Number(withdrawn?.n ?? 0),
  };
}

/**
 * A consultation's submitted comments by the state of their stance, in the order of the work (no
 * stance, drafted, returned, approved, published), zeros included.
 */
export async function stanceCounts(db: Db, consultationId: number): Promise<Array<{ state: (typeof STANCE_FILTERS)[number]; count: number }>> {
  const rows = await db
    .selectFrom('comments as c')
    .leftJoin('stances as s', 's.comment_id', 'c.id')
    .select(['s.state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('c.consultation_id', '=', consultationId)
    .where('c.state', '=', 'submitted')
    .groupBy('s.state')
    .execute();
  const counts = new Map(rows.map((r) => [r.state ?? 'none', Number(r.n)]));
  return STANCE_FILTERS.map((state) => ({ state, count: counts.get(state) ?? 0 }));
}

/** Counts per UTC hour ("2026-11-05T23") → counts per Ljubljana day ("2026-11-06"), in order. */
function ljubljanaDays(hours: Array<{ hour: string; count: number }>): Array<{ day: string; count: number }> {
  const days = new Map<string, number>();
  for (const { hour, count } of hours) {
    const day = ljubljanaToday(new Date(`${hour}:00:00Z`));
    days.set(day, (days.get(day) ?? 0) + count);
  }
  return [...days].map(([day, count]) => ({ day, count }));
}
