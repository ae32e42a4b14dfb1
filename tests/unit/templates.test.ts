import type { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { dictionary, type Dictionary } from '../../src/i18n/index.ts';
import type { Result } from '../../src/lib/result.ts';
import type { Actor } from '../../src/lib/server/accounts/access.ts';
import { createTemplate, deleteTemplate, listTemplates, templateInput, templatesFor, updateTemplate, type TemplateInput } from '../../src/lib/server/moderation/templates.ts';
import type { Db } from '../../src/lib/server/platform/db.ts';
import { submitForm } from '../../src/lib/server/web/form-handling.ts';
import { consultationId, seededDatabase } from './helpers.ts';

/*
 * Answer templates (predloge obrazložitev): kept by a consultation's moderators and administrators,
 * each change audited; offered for a comment's chapter — the chapter's own first, then the general ones.
 */

const IP = '192.0.2.7';
const sl = dictionary();
const ECONOMY = 'digitalna-preobrazba-gospodarstva';
const GIGABIT = 'gigabitna-infrastruktura';

/** The form posted as the page posts it: validated with the schema, then the command on the typed input. */
function viaForm<S extends z.ZodType, T>(schema: (t: Dictionary) => S, values: Record<string, string>, command: (input: z.infer<S>) => Promise<Result<T>>) {
  const request = new Request('http://posvet.test/', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(values) });
  return submitForm({ request, locals: { t: sl } }, schema, command);
}

async function setup() {
  const { db } = await seededDatabase();
  const actor = async (email: string): Promise<Actor> => {
    const u = await db.selectFrom('users as u').innerJoin('organisations as o', 'o.id', 'u.organisation_id').select(['u.id', 'u.role', 'u.organisation_id', 'o.kind']).where('u.email', '=', email).executeTakeFirstOrThrow();
    return { id: u.id, role: u.role, organisationId: u.organisation_id, organisationKind: u.kind };
  };
  // The demo moderator is assigned to DS 2030 only; the administrator moderates every consultation.
  return {
    db,
    ds: await consultationId(db, 'ds2030'),
    sdjs: await consultationId(db, 'sdjs2030'),
    moderator: await actor('moderator@posvet.test'),
    admin: await actor('admin@posvet.test'),
    member: await actor('bled@posvet.test'),
  };
}

const input = (name: string, body = `Besedilo predloge ${name}.`, chapter: string | null = null): TemplateInput => ({ name, body, chapter });

async function audit(db: Db, action: string) {
  return db.selectFrom('audit_log').select(['actor_user_id', 'target_type', 'target_id', 'before_json', 'after_json', 'ip']).where('action', '=', action).orderBy('id').execute();
}

async function created(result: Result<{ id: number }>): Promise<number> {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value.id;
}

describe('answer templates', () => {
  it('are created, changed and deleted by a moderator of the consultation, each change audited with before and after', async () => {
    const { db, ds, moderator } = await setup();
    const id = await created(await createTemplate(db, moderator, ds, input('Zunaj področja', 'Predlog presega področje strategije.', ECONOMY), IP));
    expect(await listTemplates(db, ds)).toMatchObject([{ id, name: 'Zunaj področja', chapter_slug: ECONOMY, body: 'Predlog presega področje strategije.', updated_by_name: 'Marko Moderator' }]);
    const [made] = await audit(db, 'template.created');
    expect(made).toMatchObject({ actor_user_id: moderator.id, target_type: 'answer_template', target_id: String(id), before_json: 'null', ip: IP });
    expect(JSON.parse(made.after_json!)).toEqual({ consultation: ds, chapter: ECONOMY, name: 'Zunaj področja', body: 'Predlog presega področje strategije.' });

    expect(await updateTemplate(db, moderator, ds, id, input('Zunaj področja strategije', 'Predlog presega področje te strategije.'), IP)).toEqual({ ok: true, value: { id } });
    const [changed] = await audit(db, 'template.updated');
    expect(JSON.parse(changed.before_json!)).toEqual({ chapter: ECONOMY, name: 'Zunaj področja', body: 'Predlog presega področje strategije.' });
    expect(JSON.parse(changed.after_json!)).toEqual({ chapter: null, name: 'Zunaj področja strategije', body: 'Predlog presega področje te strategije.' });
    expect(await listTemplates(db, ds)).toMatchObject([{ id, name: 'Zunaj področja strategije', chapter_slug: null }]);

    expect(await deleteTemplate(db, moderator, ds, id, IP)).toEqual({ ok: true, value: undefined });
    expect(await listTemplates(db, ds)).toEqual([]);
    const [deleted] = await audit(db, 'template.deleted');
    expect(deleted).toMatchObject({ actor_user_id: moderator.id, target_id: String(id), after_json: 'null' });
    expect(JSON.parse(deleted.before_json!)).toMatchObject({ name: 'Zunaj področja strategije' });
    // Gone: a second delete or an edit is "not found", and writes nothing.
    expect(await deleteTemplate(db, moderator, ds, id, IP)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await updateTemplate(db, moderator, ds, id, input('Nova'), IP)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await audit(db, 'template.deleted')).toHaveLength(1);
  });

  it('an empty text is refused with its message and nothing is stored; so are a missing name, an overlong text and a chapter the draft has not', async () => {
    const { db, ds, moderator } = await setup();
    const post = (values: Record<string, string>) => viaForm(templateInput, values, (i) => createTemplate(db, moderator, ds, i, IP));
    expect(await post({ name: 'Prazna', chapter: '', body: ' \r\n\t ' })).toMatchObject({ ok: false, status: 422, errors: { body: 'Besedilo predloge ne sme biti prazno.' }, values: { name: 'Prazna' } });
    expect(await post({ name: 'Brez besedila', chapter: '' })).toMatchObject({ ok: false, errors: { body: 'Besedilo predloge ne sme biti prazno.' } });
    expect(await post({ name: '   ', body: 'Besedilo.' })).toMatchObject({ ok: false, errors: { name: 'Vpišite ime predloge.' } });
    expect(await post({ name: 'x'.repeat(101), body: 'Besedilo.' })).toMatchObject({ ok: false, errors: { name: 'Ime predloge je predolgo (največ 100 znakov).' } });
    expect(await post({ name: 'Dolga', body: 'b'.repeat(10_001) })).toMatchObject({ ok: false, errors: { body: 'Besedilo predloge je predolgo (največ 10.000 znakov).' } });
    expect(await post({ name: 'Tuje poglavje', chapter: 'digitalna-identiteta', body: 'Besedilo.' })).toMatchObject({ ok: false, errors: { chapter: 'Izberite poglavje trenutnega osnutka ali „vsa poglavja“.' } });
    expect(await listTemplates(db, ds)).toEqual([]);
    expect(await audit(db, 'template.created')).toEqual([]);
    // At the limits, and with its text's line breaks as one character each, it is stored.
    expect(await post({ name: 'x'.repeat(100), chapter: GIGABIT, body: `${'b'.repeat(9_998)}\r\nc` })).toMatchObject({ ok: true });
    expect((await listTemplates(db, ds))[0].body).toBe(`${'b'.repeat(9_998)}\nc`);
  });

  it('a name already used in the consultation (whatever its case) is refused on its field; another consultation may use it', async () => {
    const { db, ds, sdjs, moderator, admin } = await setup();
    const first = await created(await createTemplate(db, moderator, ds, input('Delno upoštevano'), IP));
    const second = await created(await createTemplate(db, moderator, ds, input('Seznanitev'), IP));
    const post = (values: Record<string, string>) => viaForm(templateInput, values, (i) => createTemplate(db, moderator, ds, i, IP));
    expect(await post({ name: '  delno   UPOŠTEVANO ', body: 'Drugo besedilo.' })).toMatchObject({ ok: false, status: 422, errors: { name: 'Predloga s tem imenom že obstaja. Izberite drugo ime.' } });
    // Renaming another template to it is refused too; keeping one's own name is not.
    expect(await updateTemplate(db, moderator, ds, second, input('Delno upoštevano'), IP)).toMatchObject({ ok: false, error: { code: 'invalid', fields: { name: expect.any(Function) } } });
    expect(await updateTemplate(db, moderator, ds, first, input('Delno upoštevano', 'Spremenjeno besedilo.'), IP)).toMatchObject({ ok: true });
    expect((await listTemplates(db, ds)).map((t) => t.name)).toEqual(['Delno upoštevano', 'Seznanitev']);
    expect(await createTemplate(db, admin, sdjs, input('Delno upoštevano'), IP)).toMatchObject({ ok: true });
    expect(await audit(db, 'template.created')).toHaveLength(3);
  });

  it('a moderator of another consultation, or someone who does not moderate, can neither create, change nor delete', async () => {
    const { db, ds, sdjs, moderator, admin, member } = await setup();
    const there = await created(await createTemplate(db, admin, sdjs, input('Za SDJS'), IP));
    const refusals = [
      await createTemplate(db, moderator, sdjs, input('Ne bi smela nastati'), IP),
      await updateTemplate(db, moderator, sdjs, there, input('Preimenovana'), IP),
      await deleteTemplate(db, moderator, sdjs, there, IP),
      await createTemplate(db, member, ds, input('Občinska'), IP),
    ];
    for (const outcome of refusals) expect(outcome).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Through the consultation the moderator does moderate, another consultation's template is not found.
    expect(await deleteTemplate(db, moderator, ds, there, IP)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await listTemplates(db, sdjs)).toMatchObject([{ id: there, name: 'Za SDJS' }]);
    expect(await listTemplates(db, ds)).toEqual([]);
    expect((await audit(db, 'template.created')).map((a) => a.actor_user_id)).toEqual([admin.id]);
    expect(await audit(db, 'template.updated')).toEqual([]);
    expect(await audit(db, 'template.deleted')).toEqual([]);
  });

  it('for a chapter: the chapter’s own by name first, then the general ones by name, none of another chapter or consultation', async () => {
    const { db, ds, sdjs, moderator, admin } = await setup();
    for (const [name, chapter] of [
      ['Širokopasovnost', GIGABIT],
      ['Čas gradnje', GIGABIT],
      ['Zavrnitev', null],
      ['Upoštevano', null],
      ['Člen o podjetjih', ECONOMY],
      ['Ćevapčiči', null],
    ] as const) {
      await created(await createTemplate(db, moderator, ds, input(name, `Besedilo: ${name}.`, chapter), IP));
    }
    await created(await createTemplate(db, admin, sdjs, input('Splošna SDJS'), IP));
    // Slovenian order: C, Č, Ć … S, Š … U, Z.
    expect((await templatesFor(db, ds, GIGABIT)).map((t) => t.name)).toEqual(['Čas gradnje', 'Širokopasovnost', 'Ćevapčiči', 'Upoštevano', 'Zavrnitev']);
    expect((await templatesFor(db, ds, ECONOMY)).map((t) => t.name)).toEqual(['Člen o podjetjih', 'Ćevapčiči', 'Upoštevano', 'Zavrnitev']);
    // A comment on the whole draft, or on a chapter with no templates of its own: the general ones.
    expect((await templatesFor(db, ds, null)).map((t) => t.name)).toEqual(['Ćevapčiči', 'Upoštevano', 'Zavrnitev']);
    expect((await templatesFor(db, ds, 'zeleni-prehod')).map((t) => t.name)).toEqual(['Ćevapčiči', 'Upoštevano', 'Zavrnitev']);
    expect((await templatesFor(db, sdjs, GIGABIT)).map((t) => t.name)).toEqual(['Splošna SDJS']);
    expect((await templatesFor(db, ds, GIGABIT))[0]).toMatchObject({ body: 'Besedilo: Čas gradnje.', chapter_slug: GIGABIT });
  });
});
