import type { APIRoute } from 'astro';
import { chapterFeedResponse } from '../../../../../lib/server/web/comments/chapter-feed';

/** The chapter's Atom feed of published comments and stances (404 for an unknown chapter). */
export const GET: APIRoute = async (context) => (await chapterFeedResponse(context.params, context.locals.t)) ?? context.rewrite('/404');
