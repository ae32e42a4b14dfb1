import type { AstroGlobal } from 'astro';
import { z } from 'astro/zod';
import { CONSULTATION_STATUSES, type ConsultationStatus } from '../../../enums.ts';
import { fail, type Result } from '../../../result.ts';
import { routes } from '../../../routes.ts';
import {
  activeModerators,
  archiveConsultation,
  assignModerator,
  consultationModerators,
  STATUS_TRANSITIONS,
  setConsultationStatus,
  unarchiveConsultation,
  unassignModerator,
  createConsultation,
} from '../../consultations/commands.ts';
import { findConsultation, listConsultations, type Consultation } from '../../consultations/consultations.ts';
import { consultationInput } from '../../consultations/input.ts';
import { listVersions } from '../../content/content.ts';
import { listOrganisations } from '../../organisations/organisations.ts';
import { getDb, type Db } from '../../platform/db.ts';
import { actorOf, clientIp, requirePermission } from '../auth-context.ts';
import { flashMessage, withFlash, type FlashKey } from '../flash.ts';
import { EMPTY_FORM, submitForm, type FormState } from '../form-handling.ts';
import { readForm } from '../forms.ts';

/** The administrators' pages of consultations: the list with the create form, and one consultation. */

export async function loadAdminConsultationsPage(db: Db) {
  const consultations = await Promise.all(
    (await listConsultations(db, { archived: true })).map(async (c) => ({ ...c, drafts: (await listVersions(c.slug)).length })),
  );
  const owners = (await listOrganisations(db, 'government')).map((o) => ({ value: o.code, label: o.name }));
  return { consultations, owners };
}

export type AdminConsultationsPage = Awaited<ReturnType<typeof loadAdminConsultationsPage>> & { form: FormState; flash?: string };

/** /admin/posvetovanja: the list; a posted form creates a consultation and opens its page. */
export async function adminConsultationsPage(Astro: AstroGlobal): Promise<Response | AdminConsultationsPage> {
  const guard = requirePermission(Astro, 'administer');
  if (guard.response) return guard.response;
  const db = getDb();
  let form = EMPTY_FORM;
  if (Astro.request.method === 'POST') {
    const submitted = await submitForm(Astro, consultationInput, (input) => createConsultation(db, actorOf(guard.user), input, { ip: clientIp(Astro) }));
    if (submitted.ok) return Astro.redirect(withFlash(routes.adminConsultation(submitted.value.slug), 'posvetovanje-ustvarjeno'), 303);
    form = submitted;
    Astro.response.status = form.status;
  }
  const page = await loadAdminConsultationsPage(db);
  return { ...page, form, flash: flashMessage(Astro.url, Astro.locals.t) };
}

/** The status buttons of a consultation: each step it may take from where it is, by its action's name. */
export function statusActions(status: ConsultationStatus): Array<{ status: ConsultationStatus; action: 'open' | 'reopen' | 'close' | 'report_published' }> {
  return STATUS_TRANSITIONS[status].map((to) => ({
    status: to,
    action: to === 'open' ? (status === 'closed' ? 'reopen' : 'open') : to === 'closed' ? 'close' : 'report_published',
  }));
}

export async function loadAdminConsultationPage(db: Db, consultation: Consultation) {
  const moderators = await consultationModerators(db, consultation.id);
  const assigned = new Set(moderators.map((m) => m.id));
  const candidates = (await activeModerators(db)).filter((m) => !assigned.has(m.id));
  return {
    consultation,
    path: routes.adminConsultation(consultation.slug),
    drafts: (await listVersions(consultation.slug)).length,
    actions: statusActions(consultation.status),
    moderators,
    candidates,
  };
}

export type AdminConsultationPage = Awaited<ReturnType<typeof loadAdminConsultationPage>> & { form: FormState; flash?: string };

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const intentInput = z.object({
  intent: z.enum(['status', 'archive', 'unarchive', 'assign', 'unassign']).optional().catch(undefined),
  status: z.enum(CONSULTATION_STATUSES).optional().catch(undefined),
  userId: id.optional().catch(undefined),
});

const unknownAction = () => fail('invalid', (t) => t.consultationAdmin.errors.unknownAction);

const FLASH: Record<NonNullable<z.infer<typeof intentInput>['intent']>, FlashKey> = {
  status: 'stanje-spremenjeno',
  archive: 'posvetovanje-arhivirano',
  unarchive: 'posvetovanje-iz-arhiva',
  assign: 'moderator-dodeljen',
  unassign: 'moderator-odvzet',
};

/** /admin/posvetovanja/[slug]: status, archive and moderators, each a small form with its intent. */
export async function adminConsultationPage(Astro: AstroGlobal): Promise<Response | AdminConsultationPage> {
  const guard = requirePermission(Astro, 'administer');
  if (guard.response) return guard.response;
  const db = getDb();
  const found = await findConsultation(db, Astro.params.slug ?? '');
  if (!found) return Astro.rewrite('/404');
  const path = routes.adminConsultation(found.slug);
  let form = EMPTY_FORM;
  if (Astro.request.method === 'POST') {
    const actor = actorOf(guard.user);
    const context = { ip: clientIp(Astro) };
    const values = await readForm(Astro.request);
    const submitted = await submitForm(
      Astro,
      intentInput,
      ({ intent, status, userId }): Promise<Result<unknown>> | Result<unknown> => {
        switch (intent) {
          case 'status':
            return status ? setConsultationStatus(db, actor, found.slug, status, context) : unknownAction();
          case 'archive':
            return archiveConsultation(db, actor, found.slug, context);
          case 'unarchive':
            return unarchiveConsultation(db, actor, found.slug, context);
          case 'assign':
            return assignModerator(db, actor, found.slug, userId ?? 0, context);
          case 'unassign':
            return userId ? unassignModerator(db, actor, found.slug, userId, context) : fail('conflict', (t) => t.consultationAdmin.errors.notAssigned);
          default:
            return unknownAction();
        }
      },
      { values },
    );
    if (submitted.ok && values.intent in FLASH) return Astro.redirect(withFlash(path, FLASH[values.intent as keyof typeof FLASH]), 303);
    if (!submitted.ok) {
      form = submitted;
      Astro.response.status = form.status;
    }
  }
  const consultation = (await findConsultation(db, found.slug))!;
  const page = await loadAdminConsultationPage(db, consultation);
  return { ...page, form, flash: flashMessage(Astro.url, Astro.locals.t) };
}
