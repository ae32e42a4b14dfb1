import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailsTo as mailsIn } from '../support/mail.ts';
import { waitFor } from '../support/wait.ts';
import type { RunningServer, Scale } from '../support/server.ts';
import { hashToken } from '../../src/lib/server/platform/tokens.ts';
import { databaseCopy, harness, query, submit, type Harness, type Statements } from './helpers.ts';

/*
 * Accounts under hostile use (issue 10): tokens at rest, sign-in lock-outs, sessions and reset
 * links, organisation admins against portal administrators' decisions, and the personal-data
 * export. One production server on its own database; every test uses its own people.
 */

const PORT = 4500;
const PASSWORD = 'bench password that is long enough';

let dir: string;
let dbPath: string;
let mailDir: string;
let scale: Scale;
let server: RunningServer;

interface Member {
  id: number;
  email: string;
  organisationId: number;
  cookie: string;
  index: number;
}
let members: Member[] = [];
let nextMember = 0;
/** A member no other test uses (one per organisation, seeded with a session). */
function freshMember(): Member {
  return members[nextMember++];
}

let h: Harness;

beforeAll(async () => {
  h = await harness(PORT);
  ({ dir, dbPath, mailDir, scale, server } = h);
  members = [];
  for (const [index, cookie] of scale.memberCookies.entries()) {
    const token = cookie.split('=')[1];
    const row = (await query(dbPath, (db) =>
      db.get<{ id: number; email: string; organisationId: number }>(
        `select u.id, u.email, u.organisation_id as "organisationId" from sessions s join users u on u.id = s.user_id where s.id = ?`,
        hashToken(token),
      ),
    ))!;
    members.push({ ...row, cookie, index });
  }
  // Municipalities first: they have no association features that could change what a test sees.
  members.sort((a, b) => Number(b.email.match(/^clan-\d/) !== null) - Number(a.email.match(/^clan-\d/) !== null) || a.id - b.id);
});

afterAll(async () => h?.cleanup());

// ——— helpers ———————————————————————————————————————————————————————————————————————————————

interface Reply {
  status: number;
  location: string | undefined;
  cookie: string | undefined;
  body: string;
}

/** One HTTP request, optionally from another loopback address (Linux routes all of 127/8 to lo). */
function http(path: string, options: { method?: string; cookie?: string; form?: Record<string, string>; from?: string } = {}): Promise<Reply> {
  const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: PORT,
        path,
        method: options.method ?? (body ? 'POST' : 'GET'),
        localAddress: options.from,
        headers: {
          ...(body ? { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), origin: server.url } : {}),
          ...(options.cookie ? { cookie: options.cookie } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => {
          const session = (res.headers['set-cookie'] ?? []).map((c) => /^posvet_seja=([^;]+)/.exec(c)?.[1]).find((v) => v);
          resolve({ status: res.statusCode!, location: res.headers.location, cookie: session ? `posvet_seja=${session}` : undefined, body: text });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function signIn(email: string, password: string, from?: string): Promise<Reply> {
  return http('/prijava', { form: { email, password }, from });
}

/** A writable connection beside the running server, for arranging what a test needs. */
function write<T>(fn: (db: Statements) => Promise<T>): Promise<T> {
  return query(dbPath, fn);
}

/** The delivered mails (.eml files) to an address, oldest first, as decoded text bodies. */
function mailsTo(address: string): string[] {
  return mailsIn(mailDir, address).map((m) => m.body);
}

async function awaitMail(address: string, count = 1): Promise<string[]> {
  return waitFor(`${count} mail(s) to ${address}`, () => {
    const mails = mailsTo(address);
    return mails.length >= count ? mails : undefined;
  });
}

function linkToken(text: string, path: 'povabilo' | 'ponastavi-geslo'): string {
  const match = new RegExp(`/${path}/([A-Za-z0-9_-]+)`).exec(text);
  if (!match) throw new Error(`no /${path}/ link in:\n${text}`);
  return match[1];
}

/** The outbox rows to an address once all of them are marked sent. */
async function sentOutbox(address: string): Promise<string[]> {
  return waitFor(`the outbox to mark mail to ${address} sent`, async () => {
    const rows = await query(dbPath, (db) => db.all<{ body_text: string; sent_at: string | null }>(`select body_text, sent_at from mail_outbox where to_address = ?`, address));
    return rows.length > 0 && rows.every((r) => r.sent_at) ? rows.map((r) => r.body_text) : undefined;
  });
}

/** Whatever stands after /<path>/ in a text, as a thief of the database would try it. */
function whatFollows(text: string, path: string): string[] {
  return [...text.matchAll(new RegExp(`/${path}/(\\S+)`, 'g'))].map((m) => m[1]);
}

/** A copy of the live database, as `npm run admin -- backup` makes it (helpers.ts `databaseCopy`). */
function databaseCopyBytes(): Promise<Buffer> {
  return databaseCopy(dbPath, dir);
}

async function organisationIdOf(code: string): Promise<number> {
  return (await query(dbPath, (db) => db.get<{ id: number }>(`select id from organisations where code = ?`, code)))!.id;
}

async function sessionCookieFor(userId: number): Promise<string> {
  const token = randomUUID().replace(/-/g, '') + randomUUID().replace(/-/g, '');
  await write((db) =>
    db.run(`insert into sessions (id, user_id, expires_at, ip, user_agent, created_at) values (?, ?, ?, '127.0.0.1', 'test', ?)`, hashToken(token), userId, Math.floor(Date.now() / 1000) + 3600, new Date().toISOString()),
  );
  return `posvet_seja=${token}`;
}

// ——— item 5: tokens at rest ————————————————————————————————————————————————————————————————

describe('links in delivered mail', () => {
  it('an invitation arrives with a working link, and afterwards the database holds no working token', async () => {
    const email = `povabljen-${randomUUID().slice(0, 8)}@obcina-test.si`;
    const organisationId = await organisationIdOf('MDP');
    const sent = await http('/admin', { cookie: scale.adminCookie, form: { intent: 'invite', email, organisationId: String(organisationId), role: 'admin' } });
    expect(sent.status).toBe(303);
    const [mail] = await awaitMail(email);
    const token = linkToken(mail, 'povabilo');
    expect((await http(`/povabilo/${token}`)).status).toBe(200);

    const bodies = await sentOutbox(email);
    const candidates = bodies.flatMap((b) => whatFollows(b, 'povabilo'));
    expect(candidates.length).toBeGreaterThan(0);
    for (const candidate of candidates) {
      const page = await http(`/povabilo/${encodeURIComponent(candidate)}`);
      expect(page.status, `the link kept in the outbox (${candidate}) still works`).toBe(404);
    }
    expect(bodies.join('\n')).toContain('[povezava odstranjena po pošiljanju]');
    // Not in a byte copy of the database either, nor in what the server logged.
    expect((await databaseCopyBytes()).includes(Buffer.from(token))).toBe(false);
    expect(server.output()).not.toContain(token);
    // The mail itself still works.
    expect((await http(`/povabilo/${token}`)).status).toBe(200);
  });

  it('a password-reset mail arrives with a working link, and afterwards the database holds no working token', async () => {
    const member = freshMember();
    expect((await http('/pozabljeno-geslo', { form: { email: member.email } })).status).toBe(200);
    const [mail] = await awaitMail(member.email);
    const token = linkToken(mail, 'ponastavi-geslo');
    expect((await http(`/ponastavi-geslo/${token}`)).status).toBe(200);

    const bodies = await sentOutbox(member.email);
    const candidates = bodies.flatMap((b) => whatFollows(b, 'ponastavi-geslo'));
    expect(candidates.length).toBeGreaterThan(0);
    for (const candidate of candidates) {
      expect((await http(`/ponastavi-geslo/${encodeURIComponent(candidate)}`)).status, `the link kept in the outbox (${candidate}) still works`).toBe(404);
    }
    expect((await databaseCopyBytes()).includes(Buffer.from(token))).toBe(false);
    expect(server.output()).not.toContain(token);
    expect((await http(`/ponastavi-geslo/${token}`)).status).toBe(200);
  });
});

// ——— item 6: throttling ————————————————————————————————————————————————————————————————————

describe('sign-in throttling', () => {
  it('failures from one address never lock the owner out at another address', async () => {
    const owner = freshMember();
    const attacker: number[] = [];
    for (let i = 0; i < 10; i++) attacker.push((await signIn(owner.email, `ugibam ${i}`, '127.0.0.2')).status);
    expect(attacker.at(-1)).toBe(429);
    const signedIn = await signIn(owner.email, PASSWORD, '127.0.0.3');
    expect(signedIn.status).toBe(303);
    expect(signedIn.cookie).toBeTruthy();
    // The attacker's own address stays throttled for that account, even with the right password.
    expect((await signIn(owner.email, PASSWORD, '127.0.0.2')).status).toBe(429);
  });

  it("a success on one account does not reset an address's counters for other accounts or overall", async () => {
    const own = freshMember();
    const victim = freshMember();
    const from = '127.0.0.4';
    for (let i = 0; i < 4; i++) expect((await signIn(victim.email, `ugibam ${i}`, from)).status).toBe(401);
    expect((await signIn(own.email, PASSWORD, from)).status).toBe(303);
    expect((await signIn(victim.email, 'ugibam 4', from)).status).toBe(401);
    expect((await signIn(victim.email, PASSWORD, from)).status, 'the fifth failure on the victim throttles this address').toBe(429);

    // Overall: failures spread over many addresses' worth of accounts, one success in between.
    const wide = '127.0.0.5';
    for (let i = 0; i < 19; i++) expect((await signIn(`nihce-${i}-${randomUUID().slice(0, 6)}@obcina-test.si`, 'ugibam', wide)).status).toBe(401);
    expect((await signIn(own.email, PASSWORD, wide)).status).toBe(303);
    expect((await signIn(`nihce-20@obcina-test.si`, 'ugibam', wide)).status).toBe(401);
    const next = await signIn(`nihce-21@obcina-test.si`, 'ugibam', wide);
    expect(next.status, 'twenty failures from one address throttle it, success elsewhere or not').toBe(429);
    expect(next.body).toMatch(/Preveč neuspešnih poskusov prijave\. Poskusite znova čez \d+ minut[oie]?\./);
  });

  it('guessing the current password on /moj-racun is throttled with 429', async () => {
    const member = freshMember();
    const statuses: number[] = [];
    let last: Reply | undefined;
    for (let i = 0; i < 8; i++) {
      last = await http('/moj-racun', {
        cookie: member.cookie,
        from: '127.0.0.6',
        form: { intent: 'password', currentPassword: `ugibam ${i}`, password: 'zeleni traktor pod lipo', passwordConfirm: 'zeleni traktor pod lipo' },
      });
      statuses.push(last.status);
    }
    expect(statuses[0]).toBe(400);
    expect(statuses.at(-1)).toBe(429);
    expect(last!.body).toMatch(/Preveč napačnih vnosov trenutnega gesla\. Poskusite znova čez \d+ minut[oie]?\./);
    // While throttled, not even the right password is checked.
    const right = await http('/moj-racun', {
      cookie: member.cookie,
      from: '127.0.0.6',
      form: { intent: 'password', currentPassword: PASSWORD, password: 'zeleni traktor pod lipo', passwordConfirm: 'zeleni traktor pod lipo' },
    });
    expect(right.status).toBe(429);
  });
});

// ——— item 7: reset links and sessions ——————————————————————————————————————————————————————

describe('reset links and sessions', () => {
  it('changing the password ends the reset links still outstanding', async () => {
    const member = freshMember();
    expect((await http('/pozabljeno-geslo', { form: { email: member.email } })).status).toBe(200);
    const token = linkToken((await awaitMail(member.email))[0], 'ponastavi-geslo');
    expect((await http(`/ponastavi-geslo/${token}`)).status).toBe(200);
    const changed = await http('/moj-racun', {
      cookie: member.cookie,
      form: { intent: 'password', currentPassword: PASSWORD, password: 'zeleni traktor pod lipo', passwordConfirm: 'zeleni traktor pod lipo' },
    });
    expect(changed.status).toBe(303);
    expect((await http(`/ponastavi-geslo/${token}`)).status).toBe(404);
  });

  it("a completed reset ends the person's other reset links", async () => {
    const member = freshMember();
    expect((await http('/pozabljeno-geslo', { form: { email: member.email } })).status).toBe(200);
    await awaitMail(member.email, 1);
    expect((await http('/pozabljeno-geslo', { form: { email: member.email } })).status).toBe(200);
    const [first, second] = (await awaitMail(member.email, 2)).map((m) => linkToken(m, 'ponastavi-geslo'));
    expect((await http(`/ponastavi-geslo/${first}`)).status).toBe(200);
    const done = await http(`/ponastavi-geslo/${second}`, { form: { password: 'modra hiša ob reki', passwordConfirm: 'modra hiša ob reki' } });
    expect(done.status).toBe(303);
    expect((await http(`/ponastavi-geslo/${first}`)).status).toBe(404);
  });

  it('a session older than 30 days ends even while it keeps being used', async () => {
    const member = freshMember();
    expect((await http('/moj-racun', { cookie: member.cookie })).status).toBe(200);
    const token = member.cookie.split('=')[1];
    // Started 31 days ago, used all along: its sliding expiry is still hours away.
    await write((db) => db.run(`update sessions set created_at = ? where id = ?`, new Date(Date.now() - 31 * 86_400_000).toISOString(), hashToken(token)));
    const page = await http('/moj-racun', { cookie: member.cookie });
    expect(page.status).toBe(303);
    expect(page.location).toMatch(/^\/prijava/);
    // A session of 29 days is still fine.
    const other = freshMember();
    await write((db) => db.run(`update sessions set created_at = ? where id = ?`, new Date(Date.now() - 29 * 86_400_000).toISOString(), hashToken(other.cookie.split('=')[1])));
    expect((await http('/moj-racun', { cookie: other.cookie })).status).toBe(200);
  });

  it('a person has at most 10 sessions: signing in beyond that ends the oldest', async () => {
    const member = freshMember();
    const cookies: string[] = [];
    for (let i = 0; i < 11; i++) {
      const reply = await signIn(member.email, PASSWORD);
      expect(reply.status).toBe(303);
      cookies.push(reply.cookie!);
    }
    const count = (await query(dbPath, (db) => db.get<{ n: number }>(`select count(*) as n from sessions where user_id = ?`, member.id)))!.n;
    expect(count).toBe(10);
    expect((await http('/moj-racun', { cookie: member.cookie })).status, 'the oldest (seeded) session').toBe(303);
    expect((await http('/moj-racun', { cookie: cookies[0] })).status, 'the first of the eleven').toBe(303);
    for (const cookie of cookies.slice(1)) expect((await http('/moj-racun', { cookie })).status).toBe(200);
  });
});

// ——— item 10: administrators' decisions ————————————————————————————————————————————————————

describe("a portal administrator's decisions", () => {
  it('an organisation admin cannot re-enable, or change the role of, a person the administrator disabled', async () => {
    const person = freshMember();
    const orgAdminId = (await write((db) =>
      db.get<{ id: number }>(`insert into users (email, name, organisation_id, role, password_hash) values (?, 'Skrbnica', ?, 'org_admin', 'x') returning id`, `skrbnica-${randomUUID().slice(0, 8)}@obcina-test.si`, person.organisationId),
    ))!.id;
    const orgAdmin = await sessionCookieFor(orgAdminId);

    expect((await http('/admin', { cookie: scale.adminCookie, form: { intent: 'disable', userId: String(person.id) } })).status).toBe(303);
    const enable = await http('/organizacija', { cookie: orgAdmin, form: { intent: 'enable', userId: String(person.id) } });
    expect(enable.status).toBeGreaterThanOrEqual(400);
    expect(enable.body).toContain('Račun je onemogočil skrbnik portala');
    const role = await http('/organizacija', { cookie: orgAdmin, form: { intent: 'role', userId: String(person.id), role: 'org_admin' } });
    expect(role.status).toBeGreaterThanOrEqual(400);
    const row = await query(dbPath, (db) => db.get<{ status: string; role: string }>(`select status, role from users where id = ?`, person.id));
    expect(row).toEqual({ status: 'disabled', role: 'member' });
    expect((await signIn(person.email, PASSWORD)).status).toBe(401);

    // The administrator can.
    expect((await http('/admin', { cookie: scale.adminCookie, form: { intent: 'enable', userId: String(person.id) } })).status).toBe(303);
    expect((await signIn(person.email, PASSWORD)).status).toBe(303);
  });

  it('an organisation admin cannot revoke an invitation the administrator sent', async () => {
    const colleague = freshMember();
    const orgAdminId = (await write((db) =>
      db.get<{ id: number }>(`insert into users (email, name, organisation_id, role, password_hash) values (?, 'Skrbnik', ?, 'org_admin', 'x') returning id`, `skrbnik-${randomUUID().slice(0, 8)}@obcina-test.si`, colleague.organisationId),
    ))!.id;
    const orgAdmin = await sessionCookieFor(orgAdminId);
    const email = `predstavnik-${randomUUID().slice(0, 8)}@obcina-test.si`;
    expect((await http('/admin', { cookie: scale.adminCookie, form: { intent: 'invite', email, organisationId: String(colleague.organisationId), role: 'org_admin' } })).status).toBe(303);
    const invitation = (await query(dbPath, (db) => db.get<{ id: number }>(`select id from invitations where email = ?`, email)))!;
    const revoke = await http('/organizacija', { cookie: orgAdmin, form: { intent: 'revoke', invitationId: String(invitation.id) } });
    expect(revoke.status).toBeGreaterThanOrEqual(400);
    const after = (await query(dbPath, (db) => db.get<{ revoked_at: string | null }>(`select revoked_at from invitations where id = ?`, invitation.id)))!;
    expect(after.revoked_at).toBeNull();
  });
});

// ——— item 12: the personal-data export —————————————————————————————————————————————————————

describe('download my data', () => {
  it("holds the member's comments and co-signatures and no one else's IP address or e-mail", async () => {
    const member = freshMember();
    const author = freshMember();
    // Another organisation's comment, which the member co-signs.
    const theirKey = randomUUID();
    expect(await submit(server, scale, author.index, `Pripomba druge občine ${theirKey}`, theirKey)).toBe(303);
    const theirs = (await query(dbPath, (db) => db.get<{ id: number }>(`select id from comments where idempotency_key = ?`, theirKey)))!;
    expect((await http(`/pripombe/${theirs.id}`, { cookie: member.cookie, form: { intent: 'support' } })).status).toBe(303);
    // The member's own comment.
    const ownKey = randomUUID();
    const ownBody = `Naša pripomba ${ownKey}`;
    expect(await submit(server, scale, member.index, ownBody, ownKey)).toBe(303);
    // Someone else tries the member's account from elsewhere; an administrator changes their role from elsewhere.
    expect((await signIn(member.email, 'ugibam', '127.0.0.7')).status).toBe(401);
    expect((await http('/admin', { cookie: scale.adminCookie, from: '127.0.0.8', form: { intent: 'role', userId: String(member.id), role: 'org_admin' } })).status).toBe(303);

    const reply = await http('/moj-racun/podatki.json', { cookie: member.cookie });
    expect(reply.status).toBe(200);
    const data = JSON.parse(reply.body);
    expect(data.account.email).toBe(member.email);
    expect(data.comments.map((c: { body: string }) => c.body)).toContain(ownBody);
    expect(data.coSignatures.map((s: { commentId: number }) => s.commentId)).toContain(theirs.id);
    expect(data.auditLog.some((e: { action: string; by: string }) => e.action === 'user.role_changed' && e.by === 'skrbnik portala')).toBe(true);

    const ips = new Set(reply.body.match(/\b\d{1,3}(?:\.\d{1,3}){3}\b/g) ?? []);
    expect([...ips]).toEqual(['127.0.0.1']);
    const emails = new Set(reply.body.match(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g) ?? []);
    expect([...emails]).toEqual([member.email]);
  });
});
