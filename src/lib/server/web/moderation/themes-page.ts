import { z } from 'astro/zod';
import { routes } from '../../../routes.ts';
import type { Result } from '../../../result.ts';
import { templateChapters } from '../../moderation/templates.ts';
import { acceptTheme, discardTheme, mergeThemes, moveComments, renameTheme, requestSuggestions } from '../../moderation/themes/commands.ts';
import { acceptInput, mergeInput, moveInput, renameInput, suggestInput } from '../../moderation/themes/input.ts';
import { runThemeJobs } from '../../moderation/themes/jobs.ts';
import { findTheme, listThemes, pendingRuns, themeComments, type ThemeComments, type ThemeDetail, type ThemeSummary } from '../../moderation/themes/read.ts';
import { getDb } from '../../platform/db.ts';
import { actorOf, clientIp } from '../auth-context.ts';
import { EMPTY_FORM, submitForm, type SchemaFor, type Submitted } from '../form-handling.ts';
import { readForm } from '../forms.ts';
import { MODERATION_STATUS, moderatedConsultation, refused, type ModeratedConsultation, type PageAnswer, type PageContext } from './page.ts';

/**
 * The themes of a consultation (/moderacija/teme): „Predlagaj teme“ for a chapter or the whole
 * draft, the themes by part of the draft with accept and discard, the merge form; and one theme
 * (/moderacija/teme/<id>) with its comments paged, renaming and moving comments. Every form posts
 * here with its intent and leads back with a success banner (`?shranjeno=`).
 */

const DONE = ['requested', 'already', 'accepted', 'renamed', 'discarded', 'merged', 'moved'] as const;
type Done = (typeof DONE)[number];
const idParam = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const idOf = (value: string | null | undefined) => {
  const parsed = idParam.safeParse(value ?? '');
  return parsed.success ? parsed.data : undefined;
};

export interface ThemeScope {
  /** null: the whole draft. */
  chapter: string | null;
  number?: number;
  title?: string;
  themes: ThemeSummary[];
  preparing: boolean;
}
export interface ThemesView extends ModeratedConsultation {
  scopes: ThemeScope[];
  chapters: Array<{ slug: string; number: number; title: string }>;
  preparing: Array<string | null>;
  done?: Done;
  moved?: number;
}

type User = NonNullable<App.Locals['user']>;
type Outcome = { done: Done; id?: number; moved?: number };

/** Runs one posted form: its schema, then the command; the outcome names the banner. */
async function run<S extends z.ZodType, T>(context: PageContext, values: Record<string, string>, schema: SchemaFor<S>, command: (input: z.infer<S>) => Promise<Result<T>>, outcome: (value: T) => Outcome): Promise<Submitted<Outcome>> {
  const submitted = await submitForm(context, schema, command, { statuses: MODERATION_STATUS, values });
  return submitted.ok ? { ...submitted, value: outcome(submitted.value) } : submitted;
}

async function post(context: PageContext, user: User, consultationId: number, themeId?: number): Promise<Submitted<Outcome>> {
  const db = getDb();
  const actor = actorOf(user);
  const ip = clientIp(context);
  const values = await readForm(context.request);
  const id = themeId ?? idOf(values.id);
  const none = z.object({});
  switch (values.intent) {
    case 'suggest': {
      const submitted = await run(context, values, suggestInput, (input) => requestSuggestions(db, actor, consultationId, input, ip), (v) => ({ done: v.already ? 'already' : 'requested' }));
      // Computed off the request, at once: nobody waits for the minute's tick.
      if (submitted.ok) setImmediate(() => runThemeJobs(db).catch((error) => console.error('posvet: theme suggestion failed', error)));
      return submitted;
    }
    case 'merge':
      return run(context, values, mergeInput, (input) => mergeThemes(db, actor, consultationId, input, ip), (v) => ({ done: 'merged', id: v.id }));
  }
  if (id !== undefined) {
    switch (values.intent) {
      case 'accept':
        return run(context, values, acceptInput, (input) => acceptTheme(db, actor, consultationId, id, input, ip), () => ({ done: 'accepted', id }));
      case 'rename':
        return run(context, values, renameInput, (input) => renameTheme(db, actor, consultationId, id, input, ip), () => ({ done: 'renamed', id }));
      case 'discard':
        return run(context, values, none, () => discardTheme(db, actor, consultationId, id, ip), () => ({ done: 'discarded' }));
      case 'move':
        return run(context, values, moveInput, (input) => moveComments(db, actor, consultationId, id, input, ip), (v) => ({ done: 'moved', id, moved: v.moved }));
    }
  }
  return { ok: false, code: 'invalid', status: 400, errors: { _form: context.locals.t.themes.errors.unknownAction }, values };
}

const doneOf = (params: URLSearchParams) => DONE.find((d) => d === params.get('shranjeno'));

export async function themesPage(context: PageContext, user: User): Promise<PageAnswer<ThemesView & { formOf?: string }>> {
  const db = getDb();
  const chosen = await moderatedConsultation(context, user);
  if ('response' in chosen) return chosen;
  const { consultation } = chosen;
  let form = EMPTY_FORM;
  let formOf: string | undefined;
  if (context.request.method === 'POST') {
    const submitted = await post(context, user, consultation.id);
    if (submitted.ok) {
      const anchor = submitted.value.id ? `#tema-${submitted.value.id}` : '';
      return { response: context.redirect(routes.moderationThemes({ posvetovanje: consultation.slug, shranjeno: submitted.value.done }) + anchor, 303) };
    }
    form = refused(submitted);
    formOf = submitted.values.intent === 'accept' ? `accept-${submitted.values.id}` : submitted.values.intent;
  }
  const [themes, chapters, preparing] = await Promise.all([listThemes(db, consultation.id), templateChapters(db, consultation.id), pendingRuns(db, consultation.id)]);
  const scopes: ThemeScope[] = [{ chapter: null, themes: themes.filter((t) => t.chapter_slug === null), preparing: preparing.includes(null) }];
  for (const c of chapters) scopes.push({ chapter: c.slug, number: c.number, title: c.title, themes: themes.filter((t) => t.chapter_slug === c.slug), preparing: preparing.includes(c.slug) });
  const known = new Set(chapters.map((c) => c.slug));
  for (const slug of new Set(themes.map((t) => t.chapter_slug).filter((s): s is string => s !== null && !known.has(s)))) {
    scopes.push({ chapter: slug, themes: themes.filter((t) => t.chapter_slug === slug), preparing: preparing.includes(slug) });
  }
  return { view: { ...chosen, scopes, chapters, preparing, done: doneOf(context.url.searchParams), formOf }, form };
}
export type ThemesPage = Extract<Awaited<ReturnType<typeof themesPage>>, { view: unknown }>;

export interface ThemeView extends ModeratedConsultation {
  theme: ThemeDetail;
  comments: ThemeComments;
  /** The accepted themes comments may move to. */
  targets: ThemeSummary[];
  /** Where the theme's scope is shown (chapter number and title), when a chapter. */
  scopeLabel?: { number: number; title: string } | string;
  done?: Done;
  moved?: number;
}

export async function themePage(context: PageContext, user: User): Promise<PageAnswer<ThemeView>> {
  const db = getDb();
  // A link without the consultation (a queue row's chip) leads to the theme's own.
  if (!context.url.searchParams.get('posvetovanje')) {
    const id = idOf(context.params.id);
    const own = id === undefined ? undefined : await db.selectFrom('themes as t').innerJoin('consultations as c', 'c.id', 't.consultation_id').select('c.slug').where('t.id', '=', id).executeTakeFirst();
    if (own) return { response: context.redirect(routes.moderationTheme(id!, { posvetovanje: own.slug }), 302) };
  }
  const chosen = await moderatedConsultation(context, user);
  if ('response' in chosen) return chosen;
  const { consultation } = chosen;
  const id = idOf(context.params.id);
  const theme = id === undefined ? undefined : await findTheme(db, consultation.id, id);
  if (!theme) return { response: await context.rewrite('/404') };
  let form = EMPTY_FORM;
  if (context.request.method === 'POST') {
    const submitted = await post(context, user, consultation.id, theme.id);
    if (submitted.ok) {
      const { done, moved } = submitted.value;
      const to = done === 'discarded' ? routes.moderationThemes({ posvetovanje: consultation.slug, shranjeno: done }) : routes.moderationTheme(theme.id, { posvetovanje: consultation.slug, shranjeno: done, premaknjenih: moved });
      return { response: context.redirect(to, 303) };
    }
    form = refused(submitted);
  }
  const params = context.url.searchParams;
  const page = Number(params.get('stran')) || 1;
  const [comments, all, chapters] = await Promise.all([themeComments(db, theme.id, page), listThemes(db, consultation.id, ['accepted']), templateChapters(db, consultation.id)]);
  const chapter = chapters.find((c) => c.slug === theme.chapter_slug);
  const moved = Number(params.get('premaknjenih'));
  return {
    view: {
      ...chosen,
      theme,
      comments,
      targets: all.filter((t) => t.id !== theme.id),
      scopeLabel: chapter ? { number: chapter.number, title: chapter.title } : (theme.chapter_slug ?? undefined),
      done: doneOf(params),
      moved: Number.isInteger(moved) && moved > 0 && moved <= 100 ? moved : undefined,
    },
    form,
  };
}
