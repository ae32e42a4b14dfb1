import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { invitationAcceptInput } from '../../src/lib/server/accounts/input.ts';
import { acceptInvitation, createInvitation, findValidInvitation } from '../../src/lib/server/accounts/invitations.ts';
import { changeRole, inviteMember, setUserStatus } from '../../src/lib/server/accounts/members.ts';
import { completePasswordReset, findValidReset, requestPasswordReset } from '../../src/lib/server/accounts/password-reset.ts';
import { hashPassword, passwordProblem, verifyPassword } from '../../src/lib/server/accounts/passwords.ts';
import { createLucia } from '../../src/lib/server/accounts/sessions.ts';
import { loginWaitMinutes } from '../../src/lib/server/accounts/throttle.ts';
import { DEMO_PASSWORD } from '../../src/lib/server/platform/demo.ts';
import { changePasswordForm, fieldsOf, login, messageOf, t } from './account-forms.ts';
import { organisationId, seededDatabase, userId } from './helpers.ts';

const IP = '192.0.2.10';
const BASE = 'https://posvet.test';

describe('passwords', () => {
  it('are hashed with argon2id and verified', async () => {
    const hash = await hashPassword('dolgo in varno geslo 2030');
    expect(hash.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(hash, 'dolgo in varno geslo 2030')).toBe(true);
    expect(await verifyPassword(hash, 'dolgo in varno geslo 2031')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });

  it('must be long, uncommon and free of the e-mail address', () => {
    expect(passwordProblem('kratko', 'a@b.si')?.(t)).toMatch(/najmanj 12 znakov/);
    expect(passwordProblem('password1234', 'a@b.si')?.(t)).toMatch(/preveč pogosto/);
    expect(passwordProblem('aaaaaaaaaaaaaa', 'a@b.si')?.(t)).toMatch(/preveč pogosto/);
    expect(passwordProblem('123456789012345', 'a@b.si')?.(t)).toMatch(/preveč pogosto/);
    expect(passwordProblem('moje geslo janez.novak 1', 'janez.novak@obcina.si')?.(t)).toMatch(/e-naslova/);
    expect(passwordProblem('zeleni traktor pod lipo', 'janez.novak@obcina.si')?.(t)).toBeUndefined();
  });
});

describe('sessions', () => {
  it('store only a hash of the token, which is what the cookie carries', async () => {
    const { db } = await seededDatabase();
    const lucia = createLucia(db);
    const id = await userId(db, 'bled@posvet.test');
    const session = await lucia.createSession(id, { ip: IP, userAgent: 'test' });
    const rows = await db.selectFrom('sessions').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0].id).not.toBe(session.id);
    expect(rows[0].id).toMatch(/^[0-9a-f]{64}$/);
    const dump = JSON.stringify(await sql`select * from sessions`.execute(db));
    expect(dump).not.toContain(session.id);
    const { user } = await lucia.validateSession(session.id);
    expect(user?.email).toBe('bled@posvet.test');
    expect(user?.organisationName).toBe('Občina Bled');
    // The hash itself does not work as a token.
    expect((await lucia.validateSession(rows[0].id)).session).toBeNull();
  });

  it('end when the account is disabled', async () => {
    const { db } = await seededDatabase();
    const lucia = createLucia(db);
    const admin = { id: await userId(db, 'admin@posvet.test'), role: 'admin' as const, organisationId: await organisationId(db, 'MDP'), organisationKind: 'government' };
    const bled = await userId(db, 'bled@posvet.test');
    const session = await lucia.createSession(bled, { ip: IP, userAgent: null });
    expect((await setUserStatus(db, admin, bled, 'disabled', IP)).ok).toBe(true);
    expect((await lucia.validateSession(session.id)).user).toBeNull();
  });

  it('are extended when used in the second half of their life (sliding expiry)', async () => {
    const { db } = await seededDatabase();
    const lucia = createLucia(db);
    const session = await lucia.createSession(await userId(db, 'bled@posvet.test'), { ip: IP, userAgent: null });
    // Pretend the session is nearly over.
    await db.updateTable('sessions').set({ expires_at: Math.floor(Date.now() / 1000) + 60 }).execute();
    const validated = await lucia.validateSession(session.id);
    expect(validated.session?.fresh).toBe(true);
    const row = await db.selectFrom('sessions').select('expires_at').executeTakeFirstOrThrow();
    expect(row.expires_at).toBeGreaterThan(Math.floor(Date.now() / 1000) + 7 * 3600);
  });
});

describe('login', () => {
  it('succeeds with the right password whatever the case of the e-mail', async () => {
    const { db } = await seededDatabase();
    const outcome = await login(db, { email: '  BLED@posvet.test ', password: DEMO_PASSWORD }, IP);
    expect(outcome.ok).toBe(true);
    const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'login.succeeded').execute();
    expect(audit).toHaveLength(1);
  });

  it('answers a wrong password, an unknown address and a disabled account alike, and creates no session', async () => {
    const { db } = await seededDatabase();
    const wrong = await login(db, { email: 'bled@posvet.test', password: 'napačno geslo' }, IP);
    const unknown = await login(db, { email: 'nihce@posvet.test', password: 'napačno geslo' }, IP);
    await db.updateTable('users').set({ status: 'disabled' }).where('email', '=', 'sos@posvet.test').execute();
    const disabled = await login(db, { email: 'sos@posvet.test', password: DEMO_PASSWORD }, IP);
    for (const outcome of [wrong, unknown, disabled]) {
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) {
        expect(outcome.status).toBe(401);
        expect(outcome.errors._form).toBe('E-naslov ali geslo ni pravilno.');
        expect(outcome.values.password).toBeUndefined();
      }
    }
    expect(await db.selectFrom('sessions').selectAll().execute()).toHaveLength(0);
    expect(await db.selectFrom('audit_log').selectAll().where('action', '=', 'login.failed').execute()).toHaveLength(3);
  });

  it('refuses an empty or malformed form with field messages, keeping the e-mail', async () => {
    const { db } = await seededDatabase();
    const outcome = await login(db, { email: 'ni-naslov', password: '' }, IP);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.status).toBe(400);
      expect(outcome.errors.email).toMatch(/veljaven e-naslov/);
      expect(outcome.errors.password).toBe('Vpišite geslo.');
      expect(outcome.values.email).toBe('ni-naslov');
    }
  });

  it('is throttled after repeated failures with a Slovenian message, before any password check', async () => {
    const { db } = await seededDatabase();
    const outcomes = [];
    for (let i = 0; i < 15; i++) outcomes.push(await login(db, { email: 'bled@posvet.test', password: `napačno ${i}` }, IP));
    const last = outcomes.at(-1)!;
    expect(last.ok).toBe(false);
    if (!last.ok) {
      expect(last.status).toBe(429);
      expect(last.errors._form).toMatch(/^Preveč neuspešnih poskusov prijave\. Poskusite znova čez \d+ minut[oie]?\.$/);
    }
    // Even the right password is refused while throttled.
    const right = await login(db, { email: 'bled@posvet.test', password: DEMO_PASSWORD }, IP);
    expect(right.ok).toBe(false);
    // The waits grow with each further failure.
    const now = new Date();
    expect(await loginWaitMinutes(db, 'bled@posvet.test', IP, now)).toBeGreaterThanOrEqual(1);
  });

  it('throttles unknown addresses the same way (no enumeration) and a whole IP address', async () => {
    const { db } = await seededDatabase();
    for (let i = 0; i < 5; i++) await login(db, { email: 'nihce@posvet.test', password: `x${i}` }, IP);
    expect(await loginWaitMinutes(db, 'nihce@posvet.test', IP)).toBeGreaterThan(0);
    for (let i = 0; i < 20; i++) await login(db, { email: `oseba${i}@posvet.test`, password: 'x' }, '198.51.100.7');
    expect(await loginWaitMinutes(db, 'nekdo.drug@posvet.test', '198.51.100.7')).toBeGreaterThan(0);
    expect(await loginWaitMinutes(db, 'nekdo.drug@posvet.test', '198.51.100.8')).toBe(0);
  });

  it('resets the count on success', async () => {
    const { db } = await seededDatabase();
    for (let i = 0; i < 4; i++) await login(db, { email: 'bled@posvet.test', password: 'napačno' }, IP);
    expect((await login(db, { email: 'bled@posvet.test', password: DEMO_PASSWORD }, IP)).ok).toBe(true);
    for (let i = 0; i < 4; i++) await login(db, { email: 'bled@posvet.test', password: 'napačno' }, IP);
    expect(await loginWaitMinutes(db, 'bled@posvet.test', IP)).toBe(0);
  });
});

describe('password change and reset', () => {
  it('changing the password ends every other session, keeps this one, and is audited', async () => {
    const { db } = await seededDatabase();
    const lucia = createLucia(db);
    const id = await userId(db, 'bled@posvet.test');
    const mine = await lucia.createSession(id, { ip: IP, userAgent: null });
    const other = await lucia.createSession(id, { ip: IP, userAgent: null });
    const wrong = await changePasswordForm(db, { id, email: 'bled@posvet.test' }, { currentPassword: 'ni pravo', password: 'zeleni traktor pod lipo', passwordConfirm: 'zeleni traktor pod lipo' }, mine.id, IP);
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.errors.currentPassword).toBe('Trenutno geslo ni pravilno.');
    const ok = await changePasswordForm(db, { id, email: 'bled@posvet.test' }, { currentPassword: DEMO_PASSWORD, password: 'zeleni traktor pod lipo', passwordConfirm: 'zeleni traktor pod lipo' }, mine.id, IP);
    expect(ok.ok).toBe(true);
    expect((await lucia.validateSession(mine.id)).session).not.toBeNull();
    expect((await lucia.validateSession(other.id)).session).toBeNull();
    expect((await login(db, { email: 'bled@posvet.test', password: 'zeleni traktor pod lipo' }, IP)).ok).toBe(true);
    expect(await db.selectFrom('audit_log').select('action').where('action', '=', 'password.changed').execute()).toHaveLength(1);
  });

  it('a reset link is hashed, single use, and ends every session', async () => {
    const { db } = await seededDatabase();
    const lucia = createLucia(db);
    const id = await userId(db, 'bled@posvet.test');
    const session = await lucia.createSession(id, { ip: IP, userAgent: null });
    await requestPasswordReset(db, { email: 'Bled@posvet.test' }, BASE, IP);
    const mail = await db.selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow();
    expect(mail.to_address).toBe('bled@posvet.test');
    const token = /\/ponastavi-geslo\/([A-Za-z0-9_-]+)/.exec(mail.body_text)![1];
    const stored = await db.selectFrom('password_resets').select('token_hash').executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toBe(token);
    expect(await findValidReset(db, token)).toBeDefined();

    const weak = await completePasswordReset(db, token, { password: 'kratko', passwordConfirm: 'kratko' }, IP);
    expect(weak.ok).toBe(false);
    expect(await findValidReset(db, token)).toBeDefined();

    const done = await completePasswordReset(db, token, { password: 'modra hiša ob reki', passwordConfirm: 'modra hiša ob reki' }, IP);
    expect(done.ok).toBe(true);
    expect((await lucia.validateSession(session.id)).session).toBeNull();
    expect(await completePasswordReset(db, token, { password: 'še eno dolgo geslo', passwordConfirm: 'še eno dolgo geslo' }, IP)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await login(db, { email: 'bled@posvet.test', password: 'modra hiša ob reki' }, IP)).ok).toBe(true);
  });

  it('an unknown address gets the same answer and no mail', async () => {
    const { db } = await seededDatabase();
    expect(await requestPasswordReset(db, { email: 'nihce@posvet.test' }, BASE, IP)).toEqual({ ok: true });
    expect(await db.selectFrom('mail_outbox').selectAll().execute()).toHaveLength(0);
  });

  it('an expired reset link no longer works', async () => {
    const { db } = await seededDatabase();
    await requestPasswordReset(db, { email: 'bled@posvet.test' }, BASE, IP);
    const token = /\/ponastavi-geslo\/([A-Za-z0-9_-]+)/.exec((await db.selectFrom('mail_outbox').select('body_text').executeTakeFirstOrThrow()).body_text)![1];
    await db.updateTable('password_resets').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).execute();
    expect(await findValidReset(db, token)).toBeUndefined();
  });
});

describe('invitations', () => {
  async function adminActor(db: Awaited<ReturnType<typeof seededDatabase>>['db']) {
    return { id: await userId(db, 'admin@posvet.test'), role: 'admin' as const, organisationId: await organisationId(db, 'MDP'), organisationKind: 'government', name: 'Ana' };
  }

  it('invitation → accept creates the account in the right organisation, once', async () => {
    const { db } = await seededDatabase();
    const bled = await organisationId(db, '3');
    const result = await createInvitation(db, { email: 'Nova.Oseba@Bled.si', organisationId: bled, role: 'member' }, { id: null, name: 'Skrbnik' }, BASE, null);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const token = result.value.link.split('/').pop()!;
    expect((await db.selectFrom('invitations').select('token_hash').executeTakeFirstOrThrow()).token_hash).not.toBe(token);
    const mail = await db.selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow();
    expect(mail.to_address).toBe('nova.oseba@bled.si');
    expect(mail.body_text).toContain(result.value.link);
    expect(mail.body_text).toContain('Občina Bled');

    const bad = await acceptInvitation(db, token, invitationAcceptInput.parse({ name: '', password: 'kratko', passwordConfirm: 'kratko' }), IP);
    expect(bad.ok).toBe(false);
    expect(fieldsOf(bad).name).toBe('Vpišite ime in priimek.');
    expect(fieldsOf(bad).password).toMatch(/najmanj 12 znakov/);
    expect(await db.selectFrom('users').selectAll().where('email', '=', 'nova.oseba@bled.si').execute()).toHaveLength(0);

    const accepted = await acceptInvitation(db, token, { name: 'Nova Oseba', password: 'rumena lestev na vrtu', passwordConfirm: 'rumena lestev na vrtu' }, IP);
    expect(accepted.ok).toBe(true);
    const user = await db.selectFrom('users').selectAll().where('email', '=', 'nova.oseba@bled.si').executeTakeFirstOrThrow();
    expect(user).toMatchObject({ name: 'Nova Oseba', organisation_id: bled, role: 'member', status: 'active' });
    expect(await findValidInvitation(db, token)).toBeUndefined();
    expect(await acceptInvitation(db, token, { name: 'Druga', password: 'rumena lestev na vrtu', passwordConfirm: 'rumena lestev na vrtu' }, IP)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses an address that already has an account, and moderator roles outside the ministry', async () => {
    const { db } = await seededDatabase();
    const bled = await organisationId(db, '3');
    const taken = await createInvitation(db, { email: 'BLED@posvet.test', organisationId: bled, role: 'member' }, { id: null, name: 'x' }, BASE, null);
    expect(taken.ok).toBe(false);
    expect(fieldsOf(taken).email).toBe('Oseba s tem e-naslovom že ima račun.');
    const moderatorInBled = await createInvitation(db, { email: 'x@bled.si', organisationId: bled, role: 'moderator' }, { id: null, name: 'x' }, BASE, null);
    expect(moderatorInBled.ok).toBe(false);
    expect(await db.selectFrom('invitations').selectAll().execute()).toHaveLength(0);
  });

  it('an organisation admin invites into their own organisation only, as member or org admin', async () => {
    const { db } = await seededDatabase();
    const ljubljana = await organisationId(db, '61');
    const orgAdmin = { id: await userId(db, 'ljubljana@posvet.test'), role: 'org_admin' as const, organisationId: ljubljana, organisationKind: 'municipality', name: 'Lea' };
    const asModerator = await inviteMember(db, orgAdmin, { email: 'a@ljubljana.si', role: 'moderator' }, BASE, IP);
    expect(asModerator.ok).toBe(false);
    // The organisation field is ignored for an organisation admin: the invitation is to their own.
    const elsewhere = await inviteMember(db, orgAdmin, { email: 'b@ljubljana.si', role: 'member', organisationId: await organisationId(db, '3') }, BASE, IP);
    expect(elsewhere.ok).toBe(true);
    const invitation = await db.selectFrom('invitations').selectAll().executeTakeFirstOrThrow();
    expect(invitation.organisation_id).toBe(ljubljana);

    const bledMember = { id: await userId(db, 'bled@posvet.test'), role: 'member' as const, organisationId: await organisationId(db, '3'), organisationKind: 'municipality', name: 'Blaž' };
    expect(messageOf(await inviteMember(db, bledMember, { email: 'c@bled.si', role: 'member' }, BASE, IP))).toBe('Tega dejanja ne smete izvesti.');
    expect(await db.selectFrom('invitations').selectAll().execute()).toHaveLength(1);
    void adminActor;
  });

  it('an organisation admin cannot change or disable people of another organisation', async () => {
    const { db } = await seededDatabase();
    const orgAdmin = { id: await userId(db, 'ljubljana@posvet.test'), role: 'org_admin' as const, organisationId: await organisationId(db, '61'), organisationKind: 'municipality' };
    const bled = await userId(db, 'bled@posvet.test');
    expect(messageOf(await changeRole(db, orgAdmin, bled, 'org_admin', IP))).toBe('Tega dejanja ne smete izvesti.');
    expect(messageOf(await setUserStatus(db, orgAdmin, bled, 'disabled', IP))).toBe('Tega dejanja ne smete izvesti.');
    const row = await db.selectFrom('users').select(['role', 'status']).where('id', '=', bled).executeTakeFirstOrThrow();
    expect(row).toEqual({ role: 'member', status: 'active' });
    expect(await db.selectFrom('audit_log').selectAll().where('action', 'like', 'user.%').execute()).toHaveLength(0);
  });

  it('role changes are audited with before and after', async () => {
    const { db } = await seededDatabase();
    const admin = await adminActor(db);
    const bled = await userId(db, 'bled@posvet.test');
    expect((await changeRole(db, admin, bled, 'org_admin', IP)).ok).toBe(true);
    const entry = await db.selectFrom('audit_log').selectAll().where('action', '=', 'user.role_changed').executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ actor_user_id: admin.id, target_type: 'user', target_id: String(bled), ip: IP });
    expect(JSON.parse(entry.before_json!)).toEqual({ role: 'member' });
    expect(JSON.parse(entry.after_json!)).toEqual({ role: 'org_admin' });
  });
});

describe('audit log', () => {
  it('is append-only', async () => {
    const { db } = await seededDatabase();
    const before = (await db.selectFrom('audit_log').select('action').orderBy('id').execute()).map((r) => r.action);
    await login(db, { email: 'bled@posvet.test', password: 'napačno' }, IP);
    await expect(db.updateTable('audit_log').set({ action: 'drugo' }).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    // What was there (the consultations created from content/ at start) and the failed sign-in, unchanged.
    const after = (await db.selectFrom('audit_log').select('action').orderBy('id').execute()).map((r) => r.action);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after).toHaveLength(before.length + 1);
  });
});
