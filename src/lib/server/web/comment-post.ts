import type { APIContext } from 'astro';
import { safeReturnPath } from '../accounts/access.ts';
import { actorOf } from './auth-context.ts';
import { saveComment, type CommentAnchor } from '../comments/comments.ts';
import { versionWindows } from '../content/content.ts';
import type { Db } from '../platform/db.ts';
import { readForm } from './forms.ts';
import { withFlash } from './flash.ts';

/**
 * A comment form posted to a block or chapter page: signs the person in first if needed, saves the
 * draft or submits, and redirects — or hands back the errors and what was typed, with the status.
 */
export async function postComment(
  context: Pick<APIContext, 'request' | 'redirect' | 'locals'>,
  db: Db,
  anchor: CommentAnchor,
  path: string,
): Promise<{ redirect: Response } | { errors: Record<string, string>; values: Record<string, string>; status: number }> {
  const user = context.locals.user;
  if (!user) return { redirect: context.redirect(`/prijava?vrnitev=${encodeURIComponent(path)}`, 303) };
  const form = await readForm(context.request);
  const outcome = await saveComment(db, actorOf(user), anchor, form, form.intent === 'draft' ? 'draft' : 'submit', { windows: await versionWindows() });
  if (!outcome.ok) return { errors: outcome.errors, values: outcome.values, status: outcome.status };
  const target = outcome.state === 'draft' ? '/organizacija/pripombe' : safeReturnPath(form.returnTo, path);
  return { redirect: context.redirect(withFlash(target, outcome.state === 'draft' ? 'osnutek-shranjen' : 'pripomba-oddana'), 303) };
}
