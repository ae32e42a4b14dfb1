import { z } from 'astro/zod';
import { sql, type Kysely } from 'kysely';
import { t } from '../../../i18n/index.ts';
import { can, type Actor } from '../accounts/access.ts';
import { recordAudit } from '../platform/audit.ts';
import { anchorRow, commentInput, type CommentAnchor } from '../comments/input.ts';
import { anchorColumns } from '../comments/row.ts';
import { windowState } from '../comments/consultation-window.ts';
import type { Db } from '../platform/db.ts';
import { failure, parseForm, type FormFailure } from '../web/forms.ts';
import { deliverSoon, queueMail } from '../platform/mail.ts';
import type { Database, ModerationStatus } from '../platform/schema.ts';
import { containsText, isUniqueViolation } from '../platform/sql.ts';
import { ljubljanaTimeToInstant, ljubljanaToday, parseDate } from '../../time.ts';

/**
 * What the ministry's moderators do: the queue, decisions with public responses, internal notes, tags,
 * assignment, hiding, and comments received by e-mail or post. Every change is audited; the
 * commenting organisation is told of decisions and of hiding by e-mail (through the outbox).
 */

const m = t.moderation;
export { DECISIONS, HIDE_REASONS, MODERATION_STATUSES as STATUSES } from '../../enums.ts';
import { DECISIONS, HIDE_REASONS, MODERATION_STATUSES as STATUSES } from '../../enums.ts';
export const PAGE_SIZE = 25;
const MAX_RESPONSE = 10_000;
const MAX_NOTE = 5000;

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const optionalId = z.union([z.literal(''), id]).optional().transform((v) => (v === '' ? undefined : v));
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values).optional().catch(undefined);

export const queueFilterSchema = z.object({
  chapter: z.string().regex(/^[a-z0-9-]{1,80}$/).optional().catch(undefined),
  block: z.string().regex(/^\d{1,3}\.\d{1,4}$/).optional().catch(undefined),
  organisation: optionalId.catch(undefined),
  orgKind: optionalEnum(['municipality', 'association', 'government', 'other'] as const),
  kind: optionalEnum(['comment', 'amendment', 'question'] as const),
  status: optionalEnum(STATUSES),
  assignee: z.union([z.literal('none'), z.literal('me'), id]).optional().catch(undefined),
  tag: z.string().trim().max(40).optional().catch(undefined).transform((v) => v || undefined),
  late: z.literal('1').optional().catch(undefined),
  hidden: z.literal('1').optional().catch(undefined),
  text: z.string().trim().max(200).optional().catch(undefined).transform((v) => v || undefined),
  sort: optionalEnum(['submitted', '-submitted', 'block', 'organisation', 'status'] as const),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
export type QueueFilter = z.infer<typeof queueFilterSchema>;

export function parseQueueFilter(params: URLSearchParams): QueueFilter {
  return queueFilterSchema.parse(Object.fromEntries([...params.entries()].filter(([, v]) => v !== '')));
}

/** The queue: submitted comments (withdrawn ones are gone), filtered, sorted and paginated on the server. */
export async function listQueue(db: Db, filter: QueueFilter, viewerId: number) {
  // Filters only on the comments table (organisations through subqueries), so that counting the
  // matches — needed for the pages — reads an index rather than joining every row.
  let query = db.selectFrom('comments as c').where('c.state', '=', 'submitted');
  if (filter.chapter) query = query.where('c.chapter_slug', '=', filter.chapter);
  if (filter.block) query = query.where('c.block_number', '=', filter.block);
  if (filter.organisation) query = query.where('c.organisation_id', '=', filter.organisation);
  if (filter.orgKind) {
    const kind = filter.orgKind;
    query = query.where('c.organisation_id', 'in', (eb) => eb.selectFrom('organisations').select('id').where('kind', '=', kind));
  }
  if (filter.kind) query = query.where('c.kind', '=', filter.kind);
  if (filter.status) query = query.where('c.moderation_status', '=', filter.status);
  if (filter.assignee === 'none') query = query.where('c.assignee_user_id', 'is', null);
  else if (filter.assignee === 'me') query = query.where('c.assignee_user_id', '=', viewerId);
  else if (filter.assignee) query = query.where('c.assignee_user_id', '=', filter.assignee);
  if (filter.tag) {
    const tag = filter.tag;
    query = query.where((eb) => eb.exists(eb.selectFrom('comment_tags as g').select('g.tag').whereRef('g.comment_id', '=', 'c.id').where('g.tag', '=', tag)));
  }
  if (filter.late) query = query.where('c.late', '=', 1);
  if (filter.hidden) query = query.where('c.hidden', '=', 1);
  if (filter.text) {
    const text = filter.text;
    query = query.where((eb) =>
      eb.or([
        containsText(eb.ref('c.body'), text),
        containsText(eb.ref('c.proposed_text'), text),
        eb('c.organisation_id', 'in', eb.selectFrom('organisations as n').select('n.id').where((e) => containsText(e.ref('n.name'), text))),
      ]),
    );
  }

  const total = Number((await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(filter.page ?? 1, pageCount);

  let ordered = query
    .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
    .leftJoin('users as a', 'a.id', 'c.assignee_user_id')
    .select([
    'c.id',
    'c.kind',
    'c.chapter_slug',
    'c.chapter_number',
    'c.block_number',
    'c.body',
    'c.moderation_status',
    'c.submitted_at',
    'c.late',
    'c.hidden',
    'c.received_via',
    'o.name as organisation_name',
    'o.kind as organisation_kind',
    'a.name as assignee_name',
  ]);
  switch (filter.sort) {
    case 'submitted':
      ordered = ordered.orderBy('c.submitted_at', 'asc');
      break;
    case 'block':
      ordered = ordered.orderBy('c.chapter_number').orderBy(sql`cast(substr(c.block_number, instr(c.block_number, '.') + 1) as integer)`);
      break;
    case 'organisation':
      ordered = ordered.orderBy('o.short_name');
      break;
    case 'status':
      ordered = ordered.orderBy('c.moderation_status');
      break;
    default:
      ordered = ordered.orderBy('c.submitted_at', 'desc');
  }
  const rows = await ordered.orderBy('c.id', 'desc').limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE).execute();
  const tags = rows.length
    ? await db.selectFrom('comment_tags').select(['comment_id', 'tag']).where('comment_id', 'in', rows.map((r) => r.id)).orderBy('tag').execute()
    : [];
  return {
    rows: rows.map((r) => ({ ...r, tags: tags.filter((g) => g.comment_id === r.id).map((g) => g.tag) })),
    total,
    page,
    pageCount,
  };
}

export async function moderatorsList(db: Db) {
  return db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('role', 'in', ['moderator', 'admin'])
    .where('status', '=', 'active')
    .orderBy('name')
    .execute();
}

export async function allTags(db: Db): Promise<string[]> {
  return (await db.selectFrom('comment_tags').select('tag').distinct().orderBy('tag').execute()).map((r) => r.tag);
}

type Result = { ok: true } | { ok: false; message: string; status: 400 | 403 | 404 };
const denied: Result = { ok: false, message: t.access.notAllowed, status: 403 };

async function commentFor(db: Kysely<Database>, commentId: number) {
  return db.selectFrom('comments').selectAll().where('id', '=', commentId).where('state', '=', 'submitted').executeTakeFirst();
}

const tagSchema = z.string().trim().min(1).max(40).regex(/^[\p{L}\p{N} _-]+$/u);

/** Bulk actions on a selection from the queue: assign, add a tag, or put in review. */
export async function bulkAction(db: Db, actor: Actor, values: Record<string, string>, ip: string | null): Promise<Result & { count?: number }> {
  if (!can(actor, 'moderate')) return denied;
  const ids = Object.keys(values)
    .map((k) => /^select\.(\d{1,9})$/.exec(k)?.[1])
    .filter((v): v is string => !!v)
    .map(Number);
  if (ids.length === 0) return { ok: false, message: m.errors.nothingSelected, status: 400 };
  const action = values.bulk;
  let change: (commentId: number, trx: Kysely<Database>) => Promise<{ before: unknown; after: unknown } | undefined>;
  if (action === 'assign') {
    const assignee = values.assignee === '' || values.assignee === 'none' ? null : id.safeParse(values.assignee).data;
    if (assignee === undefined) return { ok: false, message: m.errors.assigneeRequired, status: 400 };
    if (assignee !== null && !(await moderatorsList(db)).some((u) => u.id === assignee)) return { ok: false, message: m.errors.assigneeRequired, status: 400 };
    change = async (commentId, trx) => {
      const before = await commentFor(trx, commentId);
      if (!before || before.assignee_user_id === assignee) return undefined;
      await trx.updateTable('comments').set({ assignee_user_id: assignee }).where('id', '=', commentId).execute();
      return { before: { assignee: before.assignee_user_id }, after: { assignee } };
    };
  } else if (action === 'tag') {
    const tag = tagSchema.safeParse(values.tag);
    if (!tag.success) return { ok: false, message: m.errors.tagInvalid, status: 400 };
    change = async (commentId, trx) => {
      if (!(await commentFor(trx, commentId))) return undefined;
      const result = await trx.insertInto('comment_tags').values({ comment_id: commentId, tag: tag.data }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0 ? { before: null, after: { tag: tag.data } } : undefined;
    };
  } else if (action === 'in_review') {
    change = async (commentId, trx) => {
      const before = await commentFor(trx, commentId);
      if (!before || before.moderation_status !== 'new') return undefined;
      await trx.updateTable('comments').set({ moderation_status: 'in_review' }).where('id', '=', commentId).execute();
      return { before: { status: 'new' }, after: { status: 'in_review' } };
    };
  } else {
    return { ok: false, message: m.errors.actionRequired, status: 400 };
  }
  let count = 0;
  await db.transaction().execute(async (trx) => {
    for (const commentId of ids) {
      const changed = await change(commentId, trx);
      if (!changed) continue;
      count++;
      await recordAudit(trx, { actorUserId: actor.id, action: `comment.${action === 'in_review' ? 'status_changed' : action === 'assign' ? 'assigned' : 'tagged'}`, targetType: 'comment', targetId: commentId, ...changed, ip });
    }
  });
  return { ok: true, count };
}

async function notifyOrganisation(trx: Kysely<Database>, organisationId: number, subject: string, text: string) {
  const members = await trx.selectFrom('users').select('email').where('organisation_id', '=', organisationId).where('status', '=', 'active').execute();
  for (const member of members) await queueMail(trx, { to: member.email, subject, text });
}

const decisionSchema = z
  .object({
    status: z.enum(STATUSES, { error: m.errors.decisionRequired }),
    response: z
      .string()
      .optional()
      .transform((v) => (v ?? '').trim())
      .pipe(z.string().max(MAX_RESPONSE, { error: m.errors.responseTooLong(MAX_RESPONSE) })),
  })
  .superRefine((value, ctx) => {
    if ((DECISIONS as readonly string[]).includes(value.status) && value.status !== 'accepted' && !value.response) {
      ctx.addIssue({ code: 'custom', path: ['response'], message: m.errors.responseRequired });
    }
  });

/**
 * Records a decision (or moves a comment between new and in review). Every decision but
 * "upoštevana" needs a public response explaining it. The organisation is told by e-mail.
 */
export async function decide(db: Db, actor: Actor, commentId: number, values: Record<string, string>, baseUrl: string, ip: string | null): Promise<{ ok: true } | FormFailure | { ok: false; message: string; status: 403 | 404 }> {
  if (!can(actor, 'moderate')) return { ok: false, message: t.access.notAllowed, status: 403 };
  const parsed = parseForm(decisionSchema, values);
  if (!parsed.ok) return parsed;
  const { status, response } = parsed.data;
  const comment = await commentFor(db, commentId);
  if (!comment) return { ok: false, message: m.errors.notFound, status: 404 };
  const isDecision = (DECISIONS as readonly string[]).includes(status);
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('comments')
      .set({
        moderation_status: status as ModerationStatus,
        response: response || null,
        decided_at: isDecision ? now : null,
        decided_by_user_id: isDecision ? actor.id : null,
      })
      .where('id', '=', commentId)
      .execute();
    await recordAudit(trx, {
      actorUserId: actor.id,
      action: isDecision ? 'comment.decided' : 'comment.status_changed',
      targetType: 'comment',
      targetId: commentId,
      before: { status: comment.moderation_status, response: comment.response },
      after: { status, response: response || null },
      ip,
    });
    const changed = comment.moderation_status !== status || (comment.response ?? '') !== response;
    if (isDecision && changed) {
      await notifyOrganisation(trx, comment.organisation_id, m.mail.decisionSubject(commentId), m.mail.decisionBody(commentId, t.comments.statuses[status], response || null, `${baseUrl}/pripombe/${commentId}`));
    }
  });
  deliverSoon();
  return { ok: true };
}

export async function addNote(db: Db, actor: Actor, commentId: number, body: string, ip: string | null): Promise<Result> {
  if (!can(actor, 'moderate')) return denied;
  const text = body.trim();
  if (!text) return { ok: false, message: m.errors.noteRequired, status: 400 };
  if (text.length > MAX_NOTE) return { ok: false, message: m.errors.noteTooLong(MAX_NOTE), status: 400 };
  if (!(await commentFor(db, commentId))) return { ok: false, message: m.errors.notFound, status: 404 };
  await db.transaction().execute(async (trx) => {
    const note = await trx.insertInto('comment_notes').values({ comment_id: commentId, author_user_id: actor.id, body: text, created_at: new Date().toISOString() }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, { actorUserId: actor.id, action: 'comment.note_added', targetType: 'comment', targetId: commentId, after: { noteId: note.id }, ip });
  });
  return { ok: true };
}

/** Replaces a comment's tags with the comma-separated list given. */
export async function setTags(db: Db, actor: Actor, commentId: number, list: string, ip: string | null): Promise<Result> {
  if (!can(actor, 'moderate')) return denied;
  const tags = [...new Set(list.split(',').map((s) => s.trim()).filter(Boolean))];
  if (tags.some((tag) => !tagSchema.safeParse(tag).success) || tags.length > 20) return { ok: false, message: m.errors.tagInvalid, status: 400 };
  if (!(await commentFor(db, commentId))) return { ok: false, message: m.errors.notFound, status: 404 };
  await db.transaction().execute(async (trx) => {
    const before = (await trx.selectFrom('comment_tags').select('tag').where('comment_id', '=', commentId).orderBy('tag').execute()).map((r) => r.tag);
    await trx.deleteFrom('comment_tags').where('comment_id', '=', commentId).execute();
    if (tags.length) await trx.insertInto('comment_tags').values(tags.map((tag) => ({ comment_id: commentId, tag }))).execute();
    await recordAudit(trx, { actorUserId: actor.id, action: 'comment.tags_set', targetType: 'comment', targetId: commentId, before, after: [...tags].sort(), ip });
  });
  return { ok: true };
}

export async function assign(db: Db, actor: Actor, commentId: number, assignee: string, ip: string | null): Promise<Result> {
  return bulkAction(db, actor, { bulk: 'assign', assignee, [`select.${commentId}`]: '1' }, ip);
}

/** Hides or shows a comment; hiding needs a reason, which the organisation is told by e-mail. */
export async function setHidden(db: Db, actor: Actor, commentId: number, values: Record<string, string>, baseUrl: string, ip: string | null): Promise<Result> {
  if (!can(actor, 'moderate')) return denied;
  const hide = values.intent === 'hide';
  const reason = HIDE_REASONS.find((r) => r === values.reason);
  if (hide && !reason) return { ok: false, message: m.errors.reasonRequired, status: 400 };
  const comment = await commentFor(db, commentId);
  if (!comment) return { ok: false, message: m.errors.notFound, status: 404 };
  if ((comment.hidden === 1) === hide) return { ok: true };
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('comments').set({ hidden: hide ? 1 : 0, hidden_reason: hide ? reason! : null }).where('id', '=', commentId).execute();
    await recordAudit(trx, {
      actorUserId: actor.id,
      action: hide ? 'comment.hidden' : 'comment.unhidden',
      targetType: 'comment',
      targetId: commentId,
      before: { hidden: comment.hidden === 1, reason: comment.hidden_reason },
      after: { hidden: hide, reason: hide ? reason : null },
      ip,
    });
    if (hide) {
      await notifyOrganisation(trx, comment.organisation_id, m.mail.hiddenSubject(commentId), m.mail.hiddenBody(commentId, m.hideReasons[reason!], `${baseUrl}/pripombe/${commentId}`));
    }
  });
  deliverSoon();
  return { ok: true };
}

const recordSchema = z.object({
  organisationId: z.coerce.number({ error: m.errors.organisationRequired }).int().positive({ error: m.errors.organisationRequired }),
  receivedVia: z.enum(['email', 'post'], { error: m.errors.receivedViaRequired }),
  // Asked for as people write a date, "3. 2. 2027"; kept as "2027-02-03".
  receivedOn: z
    .string({ error: m.errors.receivedOnRequired })
    .trim()
    .min(1, { error: m.errors.receivedOnRequired })
    .refine((v) => parseDate(v) !== undefined, { error: m.errors.receivedOnInvalid })
    .transform((v) => parseDate(v)!),
});

/**
 * A moderator enters a comment that arrived by e-mail or post, on behalf of the organisation that
 * sent it. It is submitted at once, dated the day it was received, and flagged late if that day
 * was after the window closed. The same form sent again (or twice at once) answers with the comment
 * it recorded the first time.
 */
export async function recordReceivedComment(
  db: Db,
  actor: Actor,
  anchor: CommentAnchor,
  values: Record<string, string>,
  ip: string | null,
  now = new Date(),
): Promise<{ ok: true; id: number } | FormFailure> {
  if (!can(actor, 'moderate')) return failure({ _form: t.access.notAllowed }, values);
  const meta = parseForm(recordSchema, values);
  const content = parseForm(commentInput(t), values);
  if (!meta.ok || !content.ok) return failure({ ...(meta.ok ? {} : meta.errors), ...(content.ok ? {} : content.errors) }, values);
  const organisation = await db.selectFrom('organisations').select(['id', 'kind']).where('id', '=', meta.data.organisationId).executeTakeFirst();
  if (!organisation || organisation.kind === 'government') return failure({ organisationId: m.errors.organisationRequired }, values);
  // Received that day at noon, Ljubljana time; the day (parsing refused 30. 2.) may not be later
  // than today in Ljubljana.
  if (meta.data.receivedOn > ljubljanaToday(now)) return failure({ receivedOn: m.errors.receivedOnFuture }, values);
  const received = ljubljanaTimeToInstant(`${meta.data.receivedOn}T12:00`);
  const late = windowState(anchor.window, received) === 'closed' ? 1 : 0;
  const data = content.data;
  const recordedBefore = async (): Promise<{ ok: true; id: number } | FormFailure | undefined> => {
    if (!data.idempotencyKey) return undefined;
    const earlier = await db.selectFrom('comments').select(['id', 'recorded_by_user_id']).where('idempotency_key', '=', data.idempotencyKey).executeTakeFirst();
    if (!earlier) return undefined;
    // A member's own comment keeps its key; a recorded one is answered with itself.
    return earlier.recorded_by_user_id !== null ? { ok: true, id: earlier.id } : failure({ _form: t.comments.errors.conflict }, values);
  };
  const before = await recordedBefore();
  if (before) return before;
  const record = () => db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('comments')
      .values({
        organisation_id: organisation.id,
        author_user_id: null,
        recorded_by_user_id: actor.id,
        received_via: meta.data.receivedVia,
        ...anchorColumns(anchorRow(anchor)),
        kind: data.kind,
        body: data.body,
        proposed_text: data.kind === 'amendment' ? data.proposedText : null,
        rationale: data.rationale,
        state: 'submitted',
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
        submitted_at: received.toISOString(),
        late,
        idempotency_key: data.idempotencyKey ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorUserId: actor.id,
      action: 'comment.recorded',
      targetType: 'comment',
      targetId: row.id,
      after: { organisationId: organisation.id, receivedVia: meta.data.receivedVia, receivedOn: meta.data.receivedOn, late: late === 1 },
      ip,
    });
    return row.id;
  });
  let id: number;
  try {
    id = await record();
  } catch (error) {
    const won = isUniqueViolation(error) ? await recordedBefore() : undefined;
    if (!won) throw error;
    return won;
  }
  return { ok: true, id };
}

/** Everything a moderator needs on one comment's page. */
export async function moderationDetail(db: Db, commentId: number) {
  const comment = await db
    .selectFrom('comments as c')
    .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
    .leftJoin('users as a', 'a.id', 'c.assignee_user_id')
    .leftJoin('users as r', 'r.id', 'c.recorded_by_user_id')
    .selectAll('c')
    .select(['o.name as organisation_name', 'o.kind as organisation_kind', 'a.name as assignee_name', 'r.name as recorded_by_name'])
    .where('c.id', '=', commentId)
    .where('c.state', '=', 'submitted')
    .executeTakeFirst();
  if (!comment) return undefined;
  const [tags, notes, history, supporters, joint, siblings] = await Promise.all([
    db.selectFrom('comment_tags').select('tag').where('comment_id', '=', commentId).orderBy('tag').execute(),
    db
      .selectFrom('comment_notes as n')
      .innerJoin('users as u', 'u.id', 'n.author_user_id')
      .select(['n.id', 'n.body', 'n.created_at', 'u.name as author_name'])
      .where('n.comment_id', '=', commentId)
      .orderBy('n.id')
      .execute(),
    db
      .selectFrom('audit_log as l')
      .leftJoin('users as u', 'u.id', 'l.actor_user_id')
      .select(['l.id', 'l.action', 'l.before_json', 'l.after_json', 'l.created_at', 'u.name as actor_name'])
      .where('l.target_type', '=', 'comment')
      .where('l.target_id', '=', String(commentId))
      .orderBy('l.id', 'desc')
      .execute(),
    db
      .selectFrom('comment_supports as s')
      .innerJoin('organisations as o', 'o.id', 's.organisation_id')
      .select(['o.name'])
      .where('s.comment_id', '=', commentId)
      .execute(),
    db
      .selectFrom('joint_position_members as j')
      .innerJoin('organisations as o', 'o.id', 'j.organisation_id')
      .select(['o.short_name', 'j.status'])
      .where('j.comment_id', '=', commentId)
      .execute(),
    comment.block_key
      ? db
          .selectFrom('comments as c')
          .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
          .select(['c.id', 'c.kind', 'c.moderation_status', 'c.body', 'o.name as organisation_name'])
          .where('c.version_id', '=', comment.version_id)
          .where('c.block_key', '=', comment.block_key)
          .where('c.state', '=', 'submitted')
          .where('c.id', '!=', commentId)
          .orderBy('c.submitted_at')
          .execute()
      : Promise.resolve([]),
  ]);
  return { comment, tags: tags.map((g) => g.tag), notes, history, supporters: supporters.map((s) => s.name), joint, siblings };
}
