import type { Insertable } from 'kysely';
import type { CommentKind, CommentScope, ReceivedVia } from '../../enums.ts';
import type { CommentTable } from '../platform/schema.ts';

/**
 * The one place a comment's row is built: a member's comment, one a moderator records from a letter
 * or e-mail, and the demo data all go through `commentRow`, so a new column is added once.
 */

/** The text a comment is about, as its row keeps it (the paragraph's text at the time of writing). */
export interface AnchorColumnsInput {
  scope: CommentScope;
  /** The consultation whose draft the text belongs to. */
  consultationId: number;
  versionId: string;
  chapter?: { slug: string; number: number };
  block?: { key: string; number: string; fingerprint: string; text: string };
}

export interface NewComment {
  organisationId: number;
  anchor: AnchorColumnsInput;
  kind: CommentKind;
  body: string;
  /** Kept only for an amendment. */
  proposedText?: string | null;
  rationale?: string | null;
  state: 'draft' | 'submitted';
  /** When the row is written. */
  at: Date;
  /** When it was submitted (received, for a recorded comment); defaults to `at` for a submitted one. */
  submittedAt?: Date;
  authorUserId: number | null;
  /** A comment a moderator recorded on the organisation's behalf. */
  recorded?: { byUserId: number; via: ReceivedVia; late: boolean };
  idempotencyKey?: string | null;
}

/** The columns that tie a comment to the text it is about. */
export function anchorColumns(anchor: AnchorColumnsInput) {
  return {
    scope: anchor.scope,
    consultation_id: anchor.consultationId,
    version_id: anchor.versionId,
    chapter_slug: anchor.chapter?.slug ?? null,
    chapter_number: anchor.chapter?.number ?? null,
    block_key: anchor.block?.key ?? null,
    block_number: anchor.block?.number ?? null,
    block_fingerprint: anchor.block?.fingerprint ?? null,
    quote: anchor.block?.text ?? null,
  };
}

/** The editable part of a comment, as written to a new row or over a draft. */
export function contentColumns(content: Pick<NewComment, 'kind' | 'body' | 'proposedText' | 'rationale'>) {
  return {
    kind: content.kind,
    body: content.body,
    proposed_text: content.kind === 'amendment' ? (content.proposedText ?? null) : null,
    rationale: content.rationale ?? null,
  };
}

export function commentRow(comment: NewComment): Insertable<CommentTable> {
  const at = comment.at.toISOString();
  const submitted = comment.state === 'submitted';
  return {
    organisation_id: comment.organisationId,
    author_user_id: comment.authorUserId,
    ...anchorColumns(comment.anchor),
    ...contentColumns(comment),
    state: comment.state,
    created_at: at,
    updated_at: at,
    submitted_at: submitted ? (comment.submittedAt ?? comment.at).toISOString() : null,
    idempotency_key: comment.idempotencyKey ?? null,
    ...(comment.recorded
      ? { recorded_by_user_id: comment.recorded.byUserId, received_via: comment.recorded.via, late: comment.recorded.late ? 1 : 0 }
      : {}),
  };
}
