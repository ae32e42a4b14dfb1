import { createHash } from 'node:crypto';
import { transaction, type Statements } from '../support/database.ts';
import { test, expect, submitForm, unique, type Server } from './fixtures.ts';
import { expectNoAxeViolations } from './axe.ts';
import { submitOnBlockPage } from './support/comments.ts';

/**
 * Attachments (issue 16, item 3): a municipality attaches a signed letter (PDF) to its draft — a PNG
 * renamed .pdf is refused with a message — and submits; nobody else sees the draft's file; a reader
 * downloads it from the permalink with the headers of a download and the same bytes. A moderator
 * attaches the scan of a letter received by post to the comment recorded from it.
 */

test.describe.configure({ timeout: 180_000 });

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const pdf = (text: string) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(1_234_567, text), Buffer.from('\n%%EOF\n')]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(300, 7)]);

function inDatabase<T>(server: Server, work: (db: Statements) => Promise<T>): Promise<T> {
  return transaction(server.databasePath, work);
}

test('a municipality attaches a signed PDF to its draft and submits; a reader downloads it from the permalink', async ({ as, newPage, server, request }) => {
  const body = unique('Pripomba s podpisanim dopisom župana.');
  const bled = await as('bled');
  await submitOnBlockPage(bled, '/posvetovanja/ds2030/osnutek/uvod/5', { body, intent: 'draft' });
  const id = await inDatabase(server, async (db) => (await db.get<{ id: number }>('select id from comments where body = ?', body))!.id);

  // The draft's permalink offers the upload to its organisation.
  await bled.goto(`/pripombe/${id}`);
  const section = bled.getByRole('region', { name: 'Priloge' });
  await expect(section.getByText('Pripomba nima prilog.')).toBeVisible();
  const input = section.getByLabel('Datoteke PDF');
  await expect(section.getByText('PDF, največ 5 datotek po 10 MB')).toBeVisible();

  // A PNG renamed .pdf: refused, by its content.
  await input.setInputFiles({ name: 'podpis.pdf', mimeType: 'application/pdf', buffer: PNG });
  expect(await submitForm(bled, section.getByRole('button', { name: 'Naloži' }))).toBe(422);
  await expect(bled).toHaveTitle(/^Napaka: /);
  const summary = bled.getByRole('alert');
  await expect(summary).toContainText('Datoteka „podpis.pdf“ ni dokument PDF.');
  await expect(bled.getByLabel('Datoteke PDF')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(bled);

  // The signed letter, with a path in its name: stored under its last part only.
  const letter = pdf('s');
  await bled.getByLabel('Datoteke PDF').setInputFiles({ name: 'Dopis župana – podpisan.pdf', mimeType: 'application/pdf', buffer: letter });
  expect(await submitForm(bled, bled.getByRole('button', { name: 'Naloži' }))).toBe(303);
  await expect(bled.getByRole('status')).toHaveText('Dodana je 1 priloga.');
  const row = bled.getByRole('row', { name: /Dopis župana – podpisan\.pdf/ });
  await expect(row).toContainText('1,2 MB');
  await expectNoAxeViolations(bled);
  const href = (await row.getByRole('link').getAttribute('href'))!;

  // While a draft, nobody outside the organisation gets the file: 404.
  expect((await request.get(href)).status()).toBe(404);
  const ljubljana = await as('ljubljana');
  expect((await ljubljana.request.get(href)).status()).toBe(404);

  // Submitted: the list is fixed, and the file public.
  await bled.goto(`/pripombe/${id}/uredi`);
  expect(await submitForm(bled, bled.getByRole('button', { name: 'Oddaj pripombo' }))).toBe(303);
  await bled.goto(`/pripombe/${id}`);
  await expect(bled.getByRole('button', { name: 'Naloži' })).toHaveCount(0);

  const reader = await newPage();
  await reader.goto(`/pripombe/${id}`);
  const list = reader.getByRole('region', { name: 'Priloge' });
  await expect(list.getByRole('row', { name: /Dopis župana – podpisan\.pdf/ })).toContainText('1,2 MB');
  await expectNoAxeViolations(reader);
  const download = reader.waitForEvent('download');
  await list.getByRole('link', { name: 'Dopis župana – podpisan.pdf' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('Dopis župana – podpisan.pdf');
  const answer = await request.get(href);
  expect(answer.status()).toBe(200);
  const headers = answer.headers();
  expect(headers['content-type']).toBe('application/pdf');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['content-length']).toBe(String(letter.length));
  expect(headers['content-disposition']).toBe(`attachment; filename="Dopis zupana _ podpisan.pdf"; filename*=UTF-8''Dopis%20%C5%BEupana%20%E2%80%93%20podpisan.pdf`);
  expect(sha256(await answer.body())).toBe(sha256(letter));

  // In the open data: the same file, its address, size and SHA-256.
  const item = await (await request.get(`/api/v1/comments/${id}`)).json();
  expect(item.attachments).toEqual([{ url: expect.stringMatching(new RegExp(`^https?://[^/]+${href.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)), name: 'Dopis župana – podpisan.pdf', size: letter.length, sha256: sha256(letter) }]);
});

test('a moderator attaches the scan of a letter received by post to the comment recorded from it', async ({ as, server }) => {
  const body = unique('Pripomba, prejeta po pošti.');
  const id = await inDatabase(server, async (db) => {
    const model = (await db.get(`select * from comments where state = 'submitted' and consultation_id = (select id from consultations where slug = 'ds2030') order by id limit 1`))!;
    const { id: _id, public_changed_at: _c, idempotency_key: _k, ...rest } = model;
    const row = { ...rest, body, received_via: 'post', hidden: 0, moderation_status: 'new', response: null, decided_at: null, decided_by_user_id: null, assignee_user_id: null };
    const columns = Object.keys(row);
    const inserted = await db.get<{ id: number }>(`insert into comments (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')}) returning id`, ...columns.map((c) => row[c as keyof typeof row]));
    return inserted!.id;
  });
  const moderator = await as('moderator');
  await moderator.goto(`/moderacija/pripombe/${id}`);
  const section = moderator.getByRole('region', { name: 'Priloge' });
  await expect(section.getByText('Priložite izvirno elektronsko sporočilo ali skenirani dopis (PDF).')).toBeVisible();
  await section.getByLabel('Datoteke PDF').setInputFiles([
    { name: 'sken dopisa.pdf', mimeType: 'application/pdf', buffer: pdf('k') },
    { name: 'ovojnica.pdf', mimeType: 'application/pdf', buffer: pdf('o') },
  ]);
  expect(await submitForm(moderator, section.getByRole('button', { name: 'Naloži' }))).toBe(303);
  await expect(moderator.getByRole('status')).toHaveText('Dodani sta 2 prilogi.');
  await expect(moderator.getByRole('link', { name: 'Nazaj na obravnavo pripombe' })).toHaveAttribute('href', `/moderacija/pripombe/${id}`);
  // Removed again: the list says so.
  expect(await submitForm(moderator, moderator.getByRole('button', { name: 'Odstrani prilogo ovojnica.pdf' }))).toBe(303);
  await expect(moderator.getByRole('status')).toHaveText('Priloga je odstranjena.');
  await moderator.goto(`/moderacija/pripombe/${id}`);
  await expect(moderator.getByRole('region', { name: 'Priloge' }).getByRole('row')).toHaveCount(2);
  await expect(moderator.getByRole('link', { name: 'sken dopisa.pdf' })).toBeVisible();
  await expectNoAxeViolations(moderator);
});
