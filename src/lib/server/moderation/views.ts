import { currentVersion, listChapters } from '../content/content.ts';
import type { Db } from '../platform/db.ts';
import { listOrganisations } from '../organisations/organisations.ts';
import { allTags, listQueue, moderatorsList, type QueueFilter } from './queue.ts';
import { statistics } from './statistics.ts';

/** The read models of the moderation pages that show the current version's chapters. */

/** Organisations that comment (government bodies answer instead). */
async function commentingOrganisations(db: Db) {
  return (await listOrganisations(db)).filter((o) => o.kind !== 'government');
}

async function currentChapters() {
  return listChapters((await currentVersion()).id);
}

/** The current chapters as a form's choice lists them. */
async function chapterChoices() {
  return (await currentChapters()).map((c) => ({ slug: c.slug, number: c.number, title: c.title }));
}

/** The queue page: the filtered page of comments and what its filter and bulk forms offer. */
export async function queueView(db: Db, filter: QueueFilter, viewerId: number) {
  const [queue, moderators, tags, organisations, chapters] = await Promise.all([
    listQueue(db, filter, viewerId),
    moderatorsList(db),
    allTags(db),
    commentingOrganisations(db),
    chapterChoices(),
  ]);
  return { filter, queue, moderators, tags, organisations, chapters };
}
export type QueueView = Awaited<ReturnType<typeof queueView>>;

/** The form for a comment received by e-mail or post. */
export async function recordFormView(db: Db) {
  const [organisations, chapters] = await Promise.all([commentingOrganisations(db), chapterChoices()]);
  return { organisations, chapters };
}
export type RecordFormView = Awaited<ReturnType<typeof recordFormView>>;

/** The statistics page: the figures, and every chapter with its paragraphs for the heat map. */
export async function statisticsView(db: Db) {
  const [stats, chapters] = await Promise.all([statistics(db), currentChapters()]);
  return {
    ...stats,
    chapters: chapters.map((c) => ({ number: c.number, title: c.title, blocks: c.rendered.blocks.map((b) => b.number) })),
  };
}
export type StatisticsView = Awaited<ReturnType<typeof statisticsView>>;
