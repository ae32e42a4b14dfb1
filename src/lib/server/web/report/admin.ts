import type { AstroGlobal } from 'astro';
import { routes } from '../../../routes.ts';
import { findConsultation, type Consultation } from '../../consultations/consultations.ts';
import { getDb, type Db } from '../../platform/db.ts';
import { latestPublishedNumber, startPublishing } from '../../report/publish.ts';
import { listAllVersions, type ReportVersion } from '../../report/rows.ts';
import { actorOf, requirePermission } from '../auth-context.ts';
import { flashMessage, withFlash } from '../flash.ts';
import { EMPTY_FORM, submitForm, type FormState } from '../form-handling.ts';
import { prepareReportInBackground } from './background.ts';
import { publishDefaults, publishForm } from './input.ts';

/** /admin/posvetovanja/[slug]/porocilo: publishing a new version of the report, and every version with its state. */

export interface AdminVersionRow {
  version: ReportVersion;
  by: string | null;
  files: Array<{ format: string; bytes: number }>;
  href?: string;
}

export interface AdminReportPage {
  consultation: Consultation;
  path: string;
  latest: number;
  versions: AdminVersionRow[];
  form: FormState;
  flash?: string;
}

async function versionRows(db: Db, consultation: Consultation): Promise<AdminVersionRow[]> {
  const versions = await listAllVersions(db, consultation.id);
  const ids = versions.map((v) => v.id);
  // A few versions per consultation: their authors and files in two small queries by the consultation.
  const people = new Map(
    (
      await db
        .selectFrom('users')
        .where('id', 'in', (eb) => eb.selectFrom('report_versions').select('created_by').where('consultation_id', '=', consultation.id))
        .select(['id', 'name'])
        .execute()
    ).map((u) => [u.id, u.name]),
  );
  const files = ids.length
    ? await db
        .selectFrom('report_files')
        .where('report_version_id', 'in', (eb) => eb.selectFrom('report_versions').select('id').where('consultation_id', '=', consultation.id))
        .select(['report_version_id', 'format', 'bytes'])
        .execute()
    : [];
  return versions.map((version) => ({
    version,
    by: version.createdBy === null ? null : (people.get(version.createdBy) ?? null),
    files: files.filter((f) => f.report_version_id === version.id).map((f) => ({ format: f.format, bytes: f.bytes })),
    href: version.state === 'ready' && version.number !== null ? routes.reportVersion(consultation.slug, version.number) : undefined,
  }));
}

export async function adminReportPage(Astro: Pick<AstroGlobal, 'params' | 'url' | 'locals' | 'request' | 'rewrite' | 'redirect' | 'response'>): Promise<Response | AdminReportPage> {
  const guard = requirePermission(Astro, 'administer');
  if (guard.response) return guard.response;
  const db = getDb();
  const consultation = await findConsultation(db, Astro.params.slug ?? '');
  if (!consultation) return Astro.rewrite('/404');
  const path = routes.adminReport(consultation.slug);
  let form: FormState = {
    ...EMPTY_FORM,
    values: publishDefaults(await latestPublishedNumber(db, consultation.id)),
  };
  if (Astro.request.method === 'POST') {
    const submitted = await submitForm(Astro, publishForm, (input) => startPublishing(db, actorOf(guard.user), consultation, input));
    if (submitted.ok) {
      prepareReportInBackground(db);
      return Astro.redirect(withFlash(path, 'porocilo-v-pripravi'), 303);
    }
    const { ok: _, code: __, ...state } = submitted;
    // Refused because a version was published meanwhile: the message names it, so the form has now seen it.
    form = {
      ...state,
      values: {
        ...state.values,
        latestSeen: String(await latestPublishedNumber(db, consultation.id)),
      },
    };
    Astro.response.status = form.status;
  }
  return {
    consultation,
    path,
    latest: await latestPublishedNumber(db, consultation.id),
    versions: await versionRows(db, consultation),
    form,
    flash: flashMessage(Astro.url, Astro.locals.t),
  };
}
