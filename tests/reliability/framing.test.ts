import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readChapterFiles, readVersionFiles } from '../../src/lib/server/content/content-files.ts';
import { currentOf } from '../../src/lib/server/content/versions.ts';
import { mailsIn } from '../support/mail.ts';
import type { RunningServer, Scale } from '../support/server.ts';
import { waitFor } from '../support/wait.ts';
import { harness, postForm, query, type Harness } from './helpers.ts';

/**
 * Issue 12: the portal is the Ministrstvo za digitalno preobrazbo's. The government office whose
 * remit the ministry took over in January 2023 is named nowhere a person reads — no page, download
 * or mail — except as history in the strategy text.
 */
const FORMER_BODY = /\bSDP\b|Služb[a-z]* Vlade|gp\.sdp/;

describe('the ministry, everywhere people read', () => {
  let h: Harness;
  let mailDir: string;
  let dbPath: string;
  let scale: Scale;
  let server: RunningServer;

  beforeAll(async () => {
    h = await harness(4410, 40);
    ({ mailDir, dbPath, scale, server } = h);
  });
  afterAll(async () => h?.cleanup());

  const post = (path: string, cookie: string, fields: Record<string, string>) => postForm(server, path, fields, cookie);

  it('names no former body on any page, in any download or mail', async () => {
    const current = currentOf(readVersionFiles('ds2030'))!;
    const chapters = readChapterFiles('ds2030', current.id).map((c) => `/posvetovanja/ds2030/osnutek/${c.slug}`);
    const anonymous = ['/', '/posvetovanja/ds2030', ...chapters, `${chapters[0]}/1`, '/posvetovanja/ds2030/verzije', '/posvetovanja/ds2030/verzije/osnutek-1/osnutek-2', '/posvetovanja/ds2030/porocilo', '/posvetovanja/ds2030/porocilo.csv', '/api/v1/comments/export.jsonl', '/api/v1/comments?format=csv', '/dostopnost', '/zasebnost', '/prijava', '/pozabljeno-geslo', '/ni-take-strani'];
    const signedIn: Array<[string, string]> = [
      ['/moj-racun', scale.memberCookies[0]],
      ['/organizacija', scale.memberCookies[0]],
      ['/organizacija/pripombe', scale.memberCookies[0]],
      ['/moderacija', scale.moderatorCookie],
      ['/moderacija/pripombe/1', scale.moderatorCookie],
      ['/moderacija/nova', scale.moderatorCookie],
      ['/moderacija/statistika', scale.moderatorCookie],
      ['/admin', scale.adminCookie],
      ['/admin/organizacije', scale.adminCookie],
      ['/admin/dnevnik', scale.adminCookie],
    ];
    const found: string[] = [];
    for (const path of anonymous) {
      const text = await (await fetch(`${server.url}${path}`)).text();
      if (FORMER_BODY.test(text)) found.push(`${path}: ${FORMER_BODY.exec(text)![0]}`);
    }
    for (const [path, cookie] of signedIn) {
      const text = await (await fetch(`${server.url}${path}`, { headers: { cookie } })).text();
      if (FORMER_BODY.test(text)) found.push(`${path}: ${FORMER_BODY.exec(text)![0]}`);
    }

    // Mail: a password reset, an invitation, a decision and a hidden comment.
    const memberEmail = (await query(dbPath, (db) => db.get<{ email: string }>("select email from users where role = 'member' order by id limit 1")))!.email;
    expect((await post('/pozabljeno-geslo', '', { email: memberEmail })).status).toBeLessThan(400);
    const ministry = (await query(dbPath, (db) => db.get<{ id: number }>("select id from organisations where kind = 'government'")))!.id;
    expect((await post('/admin', scale.adminCookie, { intent: 'invite', email: 'nova.sodelavka@gov.si', organisationId: String(ministry), role: 'moderator', name: 'Nova Sodelavka' })).status).toBeLessThan(400);
    // A stance: drafted by the moderator, approved and published by the administrator.
    expect((await post('/moderacija/pripombe/1', scale.moderatorCookie, { intent: 'draft', status: 'rejected', response: 'Predlog presega okvir strategije.' })).status).toBeLessThan(400);
    expect((await post('/moderacija/pripombe/1', scale.adminCookie, { intent: 'review', verdict: 'approve', reviewNote: '' })).status).toBeLessThan(400);
    const slug = (await query(dbPath, (db) => db.get<{ slug: string }>('select s.slug from comments c join consultations s on s.id = c.consultation_id where c.id = 1')))!.slug;
    expect((await post(`/moderacija/objava?posvetovanje=${slug}`, scale.adminCookie, { objavi: 'vse', ids: '1' })).status).toBeLessThan(400);
    expect((await post('/moderacija/pripombe/2', scale.moderatorCookie, { intent: 'hide', reason: 'spam' })).status).toBeLessThan(400);
    const mails = await waitFor('four mails', () => {
      const written = mailsIn(mailDir);
      return written.length >= 4 ? written : undefined;
    }, { timeout: 20_000, interval: 100 });
    for (const { subject, body } of mails) {
      if (FORMER_BODY.test(body)) found.push(`mail ${subject}: ${FORMER_BODY.exec(body)![0]}`);
      expect(body).toContain('Ministrstvo za digitalno preobrazbo');
    }
    expect(found).toEqual([]);
  });
});
