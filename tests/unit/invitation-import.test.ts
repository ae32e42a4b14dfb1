import { describe, expect, it } from 'vitest';
import { createInvitation } from '../../src/lib/server/accounts/invitations.ts';
import { decodeCsv, detectSeparator, parseCsv } from '../../src/lib/server/notifications/csv-import.ts';
import { previewImport } from '../../src/lib/server/notifications/invitation-import.ts';
import { loadImportPreview, sendImport } from '../../src/lib/server/notifications/import-send.ts';
import type { Db } from '../../src/lib/server/platform/db.ts';
import { t } from './account-forms.ts';
import { organisationId, seededDatabase, userId } from './helpers.ts';

const BASE = 'https://posvet.example';
const utf8 = (text: string) => new TextEncoder().encode(text);
/** Windows-1250 bytes of a text (ASCII plus č š ž Č Š Ž). */
function cp1250(text: string): Uint8Array {
  const map: Record<string, number> = { č: 0xe8, š: 0x9a, ž: 0x9e, Č: 0xc8, Š: 0x8a, Ž: 0x8e };
  return Uint8Array.from([...text].map((c) => map[c] ?? c.charCodeAt(0)));
}

async function admin(db: Db) {
  return { id: await userId(db, 'admin@posvet.test'), role: 'admin' as const, organisationId: await organisationId(db, 'MDP'), organisationKind: 'government', name: 'Ana Administratorka' };
}

async function preview(db: Db, csv: string | Uint8Array) {
  const result = await previewImport(db, await admin(db), { name: 'povabila.csv', bytes: typeof csv === 'string' ? utf8(csv) : csv });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return (await loadImportPreview(db, await admin(db), result.value.importId, 'all', 1))!;
}

const HEADER = 'šifra,e-naslov,ime,vloga\n';

describe('reading a CSV', () => {
  it('reads Windows-1250 when the bytes are not UTF-8, even when three letters happen to form a UTF-8 sequence', () => {
    const decoded = decodeCsv(cp1250('šifra;ime\r\n61;Žiga Čuk\r\n3;čšž\r\n'));
    expect(decoded).toMatchObject({ ok: true, encoding: 'windows-1250' });
    const text = decoded.ok ? decoded.text : '';
    expect(parseCsv(text, detectSeparator(text)).map((r) => r.cells)).toEqual([['šifra', 'ime'], ['61', 'Žiga Čuk'], ['3', 'čšž']]);
  });

  it('reads UTF-8 with and without a BOM, and refuses UTF-16 with a reason', () => {
    expect(decodeCsv(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('ime\nŽiga')]))).toEqual({ ok: true, text: 'ime\nŽiga', encoding: 'utf-8' });
    expect(decodeCsv(utf8('ime\nЖива'))).toEqual({ ok: true, text: 'ime\nЖива', encoding: 'utf-8' });
    expect(decodeCsv(Uint8Array.from([0xff, 0xfe, 0x61, 0]))).toEqual({ ok: false, problem: 'utf16' });
  });

  it('takes the separator from the header and keeps quoted separators, quotes, line breaks and CRLF', () => {
    const text = 'a;b;"c,d"\r\n"x;1";"He said ""hi""";"two\r\nlines"\r\n\r\n=1+1;@SUM(A1);-2\r\n';
    expect(detectSeparator(text)).toBe(';');
    expect(detectSeparator('a,b;c,d')).toBe(',');
    expect(parseCsv(text, ';')).toEqual([
      { line: 1, cells: ['a', 'b', 'c,d'] },
      { line: 2, cells: ['x;1', 'He said "hi"', 'two\r\nlines'] },
      { line: 5, cells: ['=1+1', '@SUM(A1)', '-2'] },
    ]);
  });
});

describe('the preview of an import', () => {
  it('gives every row its outcome: invited, or the reason it is not', async () => {
    const { db } = await seededDatabase();
    const admin_ = await admin(db);
    await createInvitation(db, { email: 'cakajoca@bled.si', organisationId: await organisationId(db, '3'), role: 'member' }, admin_, BASE, null);
    const result = await preview(
      db,
      HEADER +
        [
          '61,nova@ljubljana.si,Nina Nova,član',
          '999,x@nikjer.si,Ime Priimek,member',
          '61,nova@LJUBLJANA.si,Nina Dvojnica,member',
          '3,ni-naslov,Ime,member',
          '3,bled@posvet.test,Blaž,member',
          '3,cakajoca@bled.si,Čakajoča Oseba,org_admin',
          '3,moderator@bled.si,Mojca,moderator',
          '3,vloga@bled.si,Vid,kralj',
          '3,brezimena@bled.si,,member',
          '3,samo-trije@bled.si',
          'ZMOS,=HYPERLINK("http://x"),Formula,member',
        ].join('\n'),
    );
    expect(result.rows.map((r) => [r.line, r.problem])).toEqual([
      [2, null],
      [3, 'organisation'],
      [4, 'duplicate'],
      [5, 'email'],
      [6, 'account'],
      [7, 'pending'],
      [8, 'roleKind'],
      [9, 'role'],
      [10, 'name'],
      [11, 'columns'],
      [12, 'email'],
    ]);
    expect(result.rows[0]).toMatchObject({ email: 'nova@ljubljana.si', role: 'member', organisation_name: expect.stringContaining('Ljubljana') });
    expect(result.rows[5]).toMatchObject({ pending_role: 'member' });
    // A formula-looking cell is kept as the text it is.
    expect(result.rows[10].email).toBe('=HYPERLINK("http://x")');
    expect(result.counts.get(null)).toBe(1);
  });

  it('refuses what is no CSV of rows, with a reason', async () => {
    const { db } = await seededDatabase();
    const refused = async (bytes: Uint8Array | undefined) => {
      const r = await previewImport(db, await admin(db), bytes && { name: 'x.csv', bytes });
      return r.ok ? undefined : r.error.fields?.file?.(t);
    };
    expect(await refused(undefined)).toBe('Izberite datoteko CSV.');
    expect(await refused(utf8(HEADER))).toMatch(/ni nobene vrstice/);
    expect(await refused(utf8(HEADER + Array.from({ length: 10_001 }, (_, i) => `61,a${i}@x.si,A,member`).join('\n')))).toMatch(/preveč vrstic/);
  });
});

describe('sending an import', () => {
  it('sends every valid row and the chosen replacements in one go, and 10,000 rows in seconds', async () => {
    const { db } = await seededDatabase();
    const admin_ = await admin(db);
    await createInvitation(db, { email: 'zamenjaj@bled.si', organisationId: await organisationId(db, '3'), role: 'member' }, admin_, BASE, null);
    await createInvitation(db, { email: 'pusti@bled.si', organisationId: await organisationId(db, '3'), role: 'member' }, admin_, BASE, null);
    const rows = Array.from({ length: 9_998 }, (_, i) => `61,oseba${i}@ljubljana.si,Oseba ${i},član`);
    const csv = HEADER + [...rows, '3,zamenjaj@bled.si,Zamenjana,org_admin', '3,pusti@bled.si,Ostane,org_admin'].join('\n');
    const started = performance.now();
    const shown = await preview(db, csv);
    const previewMs = performance.now() - started;
    const before = Number((await db.selectFrom('mail_outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const sendStarted = performance.now();
    const sent = await sendImport(db, admin_, shown.imported.id, { all: false, lines: [10_000] }, BASE, null);
    const sendMs = performance.now() - sendStarted;
    console.log(`10,000 rows: preview ${previewMs.toFixed(0)} ms, send ${sendMs.toFixed(0)} ms`);
    expect(sent).toEqual({ ok: true, value: { sent: 9_999 } });
    expect(previewMs + sendMs).toBeLessThan(20_000);
    const after = Number((await db.selectFrom('mail_outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect(after - before).toBe(9_999);
    const open = await db.selectFrom('invitations').select(['email', 'role']).where('email', 'in', ['zamenjaj@bled.si', 'pusti@bled.si']).where('revoked_at', 'is', null).orderBy('email').execute();
    expect(open).toEqual([{ email: 'pusti@bled.si', role: 'member' }, { email: 'zamenjaj@bled.si', role: 'org_admin' }]);
    const mail = await db.selectFrom('mail_outbox').select('body_text').where('to_address', '=', 'oseba7@ljubljana.si').executeTakeFirstOrThrow();
    expect(mail.body_text).toMatch(/^Spoštovani, Oseba 7,/);
    // Sent once: the same import cannot be sent again.
    expect((await sendImport(db, admin_, shown.imported.id, { all: true, lines: [] }, BASE, null)).ok).toBe(false);
  }, 60_000);

  it('stores nothing when a row became invalid since the preview', async () => {
    const { db } = await seededDatabase();
    const admin_ = await admin(db);
    const shown = await preview(db, HEADER + '61,prva@ljubljana.si,Prva,member\n61,druga@ljubljana.si,Druga,member\n');
    await db.insertInto('users').values({ email: 'druga@ljubljana.si', name: 'Druga', organisation_id: await organisationId(db, '61'), role: 'member', password_hash: 'x' }).execute();
    const countOf = async () => Number((await db.selectFrom('invitations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await countOf();
    const result = await sendImport(db, admin_, shown.imported.id, { all: false, lines: [] }, BASE, null);
    expect(result.ok ? undefined : result.error.message?.(t)).toMatch(/Nobeno povabilo ni bilo poslano: .* vrstice 3/);
    expect(await countOf()).toBe(before);
  });

  it('is an administrator’s own: another person cannot see or send it', async () => {
    const { db } = await seededDatabase();
    const shown = await preview(db, HEADER + '61,prva@ljubljana.si,Prva,member\n');
    const moderator = { id: await userId(db, 'moderator@posvet.test'), role: 'moderator' as const, organisationId: await organisationId(db, 'MDP'), organisationKind: 'government', name: 'M' };
    expect(await loadImportPreview(db, moderator, shown.imported.id, 'all', 1)).toBeUndefined();
    expect((await sendImport(db, moderator, shown.imported.id, { all: true, lines: [] }, BASE, null)).ok).toBe(false);
  });
});

describe('re-inviting asks first', () => {
  it('in the administrator’s and the organisation admin’s forms: a question, then with replace the new role', async () => {
    const { inviteMember } = await import('../../src/lib/server/accounts/members.ts');
    const { db } = await seededDatabase();
    const ljubljana = await organisationId(db, '61');
    const lea = { id: await userId(db, 'ljubljana@posvet.test'), role: 'org_admin' as const, organisationId: ljubljana, organisationKind: 'municipality', name: 'Lea Novak' };
    for (const [who, actor] of [['org admin', lea], ['admin', await admin(db)]] as const) {
      const email = `ponovno-${who.replace(' ', '-')}@ljubljana.si`;
      expect((await inviteMember(db, actor, { email, organisationId: ljubljana, role: 'member' }, BASE, null)).ok).toBe(true);
      const asked = await inviteMember(db, actor, { email, organisationId: ljubljana, role: 'org_admin' }, BASE, null);
      expect(asked.ok ? undefined : asked.error.fields?.replace?.(t), who).toMatch(/^Za ta naslov že obstaja povabilo \(vloga član, poslano \d+\.\u00A0\d+\.\u00A0\d{4}\)\. Ga nadomestim\?$/);
      const open = () => db.selectFrom('invitations').select('role').where('email', '=', email).where('revoked_at', 'is', null).execute();
      expect(await open()).toEqual([{ role: 'member' }]);
      expect((await inviteMember(db, actor, { email, organisationId: ljubljana, role: 'org_admin', replace: true }, BASE, null)).ok).toBe(true);
      expect(await open()).toEqual([{ role: 'org_admin' }]);
    }
  });
});
