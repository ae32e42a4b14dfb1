import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attachFiles, removeAttachment } from '../../src/lib/server/attachments/commands.ts';
import { commentRecord } from '../../src/lib/server/comments/record.ts';
import { OPEN_DATA_COLUMNS, openDataCsvCells } from '../../src/lib/server/comments/open-data.ts';
import { hasAttachment } from '../../src/lib/server/attachments/filter.ts';
import { formatSize, isPdfStart, sanitiseName } from '../../src/lib/server/attachments/names.ts';
import { attachmentsOf } from '../../src/lib/server/attachments/queries.ts';
import { newStorageKey, storedPath } from '../../src/lib/server/attachments/storage.ts';
import { MAX_FILE_BYTES, receivePdfs } from '../../src/lib/server/attachments/upload.ts';
import { actorFor, commentIn, filesUnder, multipart, MULTIPART, pdf, PNG, streamOf, tempRoot } from './attachments-helpers.ts';
import { seededDatabase } from './helpers.ts';
import { reportCsvOf, reportRowsNow } from './report-helpers.ts';

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('attachments: names people see are sanitised', () => {
  it.each([
    ['../../x.pdf', 'x.pdf'],
    ['C:\\Users\\ana\\Dopis župana.PDF', 'Dopis župana.pdf'],
    ['sklep\u0000 sveta\u202e.pdf', 'sklep sveta.pdf'],
    ['Z\u030cupan.pdf', 'Župan.pdf'],
    ['.skrito.pdf', 'skrito.pdf'],
    ['scan.png', 'scan.png.pdf'],
    ['a<b>:c?.pdf', 'a_b__c_.pdf'],
    ['', 'priloga.pdf'],
    ['../', 'priloga.pdf'],
  ])('%j → %j', (raw, name) => {
    expect(sanitiseName(raw)).toBe(name);
  });

  it('at most 120 characters, still ending in .pdf', () => {
    const name = sanitiseName(`${'č'.repeat(300)}.pdf`);
    expect(Array.from(name)).toHaveLength(120);
    expect(name.endsWith('č.pdf')).toBe(true);
  });

  it('sizes as Slovenian readers write them', () => {
    expect(formatSize(1_234_567)).toBe('1,2 MB');
    expect(formatSize(10_485_760)).toBe('10,5 MB');
    expect(formatSize(345_000)).toBe('345 kB');
    expect(formatSize(900)).toBe('900 B');
  });
});

describe('attachments: the type is judged by content', () => {
  it('a PDF starts with %PDF-; a PNG named .pdf or a short file does not', () => {
    expect(isPdfStart(pdf(100))).toBe(true);
    expect(isPdfStart(PNG)).toBe(false);
    expect(isPdfStart(Buffer.from('%PD'))).toBe(false);
  });
});

describe('attachments: storage never leaves DATA_DIR/attachments', () => {
  it('a key of ours maps inside the root; anything else is refused', () => {
    const root = tempRoot();
    const key = newStorageKey();
    expect(storedPath(root, key).startsWith(`${root}/`)).toBe(true);
    for (const bad of ['../x', '/etc/passwd', 'ab/../../x', 'ab/abc', `${key}/..`, 'x.pdf']) expect(() => storedPath(root, bad)).toThrow();
  });
});

describe('attachments: the upload streams to disk and leaves nothing when refused', () => {
  it('a PDF is stored in a temporary file with its size and SHA-256; a path in its name is dropped', async () => {
    const root = tempRoot();
    const bytes = pdf(300_000);
    const upload = await receivePdfs(streamOf(multipart([{ name: '../../x.pdf', bytes }])), MULTIPART, root, { room: 5 });
    expect(upload).toMatchObject({ ok: true, files: [{ name: 'x.pdf', size: bytes.length, sha256: sha(bytes) }] });
    if (!upload.ok) return;
    expect(upload.files[0].path.startsWith(join(root, 'tmp'))).toBe(true);
    expect(readFileSync(upload.files[0].path).equals(bytes)).toBe(true);
  });

  it.each([
    ['a PNG renamed .pdf', [{ name: 'slika.pdf', bytes: PNG }], 5, { problem: 'notPdf', name: 'slika.pdf' }],
    ['a file of 0 bytes', [{ name: 'prazna.pdf', bytes: Buffer.alloc(0) }], 5, { problem: 'empty', name: 'prazna.pdf' }],
    ['6 files', Array.from({ length: 6 }, (_, i) => ({ name: `d${i}.pdf`, bytes: pdf() })), 5, { problem: 'tooMany' }],
    ['3 files where 2 fit', Array.from({ length: 3 }, (_, i) => ({ name: `d${i}.pdf`, bytes: pdf() })), 2, { problem: 'tooMany' }],
    ['a file over 10 MB after a good one', [{ name: 'dobra.pdf', bytes: pdf() }, { name: 'velika.pdf', bytes: pdf(MAX_FILE_BYTES + 1) }], 5, { problem: 'tooLarge', name: 'velika.pdf' }],
    ['no file chosen', [{ name: '', bytes: Buffer.alloc(0) }], 5, { problem: 'noFile' }],
  ])('%s is refused', async (_label, files, room, expected) => {
    const root = tempRoot();
    expect(await receivePdfs(streamOf(multipart(files)), MULTIPART, root, { room })).toEqual({ ok: false, ...expected });
    expect(filesUnder(root)).toEqual([]);
  });

  it('exactly 10 MB is accepted', async () => {
    const upload = await receivePdfs(streamOf(multipart([{ name: 'mejna.pdf', bytes: pdf(MAX_FILE_BYTES) }])), MULTIPART, tempRoot(), { room: 1 });
    expect(upload.ok).toBe(true);
  });

  it('an upload cut off half-way leaves no temporary file', async () => {
    const root = tempRoot();
    const upload = await receivePdfs(streamOf(multipart([{ name: 'a.pdf', bytes: pdf(200_000) }, { name: 'b.pdf', bytes: pdf(2_000_000) }]), 1_000_000), MULTIPART, root, { room: 5 });
    expect(upload).toEqual({ ok: false, problem: 'cutOff' });
    expect(filesUnder(root)).toEqual([]);
  });

  it('a body that is not multipart, or has no boundary, is refused before anything is written', async () => {
    const root = tempRoot();
    expect(await receivePdfs(streamOf([Buffer.from('a=1')]), 'application/x-www-form-urlencoded', root, { room: 5 })).toEqual({ ok: false, problem: 'notMultipart' });
    expect(await receivePdfs(streamOf([Buffer.from('a=1')]), 'multipart/form-data', root, { room: 5 })).toEqual({ ok: false, problem: 'noBoundary' });
    expect(filesUnder(root)).toEqual([]);
  });
});

describe('attachments: adding and removing, audited, never a row without its file', () => {
  it('a draft gets its files: rows, files in place, an audit entry each; removal takes row and file', async () => {
    const { db } = await seededDatabase();
    const root = tempRoot();
    const bled = await actorFor(db, 'bled@posvet.test');
    const id = await commentIn(db, { state: 'draft' });
    const bytes = pdf(50_000);
    const upload = await receivePdfs(streamOf(multipart([{ name: 'Sklep občinskega sveta.pdf', bytes }, { name: 'dopis.pdf', bytes: pdf(1_000) }])), MULTIPART, root, { room: 5 });
    if (!upload.ok) throw new Error(upload.problem);
    const added = await attachFiles(db, bled, id, upload.files, root, '203.0.113.9');
    expect(added.ok).toBe(true);
    const items = await attachmentsOf(db, id);
    expect(items.map((a) => a.name)).toEqual(['Sklep občinskega sveta.pdf', 'dopis.pdf']);
    const rows = await db.selectFrom('attachments').select(['id', 'storage_key', 'uploaded_by']).where('comment_id', '=', id).orderBy('id').execute();
    expect(readFileSync(storedPath(root, rows[0].storage_key)).equals(bytes)).toBe(true);
    expect(rows[0].uploaded_by).toBe(bled.id);
    expect(filesUnder(join(root, 'tmp'))).toEqual([]);
    const audit = await db.selectFrom('audit_log').select(['action', 'target_id', 'ip']).where('action', 'like', 'attachment.%').execute();
    expect(audit).toEqual([
      { action: 'attachment.added', target_id: String(id), ip: '203.0.113.9' },
      { action: 'attachment.added', target_id: String(id), ip: '203.0.113.9' },
    ]);
    const has = async () => (await db.selectFrom('comments').select('id').where('id', '=', id).where((eb) => hasAttachment(eb.ref('comments.id'))).execute()).length === 1;
    expect(await has()).toBe(true);

    expect((await removeAttachment(db, bled, id, rows[0].id, root)).ok).toBe(true);
    expect(existsSync(storedPath(root, rows[0].storage_key))).toBe(false);
    expect((await attachmentsOf(db, id)).map((a) => a.name)).toEqual(['dopis.pdf']);
    expect(await db.selectFrom('audit_log').select('action').where('action', '=', 'attachment.removed').execute()).toHaveLength(1);
  });

  it('refused: a stranger, a submitted comment, a sixth file — no row, no file left', async () => {
    const { db } = await seededDatabase();
    const root = tempRoot();
    const bled = await actorFor(db, 'bled@posvet.test');
    const ljubljana = await actorFor(db, 'ljubljana@posvet.test');
    const staged = async (n: number) => {
      const upload = await receivePdfs(streamOf(multipart(Array.from({ length: n }, (_, i) => ({ name: `d${i}.pdf`, bytes: pdf() })))), MULTIPART, root, { room: 5 });
      if (!upload.ok) throw new Error(upload.problem);
      return upload.files;
    };
    const draft = await commentIn(db, { state: 'draft' });
    expect(await attachFiles(db, ljubljana, draft, await staged(1), root)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const submitted = await commentIn(db, { state: 'submitted' });
    expect(await attachFiles(db, bled, submitted, await staged(1), root)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await attachFiles(db, bled, draft, await staged(4), root)).ok).toBe(true);
    expect(await attachFiles(db, bled, draft, await staged(2), root)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await attachmentsOf(db, draft)).toHaveLength(4);
    expect(filesUnder(root).filter((f) => !f.startsWith('tmp'))).toHaveLength(4);
    expect(filesUnder(join(root, 'tmp'))).toEqual([]);
  });
});

describe('attachments: in the open data', () => {
  it('a public comment lists its attachments (absolute URL, name, size, SHA-256), also in the CSV; a draft is not open data', async () => {
    const { db } = await seededDatabase();
    const root = tempRoot();
    const moderator = await actorFor(db, 'moderator@posvet.test');
    const id = await commentIn(db, { state: 'submitted', via: 'post' });
    const bytes = pdf(4_321);
    const upload = await receivePdfs(streamOf(multipart([{ name: 'Dopis župana.pdf', bytes }])), MULTIPART, root, { room: 5 });
    if (!upload.ok) throw new Error(upload.problem);
    const before = (await db.selectFrom('comments').select('public_changed_at').where('id', '=', id).executeTakeFirstOrThrow()).public_changed_at;
    const added = await attachFiles(db, moderator, id, upload.files, root);
    if (!added.ok) throw new Error(added.error.code);
    const record = await commentRecord(db, id, { baseUrl: 'https://posvet.example', currentVersionId: async () => undefined });
    if (record.state !== 'public') throw new Error(record.state);
    const expected = { url: `https://posvet.example/priloge/${added.value[0]}/Dopis%20%C5%BEupana.pdf`, name: 'Dopis župana.pdf', size: 4_321, sha256: sha(bytes) };
    expect(record.item.attachments).toEqual([expected]);
    expect(record.item.changedAt > (before ?? '')).toBe(true);
    const cells = openDataCsvCells(record.item, { yes: 'da', no: 'ne' });
    expect(cells[OPEN_DATA_COLUMNS.indexOf('attachments')]).toBe(`Dopis župana.pdf (4321 B, SHA-256 ${sha(bytes)}): ${expected.url}`);
    const draft = await commentIn(db, { state: 'draft' });
    expect((await commentRecord(db, draft, { baseUrl: 'https://posvet.example', currentVersionId: async () => undefined })).state).toBe('not_found');
  });
});

describe('attachments: in the report annex', () => {
  it('the snapshot freezes the names with the row; the CSV (and XLSX) has them in the column „Priloge“', async () => {
    const { db } = await seededDatabase();
    const root = tempRoot();
    const moderator = await actorFor(db, 'moderator@posvet.test');
    const id = await commentIn(db, { state: 'submitted', via: 'email' });
    const upload = await receivePdfs(streamOf(multipart([{ name: 'sken dopisa.pdf', bytes: pdf() }, { name: 'ovojnica.pdf', bytes: pdf() }])), MULTIPART, root, { room: 5 });
    if (!upload.ok) throw new Error(upload.problem);
    expect((await attachFiles(db, moderator, id, upload.files, root)).ok).toBe(true);
    const consultation = (await db.selectFrom('comments').select('consultation_id').where('id', '=', id).executeTakeFirstOrThrow()).consultation_id;
    const rows = await reportRowsNow(db, consultation, []);
    expect(rows.find((r) => r.commentId === id)?.attachments).toBe('sken dopisa.pdf; ovojnica.pdf');
    expect(rows.filter((r) => r.attachments !== null)).toHaveLength(1);
    const csv = await reportCsvOf(rows, 'https://posvet.example');
    const [header, ...lines] = csv.split('\r\n');
    expect(header.split(';').at(-1)).toBe('"Priloge"');
    expect(lines.find((l) => l.startsWith(`"${id}"`))!.endsWith(`/pripombe/${id}";"sken dopisa.pdf; ovojnica.pdf"`)).toBe(true);
  });
});
