import type { ConsultationStatus } from '../../enums.ts';
import { fail, invalid, ok, type Result } from '../../result.ts';
import { can, type Actor } from '../accounts/access.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Db } from '../platform/db.ts';
import { findConsultation, findConsultationById, type Consultation } from './consultations.ts';
import type { ConsultationInput } from './input.ts';

/**
 * What administrators decide about a consultation: create it, move it through its statuses, archive
 * it, and say which moderators work on it. Every change is audited in its own transaction.
 *
 * `actor` is the signed-in person, or `null` for the operator at the command line (src/cli/admin.ts),
 * who is trusted as the server's own account is and is audited with no user.
 */
export type ConsultationActor = Actor | null;

export interface CommandContext {
  ip?: string | null;
}

const notAllowed = () => fail('forbidden', (t) => t.access.notAllowed);
const notFound = () => fail('not_found', (t) => t.consultationAdmin.errors.notFound);

function allowed(actor: ConsultationActor): boolean {
  return actor === null || can(actor, 'administer');
}

/** The statuses a consultation may move to from each status. */
export const STATUS_TRANSITIONS: Readonly<Record<ConsultationStatus, readonly ConsultationStatus[]>> = {
  preparation: ['open'],
  open: ['closed'],
  closed: ['open', 'report_published'],
  report_published: [],
};

export function canMove(from: ConsultationStatus, to: ConsultationStatus): boolean {
  return STATUS_TRANSITIONS[from].includes(to);
}

/** A new consultation, in preparation; its owner a government organisation of the directory. */
export async function createConsultation(db: Db, actor: ConsultationActor, input: ConsultationInput, context: CommandContext = {}): Promise<Result<Consultation>> {
  if (!allowed(actor)) return notAllowed();
  const owner = await db.selectFrom('organisations').select(['id', 'kind']).where('code', '=', input.owner.toUpperCase()).executeTakeFirst();
  if (!owner || owner.kind !== 'government') return invalid({ owner: (t) => t.consultationAdmin.errors.ownerInvalid });
  const slug = input.slug;
  const taken = () => fail('conflict', undefined, { slug: (t) => t.consultationAdmin.errors.slugTaken(slug) });
  if (await findConsultation(db, slug)) return taken();
  const values = {
    slug,
    title: input.title,
    short_title: input.shortTitle,
    owner_organisation_id: owner.id,
    case_number: input.caseNumber,
    description: input.description,
    invited: input.invited,
    status: 'preparation' as const,
  };
  const id = await db.transaction().execute(async (trx) => {
    // Two administrators creating the same slug at once: the unique index settles it.
    const row = await trx.insertInto('consultations').values(values).onConflict((oc) => oc.column('slug').doNothing()).returning('id').executeTakeFirst();
    if (!row) return undefined;
    await recordAudit(trx, { actorUserId: actor?.id ?? null, action: 'consultation.create', targetType: 'consultation', targetId: row.id, after: values, ip: context.ip });
    return row.id;
  });
  if (id === undefined) return taken();
  return ok((await findConsultationById(db, id))!);
}

/** preparation → open → closed → report_published, and a closed consultation may be reopened. */
export async function setConsultationStatus(db: Db, actor: ConsultationActor, slug: string, status: ConsultationStatus, context: CommandContext = {}): Promise<Result<Consultation>> {
  if (!allowed(actor)) return notAllowed();
  const consultation = await findConsultation(db, slug);
  if (!consultation) return notFound();
  const from = consultation.status;
  if (!canMove(from, status)) {
    return fail('conflict', (t) => t.consultationAdmin.errors.transition(t.consultations.status[from], t.consultations.status[status]));
  }
  const moved = await db.transaction().execute(async (trx) => {
    // Only from the status this decision was made on: two administrators cannot both move it.
    const result = await trx
      .updateTable('consultations')
      .set({ status, updated_at: new Date().toISOString() })
      .where('id', '=', consultation.id)
      .where('status', '=', from)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await recordAudit(trx, { actorUserId: actor?.id ?? null, action: 'consultation.status', targetType: 'consultation', targetId: consultation.id, before: { status: from }, after: { status }, ip: context.ip });
    return true;
  });
  if (!moved) return setConsultationStatus(db, actor, slug, status, context);
  return ok({ ...consultation, status });
}

async function setArchived(db: Db, actor: ConsultationActor, slug: string, archived: boolean, context: CommandContext): Promise<Result<Consultation>> {
  if (!allowed(actor)) return notAllowed();
  const consultation = await findConsultation(db, slug);
  if (!consultation) return notFound();
  if (archived && consultation.archivedAt) return fail('conflict', (t) => t.consultationAdmin.errors.alreadyArchived);
  if (!archived && !consultation.archivedAt) return fail('conflict', (t) => t.consultationAdmin.errors.notArchived);
  const now = new Date().toISOString();
  const archivedAt = archived ? now : null;
  const changed = await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('consultations')
      .set({ archived_at: archivedAt, updated_at: now })
      .where('id', '=', consultation.id)
      .where('archived_at', archived ? 'is' : 'is not', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await recordAudit(trx, {
      actorUserId: actor?.id ?? null,
      action: archived ? 'consultation.archive' : 'consultation.unarchive',
      targetType: 'consultation',
      targetId: consultation.id,
      before: { archivedAt: consultation.archivedAt?.toISOString() ?? null },
      after: { archivedAt },
      ip: context.ip,
    });
    return true;
  });
  if (!changed) return setArchived(db, actor, slug, archived, context);
  return ok({ ...consultation, archivedAt: archivedAt ? new Date(archivedAt) : null });
}

/** Off the home page's list; its addresses keep working. */
export function archiveConsultation(db: Db, actor: ConsultationActor, slug: string, context: CommandContext = {}): Promise<Result<Consultation>> {
  return setArchived(db, actor, slug, true, context);
}

export function unarchiveConsultation(db: Db, actor: ConsultationActor, slug: string, context: CommandContext = {}): Promise<Result<Consultation>> {
  return setArchived(db, actor, slug, false, context);
}

export interface ModeratorRow {
  id: number;
  name: string;
  email: string;
}

/** The moderators assigned to a consultation, by name. */
export async function consultationModerators(db: Db, consultationId: number): Promise<ModeratorRow[]> {
  return db
    .selectFrom('consultation_moderators as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .where('m.consultation_id', '=', consultationId)
    .select(['u.id', 'u.name', 'u.email'])
    .orderBy('u.name')
    .orderBy('u.id')
    .execute();
}

/** Every active person with the moderator role: who can be assigned to a consultation. */
export async function activeModerators(db: Db): Promise<ModeratorRow[]> {
  return db.selectFrom('users').where('role', '=', 'moderator').where('status', '=', 'active').select(['id', 'name', 'email']).orderBy('name').orderBy('id').execute();
}

/** A moderator works on the consultations assigned to them (administrators moderate all of them). */
export async function assignModerator(db: Db, actor: ConsultationActor, slug: string, userId: number, context: CommandContext = {}): Promise<Result> {
  if (!allowed(actor)) return notAllowed();
  const consultation = await findConsultation(db, slug);
  if (!consultation) return notFound();
  const user = await db.selectFrom('users').select(['id', 'role', 'status', 'email']).where('id', '=', userId).executeTakeFirst();
  if (!user || user.role !== 'moderator' || user.status !== 'active') return invalid({ userId: (t) => t.consultationAdmin.errors.notModerator });
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('consultation_moderators')
      .values({ consultation_id: consultation.id, user_id: user.id })
      .onConflict((oc) => oc.doNothing())
      .returning('user_id')
      .executeTakeFirst();
    if (!row) return fail('conflict', undefined, { userId: (t) => t.consultationAdmin.errors.alreadyAssigned });
    await recordAudit(trx, { actorUserId: actor?.id ?? null, action: 'consultation.moderator.assign', targetType: 'consultation', targetId: consultation.id, after: { userId: user.id, email: user.email }, ip: context.ip });
    return ok();
  });
}

export async function unassignModerator(db: Db, actor: ConsultationActor, slug: string, userId: number, context: CommandContext = {}): Promise<Result> {
  if (!allowed(actor)) return notAllowed();
  const consultation = await findConsultation(db, slug);
  if (!consultation) return notFound();
  return db.transaction().execute(async (trx) => {
    const result = await trx.deleteFrom('consultation_moderators').where('consultation_id', '=', consultation.id).where('user_id', '=', userId).executeTakeFirst();
    if (Number(result.numDeletedRows) !== 1) return fail('conflict', (t) => t.consultationAdmin.errors.notAssigned);
    await recordAudit(trx, { actorUserId: actor?.id ?? null, action: 'consultation.moderator.unassign', targetType: 'consultation', targetId: consultation.id, before: { userId }, ip: context.ip });
    return ok();
  });
}
