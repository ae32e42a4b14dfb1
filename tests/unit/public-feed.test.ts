import { describe, expect, it } from 'vitest';
import { dictionary } from '../../src/i18n/index.ts';
import { chapterFeedEntries } from '../../src/lib/server/comments/public-feed.ts';
import { atomFeed } from '../../src/lib/server/web/comments/chapter-feed.ts';
import { consultationId } from './helpers.ts';
import { addComment, approveStance, bareDatabase, currentVersionId, publishStance } from './public-helpers.ts';
import { findAll, parseXml, type XmlNode } from './report-ooxml.ts';

/*
 * A chapter's Atom feed: its newest public comments and published stances, as well-formed Atom 1.0
 * (parsed back with a strict parser) whose texts from users are plain text, never markup.
 */

const t = dictionary('sl');
const CHAPTER = 'digitalne-javne-storitve';
const child = (node: XmlNode, name: string) => node.children.find((c) => c.name === name);

describe("a chapter's Atom feed", () => {
  it('lists public comments and published stances of the chapter, newest first, and nothing unpublished', async () => {
    const db = await bareDatabase();
    const first = await addComment(db, '61');
    await addComment(db, '61', { hidden: 1 });
    await addComment(db, '61', { state: 'draft', submitted_at: null });
    await addComment(db, '61', { chapter_slug: 'uvod', chapter_number: 1 });
    const approved = await addComment(db, '11');
    await approveStance(db, approved);
    const answered = await addComment(db, '17');
    await publishStance(db, answered, 'partially_accepted');

    const entries = await chapterFeedEntries(db, await consultationId(db, 'ds2030'), currentVersionId(), CHAPTER);
    expect(entries.map((e) => [e.kind, e.comment.id])).toEqual([
      ['stance', answered],
      ['comment', answered],
      ['comment', approved],
      ['comment', first],
    ]);
    expect(await chapterFeedEntries(db, await consultationId(db, 'ds2030'), currentVersionId(), CHAPTER, 2)).toHaveLength(2);
  });

  it('is well-formed Atom with absolute links, and user text as escaped plain text', async () => {
    const db = await bareDatabase();
    const body = 'Predlagamo <script>alert("x")</script> & <b>krepko</b>\u0007 besedilo.';
    const id = await addComment(db, '61', { body });
    await publishStance(db, id, 'rejected', 'Ne, ker <i>tako</i> & zato.');
    const entries = await chapterFeedEntries(db, await consultationId(db, 'ds2030'), currentVersionId(), CHAPTER);
    const head = {
      title: t.chapterFeed.title('DS 2030', '6. Digitalne javne storitve'),
      subtitle: t.chapterFeed.subtitle,
      selfUrl: `https://posvet.example/posvetovanja/ds2030/osnutek/${CHAPTER}/novosti.atom`,
      pageUrl: `https://posvet.example/posvetovanja/ds2030/osnutek/${CHAPTER}`,
      since: new Date('2026-11-01T00:00:00Z'),
    };
    const xml = atomFeed(head, entries, t, 'https://posvet.example');
    expect(xml).not.toContain('<script>');
    const feed = parseXml(xml).children[0];
    expect(feed.name).toBe('feed');
    expect(feed.attributes.xmlns).toBe('http://www.w3.org/2005/Atom');
    expect(child(feed, 'title')?.text).toBe('DS 2030 – 6. Digitalne javne storitve: pripombe in stališča');
    expect(child(feed, 'updated')?.text).toBe(entries[0].at);
    const links = findAll(feed, 'link').map((l) => l.attributes.href);
    expect(links.every((href) => href.startsWith('https://posvet.example/'))).toBe(true);

    const [stance, comment] = findAll(feed, 'entry');
    for (const entry of [stance, comment]) {
      for (const name of ['id', 'title', 'updated', 'author', 'content']) expect(child(entry, name), name).toBeDefined();
      expect(child(entry, 'content')?.attributes.type).toBe('text');
      expect(child(entry, 'updated')?.text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    }
    expect(child(comment, 'id')?.text).toBe(`https://posvet.example/pripombe/${id}`);
    expect(child(stance, 'id')?.text).toBe(`https://posvet.example/pripombe/${id}#stalisce`);
    expect(child(child(comment, 'author')!, 'name')?.text).toBe('Mestna občina Ljubljana');
    expect(child(child(stance, 'author')!, 'name')?.text).toBe(t.chapterFeed.ministry);
    // The reader gets back exactly what was written (less a control character XML cannot carry).
    expect(child(comment, 'content')?.text).toBe(body.replace('\u0007', ''));
    expect(child(stance, 'content')?.text).toContain('Ne, ker <i>tako</i> & zato.');
  });

  it('an empty chapter is still a valid feed, dated by its draft', () => {
    const xml = atomFeed({ title: 'x', subtitle: 'y', selfUrl: 'https://posvet.example/a.atom', pageUrl: 'https://posvet.example/a', since: new Date('2026-11-01T00:00:00Z') }, [], t, 'https://posvet.example');
    const feed = parseXml(xml).children[0];
    expect(findAll(feed, 'entry')).toEqual([]);
    expect(child(feed, 'updated')?.text).toBe('2026-11-01T00:00:00.000Z');
  });
});
