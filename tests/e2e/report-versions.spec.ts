import { transaction } from '../support/database.ts';
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';
import { expect, postForm, signIn, submitForm, test, people } from './fixtures.ts';
import { parseCsv } from '../support/spreadsheets.ts';
import { waitFor } from '../support/wait.ts';

/*
 * The report as the ministry's published document: a reader opens the newest version, its parts
 * page by page and the annex; an administrator publishes a new version (refused while the form is
 * stale); a moderator prepares the preview; bad addresses are not found.
 *
 * The tests of this file run in order in one worker: the first reads version 1 as the demo has
 * published it, the second publishes the next ones.
 */
test.describe.configure({ mode: 'serial' });

const REPORT = '/posvetovanja/ds2030/porocilo';

/** Reloads until the locator is there (a snapshot is written off the request path). */
async function reloadUntil(page: Page, locator: () => ReturnType<Page['locator']>): Promise<void> {
  await expect(async () => {
    await page.reload();
    await expect(locator()).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 30_000 });
}

/**
 * Makes version 1's first chapter (which has no comments in the demo) long enough for three pages:
 * frozen rows written directly, and the version's summary counting them, as a snapshot would.
 */
function lengthenFirstChapter(database: string, extra: number): Promise<{ slug: string; title: string }> {
  return transaction(database, async (db) => {
    const version = (await db.get<{ id: number; summary_json: string }>("select id, summary_json from report_versions where kind = 'published' and number = 1 and consultation_id = (select id from consultations where slug = 'ds2030')"))!;
    const summary = JSON.parse(version.summary_json);
    const section = summary.sections.find((s: { section: string }) => s.section === 'chapter');
    const model = (await db.get('select * from report_rows where report_version_id = ? and status = ? limit 1', version.id, 'noted'))!;
    const columns = Object.keys(model);
    const insert = `insert into report_rows (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`;
    for (let i = 0; i < extra; i++) {
      const row: Record<string, unknown> = { ...model, sort_key: `0-e2e-${String(i).padStart(4, '0')}`, chapter_slug: section.chapterSlug, chapter_number: section.chapterNumber, chapter_title: section.chapterTitle, block_number: `${section.chapterNumber}.${i + 1}` };
      await db.run(insert, ...columns.map((c) => row[c]));
    }
    section.count += extra;
    section.byStatus.noted = (section.byStatus.noted ?? 0) + extra;
    summary.total += extra;
    summary.byStatus.noted += extra;
    summary.byKind[model.kind as string] += extra;
    summary.byOrganisationKind[model.organisation_kind as string] += extra;
    await db.run('update report_versions set summary_json = ?, row_count = row_count + ? where id = ?', JSON.stringify(summary), extra, version.id);
    return { slug: section.chapterSlug, title: `${section.chapterNumber}. ${section.chapterTitle}` };
  });
}

test('a reader opens the newest version, a chapter page by page, and the annex', async ({ page, server, as }) => {
  const chapter = await lengthenFirstChapter(server.databasePath, 120);
  // Public pages are cached until something is written: a sign-in is such a write.
  await as('bled');

  expect((await page.goto(REPORT))?.status()).toBe(200);
  const main = page.locator('main');
  await expect(main).toContainText('REPUBLIKA SLOVENIJA');
  await expect(main).toContainText('MINISTRSTVO ZA DIGITALNO PREOBRAZBO');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('POROČILO O UPOŠTEVANJU PRIPOMB');
  await expect(main).toContainText('Verzija 1');
  await expect(main.locator('.report-header__facts')).toContainText('3510-1/2026-24');
  await expect(main).toContainText('mag. Vesna Kovač');
  for (const heading of ['1. Uvod', '2. Način obravnave', '3. Povzetek stališč', 'Kazalo', 'Prenosi', 'Verzije poročila']) {
    await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
  }
  const versions = page.getByRole('table', { name: 'Objavljene verzije poročila, najnovejša prva' });
  await expect(versions.getByRole('row')).toHaveCount(2);
  await expect(versions.getByRole('row', { name: /Verzija 1/ })).toContainText('najnovejša');
  // The downloads, one per format, each at its version's address.
  const downloads = page.getByRole('region', { name: 'Prenosi' }).getByRole('link');
  await expect(downloads).toHaveCount(4);
  await expect(downloads.first()).toHaveAttribute('href', '/posvetovanja/ds2030/porocilo/1/prenos/pdf');
  await expectNoAxeViolations(page);

  await page.getByRole('navigation', { name: 'Kazalo' }).getByRole('link', { name: chapter.title }).click();
  await expect(page).toHaveURL(`${REPORT}/1/${chapter.slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(chapter.title);
  await expect(page.locator('main')).toContainText('Prikazane so pripombe 1–50 od 120 (stran 1 od 3).');
  await page.getByRole('navigation', { name: 'Strani poročila (spodaj)' }).getByRole('link', { name: /Naslednja stran/ }).click();
  await expect(page).toHaveURL(`${REPORT}/1/${chapter.slug}?stran=2`);
  const table = page.getByRole('table', { name: `${chapter.title}: pripombe in stališča, stran 2 od 3` });
  await expect(table.getByRole('columnheader')).toHaveText(['Predlagatelj', 'Odstavek', 'Pripomba', 'Stališče', 'Obrazložitev']);
  await expect(table.locator('tbody tr')).toHaveCount(50);
  const first = table.locator('tbody tr').first();
  await expect(first.getByRole('rowheader')).toBeVisible();
  await expect(first.getByRole('cell').first()).toContainText(/\d+\.51/);
  await expect(first.getByRole('link', { name: /^Pripomba št\. \d+$/ })).toHaveAttribute('href', /^\/pripombe\/\d+$/);
  await expect(first).toContainText('vzeta na znanje');
  await expect(page.getByRole('navigation', { name: 'Strani poročila (zgoraj)' })).toContainText('stran 2 od 3');
  await expectNoAxeViolations(page);

  // On a phone each row is a block of labelled cells, and nothing is wider than the screen.
  await page.setViewportSize({ width: 390, height: 800 });
  await expect(first.getByText('Stališče', { exact: true })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByRole('link', { name: 'Na začetek poročila' }).click();
  await page.getByRole('navigation', { name: 'Kazalo' }).getByRole('link', { name: 'Priloga: udeleženci posvetovanja' }).click();
  await expect(page).toHaveURL(`${REPORT}/1/udelezenci`);
  const annex = page.getByRole('table', { name: 'Udeleženci posvetovanja, stran 1 od 1' });
  await expect(annex.getByRole('columnheader')).toHaveText(['Organizacija', 'Vrsta', 'Pripombe', 'Potrjena skupna stališča']);
  await expect(annex.getByRole('row', { name: /Občina Bled/ })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('an administrator publishes a new version: refused while the form is stale; every version stays reachable', async ({ page, as }) => {
  const admin = await as('admin');
  const path = '/admin/posvetovanja/ds2030/porocilo';
  await admin.goto(path);
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Poročilo – Digitalna Slovenija 2030 – vmesni pregled');
  await expect(admin.locator('main')).toContainText('Zadnja objavljena verzija je 1; objavili boste verzijo 2.');
  await expect(admin.getByLabel('Kraj')).toHaveValue('Ljubljana');
  await expect(admin.getByLabel('Datum dokumenta')).toHaveValue(/^\d{1,2}\. \d{1,2}\. \d{4}$/);

  // Errors: each named, what was typed kept.
  await admin.getByLabel('Datum dokumenta').fill('31. 2. 2027');
  await admin.getByLabel('Odgovorna oseba', { exact: true }).fill('mag. Vesna Kovač');
  expect(await submitForm(admin, admin.getByRole('button', { name: 'Objavi poročilo' }))).toBe(422);
  const summary = admin.getByRole('alert');
  await expect(summary.getByRole('listitem')).toHaveText(['Vpišite številko dokumenta.', 'Vpišite datum v obliki 15. 3. 2027.', 'Vpišite funkcijo odgovorne osebe.']);
  await expect(admin.getByLabel('Datum dokumenta')).toHaveValue('31. 2. 2027');
  await expect(admin.getByLabel('Odgovorna oseba', { exact: true })).toHaveValue('mag. Vesna Kovač');
  await expectNoAxeViolations(admin);

  // Meanwhile another administrator publishes version 2 (from a form that saw version 1).
  const form = { documentNumber: '3510-1/2026-31', place: 'Ljubljana', documentDate: '1. 4. 2027', signatoryName: 'mag. Vesna Kovač', signatoryTitle: 'generalna direktorica', latestSeen: '1' };
  expect((await postForm(admin, path, form)).status()).toBe(303);
  const other = await as('admin');
  await other.goto(path);
  await reloadUntil(other, () => other.getByRole('row', { name: /Verzija 2/ }));
  await expect(other.getByRole('row', { name: /Verzija 2/ })).toContainText('objavljena');

  // This form still says it saw version 1: refused, told why; the next try publishes version 3.
  await admin.getByLabel('Številka dokumenta').fill('3510-1/2026-32');
  await admin.getByLabel('Datum dokumenta').fill('2. 4. 2027');
  await admin.getByLabel('Funkcija odgovorne osebe').fill('generalna direktorica Direktorata za digitalno družbo');
  expect(await submitForm(admin, admin.getByRole('button', { name: 'Objavi poročilo' }))).toBe(409);
  await expect(admin.getByRole('alert')).toContainText('Medtem je bila objavljena verzija 2 poročila.');
  await expect(admin.getByLabel('Številka dokumenta')).toHaveValue('3510-1/2026-32');
  expect(await submitForm(admin, admin.getByRole('button', { name: 'Objavi poročilo' }))).toBe(303);
  await expect(admin.getByRole('status')).toContainText('Poročilo se pripravlja za objavo.');
  await reloadUntil(admin, () => admin.getByRole('row', { name: /Verzija 3/ }));
  const row = admin.getByRole('row', { name: /Verzija 3/ });
  await expect(row).toContainText('objavljena');
  await expect(row).toContainText('3510-1/2026-32');
  await expect(row).toContainText('2. 4. 2027');
  await expect(row).toContainText('Ana Administratorka');

  // The public page shows version 3, and says what it supersedes; version 1 stays reachable.
  await page.goto(REPORT);
  await expect(page.locator('main')).toContainText('Verzija 3');
  await expect(page.locator('main')).toContainText('Nadomešča verzijo 2 z dne 1. 4. 2027.');
  const versions = page.getByRole('table', { name: 'Objavljene verzije poročila, najnovejša prva' });
  await expect(versions.locator('tbody tr')).toHaveText([/Verzija 3.*najnovejša/, /Verzija 2.*nadomeščena z verzijo 3/, /Verzija 1.*nadomeščena z verzijo 2/]);
  await versions.getByRole('link', { name: 'Verzija 1' }).click();
  await expect(page).toHaveURL(`${REPORT}/1`);
  await expect(page.getByRole('note')).toContainText('To ni najnovejša verzija poročila. Najnovejša je verzija 3.');
  await expect(page.locator('.report-header__facts')).toContainText('3510-1/2026-24');
  await expectNoAxeViolations(page);

  // The audit log names the publication.
  await admin.goto('/admin/dnevnik');
  await expect(admin.locator('main')).toContainText('objava poročila o upoštevanju pripomb');
});

test("a moderator prepares the preview, marked as not published; others may not see it", async ({ page, request, as }) => {
  const moderator = await as('moderator');
  await moderator.goto(`${REPORT}/predogled`);
  await moderator.getByRole('button', { name: 'Pripravi nov predogled' }).click();
  await expect(moderator).toHaveURL(/predogled\?sporocilo=predogled-v-pripravi$/);
  await reloadUntil(moderator, () => moderator.getByText('PREDOGLED – NI OBJAVLJENO'));
  await expect(moderator.getByText(/^Predogled je bil pripravljen \d/)).toBeVisible();
  await expect(moderator.getByRole('heading', { level: 1 })).toContainText('POROČILO O UPOŠTEVANJU PRIPOMB');
  // A preview has no number, no downloads and no signature.
  await expect(moderator.locator('.report-header__facts')).toHaveCount(0);
  await expect(moderator.getByRole('heading', { name: 'Prenosi' })).toHaveCount(0);
  await expectNoAxeViolations(moderator);
  await moderator.getByRole('navigation', { name: 'Kazalo' }).getByRole('link', { name: /Priloga/ }).click();
  await expect(moderator).toHaveURL(`${REPORT}/predogled/udelezenci`);
  await expect(moderator.getByRole('note')).toHaveText('PREDOGLED – NI OBJAVLJENO');

  // Signed out: the sign-in; a member: refused; a moderator of another consultation: refused.
  const anonymous = await request.get(`${REPORT}/predogled`, { maxRedirects: 0 });
  expect(anonymous.status()).toBe(303);
  expect(anonymous.headers().location).toContain('/prijava');
  const bled = await as('bled');
  expect((await bled.goto(`${REPORT}/predogled`))?.status()).toBe(403);
  expect((await moderator.goto('/posvetovanja/sdjs2030/porocilo/predogled'))?.status()).toBe(403);

  // Before a consultation's first version, its page says so — and offers an administrator the ways on.
  await page.goto('/posvetovanja/sdjs2030/porocilo');
  await expect(page.locator('main')).toContainText('Poročilo o upoštevanju pripomb še ni objavljeno.');
  await expect(page.getByRole('link', { name: /Objava poročila/ })).toHaveCount(0);
  await signIn(page, people.admin);
  await page.goto('/posvetovanja/sdjs2030/porocilo');
  await expect(page.getByRole('link', { name: 'Objava poročila (za administratorje)' })).toHaveAttribute('href', '/admin/posvetovanja/sdjs2030/porocilo');
  await expect(page.getByRole('link', { name: 'Predogled poročila iz trenutnih podatkov' })).toHaveAttribute('href', '/posvetovanja/sdjs2030/porocilo/predogled');
  await expectNoAxeViolations(page);
});

test('addresses that name nothing are not found; a download is served or being prepared', async ({ request }) => {
  for (const path of [`${REPORT}/99`, `${REPORT}/0`, `${REPORT}/abc`, `${REPORT}/1/ni-takega-dela`, `${REPORT}/1/udelezenci?stran=0`, `${REPORT}/1/udelezenci?stran=abc`, `${REPORT}/1/udelezenci?stran=99999`, `${REPORT}/1/prenos/exe`, `${REPORT}/99/prenos/pdf`, '/posvetovanja/ni-takega/porocilo/1']) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
  expect((await request.get(`${REPORT}/1/udelezenci?stran=1`)).status()).toBe(200);

  // Until it is written, a file is being prepared (503, Retry-After, a page that says so); the
  // server writes it meanwhile, and from then on serves it as an attachment kept for good.
  const first = await request.get(`${REPORT}/1/prenos/pdf`);
  if (first.status() === 503) {
    expect(Number(first.headers()['retry-after'])).toBeGreaterThan(0);
    expect(first.headers()['cache-control']).toBe('no-store');
    expect(await first.text()).toContain('Dokument se pripravlja…');
  }
  const written = (format: string) =>
    waitFor(`the ${format} to be written`, async () => {
      const response = await request.get(`${REPORT}/1/prenos/${format}`);
      return response.status() === 200 ? response : undefined;
    }, { timeout: 90_000, interval: 250 });
  const pdf = await written('pdf');
  expect(pdf.headers()['content-disposition']).toBe('attachment; filename="porocilo-ds2030-1.pdf"');
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect(pdf.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(pdf.headers()['x-content-type-options']).toBe('nosniff');
  const bytes = await pdf.body();
  expect(Number(pdf.headers()['content-length'])).toBe(bytes.length);
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  // The CSV for Slovenian spreadsheets: its rows are the version's comments, each with its permalink.
  const csvRows = parseCsv((await (await written('csv')).text()).replace(/^\uFEFF/, ''));
  expect(csvRows[0][0]).toBe('Št.');
  expect(csvRows.length).toBeGreaterThan(1);
  const link = csvRows[0].indexOf('Povezava');
  expect(link).toBeGreaterThan(0);
  for (const row of csvRows.slice(1)) expect(row[link]).toMatch(/\/pripombe\/\d+$/);
  // The attachments' column last (empty for comments without any).
  expect(csvRows[0].at(-1)).toBe('Priloge');
  expect((await (await written('docx')).body()).subarray(0, 2).toString()).toBe('PK');
  expect((await (await written('xlsx')).body()).subarray(0, 2).toString()).toBe('PK');
  // The old addresses lead to the newest version's download; before a first version there is none.
  const csv = await request.get(`${REPORT}.csv`, { maxRedirects: 0 });
  expect(csv.status()).toBe(302);
  expect(csv.headers().location).toMatch(/\/posvetovanja\/ds2030\/porocilo\/\d+\/prenos\/csv$/);
  expect((await request.get('/posvetovanja/sdjs2030/porocilo.xlsx', { maxRedirects: 0 })).status()).toBe(404);
});
