import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, query, rowOrder, type Harness } from './helpers.ts';

/**
 * A corpus of malformed requests to every form and API route: each must get a 4xx with a message,
 * never a 5xx, and the database must be exactly as before.
 */

type Body = { type: string; body: string | Uint8Array };
const form = (body: string): Body => ({ type: 'application/x-www-form-urlencoded', body });

const bodies: Array<[string, Body]> = [
  ['empty', form('')],
  ['a bare word', form('a')],
  ['empty names and values', form('=&=&=')],
  ['script as the kind', form('kind=%3Cscript%3Ealert(1)%3C%2Fscript%3E&body=')],
  ['array-style fields', form('body[]=x&body[]=y&kind[]=comment')],
  ['SQL in the e-mail', form("email=%27+OR+1%3D1+--&password=")],
  ['SQL drop in the kind', form('kind=comment%27%3B+DROP+TABLE+comments%3B+--&body=')],
  ['percent-escapes that are not UTF-8', form('body=%FF%FE%FD&kind=comment&email=%C3%28')],
  ['raw bytes that are not UTF-8', { type: 'application/x-www-form-urlencoded', body: new Uint8Array([0x62, 0x6f, 0x64, 0x79, 0x3d, 0xff, 0xfe, 0x00, 0xc3, 0x28]) }],
  ['control characters only', form('intent=%00%01%02&kind=comment&body=%01%02%03%04%1B')],
  ['JSON instead of a form', { type: 'application/json', body: '{"kind":"comment","body":"x","email":"a@b.si","password":"x"}' }],
  ['plain text', { type: 'text/plain', body: 'kind=comment&body=x' }],
  ['broken multipart', { type: 'multipart/form-data; boundary=nic', body: '--drugo\r\ncontent-disposition: form-data; name="body"\r\n\r\nx' }],
  ['missing body', form('kind=comment&intent=submit')],
  ['amendment without proposed text', form('kind=amendment&body=&intent=submit')],
  ['bogus stance', form('intent=draft&status=bogus&response=x&revision=-1')],
  ['bogus review', form('intent=review&verdict=bogus&revision=abc')],
  ['absurd recorded comment', form('organisationId=-1&receivedVia=fax&receivedOn=2030-99-99&kind=x&body=')],
  ['absurd user id and role', form('intent=role&userId=99999999999999999999&role=root')],
  ['template syntax', form('kind=%7B%7B7*7%7D%7D&body=%24%7B7*7%7D%3C%25%3D+7*7+%25%3E&email=%7B%7Bx%7D%7D')],
  ['wrong types', form('kind=1&body=&page=-1&organisationId=abc&assignee=%5B%5D')],
  ['a huge number of fields', form(Array.from({ length: 2000 }, (_, i) => `f${i}=%00`).join('&'))],
  ['an oversized body', form(`body=${'x'.repeat(2 * 1024 * 1024)}`)],
  [
    'multipart that is not UTF-8',
    {
      type: 'multipart/form-data; boundary=posvet',
      body: Buffer.concat([
        Buffer.from('--posvet\r\ncontent-disposition: form-data; name="kind"\r\n\r\ncomment\r\n--posvet\r\ncontent-disposition: form-data; name="intent"\r\n\r\nsubmit\r\n'),
        Buffer.from('--posvet\r\ncontent-disposition: form-data; name="email"\r\n\r\na@b.si\r\n--posvet\r\ncontent-disposition: form-data; name="body"\r\n\r\nPripomba '),
        Buffer.from([0xff, 0xfe, 0xc3, 0x28]),
        Buffer.from('\r\n--posvet--\r\n'),
      ]),
    },
  ],
];

type Route = { path: string; who: 'anonymous' | 'member' | 'moderator' | 'admin' };
const routes: Route[] = [
  { path: '/prijava', who: 'anonymous' },
  { path: '/pozabljeno-geslo', who: 'anonymous' },
  { path: '/ponastavi-geslo/neveljaven-zeton-ki-ga-ni-nikjer', who: 'anonymous' },
  { path: '/povabilo/neveljaven-zeton-ki-ga-ni-nikjer', who: 'anonymous' },
  { path: '/posvetovanja/ds2030/osnutek/uvod/1', who: 'member' },
  { path: '/pripombe/1', who: 'member' },
  { path: '/pripombe/1/uredi', who: 'member' },
  { path: '/moj-racun', who: 'member' },
  { path: '/organizacija', who: 'member' },
  { path: '/organizacija/pripombe', who: 'member' },
  { path: '/moderacija', who: 'moderator' },
  { path: '/moderacija/pripombe/1', who: 'moderator' },
  { path: '/moderacija/nova', who: 'moderator' },
  { path: '/admin', who: 'admin' },
  { path: '/admin/organizacije/zmos', who: 'admin' },
  // Protected routes posted to without a session.
  { path: '/moj-racun', who: 'anonymous' },
  { path: '/moderacija/pripombe/1', who: 'anonymous' },
  { path: '/admin', who: 'anonymous' },
  { path: '/organizacija/pripombe', who: 'anonymous' },
  // Posted to as someone whose role does not allow it.
  { path: '/moderacija/pripombe/1', who: 'member' },
  { path: '/admin', who: 'moderator' },
];

const absurdGets: Array<[string, Route['who']]> = [
  ['/pripombe/99999999999999999999', 'anonymous'],
  ['/pripombe/-1', 'anonymous'],
  ['/pripombe/0x10', 'anonymous'],
  ['/pripombe/1%00', 'anonymous'],
  ['/posvetovanja/ds2030/osnutek/uvod/99999', 'anonymous'],
  ['/posvetovanja/ds2030/osnutek/uvod/-1', 'anonymous'],
  ['/posvetovanja/ds2030/osnutek/%2e%2e%2f%2e%2e%2fetc%2fpasswd', 'anonymous'],
  ['/posvetovanja/ds2030/osnutek/uvod/1%27%20OR%201%3D1', 'anonymous'],
  ['/posvetovanja/ds2030/verzije/%00/x', 'anonymous'],
  ['/posvetovanja/ds2030/verzije/osnutek-1/%3Cscript%3E', 'anonymous'],
  ['/api/v1/comments?chapter=%27%20OR%201%3D1%20--', 'anonymous'],
  ['/api/v1/comments?status=%3Cscript%3E', 'anonymous'],
  ['/api/v1/comments?format=xml', 'anonymous'],
  ['/api/v1/comments?organisation=%7B%7B7*7%7D%7D', 'anonymous'],
  ['/api/v1/neobstaja', 'anonymous'],
  ['/posvetovanja/ds2030/porocilo.pdf', 'anonymous'],
  ['/moderacija/pripombe/abc', 'moderator'],
  ['/moderacija/pripombe/99999999999', 'moderator'],
  ['/admin/organizacije/%27%3B--', 'admin'],
  ['/%E0%A4%A', 'anonymous'],
  ['/posvetovanja/ds2030/osnutek/%FF%FE', 'anonymous'],
  ['/moderacija', 'member'],
  ['/admin/dnevnik', 'moderator'],
];

const tables = ['comments', 'users', 'invitations', 'password_resets', 'comment_supports', 'joint_position_members', 'comment_tags', 'comment_notes', 'mail_outbox', 'audit_log', 'login_attempts', 'association_memberships', 'organisations'];

async function snapshot(dbPath: string): Promise<Record<string, string>> {
  const entries: Array<[string, string]> = [];
  await query(dbPath, async (db) => {
    for (const table of tables) {
      const rows = await db.all(`select * from ${table} order by ${rowOrder(dbPath)}`);
      entries.push([table, `${rows.length}:${JSON.stringify(rows).length}:${JSON.stringify(rows.slice(-3))}`]);
    }
  });
  return Object.fromEntries(entries);
}

describe('malformed requests', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(4405, 50);
  });
  afterAll(async () => h?.cleanup());

  it('get a 4xx with a message, never a 5xx, and change nothing', async () => {
    const cookies = { anonymous: '', member: h.scale.memberCookies[0], moderator: h.scale.moderatorCookie, admin: h.scale.adminCookie };
    const before = await snapshot(h.dbPath);
    const failures: string[] = [];
    let sent = 0;
    const check = async (label: string, response: Response) => {
      sent++;
      const text = await response.text();
      if (response.status < 400 || response.status >= 500) failures.push(`${label}: HTTP ${response.status}`);
      else if (text.trim().length === 0) failures.push(`${label}: HTTP ${response.status} without a message`);
      else if (/\bat .+\.(m?js|ts):\d+/.test(text) || /SqliteError|TypeError|ReferenceError/.test(text)) failures.push(`${label}: leaks an error`);
    };
    for (const route of routes) {
      for (const [name, { type, body }] of bodies) {
        for (const withOrigin of [true, false]) {
          const headers: Record<string, string> = { 'content-type': type };
          if (withOrigin) headers.origin = h.server.url;
          if (cookies[route.who]) headers.cookie = cookies[route.who];
          const label = `POST ${route.path} as ${route.who} (${name}${withOrigin ? '' : ', no Origin'})`;
          try {
            await check(label, await fetch(`${h.server.url}${route.path}`, { method: 'POST', redirect: 'manual', headers, body: body as BodyInit }));
          } catch (error) {
            // The server may close the connection after refusing an oversized body: that is a refusal too.
            if (name !== 'an oversized body') failures.push(`${label}: ${String(error)}`);
            else sent++;
          }
        }
      }
    }
    for (const [path, who] of absurdGets) {
      const headers: Record<string, string> = cookies[who] ? { cookie: cookies[who] } : {};
      await check(`GET ${path} as ${who}`, await fetch(`${h.server.url}${path}`, { redirect: 'manual', headers }));
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(500);
    expect(await snapshot(h.dbPath)).toEqual(before);
  });
});
