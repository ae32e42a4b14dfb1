import { routes } from '../../../routes.ts';
import { byId, byOffset, details, type Exporting, type Section } from './paging.ts';

/** The export's sections about what the person wrote and did: comments, co-signatures, answers, notes, the audit log. */
export function* activitySections({ db, subject, ownIp, roleName, t }: Exporting): Generator<Section> {
  yield [
    'comments',
    (async function* () {
      for await (const rows of byId((after, limit) =>
        db
          .selectFrom('comments as c')
          .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
          .select([
            'c.id',
            'o.name as organisation',
            'c.version_id',
            'c.scope',
            'c.chapter_slug',
            'c.block_number',
            'c.kind',
            'c.body',
            'c.proposed_text',
            'c.rationale',
            'c.state',
            'c.created_at',
            'c.updated_at',
            'c.submitted_at',
            'c.withdrawn_at',
            'c.late',
            'c.moderation_status',
            'c.response',
            'c.hidden',
            'c.received_via',
          ])
          .where('c.author_user_id', '=', subject.id)
          .where('c.id', '>', after)
          .orderBy('c.id')
          .limit(limit)
          .execute(),
      )) {
        yield rows.map((c) => ({
          id: c.id,
          url: routes.comment(c.id),
          organisation: c.organisation,
          version: c.version_id,
          scope: c.scope,
          chapter: c.chapter_slug,
          block: c.block_number,
          kind: c.kind,
          body: c.body,
          proposedText: c.proposed_text,
          rationale: c.rationale,
          state: c.state,
          createdAt: c.created_at,
          updatedAt: c.updated_at,
          submittedAt: c.submitted_at,
          withdrawnAt: c.withdrawn_at,
          late: c.late === 1,
          moderationStatus: c.moderation_status,
          response: c.response,
          hidden: c.hidden === 1,
          receivedVia: c.received_via,
        }));
      }
    })(),
  ];

  yield [
    'coSignatures',
    (async function* () {
      for await (const rows of byOffset((offset, limit) =>
        db
          .selectFrom('comment_supports as s')
          .innerJoin('organisations as o', 'o.id', 's.organisation_id')
          .select(['s.comment_id', 'o.name as organisation', 's.created_at'])
          .where('s.user_id', '=', subject.id)
          .orderBy('s.comment_id')
          .orderBy('s.organisation_id')
          .limit(limit)
          .offset(offset)
          .execute(),
      )) {
        yield rows.map((s) => ({ commentId: s.comment_id, url: routes.comment(s.comment_id), organisation: s.organisation, createdAt: s.created_at }));
      }
    })(),
  ];

  yield [
    'jointPositionAnswers',
    (async function* () {
      for await (const rows of byOffset((offset, limit) =>
        db
          .selectFrom('joint_position_members as j')
          .innerJoin('organisations as o', 'o.id', 'j.organisation_id')
          .select(['j.comment_id', 'o.name as organisation', 'j.status', 'j.responded_at'])
          .where('j.responded_by', '=', subject.id)
          .orderBy('j.comment_id')
          .orderBy('j.organisation_id')
          .limit(limit)
          .offset(offset)
          .execute(),
      )) {
        yield rows.map((j) => ({ commentId: j.comment_id, url: routes.comment(j.comment_id), organisation: j.organisation, answer: j.status, answeredAt: j.responded_at }));
      }
    })(),
  ];

  yield [
    'internalNotes',
    (async function* () {
      for await (const rows of byId((after, limit) =>
        db
          .selectFrom('comment_notes')
          .select(['id', 'comment_id', 'body', 'created_at'])
          .where('author_user_id', '=', subject.id)
          .where('id', '>', after)
          .orderBy('id')
          .limit(limit)
          .execute(),
      )) {
        yield rows.map((n) => ({ commentId: n.comment_id, body: n.body, createdAt: n.created_at }));
      }
    })(),
  ];

  // The audit log: what the person did (with their own address), and what was done to their
  // account or their invitation (by whom only as a role, without the other person's address).
  yield [
    'auditLog',
    (async function* () {
      const invitationIds = (await db.selectFrom('invitations').select('id').where('email', '=', subject.email).execute()).map((i) => String(i.id));
      for await (const rows of byId((after, limit) =>
        db
          .selectFrom('audit_log as a')
          .leftJoin('users as actor', 'actor.id', 'a.actor_user_id')
          .select(['a.id', 'a.created_at', 'a.action', 'a.actor_user_id', 'actor.role as actor_role', 'a.target_type', 'a.target_id', 'a.before_json', 'a.after_json', 'a.ip'])
          .where((eb) =>
            eb.or([
              eb('a.actor_user_id', '=', subject.id),
              eb.and([eb('a.target_type', '=', 'user'), eb('a.target_id', '=', String(subject.id))]),
              ...(invitationIds.length > 0 ? [eb.and([eb('a.target_type', '=', 'invitation'), eb('a.target_id', 'in', invitationIds)])] : []),
            ]),
          )
          .where('a.id', '>', after)
          .orderBy('a.id')
          .limit(limit)
          .execute(),
      )) {
        yield rows.map((a) => {
          const byThem = a.actor_user_id === subject.id;
          const aboutThem = (a.target_type === 'user' && a.target_id === String(subject.id)) || (a.target_type === 'invitation' && invitationIds.includes(a.target_id ?? ''));
          return {
            createdAt: a.created_at,
            action: a.action,
            by: byThem ? t.account.dataExport.self : roleName(a.actor_role),
            targetType: a.target_type,
            // Another person's account is not named, not even by number.
            targetId: a.target_type === 'user' && !aboutThem ? undefined : a.target_id,
            before: details(a.before_json, subject, aboutThem),
            after: details(a.after_json, subject, aboutThem),
            ip: byThem ? a.ip : a.actor_user_id === null ? ownIp(a.ip) : undefined,
          };
        });
      }
    })(),
  ];
}
