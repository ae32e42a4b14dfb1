import { fail, ok, type Result } from '../../result.ts';
import type { Role } from '../../enums.ts';
import { can, type Actor } from '../accounts/access.ts';
import { insertInvitations } from '../accounts/invitations.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Db } from '../platform/db.ts';
import { deliverSoon } from '../platform/mail.ts';
import type { ImportProblem } from './invitation-import.ts';

/**
 * Invitations from a CSV, the preview's read model and step two: sending. One transaction creates
 * every invitation and queues its mail — all or nothing: a row that would be invited but is no
 * longer valid (an account or another invitation created for the address since the preview, its
 * organisation gone) refuses the whole send with the lines, and nothing is stored.
 */

export const IMPORT_PAGE_SIZE = 100;
/** How many rows with an open invitation get a checkbox of their own (the rest: all or none). */
export const REPLACE_CHOICES = 200;
export const IMPORT_VIEWS = ['all', 'problems', 'pending', 'valid'] as const;
export type ImportView = (typeof IMPORT_VIEWS)[number];

export async function findImport(db: Db, actor: Actor, importId: number, now = new Date()) {
  if (!can(actor, 'administer')) return undefined;
  return db
    .selectFrom('invitation_imports')
    .selectAll()
    .where('id', '=', importId)
    .where('created_by', '=', actor.id)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
}

function rowsOf(db: Db, importId: number, view: ImportView) {
  let query = db.selectFrom('invitation_import_rows as r').where('r.import_id', '=', importId);
  if (view === 'problems') query = query.where('r.problem', 'is not', null).where('r.problem', '!=', 'pending');
  if (view === 'pending') query = query.where('r.problem', '=', 'pending');
  if (view === 'valid') query = query.where('r.problem', 'is', null);
  return query;
}

/** The preview: the counts by outcome, one page of rows (of a view) and the rows one may choose to replace. */
export async function loadImportPreview(db: Db, actor: Actor, importId: number, view: ImportView, page: number) {
  const imported = await findImport(db, actor, importId);
  if (!imported) return undefined;
  const byProblem = await db
    .selectFrom('invitation_import_rows')
    .select(['problem', (eb) => eb.fn.countAll<number>().as('n')])
    .where('import_id', '=', importId)
    .groupBy('problem')
    .execute();
  const counts = new Map(byProblem.map((r) => [r.problem as ImportProblem | null, Number(r.n)]));
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const inView = Number((await rowsOf(db, importId, view).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const pages = Math.max(1, Math.ceil(inView / IMPORT_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const columns = ['r.line', 'r.organisation_code', 'r.email', 'r.name', 'r.role', 'r.problem', 'r.pending_role', 'r.pending_since', 'o.name as organisation_name'] as const;
  const rows = await rowsOf(db, importId, view)
    .leftJoin('organisations as o', 'o.id', 'r.organisation_id')
    .select(columns)
    .orderBy('r.line')
    .limit(IMPORT_PAGE_SIZE)
    .offset((current - 1) * IMPORT_PAGE_SIZE)
    .execute();
  const replaceable = await rowsOf(db, importId, 'pending').select(['r.line', 'r.email']).orderBy('r.line').limit(REPLACE_CHOICES).execute();
  return { imported, counts, total, view, inView, page: current, pages, rows, replaceable };
}

export type ImportPreview = NonNullable<Awaited<ReturnType<typeof loadImportPreview>>>;

export interface ReplaceChoice {
  all: boolean;
  lines: readonly number[];
}

/** Sends the import: every valid row and the chosen rows with an open invitation; all or nothing. */
export async function sendImport(
  db: Db,
  actor: Actor & { name: string },
  importId: number,
  replace: ReplaceChoice,
  publicUrl: string,
  ip: string | null,
  now = new Date(),
): Promise<Result<{ sent: number }>> {
  if (!can(actor, 'administer')) return fail('forbidden');
  const lines = replace.lines.slice(0, REPLACE_CHOICES);
  const result = await db.transaction().execute(async (trx): Promise<Result<{ sent: number }>> => {
    const imported = await findImport(trx, actor, importId, now);
    if (!imported || imported.sent_at) return fail('not_found', (t) => t.onboarding.import.expiredImport);
    const chosen = () =>
      trx
        .selectFrom('invitation_import_rows as r')
        .where('r.import_id', '=', importId)
        .where((eb) =>
          eb.or([
            eb('r.problem', 'is', null),
            replace.all ? eb('r.problem', '=', 'pending') : lines.length ? eb.and([eb('r.problem', '=', 'pending'), eb('r.line', 'in', lines)]) : eb.val(0).$castTo<boolean>(),
          ]),
        );
    const changed = await chosen()
      .leftJoin('organisations as o', 'o.id', 'r.organisation_id')
      .where((eb) =>
        eb.or([
          eb('o.id', 'is', null),
          eb.exists(eb.selectFrom('users as u').select('u.id').whereRef('u.email', '=', 'r.email')),
          eb.and([
            eb('r.problem', 'is', null),
            eb.exists(
              eb
                .selectFrom('invitations as i')
                .select('i.id')
                .whereRef('i.email', '=', 'r.email')
                .where('i.accepted_at', 'is', null)
                .where('i.revoked_at', 'is', null)
                .where('i.expires_at', '>', now.toISOString()),
            ),
          ]),
        ]),
      )
      .select('r.line')
      .orderBy('r.line')
      .limit(20)
      .execute();
    if (changed.length > 0) {
      const list = changed.map((r) => r.line).join(', ');
      return fail('conflict', (t) => t.onboarding.import.changed(list));
    }
    let sent = 0;
    let replaced = 0;
    for (let after = 0; ; ) {
      const batch = await chosen()
        .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
        .select(['r.line', 'r.email', 'r.name', 'r.role', 'r.problem', 'o.id as organisation_id', 'o.name as organisation_name'])
        .where('r.line', '>', after)
        .orderBy('r.line')
        .limit(500)
        .execute();
      if (batch.length === 0) break;
      const invitations = batch.map((row) => ({ email: row.email, organisation: { id: row.organisation_id, name: row.organisation_name }, role: row.role as Role, name: row.name }));
      await insertInvitations(trx, invitations, actor, publicUrl, ip, now);
      sent += batch.length;
      replaced += batch.filter((row) => row.problem === 'pending').length;
      after = batch.at(-1)!.line;
    }
    await trx.updateTable('invitation_imports').set({ sent_at: now.toISOString(), sent_count: sent }).where('id', '=', importId).execute();
    await recordAudit(trx, {
      actorUserId: actor.id,
      action: 'invitation.import',
      targetType: 'invitation_import',
      targetId: importId,
      after: { file: imported.file_name, sent, replaced },
      ip,
    });
    return ok({ sent });
  });
  if (result.ok) deliverSoon();
  return result;
}
