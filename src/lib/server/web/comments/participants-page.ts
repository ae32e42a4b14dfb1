import { z } from 'astro/zod';
import { ORGANISATION_KINDS } from '../../../enums.ts';
import { routes } from '../../../routes.ts';
import { publicListPage, PUBLIC_LIST_PAGE_SIZE } from '../../comments/public-list.ts';
import { listPublicComments } from '../../comments/queries.ts';
import { findConsultation, listConsultations } from '../../consultations/consultations.ts';
import { governmentOrganisation, jointPage, listParticipants, organisationProfile, supportedPage } from '../../organisations/participants.ts';
import { getDb } from '../../platform/db.ts';
import { notFound, type PageContext } from './page.ts';
import { publicCommentRows } from './public-list-page.ts';

/** /organizacije and /organizacije/[slug]: who took part, and one organisation's part. */

const slug = z.string().regex(/^[a-z0-9-]{1,80}$/).optional().catch(undefined);
const pageNumber = z.coerce.number().int().min(1).max(100_000).optional().catch(undefined);
const directoryQuery = z.object({ posvetovanje: slug, vrsta: z.enum(ORGANISATION_KINDS).optional().catch(undefined) });
const organisationQuery = z.object({ posvetovanje: slug, stran: pageNumber, podpisi: pageNumber, skupna: pageNumber });
const params = (url: URL) => Object.fromEntries([...url.searchParams].filter(([, v]) => v !== ''));

/** The consultation of `?posvetovanje=` (dropped if unknown) and the list of all for the switcher. */
async function consultationChoice(wanted: string | undefined) {
  const db = getDb();
  const consultation = wanted ? await findConsultation(db, wanted) : undefined;
  const consultations = await listConsultations(db, { archived: true });
  return { consultation, consultations };
}

export async function organisationsDirectoryModel(page: PageContext) {
  const query = directoryQuery.parse(params(page.url));
  const { consultation, consultations } = await consultationChoice(query.posvetovanje);
  const kind = query.vrsta === 'government' ? undefined : query.vrsta;
  const participants = await listParticipants(getDb(), { consultationId: consultation?.id, kind });
  const groups = ORGANISATION_KINDS.filter((k) => k !== 'government')
    .map((k) => ({ kind: k, organisations: participants.filter((p) => p.kind === k).map((p) => ({ ...p, href: routes.organisationPage(p.slug, { posvetovanje: consultation?.slug }) })) }))
    .filter((g) => g.organisations.length > 0);
  return {
    query: { posvetovanje: consultation?.slug, vrsta: kind },
    consultations: consultations.map((c) => ({ slug: c.slug, title: c.shortTitle })),
    total: participants.length,
    groups,
  };
}

const paging = (page: number | undefined, total: number) => {
  const pageCount = Math.max(1, Math.ceil(total / PUBLIC_LIST_PAGE_SIZE));
  const number = Math.min(page ?? 1, pageCount);
  return { number, pageCount, limit: PUBLIC_LIST_PAGE_SIZE, offset: (number - 1) * PUBLIC_LIST_PAGE_SIZE };
};

export async function organisationPageModel(page: PageContext) {
  const db = getDb();
  const wanted = String(page.params.slug ?? '');
  const query = organisationQuery.parse(params(page.url));
  const { consultation, consultations } = await consultationChoice(query.posvetovanje);
  const profile = /^[a-z0-9-]{1,80}$/.test(wanted) ? await organisationProfile(db, wanted, consultation?.id) : undefined;
  if (!profile) {
    const government = /^[a-z0-9-]{1,80}$/.test(wanted) ? await governmentOrganisation(db, wanted) : undefined;
    if (!government) return notFound(page);
    return { kind: 'government' as const, government: { name: government.name, consultations: government.consultations.map((c) => ({ title: c.title, href: routes.consultation(c.slug) })) } };
  }
  const { organisation } = profile;
  const own = await publicListPage(db, { organizacija: organisation.slug, posvetovanje: consultation?.slug, stran: query.stran });
  const supportsTotal = (await supportedPage(db, organisation.id, { limit: 0, offset: 0 }, consultation?.id)).total;
  const supportsPaging = paging(query.podpisi, supportsTotal);
  const supports = await supportedPage(db, organisation.id, supportsPaging, consultation?.id);
  const jointTotal = (await jointPage(db, organisation.id, { limit: 0, offset: 0 }, consultation?.id)).total;
  const jointPaging = paging(query.skupna, jointTotal);
  const joint = await jointPage(db, organisation.id, jointPaging, consultation?.id);
  const inOrder = async (ids: number[]) => {
    const found = new Map((await listPublicComments(db, { ids })).map((c) => [c.id, c]));
    return ids.flatMap((id) => found.get(id) ?? []);
  };
  const kept = { posvetovanje: consultation?.slug, stran: own.page > 1 ? own.page : undefined, podpisi: supportsPaging.number > 1 ? supportsPaging.number : undefined, skupna: jointPaging.number > 1 ? jointPaging.number : undefined };
  const href = (change: Partial<typeof kept>, fragment: string) => `${routes.organisationPage(organisation.slug, { ...kept, ...change })}#${fragment}`;
  return {
    kind: 'organisation' as const,
    organisation,
    memberOf: profile.memberOf.map((a) => ({ ...a, href: routes.organisationPage(a.slug) })),
    members: profile.members.map((m) => ({ ...m, href: m.tookPart ? routes.organisationPage(m.slug) : undefined })),
    consultation: consultation && { slug: consultation.slug, shortTitle: consultation.shortTitle },
    consultations: consultations.map((c) => ({ slug: c.slug, title: c.shortTitle })),
    comments: {
      rows: await publicCommentRows(db, own.comments, consultations),
      total: own.total,
      page: own.page,
      pageCount: own.pageCount,
      href: (n: number) => href({ stran: n > 1 ? n : undefined }, 'pripombe'),
    },
    supports: {
      rows: await publicCommentRows(db, await inOrder(supports.ids), consultations),
      total: supports.total,
      page: supportsPaging.number,
      pageCount: supportsPaging.pageCount,
      href: (n: number) => href({ podpisi: n > 1 ? n : undefined }, 'sopodpisi'),
    },
    joint: {
      rows: await publicCommentRows(db, await inOrder(joint.ids), consultations, { joint: true }),
      total: joint.total,
      page: jointPaging.number,
      pageCount: jointPaging.pageCount,
      href: (n: number) => href({ skupna: n > 1 ? n : undefined }, 'skupna-stalisca'),
    },
    allComments: routes.publicComments({ organizacija: organisation.slug, posvetovanje: consultation?.slug }),
  };
}

export type OrganisationPageModel = Extract<Awaited<ReturnType<typeof organisationPageModel>>, { kind: 'organisation' }>;
