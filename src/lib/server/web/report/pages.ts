import type { AstroGlobal } from 'astro';
import { can } from '../../accounts/access.ts';
import { mayModerate } from '../../consultations/moderators.ts';
import type { Consultation } from '../../consultations/consultations.ts';
import { getDb } from '../../platform/db.ts';
import { startPreview } from '../../report/publish.ts';
import { findPreview, findPublishedVersion, listPublishedVersions } from '../../report/rows.ts';
import { routes } from '../../../routes.ts';
import { actorOf, requirePermission } from '../auth-context.ts';
import { consultationOf } from '../consultation-context.ts';
import { flashMessage, withFlash } from '../flash.ts';
import { errorState } from '../form-handling.ts';
import { prepareReportInBackground } from './background.ts';
import { pageCountOf, parsePage, parseVersionNumber, partsOf } from './parts.ts';
import { frontView, partView, type FrontView, type PartView, type ReadyVersion } from './views.ts';

/** The report's pages: the newest version, a version, a part of it; the moderators' preview. */

type Page = Pick<AstroGlobal, 'params' | 'url' | 'locals' | 'request' | 'rewrite' | 'redirect' | 'response'>;

const notFound = (page: Page) => page.rewrite('/404');
const ready = (v: { summary: unknown; state: string } | undefined): v is ReadyVersion => !!v && v.state === 'ready' && !!v.summary;

export interface NoReportView {
  consultation: Consultation;
  /** Links for the signed-in people who may use them. */
  preview?: string;
  publish?: string;
}

/** /porocilo: the newest published version's first page, or — before the first — a page saying so. */
export async function reportIndexPage(page: Page): Promise<Response | { front: FrontView } | { none: NoReportView }> {
  const db = getDb();
  const consultation = await consultationOf(page.params);
  if (!consultation) return notFound(page);
  const published = await listPublishedVersions(db, consultation.id);
  const newest = published[0];
  if (ready(newest))
    return {
      front: await frontView(db, page.locals.t, consultation, newest, published),
    };
  const user = page.locals.user;
  const actor = user ? actorOf(user) : null;
  return {
    none: {
      consultation,
      preview: (await mayModerate(db, actor, consultation.id)) ? routes.reportPreview(consultation.slug) : undefined,
      publish: can(actor, 'administer') ? routes.adminReport(consultation.slug) : undefined,
    },
  };
}

/** /porocilo/[n]: a published version's first page. */
export async function reportVersionPage(page: Page): Promise<Response | FrontView> {
  const db = getDb();
  const consultation = await consultationOf(page.params);
  const number = parseVersionNumber(page.params.stevilka);
  const version = consultation && number !== undefined ? await findPublishedVersion(db, consultation.id, number) : undefined;
  if (!consultation || !ready(version)) return notFound(page);
  return frontView(db, page.locals.t, consultation, version, await listPublishedVersions(db, consultation.id));
}

async function partOf(page: Page, consultation: Consultation, version: ReadyVersion): Promise<Response | PartView> {
  const part = partsOf(version.summary, page.locals.t).find((p) => p.key === page.params.del);
  const number = part && parsePage(page.url.searchParams.get('stran'), pageCountOf(part));
  if (!part || number === undefined) return notFound(page);
  return partView(getDb(), consultation, version, part, number);
}

/** /porocilo/[n]/[part]: a page of a chapter, the draft as a whole, the late comments or the annex. */
export async function reportPartPage(page: Page): Promise<Response | PartView> {
  const consultation = await consultationOf(page.params);
  const number = parseVersionNumber(page.params.stevilka);
  const version = consultation && number !== undefined ? await findPublishedVersion(getDb(), consultation.id, number) : undefined;
  if (!consultation || !ready(version)) return notFound(page);
  return partOf(page, consultation, version);
}

export interface PreviewState {
  consultation: Consultation;
  path: string;
  preparing: boolean;
  failed?: string;
  flash?: string;
  error?: string;
}

/**
 * The preview's guard: moderators of the consultation and administrators. Signed out: the sign-in;
 * without the permission or moderating another consultation: 403.
 */
async function previewAccess(page: Page): Promise<Response | { consultation: Consultation; actor: ReturnType<typeof actorOf> }> {
  const guard = requirePermission(page, 'moderate');
  if (guard.response) return guard.response;
  const consultation = await consultationOf(page.params);
  if (!consultation) return notFound(page);
  const actor = actorOf(guard.user);
  if (!(await mayModerate(getDb(), actor, consultation.id))) return page.rewrite('/403');
  return { consultation, actor };
}

/** /porocilo/predogled: the newest ready preview's first page; a POST prepares a new one. */
export async function reportPreviewPage(page: Page): Promise<Response | { state: PreviewState; front?: FrontView }> {
  const access = await previewAccess(page);
  if (access instanceof Response) return access;
  const { consultation, actor } = access;
  const db = getDb();
  const path = routes.reportPreview(consultation.slug);
  let error: string | undefined;
  if (page.request.method === 'POST') {
    const started = await startPreview(db, actor, consultation);
    if (started.ok) {
      prepareReportInBackground(db);
      return page.redirect(withFlash(path, 'predogled-v-pripravi'), 303);
    }
    const state = errorState(started.error, page.locals.t);
    page.response.status = state.status;
    error = state.message ?? page.locals.t.access.notAllowed;
  }
  const preview = await findPreview(db, consultation.id);
  const state: PreviewState = {
    consultation,
    path,
    preparing: preview.preparing,
    failed: preview.failed && (!preview.ready || preview.failed.id > preview.ready.id) ? (preview.failed.error ?? '') : undefined,
    flash: flashMessage(page.url, page.locals.t),
    error,
  };
  const published = await listPublishedVersions(db, consultation.id);
  return {
    state,
    front: ready(preview.ready) ? await frontView(db, page.locals.t, consultation, preview.ready, published) : undefined,
  };
}

/** /porocilo/predogled/[part]. */
export async function reportPreviewPartPage(page: Page): Promise<Response | PartView> {
  const access = await previewAccess(page);
  if (access instanceof Response) return access;
  const preview = await findPreview(getDb(), access.consultation.id);
  if (!ready(preview.ready)) return notFound(page);
  return partOf(page, access.consultation, preview.ready);
}
