import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readChapterFiles, readVersionFiles } from '../../src/lib/server/content/content-files.ts';
import { hashToken } from '../../src/lib/server/platform/tokens.ts';
import { commentForm, harness, query, type Harness } from './helpers.ts';

/**
 * Issue 10, comments and forms: every write is answered by what happened (never a 500 over a
 * committed change), the window of the version a comment belongs to rules everything done with it,
 * and a multipart form that is not UTF-8 is refused like a URL-encoded one.
 */

const PASSWORD = 'bench password that is long enough';

describe('comments and forms, hardened', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(4650, 20);
  });
  afterAll(async () => {
    await h?.cleanup();
  });

  /** The organisation (and user) a session cookie of the harness belongs to. */
  const whoIs = async (cookie: string) =>
    (await query(h.dbPath, (db) =>
      db.get<{ userId: number; email: string; organisationId: number; kind: string; code: string }>(
        `select u.id as "userId", u.email, o.id as "organisationId", o.kind, o.code from sessions s join users u on u.id = s.user_id join organisations o on o.id = u.organisation_id where s.id = ?`,
        hashToken(cookie.replace(/^posvet_seja=/, '')),
      ),
    ))!;
  const cookieOf = async (kind: string, skip = 0) => {
    const kinds: string[] = [];
    for (const cookie of h.scale.memberCookies) kinds.push((await whoIs(cookie)).kind);
    return h.scale.memberCookies.filter((_, i) => kinds[i] === kind)[skip];
  };

  const post = (path: string, cookie: string, body: string | Uint8Array, type = 'application/x-www-form-urlencoded') =>
    fetch(`${h.server.url}${path}`, { method: 'POST', redirect: 'manual', headers: { 'content-type': type, origin: h.server.url, cookie }, body: body as BodyInit });

  const count = async (sqlText: string, ...params: unknown[]) => (await query(h.dbPath, (db) => db.get<{ n: number }>(sqlText, ...params)))!.n;

  /** A location a browser can follow, on this site. */
  const expectSafeLocation = (location: string | null) => {
    expect(location).toMatch(/^\/(?![/\\])[\x21-\x7E]*$/);
  };

  /** A comment row on Osnutek 1, whose window closed on 16. 10. 2026, put straight into the database. */
  const oldComment = async (organisationId: number, userId: number | null, state: 'draft' | 'submitted', key: string | null = null): Promise<number> => {
    const osnutek1 = readVersionFiles('ds2030').find((v) => v.id === 'osnutek-1')!;
    expect(osnutek1.closesAt.getTime(), 'the test needs a version whose window has closed').toBeLessThan(Date.now());
    const chapter = readChapterFiles('ds2030', 'osnutek-1')[0];
    const block = chapter.rendered.blocks[0];
    const at = '2026-10-01T10:00:00.000Z';
    const row = await query(h.dbPath, (db) =>
      db.get<{ id: number }>(
        `insert into comments (consultation_id, organisation_id, author_user_id, scope, version_id, chapter_slug, chapter_number, block_key, block_number, block_fingerprint, quote, kind, body, state, created_at, updated_at, submitted_at, idempotency_key)
         values ((select id from consultations where slug = 'ds2030'), ?, ?, 'block', 'osnutek-1', ?, ?, ?, ?, ?, ?, 'comment', ?, ?, ?, ?, ?, ?) returning id`,
        organisationId, userId, chapter.slug, chapter.number, block.key, block.number, block.fingerprint, block.text, `Pripomba k Osnutku 1 (${randomUUID()})`, state, at, at, state === 'submitted' ? at : null, key,
      ),
    );
    return row!.id;
  };

  // ——— item 8: a non-ASCII return path, and the same form recorded twice ———

  it('a comment whose return path is not ASCII is stored once and answered with a 303 to a safe place', async () => {
    const cookie = h.scale.memberCookies[0];
    const key = randomUUID();
    const form = new URLSearchParams({ idempotencyKey: key, returnTo: '/č', kind: 'comment', body: `Povratna pot s šumnikom ${key}`, intent: 'submit' }).toString();
    const first = await post(h.scale.blockPaths[0], cookie, form);
    expect(first.status).toBe(303);
    expectSafeLocation(first.headers.get('location'));
    expect(first.headers.get('location')).toMatch(/^\/%C4%8D\?sporocilo=pripomba-oddana$/);
    const again = await post(h.scale.blockPaths[0], cookie, form);
    expect(again.status).toBe(303);
    expect(await count(`select count(*) as n from comments where idempotency_key = ? and state = 'submitted'`, key)).toBe(1);

    // Return paths that would leave the site, or are not paths at all, fall back to the block.
    for (const returnTo of ['//evil.example/', '/\\evil.example', '/./\\/evil.example', '/.//evil.example', 'https://evil.example/']) {
      const other = randomUUID();
      const response = await post(h.scale.blockPaths[0], cookie, new URLSearchParams({ idempotencyKey: other, returnTo, kind: 'comment', body: `Pot ${other}`, intent: 'submit' }).toString());
      expect(response.status, returnTo).toBe(303);
      expectSafeLocation(response.headers.get('location'));
      expect(await count(`select count(*) as n from comments where idempotency_key = ?`, other)).toBe(1);
    }
  });

  it('co-signing with a return path that is not ASCII is stored once and answered with a 303', async () => {
    const key = randomUUID();
    const author = h.scale.memberCookies[1];
    expect((await post(h.scale.blockPaths[1], author, commentForm(`Za sopodpis ${key}`, key))).status).toBe(303);
    const id = (await query(h.dbPath, (db) => db.get<{ id: number }>(`select id from comments where idempotency_key = ?`, key)))!.id;
    const supporter = h.scale.memberCookies[2];
    const response = await post(`/pripombe/${id}`, supporter, new URLSearchParams({ intent: 'support', returnTo: '/č#pripomba' }).toString());
    expect(response.status).toBe(303);
    expectSafeLocation(response.headers.get('location'));
    expect(await count(`select count(*) as n from comment_supports where comment_id = ?`, id)).toBe(1);
  });

  it('signing in with a return path that is not ASCII answers with a 303 to it', async () => {
    const email = (await whoIs(h.scale.memberCookies[3])).email;
    const response = await fetch(`${h.server.url}/prijava?vrnitev=%2F%C4%8D`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: h.server.url },
      body: new URLSearchParams({ email, password: PASSWORD }).toString(),
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/%C4%8D');
    expect(response.headers.get('set-cookie')).toMatch(/posvet_seja=/);

    // Already signed in: straight there.
    const signedIn = await fetch(`${h.server.url}/prijava?vrnitev=%2F%C4%8D`, { redirect: 'manual', headers: { cookie: h.scale.memberCookies[3] } });
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe('/%C4%8D');
  });

  it('a moderator recording the same e-mailed comment twice with one form gets the comment already recorded', async () => {
    const organisationId = (await whoIs(h.scale.memberCookies[4])).organisationId;
    // /posvetovanja/ds2030/osnutek/<chapter>/<position>
    const chapter = h.scale.blockPaths[0].split('/')[4];
    const key = randomUUID();
    const form = new URLSearchParams({
      idempotencyKey: key,
      organisationId: String(organisationId),
      receivedVia: 'email',
      receivedOn: '2026-11-25',
      chapter,
      block: '1',
      kind: 'comment',
      body: `Prejeto po e-pošti ${key}`,
    }).toString();
    // Recorded for DS 2030, the consultation of the scale's comments.
    const first = await post('/moderacija/nova?posvetovanje=ds2030', h.scale.moderatorCookie, form);
    expect(first.status).toBe(303);
    const second = await post('/moderacija/nova?posvetovanje=ds2030', h.scale.moderatorCookie, form);
    expect(second.status).toBeLessThan(500);
    expect(second.status).toBe(303);
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
    expect(await count(`select count(*) as n from comments where idempotency_key = ?`, key)).toBe(1);

    // The key of a member's own comment cannot be taken over by a recorded one: refused, not a 500.
    const memberKey = randomUUID();
    expect((await post(h.scale.blockPaths[2], h.scale.memberCookies[4], commentForm(`Članova ${memberKey}`, memberKey))).status).toBe(303);
    const taken = await post('/moderacija/nova?posvetovanje=ds2030', h.scale.moderatorCookie, form.replace(key, memberKey));
    expect(taken.status).toBeGreaterThanOrEqual(400);
    expect(taken.status).toBeLessThan(500);
    expect(await count(`select count(*) as n from comments where idempotency_key = ?`, memberKey)).toBe(1);
  });

  // ——— item 9: the window of the comment's own version rules ———

  it('a draft written on Osnutek 1, submitted through a current block page after its window, is refused and stays a draft', async () => {
    const cookie = h.scale.memberCookies[5];
    const me = await whoIs(cookie);
    const key = randomUUID();
    const id = await oldComment(me.organisationId, me.userId, 'draft', key);
    const response = await post(h.scale.blockPaths[0], cookie, commentForm('Stari osnutek, oddan prepozno.', key));
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toContain('k Osnutku 1');
    expect(page).toContain('16.\u00A010.\u00A02026');
    const row = (await query(h.dbPath, (db) => db.get<{ state: string; submitted_at: string | null; late: number; body: string }>(`select state, submitted_at, late, body from comments where id = ?`, id)))!;
    expect(row.state).toBe('draft');
    expect(row.submitted_at).toBeNull();
    expect(row.body).toMatch(/^Pripomba k Osnutku 1/);

    // Its own edit page refuses it too, and keeps the draft.
    const edited = await post(`/pripombe/${id}/uredi`, cookie, new URLSearchParams({ kind: 'comment', body: 'Še en poskus.', intent: 'submit' }).toString());
    expect(edited.status).toBe(422);
    expect((await query(h.dbPath, (db) => db.get<{ state: string }>(`select state from comments where id = ?`, id)))!.state).toBe('draft');
  });

  it('co-signing a comment on Osnutek 1 after its window is refused, and no button offers it', async () => {
    const author = await whoIs(h.scale.memberCookies[6]);
    const id = await oldComment(author.organisationId, author.userId, 'submitted');
    const supporter = h.scale.memberCookies[7];
    const response = await post(`/pripombe/${id}`, supporter, new URLSearchParams({ intent: 'support', returnTo: `/pripombe/${id}` }).toString());
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('16.\u00A010.\u00A02026');
    expect(await count(`select count(*) as n from comment_supports where comment_id = ?`, id)).toBe(0);
    const page = await (await fetch(`${h.server.url}/pripombe/${id}`, { headers: { cookie: supporter } })).text();
    expect(page).not.toContain('value="support"');
  });

  it('a municipality answering a joint position on Osnutek 1 after its window is refused', async () => {
    const association = await whoIs(await cookieOf('association'));
    const municipalityCookie = await cookieOf('municipality', 3);
    const municipality = await whoIs(municipalityCookie);
    const id = await oldComment(association.organisationId, association.userId, 'submitted');
    await query(h.dbPath, (db) => db.run(`insert into joint_position_members (comment_id, organisation_id) values (?, ?)`, id, municipality.organisationId));
    for (const intent of ['confirm', 'decline']) {
      const response = await post('/organizacija/pripombe', municipalityCookie, new URLSearchParams({ intent, commentId: String(id) }).toString());
      expect(response.status, intent).toBe(422);
      expect(await response.text()).toContain('16.\u00A010.\u00A02026');
    }
    const row = await query(h.dbPath, (db) => db.get<{ status: string; responded_at: string | null }>(`select status, responded_at from joint_position_members where comment_id = ?`, id));
    expect(row).toEqual({ status: 'pending', responded_at: null });
  });

  // ——— item 11: multipart forms that are not UTF-8 ———

  const multipart = (boundary: string, fields: Array<[string | Uint8Array, string | Uint8Array]>) => {
    const enc = new TextEncoder();
    const bytes = (v: string | Uint8Array) => (typeof v === 'string' ? enc.encode(v) : v);
    const parts: Uint8Array[] = [];
    for (const [name, value] of fields) {
      parts.push(enc.encode(`--${boundary}\r\nContent-Disposition: form-data; name="`), bytes(name), enc.encode('"\r\n\r\n'), bytes(value), enc.encode('\r\n'));
    }
    parts.push(enc.encode(`--${boundary}--\r\n`));
    return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
  };

  it('a multipart comment that is not UTF-8 is refused like a URL-encoded one, and nothing is stored', async () => {
    const cookie = h.scale.memberCookies[8];
    const notUtf8 = new Uint8Array([0x50, 0x72, 0x65, 0xff, 0xfe, 0xc3, 0x28, 0x21]);
    for (const [label, fields] of [
      ['a value', [['body', notUtf8]]],
      ['a field name', [[new Uint8Array([0x62, 0x6f, 0x64, 0x79, 0xff]), 'x'], ['body', 'Veljavno besedilo.']]],
    ] as Array<[string, Array<[string | Uint8Array, string | Uint8Array]>]>) {
      const key = randomUUID();
      const { body, type } = multipart(`----posvet${key}`, [['idempotencyKey', key], ['returnTo', '/'], ['kind', 'comment'], ['intent', 'submit'], ...fields]);
      const response = await post(h.scale.blockPaths[3], cookie, body, type);
      expect(response.status, label).toBe(400);
      expect(await count(`select count(*) as n from comments where idempotency_key = ?`, key), label).toBe(0);

      // The same bytes, URL-encoded: refused alike.
      const encoded = `idempotencyKey=${key}&kind=comment&intent=submit&body=${[...notUtf8].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')}`;
      expect((await post(h.scale.blockPaths[3], cookie, encoded)).status).toBe(400);
      expect(await count(`select count(*) as n from comments where idempotency_key = ?`, key)).toBe(0);
    }
    expect(await count(`select count(*) as n from comments where body like ?`, '%\uFFFD%')).toBe(0);

    // Valid UTF-8 — including a replacement character someone really typed — is stored as sent.
    const key = randomUUID();
    const text = `Čšž in znak \uFFFD, ki ga je nekdo res vpisal (${key}).`;
    const { body, type } = multipart(`----posvet${key}`, [['idempotencyKey', key], ['returnTo', '/'], ['kind', 'comment'], ['intent', 'submit'], ['body', text]]);
    expect((await post(h.scale.blockPaths[3], cookie, body, type)).status).toBe(303);
    expect((await query(h.dbPath, (db) => db.get<{ body: string }>(`select body from comments where idempotency_key = ?`, key)))!.body).toBe(text);
  });
});
