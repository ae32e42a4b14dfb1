import { z } from 'astro/zod';
import { routes } from '../../../routes.ts';
import { createTemplate, deleteTemplate, listTemplates, templateChapters, templateInput, templatesFor, updateTemplate, type AnswerTemplate, type FittingTemplate } from '../../moderation/templates.ts';
import { getDb } from '../../platform/db.ts';
import { actorOf, clientIp } from '../auth-context.ts';
import { EMPTY_FORM, submitForm, type Submitted } from '../form-handling.ts';
import { readForm } from '../forms.ts';
import { MODERATION_STATUS, moderatedConsultation, refused, type ModeratedConsultation, type PageAnswer, type PageContext } from './page.ts';

/**
 * The answer templates of a consultation (/moderacija/predloge): the list grouped by chapter, the
 * create form, a template's edit form (`?uredi=<id>`) and its delete confirmation (`?izbrisi=<id>`);
 * and the chooser that fills a stance's obrazložitev with a template (`?predloga=<id>`).
 */

const idParam = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const idOf = (value: string | null | undefined) => {
  const parsed = idParam.safeParse(value ?? '');
  return parsed.success ? parsed.data : undefined;
};

/** What a successful change says after the redirect (`?shranjeno=`): a key, never text from the URL. */
const DONE = ['created', 'updated', 'deleted'] as const;
type Done = (typeof DONE)[number];

export interface TemplateGroup {
  /** null: the general templates. */
  chapter: string | null;
  number?: number;
  title?: string;
  templates: AnswerTemplate[];
}

export interface TemplatesView extends ModeratedConsultation {
  groups: TemplateGroup[];
  chapters: Array<{ slug: string; number: number; title: string }>;
  /** The template whose edit form is open. */
  editing?: AnswerTemplate;
  /** The template whose deletion awaits confirmation. */
  deleting?: AnswerTemplate;
  /** Which form the shown errors and values belong to. */
  formOf?: 'create' | 'update';
  done?: Done;
}

/** The general templates first, then each chapter's in the draft's order (a chapter the draft no longer has, last). */
function grouped(templates: AnswerTemplate[], chapters: TemplatesView['chapters']): TemplateGroup[] {
  const groups: TemplateGroup[] = [{ chapter: null, templates: templates.filter((t) => t.chapter_slug === null) }];
  for (const c of chapters) {
    const own = templates.filter((t) => t.chapter_slug === c.slug);
    if (own.length) groups.push({ chapter: c.slug, number: c.number, title: c.title, templates: own });
  }
  const known = new Set(chapters.map((c) => c.slug));
  for (const slug of new Set(templates.map((t) => t.chapter_slug).filter((s): s is string => s !== null && !known.has(s)))) {
    groups.push({ chapter: slug, templates: templates.filter((t) => t.chapter_slug === slug) });
  }
  return groups;
}

type Intent = 'create' | 'update' | 'delete';

async function post(context: PageContext, user: NonNullable<App.Locals['user']>, consultationId: number): Promise<{ intent?: Intent; submitted: Submitted<{ id: number } | undefined> }> {
  const db = getDb();
  const actor = actorOf(user);
  const ip = clientIp(context);
  const values = await readForm(context.request);
  const options = { statuses: MODERATION_STATUS, values };
  const id = idOf(values.id);
  switch (values.intent) {
    case 'create':
      return { intent: 'create', submitted: await submitForm(context, templateInput, (input) => createTemplate(db, actor, consultationId, input, ip), options) };
    case 'update':
      if (id === undefined) break;
      return { intent: 'update', submitted: await submitForm(context, templateInput, (input) => updateTemplate(db, actor, consultationId, id, input, ip), options) };
    case 'delete':
      if (id === undefined) break;
      return { intent: 'delete', submitted: await submitForm(context, z.object({}), async () => deleteTemplate(db, actor, consultationId, id, ip), options) };
  }
  return { submitted: { ok: false, code: 'invalid', status: 400, errors: { _form: context.locals.t.templates.errors.unknownAction }, values } };
}

export async function templatesPage(context: PageContext, user: NonNullable<App.Locals['user']>): Promise<PageAnswer<TemplatesView>> {
  const db = getDb();
  const chosen = await moderatedConsultation(context, user);
  if ('response' in chosen) return chosen;
  const { consultation } = chosen;
  let form = EMPTY_FORM;
  let formOf: TemplatesView['formOf'];
  if (context.request.method === 'POST') {
    const { intent, submitted } = await post(context, user, consultation.id);
    if (submitted.ok) {
      const done: Done = intent === 'create' ? 'created' : intent === 'update' ? 'updated' : 'deleted';
      const anchor = submitted.value?.id ? `#predloga-${submitted.value.id}` : '';
      return { response: context.redirect(routes.moderationTemplates({ posvetovanje: consultation.slug, shranjeno: done }) + anchor, 303) };
    }
    form = refused(submitted);
    formOf = intent === 'update' ? 'update' : intent === 'create' ? 'create' : undefined;
  }
  const [templates, chapters] = await Promise.all([listTemplates(db, consultation.id), templateChapters(db, consultation.id)]);
  const find = (id: number | undefined) => (id === undefined ? undefined : templates.find((t) => t.id === id));
  const params = context.url.searchParams;
  const done = params.get('shranjeno');
  const view: TemplatesView = {
    ...chosen,
    groups: grouped(templates, chapters),
    chapters,
    // A refused edit keeps its form open (the id it was for is in what was posted).
    editing: find(formOf === 'update' ? idOf(form.values.id) : idOf(params.get('uredi'))),
    deleting: formOf ? undefined : find(idOf(params.get('izbrisi'))),
    formOf,
    done: DONE.find((d) => d === done),
  };
  return { view, form };
}
export type TemplatesPage = Extract<Awaited<ReturnType<typeof templatesPage>>, { view: unknown }>;

/** The template chooser beside a stance's obrazložitev. */
export interface TemplateChoice {
  /** Where its GET form goes (the page it is on). */
  action: string;
  templates: FittingTemplate[];
  /** The template chosen with `?predloga=`, if it fits. */
  chosen?: FittingTemplate;
  /** The obrazložitev it fills in. */
  prefill?: string;
  /** The templates' page of the consultation. */
  manage: string;
}

/**
 * The chooser for a comment on a chapter (null: on the whole draft) of a consultation, and what
 * `?predloga=<id>` fills the obrazložitev with — only a template that fits the comment.
 */
export async function templateChoice(url: URL, action: string, consultation: { id: number; slug: string }, chapterSlug: string | null): Promise<TemplateChoice> {
  const templates = await templatesFor(getDb(), consultation.id, chapterSlug);
  const wanted = idOf(url.searchParams.get('predloga'));
  const chosen = wanted === undefined ? undefined : templates.find((t) => t.id === wanted);
  return { action, templates, chosen, prefill: chosen?.body, manage: routes.moderationTemplates({ posvetovanje: consultation.slug }) };
}
