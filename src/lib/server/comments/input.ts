import { z } from 'astro/zod';
import { perDictionary } from '../../../i18n/index.ts';
import { COMMENT_KINDS, MAX_BODY, MAX_RATIONALE } from '../../comment-fields.ts';
import type { Actor } from '../accounts/access.ts';
import type { ConsultationWindow } from './consultation-window.ts';
import type { AnchorColumnsInput } from './row.ts';

/**
 * What a comment consists of, as its writer gives it, and what it is about. The caller resolves
 * the text a comment is about (content.ts) and passes it in as an anchor, so the comment commands
 * need no content and are tested over SQLite alone.
 */

export interface CommentAnchor extends Omit<AnchorColumnsInput, 'versionId' | 'consultationId'> {
  /** The window of the version the text belongs to (its id is the comment's version). */
  window: ConsultationWindow;
}

/** The anchor as a comment's row keeps it. */
export function anchorRow(anchor: CommentAnchor): AnchorColumnsInput {
  const { window, ...rest } = anchor;
  return { ...rest, consultationId: window.consultationId, versionId: window.versionId };
}

export type CommentActor = Actor & { organisationKind: string };

function optionalText(max: number, tooLong: string) {
  return z
    .string()
    .optional()
    .transform((v) => (v ?? '').trim())
    .pipe(z.string().max(max, { error: tooLong }))
    .transform((v) => (v === '' ? null : v));
}

/**
 * A comment's fields, with messages in the reader's language. `onBehalfOf` lists the member
 * municipalities an association names (the edge reads them from the form's boxes).
 */
export const commentInput = perDictionary((t) => {
  const m = t.comments.errors;
  return z
    .object({
      kind: z.enum(COMMENT_KINDS, { error: m.kindRequired }),
      body: z
        .string({ error: m.bodyRequired })
        .transform((v) => v.trim())
        .pipe(z.string().min(1, { error: m.bodyRequired }).max(MAX_BODY, { error: m.bodyTooLong(MAX_BODY) })),
      proposedText: optionalText(MAX_BODY, m.proposedTooLong(MAX_BODY)),
      rationale: optionalText(MAX_RATIONALE, m.rationaleTooLong(MAX_RATIONALE)),
      idempotencyKey: z
        .string()
        .regex(/^[A-Za-z0-9-]{8,64}$/)
        .optional()
        .catch(undefined),
      onBehalfOf: z
        .array(z.number().int().positive())
        .default([])
        .transform((ids) => [...new Set(ids)]),
    })
    .superRefine((value, ctx) => {
      if (value.kind === 'amendment' && !value.proposedText) {
        ctx.addIssue({ code: 'custom', path: ['proposedText'], message: m.proposedRequired });
      }
    });
});

export type CommentInput = z.output<ReturnType<typeof commentInput>>;

/** What the comment commands take: a parsed input, or the same with optional fields left out. */
export type CommentContent = Pick<CommentInput, 'kind' | 'body'> & Partial<Omit<CommentInput, 'kind' | 'body'>>;
