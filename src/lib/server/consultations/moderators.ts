import type { Kysely } from 'kysely';
import type { Actor } from '../accounts/access.ts';
import { can } from '../accounts/access.ts';
import type { Db } from '../platform/db.ts';
import type { Database } from '../platform/schema.ts';
import { listConsultations, type Consultation } from './consultations.ts';

/**
 * Who moderates which consultation — the one rule, asked by every moderation page and command:
 * an administrator moderates every consultation; a moderator only those they are assigned to
 * (consultation_moderators); nobody else any. tests/unit/access.test.ts has a test for each case.
 */

/** May the actor moderate this consultation's comments? */
export async function mayModerate(db: Kysely<Database>, actor: Actor | null | undefined, consultationId: number): Promise<boolean> {
  if (!actor || !can(actor, 'moderate')) return false;
  if (actor.role === 'admin') return true;
  const row = await db
    .selectFrom('consultation_moderators')
    .select('user_id')
    .where('consultation_id', '=', consultationId)
    .where('user_id', '=', actor.id)
    .executeTakeFirst();
  return !!row;
}

/** The consultations the actor moderates (not archived ones), newest first; none for anyone who does not moderate. */
export async function moderatedConsultations(db: Db, actor: Actor | null | undefined): Promise<Consultation[]> {
  if (!actor || !can(actor, 'moderate')) return [];
  const all = await listConsultations(db);
  if (actor.role === 'admin') return all;
  const assigned = new Set(
    (await db.selectFrom('consultation_moderators').select('consultation_id').where('user_id', '=', actor.id).execute()).map((r) => r.consultation_id),
  );
  return all.filter((c) => assigned.has(c.id));
}

/** The people who may moderate a consultation (active administrators and its assigned moderators), by name: whom its comments can be assigned to. */
export async function consultationModerators(db: Kysely<Database>, consultationId: number): Promise<Array<{ id: number; name: string }>> {
  return db
    .selectFrom('users as u')
    .select(['u.id', 'u.name'])
    .where('u.status', '=', 'active')
    .where((eb) =>
      eb.or([
        eb('u.role', '=', 'admin'),
        eb.and([
          eb('u.role', '=', 'moderator'),
          eb.exists(eb.selectFrom('consultation_moderators as m').select('m.user_id').whereRef('m.user_id', '=', 'u.id').where('m.consultation_id', '=', consultationId)),
        ]),
      ]),
    )
    .orderBy('u.name')
    .execute();
}
