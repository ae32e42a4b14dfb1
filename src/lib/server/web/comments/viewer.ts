import { can } from '../../accounts/access.ts';
import { actorOf } from '../auth-context.ts';

/** May this viewer write comments (and co-sign)? */
export function viewerMayComment(viewer: App.Locals['user']): boolean {
  return can(viewer ? actorOf(viewer) : null, 'comment');
}
