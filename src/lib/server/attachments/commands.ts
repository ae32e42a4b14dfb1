import { fail, ok, type Result } from '../../result.ts';
import type { Actor } from '../accounts/access.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Db } from '../platform/db.ts';
import { attachmentCount, attachmentSubject, findAttachment } from './queries.ts';
import { mayChangeAttachments } from './rules.ts';
import { discardFile, newStorageKey, placeFile, storedPath } from './storage.ts';
import { MAX_FILES, type StagedFile } from './upload.ts';

/**
 * Adding and removing a comment's attachments. The files arrive checked and complete in temporary
 * files (upload.ts); here each file is moved into place, then one transaction inserts their rows and
 * audits each — a rename that fails stops before any row, so there is never a row without its file.
 * A refusal or a rollback removes the placed and the temporary files.
 */

const notAllowed = () => fail('forbidden', (t) => t.attachments.errors.notAllowed);

export async function attachFiles(db: Db, actor: Actor, commentId: number, files: readonly StagedFile[], root: string, ip: string | null = null, now = new Date()): Promise<Result<number[]>> {
  const placed: string[] = [];
  let stored = false;
  try {
    const comment = await attachmentSubject(db, commentId);
    if (!comment) return fail('not_found');
    if (!(await mayChangeAttachments(db, actor, comment))) return notAllowed();
    // The files go into place before their rows are written (a file without a row is harmless), so
    // the transaction only writes to the database and may run again after a serialization failure.
    const keyed = files.map((file) => ({ file, key: newStorageKey() }));
    for (const { file, key } of keyed) {
      placeFile(root, file.path, key);
      placed.push(storedPath(root, key));
    }
    const result = await db.transaction().execute(async (trx) => {
      // Counted again inside the transaction: two uploads at once still stop at five.
      if ((await attachmentCount(trx, commentId)) + files.length > MAX_FILES) return fail('invalid', undefined, { datoteke: (t) => t.attachments.errors.tooMany });
      const ids: number[] = [];
      for (const { file, key } of keyed) {
        const { id } = await trx
          .insertInto('attachments')
          .values({ comment_id: commentId, name: file.name, size: file.size, sha256: file.sha256, storage_key: key, uploaded_by: actor.id, created_at: now.toISOString() })
          .returning('id')
          .executeTakeFirstOrThrow();
        await recordAudit(trx, { actorUserId: actor.id, action: 'attachment.added', targetType: 'comment', targetId: commentId, after: { attachment: id, name: file.name, size: file.size, sha256: file.sha256 }, ip });
        ids.push(id);
      }
      return ok(ids);
    });
    stored = result.ok;
    return result;
  } finally {
    // Refused or rolled back: the files placed for it go too; the staged ones always.
    if (!stored) for (const path of placed) discardFile(path);
    for (const file of files) discardFile(file.path);
  }
}

export async function removeAttachment(db: Db, actor: Actor, commentId: number, attachmentId: number, root: string, ip: string | null = null): Promise<Result> {
  const found = await findAttachment(db, attachmentId);
  if (!found || found.comment_id !== commentId) return fail('not_found', (t) => t.attachments.errors.notFound);
  if (!(await mayChangeAttachments(db, actor, { ...found, id: found.comment_id }))) return notAllowed();
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('attachments').where('id', '=', attachmentId).execute();
    await recordAudit(trx, { actorUserId: actor.id, action: 'attachment.removed', targetType: 'comment', targetId: commentId, before: { attachment: attachmentId, name: found.name, size: found.size, sha256: found.sha256 }, ip });
  });
  // After the commit: a file without a row is harmless, a row without its file is not.
  discardFile(storedPath(root, found.storage_key));
  return ok();
}
