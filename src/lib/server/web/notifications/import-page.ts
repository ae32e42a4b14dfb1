import type { AstroGlobal } from 'astro';
import { fail } from '../../../result.ts';
import { routes, query } from '../../../routes.ts';
import type { Actor } from '../../accounts/access.ts';
import { previewImport } from '../../notifications/invitation-import.ts';
import { IMPORT_VIEWS, loadImportPreview, sendImport, type ImportPreview, type ImportView } from '../../notifications/import-send.ts';
import { getDb } from '../../platform/db.ts';
import { actorOf, clientIp, publicBaseUrl, requirePermission } from '../auth-context.ts';
import { EMPTY_FORM, errorState, type FormState } from '../form-handling.ts';
import { readForm } from '../forms.ts';

/** /admin/uvoz-povabil: upload a CSV (multipart), see its preview, send; every step a POST → 303 → GET. */

const MAX_UPLOAD_BYTES = 1024 * 1024 + 16 * 1024;

export interface ImportPage {
  form: FormState;
  preview?: ImportPreview;
  /** The address of the preview's page `n` in a view. */
  href: (page: number, view?: ImportView) => string;
}

export function importHref(importId: number | undefined, view: ImportView = 'all', page = 1): string {
  if (!importId) return routes.adminInvitationImport;
  return `${routes.adminInvitationImport}${query({ uvoz: importId, prikaz: view === 'all' ? undefined : view, stran: page > 1 ? page : undefined })}`;
}

/** The uploaded file, read whole (the edge caps bodies at 1 MB) — or undefined when there is none. */
async function uploadedFile(request: Request): Promise<{ name: string; bytes: Uint8Array } | undefined | 'too-large'> {
  if (Number(request.headers.get('content-length') ?? 0) > MAX_UPLOAD_BYTES) return 'too-large';
  try {
    const form = await request.clone().formData();
    const file = form.get('file');
    if (!file || typeof file === 'string' || (file.size === 0 && !file.name)) return undefined;
    return { name: file.name || 'datoteka.csv', bytes: new Uint8Array(await file.arrayBuffer()) };
  } catch {
    return undefined;
  }
}

export async function importPage(Astro: AstroGlobal): Promise<Response | ImportPage> {
  const guard = requirePermission(Astro, 'administer');
  if (guard.response) return guard.response;
  const db = getDb();
  const actor: Actor & { name: string } = { ...actorOf(guard.user), name: guard.user.name };
  const url = Astro.url;
  const importId = Number(url.searchParams.get('uvoz')) || undefined;
  const view = IMPORT_VIEWS.find((v) => v === url.searchParams.get('prikaz')) ?? 'all';
  const page = Math.max(1, Math.min(10_000, Number(url.searchParams.get('stran')) || 1));
  let form = EMPTY_FORM;
  const t = Astro.locals.t;

  if (Astro.request.method === 'POST') {
    const type = Astro.request.headers.get('content-type') ?? '';
    if (type.startsWith('multipart/form-data')) {
      const file = await uploadedFile(Astro.request);
      const result =
        file === 'too-large'
          ? fail('invalid', undefined, { file: (d) => d.onboarding.import.errors.tooLarge })
          : await previewImport(db, actor, file);
      if (result.ok) return Astro.redirect(importHref(result.value.importId), 303);
      form = errorState(result.error, t, {}, { invalid: 400 });
    } else {
      const values = await readForm(Astro.request);
      const postedId = Number(values.importId) || 0;
      const lines = Object.keys(values)
        .filter((name) => name.startsWith('replace.'))
        .map((name) => Number(name.slice('replace.'.length)))
        .filter((n) => Number.isInteger(n) && n > 0);
      const result = await sendImport(db, actor, postedId, { all: values.replaceAll === '1', lines }, publicBaseUrl(), clientIp(Astro));
      if (result.ok) return Astro.redirect(importHref(postedId), 303);
      form = errorState(result.error, t, values, { conflict: 409, not_found: 404 });
    }
    Astro.response.status = form.status;
  }
  const preview = importId ? await loadImportPreview(db, actor, importId, view, page) : undefined;
  if (importId && !preview && !form.message) form = { ...form, status: 404, message: t.onboarding.import.expiredImport, errors: { _form: t.onboarding.import.expiredImport } };
  if (form.status === 404) Astro.response.status = 404;
  return { form, preview, href: (n, v = view) => importHref(importId, v, n) };
}
