import { currentVersion, listChapters } from '../content/content.ts';
import type { Consultation } from '../consultations/consultations.ts';
import type { Db } from '../platform/db.ts';
import { listOrganisations } from '../organisations/organisations.ts';
import { consultationModerators } from '../consultations/moderators.ts';
import { allTags, listQueue, type QueueFilter } from './queue.ts';
import { statistics } from './statistics.ts';
import { themeChoices } from './themes/queue.ts';
import { listThemes } from './themes/read.ts';

/** The read models of the moderation pages that show the current version's chapters. */

/** Organisations that comment (government bodies answer instead). */
async function commentingOrganisations(db: Db) {
  return (await listOrganisations(db)).filter((o) => o.kind !== 'government');
}

async function currentChapters(consultation: Consultation) {
  const version = await currentVersion(consultation);
  return version ? listChapters(consultation.slug, version.id) : [];
}

/** The current chapters as a form's choice lists them. */
async function chapterChoices(consultation: Consultation) {
  return (await currentChapters(consultation)).map((c) => ({ slug: c.slug, number: c.number, title: c.title }));
}

/** The queue page: the filtered page of comments and what its filter and bulk forms offer. */
export async function queueView(db: Db, consultation: Consultation, filter: QueueFilter, viewerId: number) {
  const [queue, moderators, tags, organisations, chapters, themes] = await Promise.all([
    listQueue(db, consultation.id, filter, viewerId),
    consultationModerators(db, consultation.id),
    allTags(db, consultation.id),
    commentingOrganisations(db),
    chapterChoices(consultation),
    themeChoices(db, consultation.id),
  ]);
  return { consultation, filter, queue, moderators, tags, organisations, chapters, themes };
}
export type QueueView = Awaited<ReturnType<typeof queueView>>;

/** The form for a comment received by e-mail or post. */
export async function recordFormView(db: Db, consultation: Consultation) {
  const [organisations, chapters] = await Promise.all([commentingOrganisations(db), chapterChoices(consultation)]);
  return { consultation, organisations, chapters };
}
export type RecordFormView = Awaited<ReturnType<typeof recordFormView>>;

/** The statistics page: the figures, and every chapter with its paragraphs for the heat map. */
export async function statisticsView(db: Db, consultation: Consultation) {
  const [stats, chapters, themes] = await Promise.all([statistics(db, consultation.id), currentChapters(consultation), listThemes(db, consultation.id, ['accepted'])]);
  return {
    consultation,
    ...stats,
    /** Comments per accepted theme (suggestions are not counted until a moderator accepts them). */
    perTheme: themes.map((th) => ({ id: th.id, label: th.label, count: th.comments })),
    chapters: chapters.map((c) => ({ number: c.number, title: c.title, blocks: c.rendered.blocks.map((b) => b.number) })),
  };
}
export type StatisticsView = Awaited<ReturnType<typeof statisticsView>>;
