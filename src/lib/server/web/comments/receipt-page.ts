import { absolute, routes } from '../../../routes.ts';
import { mayReadReceipt, receiptFacts, receiptPlace, receiptReceived } from '../../comments/receipt.ts';
import { getDb } from '../../platform/db.ts';
import { actorOf, publicBaseUrl } from '../auth-context.ts';
import { idParam, notFound, type PageContext } from './page.ts';

/**
 * The printable potrdilo o prejemu (/pripombe/<id>/potrdilo): for the members of the comment's
 * organisation, the moderators of its consultation and administrators; anyone else 403, anonymous
 * readers sign in first. Drafts have none (404).
 */
export async function receiptPage(page: PageContext) {
  const id = idParam(page.params.id);
  if (id === undefined) return notFound(page);
  const path = routes.commentReceipt(id);
  const user = page.locals.user;
  if (!user) return { response: page.redirect(routes.signIn(path), 303) };
  const db = getDb();
  const facts = await receiptFacts(db, id);
  if (!facts) return notFound(page);
  if (!(await mayReadReceipt(db, actorOf(user), facts))) return { response: page.rewrite('/403') };
  const t = page.locals.t;
  return {
    facts,
    place: receiptPlace(facts, t),
    received: receiptReceived(facts, t),
    permalink: absolute(publicBaseUrl(), routes.comment(id)),
    back: routes.comment(id),
    issuedAt: new Date(),
  };
}
