import type { Insertable } from 'kysely';
import { FIRST_CONSULTATION } from '../../src/lib/enums.ts';
import { readVersionFiles } from '../../src/lib/server/content/content-files.ts';
import { currentOf } from '../../src/lib/server/content/versions.ts';
import type { Db } from '../../src/lib/server/platform/db.ts';
import type { CommentTable } from '../../src/lib/server/platform/schema.ts';
import { prepareDatabase } from '../../src/lib/server/platform/setup.ts';
import { consultationId, organisationId, tempDatabase } from './helpers.ts';

/** The public lists' tests: the directory and the consultations, no demo comments — each test writes its own. */
export async function bareDatabase(): Promise<Db> {
  const { db } = tempDatabase();
  await prepareDatabase(db, { demo: false });
  return db;
}

export const currentVersionId = () => currentOf(readVersionFiles(FIRST_CONSULTATION))!.id;

let stamp = Date.parse('2026-11-20T08:00:00Z');

/**
 * A comment of the first consultation by the organisation of `code`, submitted one minute after the
 * previous one (so the newest is the last written), public unless the overrides say otherwise.
 */
export async function addComment(db: Db, code: string, overrides: Partial<Insertable<CommentTable>> = {}): Promise<number> {
  stamp += 60_000;
  const at = new Date(stamp).toISOString();
  const row = await db
    .insertInto('comments')
    .values({
      consultation_id: await consultationId(db, FIRST_CONSULTATION),
      organisation_id: await organisationId(db, code),
      scope: 'block',
      version_id: currentVersionId(),
      chapter_slug: 'digitalne-javne-storitve',
      chapter_number: 6,
      block_key: 'k-6-2',
      block_number: '6.2',
      kind: 'comment',
      body: `Pripomba ${code} ob ${at}`,
      state: 'submitted',
      created_at: at,
      updated_at: at,
      submitted_at: at,
      ...overrides,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A published decision on a comment, as publishing writes it (the stance and the comment's public status). */
export async function publishStance(db: Db, commentId: number, status: 'accepted' | 'rejected' | 'noted' | 'partially_accepted', response = 'Obrazložitev ministrstva.'): Promise<void> {
  stamp += 60_000;
  const at = new Date(stamp).toISOString();
  await db.insertInto('stances').values({ comment_id: commentId, status, response, state: 'published', drafted_at: at, published_at: at }).execute();
  await db.updateTable('comments').set({ moderation_status: status, response, decided_at: at }).where('id', '=', commentId).execute();
}

/** A stance drafted and approved but not published: the comment stays `in_review`, nothing public. */
export async function approveStance(db: Db, commentId: number, status: 'accepted' | 'rejected' = 'accepted'): Promise<void> {
  await db.insertInto('stances').values({ comment_id: commentId, status, response: 'Še ni objavljeno.', state: 'approved', drafted_at: new Date().toISOString() }).execute();
  await db.updateTable('comments').set({ moderation_status: 'in_review' }).where('id', '=', commentId).execute();
}
