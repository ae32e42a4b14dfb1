import { describe, expect, it } from 'vitest';
import { dictionary } from '../../src/i18n/index.ts';
import type { Actor } from '../../src/lib/server/accounts/access.ts';
import { findConsultation } from '../../src/lib/server/consultations/consultations.ts';
import { runReportJobs, startPublishing } from '../../src/lib/server/report/publish.ts';
import { findPublishedVersion, listPublishedVersions } from '../../src/lib/server/report/rows.ts';
import { errorState } from '../../src/lib/server/web/form-handling.ts';
import { parseForm } from '../../src/lib/server/web/forms.ts';
import { publishDefaults, publishForm } from '../../src/lib/server/web/report/input.ts';
import { ANNEX_PART, pageCountOf, parsePage, parseVersionNumber, partsOf, ROWS_PER_PAGE } from '../../src/lib/server/web/report/parts.ts';
import { formatSize, frontView, partView, type ReadyVersion } from '../../src/lib/server/web/report/views.ts';
import { seededDatabase } from './helpers.ts';

/*
 * The report's pages as their read models give them: which page of a part an address asks for, the
 * publish form as administrators fill it in, the first page and a part of a version, and the
 * refusals of a publish as the page words them.
 */

const t = dictionary('sl');

async function setup() {
  const { db } = await seededDatabase({ report: true });
  const u = await db.selectFrom('users as u').innerJoin('organisations as o', 'o.id', 'u.organisation_id').select(['u.id', 'u.role', 'u.organisation_id', 'o.kind']).where('u.email', '=', 'admin@posvet.test').executeTakeFirstOrThrow();
  const admin: Actor = { id: u.id, role: u.role, organisationId: u.organisation_id, organisationKind: u.kind };
  const consultation = (await findConsultation(db, 'ds2030'))!;
  return { db, admin, consultation };
}

const typed = (over: Record<string, string> = {}) => ({
  documentNumber: '3510-1/2026-30',
  place: 'Ljubljana',
  documentDate: '15. 3. 2027',
  signatoryName: 'mag. Vesna Kovač',
  signatoryTitle: 'generalna direktorica',
  latestSeen: '1',
  ...over,
});

describe('addresses of the report pages', () => {
  it('reads a page number only when it names an existing page', () => {
    expect(parsePage(null, 3)).toBe(1);
    expect(parsePage('1', 3)).toBe(1);
    expect(parsePage('3', 3)).toBe(3);
    for (const bad of ['0', '4', '99999', 'abc', '-1', '1.0', '', ' 2', '1234567']) expect(parsePage(bad, 3), bad).toBeUndefined();
  });

  it('reads a version number written as the site writes it', () => {
    expect(parseVersionNumber('1')).toBe(1);
    expect(parseVersionNumber('12')).toBe(12);
    for (const bad of ['0', '01', 'abc', '1.0', '', undefined, '9999999']) expect(parseVersionNumber(bad), String(bad)).toBeUndefined();
  });

  it('writes sizes as people read them', () => {
    expect(formatSize(845)).toBe('845\u00A0B');
    expect(formatSize(245_300)).toBe('245,3\u00A0kB');
    expect(formatSize(1_234_567)).toBe('1,2\u00A0MB');
  });
});

describe('the publish form', () => {
  it('takes the date as Slovenian writes it and gives the calendar day', () => {
    const parsed = parseForm(publishForm(t), typed());
    expect(parsed).toMatchObject({ ok: true, data: { documentDate: '2027-03-15', latestSeen: 1, signatoryName: 'mag. Vesna Kovač' } });
    expect(parseForm(publishForm(t), typed({ documentDate: '2027-03-15' }))).toMatchObject({ ok: true, data: { documentDate: '2027-03-15' } });
  });

  it('names each missing field and a day that does not exist, keeping what was typed', () => {
    const parsed = parseForm(publishForm(t), typed({ documentNumber: ' ', signatoryName: '', documentDate: '31. 2. 2027' }));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual({
      documentNumber: 'Vpišite številko dokumenta.',
      signatoryName: 'Vpišite ime odgovorne osebe.',
      documentDate: 'Vpišite datum v obliki 15. 3. 2027.',
    });
    expect(parsed.values.documentDate).toBe('31. 2. 2027');
  });

  it('starts from Ljubljana, today in Ljubljana and the newest number', () => {
    expect(publishDefaults(2, new Date('2027-03-14T23:30:00Z'))).toEqual({ place: 'Ljubljana', documentDate: '15. 3. 2027', latestSeen: '2' });
  });
});

describe('the pages of a published version', () => {
  it('the demo has version 1; its first page lists every part, the downloads not yet written, the versions', async () => {
    const { db, consultation } = await setup();
    const published = await listPublishedVersions(db, consultation.id);
    expect(published.map((v) => [v.number, v.documentNumber])).toEqual([[1, '3510-1/2026-24']]);
    const view = await frontView(db, t, consultation, published[0] as ReadyVersion, published);
    expect(view.parts.at(-1)).toMatchObject({ key: ANNEX_PART, href: '/posvetovanja/ds2030/porocilo/1/udelezenci' });
    expect(view.parts.filter((p) => p.selection?.section === 'chapter').length).toBe(10);
    expect(view.parts.reduce((n, p) => n + (p.selection ? p.count : 0), 0)).toBe(published[0].rowCount);
    expect(view.downloads.map((d) => [d.format, d.href, d.bytes])).toEqual([
      ['pdf', '/posvetovanja/ds2030/porocilo/1/prenos/pdf', undefined],
      ['docx', '/posvetovanja/ds2030/porocilo/1/prenos/docx', undefined],
      ['xlsx', '/posvetovanja/ds2030/porocilo/1/prenos/xlsx', undefined],
      ['csv', '/posvetovanja/ds2030/porocilo/1/prenos/csv', undefined],
    ]);
    expect(view).toMatchObject({ supersedes: undefined, newer: undefined, versions: [{ number: 1, supersededBy: undefined }] });
  });

  it('pages a part 50 rows at a time in the report order, with links to the neighbours', async () => {
    const { db, consultation } = await setup();
    const version = (await findPublishedVersion(db, consultation.id, 1)) as ReadyVersion;
    const chapter = partsOf(version.summary, t).find((p) => p.count > 0 && p.selection)!;
    // A large chapter, inserted directly as frozen rows after the real ones.
    const model = await db.selectFrom('report_rows').where('report_version_id', '=', version.id).where('chapter_slug', '=', chapter.key).selectAll().executeTakeFirstOrThrow();
    const extra = Array.from({ length: 120 }, (_, i) => ({ ...model, sort_key: `${model.sort_key}~${String(i).padStart(3, '0')}`, comment_id: 900_000 + i }));
    await db.insertInto('report_rows').values(extra).execute();
    const part = { ...chapter, count: chapter.count + 120 };
    expect(pageCountOf(part)).toBe(Math.ceil(part.count / ROWS_PER_PAGE));
    const second = await partView(db, consultation, version, part, 2);
    expect(second.rows).toHaveLength(50);
    expect([second.from, second.to]).toEqual([51, 100]);
    expect(second.rows.map((r) => r.sortKey)).toEqual([...second.rows.map((r) => r.sortKey)].sort());
    expect(second.previous).toBe(`/posvetovanja/ds2030/porocilo/1/${chapter.key}`);
    expect(second.next).toBe(`/posvetovanja/ds2030/porocilo/1/${chapter.key}?stran=3`);
    const last = await partView(db, consultation, version, part, 3);
    expect([last.from, last.to, last.next]).toEqual([101, part.count, undefined]);
  });

  it('a later version supersedes the first: both stay, each says so', async () => {
    const { db, consultation, admin } = await setup();
    const parsed = parseForm(publishForm(t), typed());
    if (!parsed.ok) throw new Error('the form should parse');
    expect(await startPublishing(db, admin, consultation, parsed.data)).toMatchObject({ ok: true });
    await runReportJobs(db);
    const published = await listPublishedVersions(db, consultation.id);
    const [second, first] = published as ReadyVersion[];
    const newest = await frontView(db, t, consultation, second, published);
    expect(newest).toMatchObject({ supersedes: { number: 1, documentDate: first.documentDate }, newer: undefined });
    expect(newest.versions.map((v) => [v.number, v.supersededBy])).toEqual([
      [2, undefined],
      [1, 2],
    ]);
    expect((await frontView(db, t, consultation, first, published)).newer).toBe(2);
  });
});

describe('refusals of a publish, as the page words them', () => {
  it('a form based on an older view, a version being prepared, no published stance', async () => {
    const { db, consultation, admin } = await setup();
    const data = (latestSeen: number) => ({ documentNumber: 'X-1', place: 'Ljubljana', documentDate: '2027-03-15', signatoryName: 'A', signatoryTitle: 'B', latestSeen });
    const shown = async (latestSeen: number) => {
      const result = await startPublishing(db, admin, consultation, data(latestSeen));
      if (result.ok) throw new Error('expected a refusal');
      return errorState(result.error, t);
    };
    expect(await shown(0)).toMatchObject({ status: 409, errors: { _form: 'Medtem je bila objavljena verzija 1 poročila. Preverite jo in po potrebi objavite novo.' } });
    expect(await startPublishing(db, admin, consultation, data(1))).toMatchObject({ ok: true });
    expect((await shown(1)).errors._form).toBe(t.reportVersions.errors.beingPrepared);
    await runReportJobs(db);
    await db.updateTable('comments').set({ moderation_status: 'new', response: null }).where('consultation_id', '=', consultation.id).execute();
    expect((await shown(2)).errors._form).toBe(t.reportVersions.errors.noPublishedStances);
  });
});
