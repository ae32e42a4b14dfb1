import type { Dictionary } from '../../../../i18n/index.ts';
import { absolute, routes } from '../../../routes.ts';
import { chapterFeedEntries, type FeedEntry } from '../../comments/public-feed.ts';
import { findChapter } from '../../content/content.ts';
import { config } from '../../platform/config.ts';
import { getDb } from '../../platform/db.ts';
import { consultationWithDraft } from '../consultation-context.ts';

/**
 * GET /posvetovanja/<c>/osnutek/<chapter>/novosti.atom: the chapter's newest public comments and
 * published stances as Atom 1.0. Every text from users is escaped plain text (`type="text"`), every
 * link absolute under PUBLIC_URL. Cached for anonymous readers like the chapter page.
 */

/** Characters XML 1.0 cannot carry at all, whatever the escaping. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
export const xmlText = (value: string) => value.replace(NOT_XML, '').replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

export interface FeedHead {
  title: string;
  subtitle: string;
  selfUrl: string;
  pageUrl: string;
  /** When nothing is in it yet: when its draft was published. */
  since: Date;
}

const iso = (value: string | Date) => new Date(value).toISOString();

function entryXml(entry: FeedEntry, t: Dictionary, publicUrl: string): string {
  const f = t.chapterFeed;
  const c = entry.comment;
  const permalink = absolute(publicUrl, routes.comment(c.id));
  const where = c.currentBlockNumber ?? c.blockNumber;
  const place = where ? f.paragraph(where) : f.wholeChapter;
  const stance = entry.kind === 'stance';
  const title = stance ? f.stance(t.comments.statuses[c.status], c.organisation.name, place) : f.comment(c.organisation.name, place);
  const body = stance
    ? [`${t.comments.statuses[c.status]}.`, c.response ? `${f.response} ${c.response}` : ''].filter(Boolean).join('\n\n')
    : [c.body, c.proposedText ? `${f.proposed}\n${c.proposedText}` : '', c.rationale ? `${f.rationale} ${c.rationale}` : ''].filter(Boolean).join('\n\n');
  return [
    '  <entry>',
    `    <id>${xmlText(stance ? `${permalink}#stalisce` : permalink)}</id>`,
    `    <title type="text">${xmlText(title)}</title>`,
    `    <updated>${iso(entry.at)}</updated>`,
    `    <published>${iso(entry.at)}</published>`,
    `    <author><name>${xmlText(stance ? f.ministry : c.organisation.name)}</name></author>`,
    `    <link rel="alternate" type="text/html" href="${xmlText(permalink)}"/>`,
    `    <content type="text">${xmlText(body)}</content>`,
    '  </entry>',
  ].join('\n');
}

/** The feed's XML (a pure function of what it lists, for the endpoint and its test). */
export function atomFeed(head: FeedHead, entries: FeedEntry[], t: Dictionary, publicUrl: string): string {
  const updated = entries.length ? iso(entries[0].at) : head.since.toISOString();
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sl">',
    `  <id>${xmlText(head.pageUrl)}</id>`,
    `  <title type="text">${xmlText(head.title)}</title>`,
    `  <subtitle type="text">${xmlText(head.subtitle)}</subtitle>`,
    `  <updated>${updated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(head.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(head.pageUrl)}"/>`,
    `  <author><name>${xmlText(t.chapterFeed.ministry)}</name></author>`,
    ...entries.map((e) => entryXml(e, t, publicUrl)),
    '</feed>',
    '',
  ].join('\n');
}

export async function chapterFeedResponse(params: Record<string, string | undefined>, t: Dictionary): Promise<Response | undefined> {
  const found = await consultationWithDraft(params);
  if (!found) return undefined;
  const { consultation, version } = found;
  const chapter = await findChapter(consultation.slug, version.id, params.poglavje ?? '');
  if (!chapter) return undefined;
  const entries = await chapterFeedEntries(getDb(), consultation.id, version.id, chapter.slug);
  const head: FeedHead = {
    title: t.chapterFeed.title(consultation.shortTitle, `${chapter.number}. ${chapter.title}`),
    subtitle: t.chapterFeed.subtitle,
    selfUrl: absolute(config.publicUrl, routes.chapterFeed(consultation.slug, chapter.slug)),
    pageUrl: absolute(config.publicUrl, routes.chapter(consultation.slug, chapter.slug)),
    since: version.publishedAt,
  };
  return new Response(atomFeed(head, entries, t, config.publicUrl), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8', 'Cache-Control': 'public, max-age=60', 'X-Content-Type-Options': 'nosniff' },
  });
}
