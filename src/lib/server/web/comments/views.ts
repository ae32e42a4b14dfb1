import type { PublicComment } from '../../comments/queries.ts';
import { supportedBy } from '../../comments/organisation-queries.ts';
import { versionNoteFor, type DraftVersion, type VersionNote } from '../../content/content.ts';
import type { Db } from '../../platform/db.ts';
import { viewerMayComment } from './viewer.ts';

type Viewer = App.Locals['user'];

/** A public comment as a page shows it to this viewer. */
export interface CommentView {
  comment: PublicComment;
  /** The viewer's organisation supports it; null when the viewer cannot co-sign it (own comment, no right). */
  supported: boolean | null;
  /** For a comment written on an older version. */
  note?: VersionNote;
}

/** The comments with the viewer's support and their version notes: two lookups for the whole list. */
export async function commentViews(db: Db, viewer: Viewer, comments: PublicComment[], current: DraftVersion): Promise<CommentView[]> {
  const mayComment = viewerMayComment(viewer);
  const supported = viewer && mayComment ? await supportedBy(db, viewer.organisationId, comments.map((c) => c.id)) : new Set<number>();
  return Promise.all(
    comments.map(async (comment) => ({
      comment,
      supported: mayComment && comment.organisation.id !== viewer?.organisationId ? supported.has(comment.id) : null,
      note: await versionNoteFor(comment, current),
    })),
  );
}
