import { collator } from '../../../../i18n/index.ts';
import { routes } from '../../../routes.ts';
import { isPublishedDecision } from '../../comments/public-filter.ts';
import { parsePublicListQuery, publicListPage, type PublicListQuery } from '../../comments/public-list.ts';
import type { PublicComment } from '../../comments/queries.ts';
import { listConsultations, type Consultation } from '../../consultations/consultations.ts';
import { currentVersion, listChapters } from '../../content/content.ts';
import { getDb } from '../../platform/db.ts';
import type { Db } from '../../platform/db.ts';
import type { PageContext } from './page.ts';

/** One comment as a public list shows it: who, where (a link), what kind, an excerpt, the published stance. */
export interface PublicCommentRow {
  id: number;
  href: string;
  organisation: { name: string; href: string | undefined };
  consultation: { shortTitle: string; href: string };
  place: { chapterNumber: number | null; blockNumber: string | null; href: string };
  kind: PublicComment['kind'];
  excerpt: string;
  /** The published decision, or undefined while none is. */
  stance: string | undefined;
  submittedAt: Date;
  late: boolean;
  /** A joint position's standing, shown as its permalink shows it (lists of joint positions only). */
  joint?: { standing: NonNullable<PublicComment['joint']>; association: string };
}

const EXCERPT = 280;
const excerptOf = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT - 1).trimEnd()}…` : flat;
};

/** Rows for the public comments given (the consultations' current drafts looked up once each). */
export async function publicCommentRows(db: Db, comments: PublicComment[], consultations?: Consultation[], options: { joint?: boolean } = {}): Promise<PublicCommentRow[]> {
  const all = consultations ?? (await listConsultations(db, { archived: true }));
  const byId = new Map(all.map((c) => [c.id, c]));
  const current = new Map<number, string | undefined>();
  for (const id of new Set(comments.map((c) => c.consultationId))) {
    const consultation = byId.get(id);
    current.set(id, consultation && (await currentVersion(consultation))?.id);
  }
  const slugs = new Map(
    comments.length ? (await db.selectFrom('organisations').select(['id', 'slug', 'kind']).where('id', 'in', [...new Set(comments.map((c) => c.organisation.id))]).execute()).map((o) => [o.id, o]) : [],
  );
  return comments.map((c) => {
    const consultation = byId.get(c.consultationId)!;
    const anchor = c.blockNumber ? `odstavek-${c.blockNumber.replace('.', '-')}` : undefined;
    const onCurrent = current.get(c.consultationId) === c.versionId;
    const place = !c.chapterSlug
      ? routes.consultation(c.consultation)
      : onCurrent
        ? routes.chapter(c.consultation, c.chapterSlug, anchor)
        : `${routes.versionChapter(c.consultation, c.versionId, c.chapterSlug)}${anchor ? `#${anchor}` : ''}`;
    const organisation = slugs.get(c.organisation.id);
    return {
      id: c.id,
      href: routes.comment(c.id),
      organisation: { name: c.organisation.name, href: organisation && organisation.kind !== 'government' ? routes.organisationPage(organisation.slug) : undefined },
      consultation: { shortTitle: consultation.shortTitle, href: routes.consultation(consultation.slug) },
      place: { chapterNumber: c.chapterNumber, blockNumber: c.blockNumber, href: place },
      kind: c.kind,
      excerpt: excerptOf(c.body),
      stance: isPublishedDecision(c.status) ? c.status : undefined,
      submittedAt: new Date(c.submittedAt),
      late: c.late,
      joint: options.joint && c.joint ? { standing: c.joint, association: c.organisation.shortName } : undefined,
    };
  });
}

/** /pripombe: the filtered page, the rows, and what the filters offer. */
export async function publicListPageModel(page: PageContext) {
  const db = getDb();
  const result = await publicListPage(db, parsePublicListQuery(page.url.searchParams));
  const consultations = await listConsultations(db, { archived: true });
  const organisations = (await db.selectFrom('organisations').select(['slug', 'name', 'kind']).where('kind', '!=', 'government').execute()).sort((a, b) => collator.compare(a.name, b.name));
  const chosen = consultations.find((c) => c.slug === result.query.posvetovanje);
  const version = chosen && (await currentVersion(chosen));
  const chapters = chosen && version ? (await listChapters(chosen.slug, version.id)).map((c) => ({ slug: c.slug, number: c.number, title: c.title })) : [];
  const query: PublicListQuery = result.query;
  return {
    query,
    total: result.total,
    page: result.page,
    pageCount: result.pageCount,
    rows: await publicCommentRows(db, result.comments, consultations),
    options: {
      consultations: consultations.map((c) => ({ slug: c.slug, title: c.shortTitle })),
      organisations: organisations.map((o) => ({ slug: o.slug, name: o.name })),
      associations: organisations.filter((o) => o.kind === 'association').map((o) => ({ slug: o.slug, name: o.name })),
      chapters,
    },
    pageHref: (n: number) => routes.publicComments({ ...query, stran: n > 1 ? n : undefined }),
  };
}

export type PublicListModel = Awaited<ReturnType<typeof publicListPageModel>>;
