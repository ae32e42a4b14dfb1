import type { APIContext } from 'astro';
import { routes } from '../../../routes.ts';
import { safeReturnPath } from '../../accounts/access.ts';
import type { CommentAnchor } from '../../comments/input.ts';
import type { Saved } from '../../comments/save.ts';
import { versionWindows } from '../../content/content.ts';
import type { Db } from '../../platform/db.ts';
import { actorOf, clientIp, publicBaseUrl } from '../auth-context.ts';
import { EMPTY_FORM, type FormState } from '../form-handling.ts';
import { withFlash } from '../flash.ts';
import { readForm } from '../forms.ts';
import { saveCommentForm } from './form.ts';

type Context = Pick<APIContext, 'request' | 'redirect' | 'locals' | 'clientAddress'>;

/** Where a saved comment sends its writer: a draft to the organisation's list, a submitted one back to `path` (or the form's return address). */
export function afterSave(context: Pick<APIContext, 'redirect'>, saved: Saved, returnTo: string): Response {
  const target = saved.state === 'draft' ? routes.organisationComments : returnTo;
  return context.redirect(withFlash(target, saved.state === 'draft' ? 'osnutek-shranjen' : 'pripomba-oddana'), 303);
}

/**
 * A comment form posted to a block or chapter page: signs the person in first if needed, saves the
 * draft or submits, and redirects — or hands back the errors and what was typed, with the status.
 * A GET answers the empty form.
 */
export async function postComment(context: Context, db: Db, anchor: CommentAnchor, path: string): Promise<{ redirect: Response } | { form: FormState }> {
  if (context.request.method !== 'POST') return { form: EMPTY_FORM };
  const user = context.locals.user;
  if (!user) return { redirect: context.redirect(routes.signIn(path), 303) };
  const values = await readForm(context.request);
  const outcome = await saveCommentForm(db, actorOf(user), anchor, values, context.locals.t, { windows: await versionWindows(), baseUrl: publicBaseUrl(), ip: clientIp(context) });
  if (outcome.ok) return { redirect: afterSave(context, outcome.value, safeReturnPath(values.returnTo, path)) };
  return { form: outcome };
}
