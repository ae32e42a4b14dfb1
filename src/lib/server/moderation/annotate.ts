import { z } from 'astro/zod';
import { perDictionary } from '../../../i18n/index.ts';
import { ok, type Result } from '../../result.ts';
import type { Actor } from '../accounts/access.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Db } from '../platform/db.ts';
import { commentToModerate, tagField } from './common.ts';

/** What moderators write for themselves on a comment: internal notes (never public) and tags. */

export const MAX_NOTE = 5000;
const MAX_TAGS = 20;

export const noteInput = perDictionary((t) =>
  z.object({
    note: z
      .string({ error: t.moderation.errors.noteRequired })
      .trim()
      .min(1, { error: t.moderation.errors.noteRequired })
      .max(MAX_NOTE, { error: t.moderation.errors.noteTooLong(MAX_NOTE) }),
  }),
);

/** The comma-separated list of tags, each once. */
export const tagsInput = perDictionary((t) =>
  z.object({
    tags: z
      .string()
      .optional()
      .transform((list) => [...new Set((list ?? '').split(',').map((s) => s.trim()).filter(Boolean))])
      .refine((tags) => tags.length <= MAX_TAGS && tags.every((tag) => tagField.safeParse(tag).success), { error: t.moderation.errors.tagInvalid }),
  }),
);

export async function addNote(db: Db, actor: Actor, commentId: number, note: string, ip: string | null): Promise<Result> {
  const comment = await commentToModerate(db, actor, commentId);
  if (!comment.ok) return comment;
  await db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('comment_notes').values({ comment_id: commentId, author_user_id: actor.id, body: note, created_at: new Date().toISOString() }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, { actorUserId: actor.id, action: 'comment.note_added', targetType: 'comment', targetId: commentId, after: { noteId: row.id }, ip });
  });
  return ok();
}

/** Replaces a comment's tags. */
export async function setTags(db: Db, actor: Actor, commentId: number, tags: string[], ip: string | null): Promise<Result> {
  const comment = await commentToModerate(db, actor, commentId);
  if (!comment.ok) return comment;
  await db.transaction().execute(async (trx) => {
    const before = (await trx.selectFrom('comment_tags').select('tag').where('comment_id', '=', commentId).orderBy('tag').execute()).map((r) => r.tag);
    await trx.deleteFrom('comment_tags').where('comment_id', '=', commentId).execute();
    if (tags.length) await trx.insertInto('comment_tags').values(tags.map((tag) => ({ comment_id: commentId, tag }))).execute();
    await recordAudit(trx, { actorUserId: actor.id, action: 'comment.tags_set', targetType: 'comment', targetId: commentId, before, after: [...tags].sort(), ip });
  });
  return ok();
}
