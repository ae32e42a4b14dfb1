import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { CLAIM_LEASE_MS, deliverOutbox, deliverPass, outboxMessageId, queueMail, type MailSettings } from '../../src/lib/server/platform/mail.ts';
import { openDatabase } from '../../src/lib/server/platform/db.ts';
import { decodeHeader, decodeMail } from '../support/mail.ts';
import { seededDatabase } from './helpers.ts';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'posvet-mail-'));
  dirs.push(dir);
  return dir;
}

const message = { to: 'bled@posvet.test', subject: 'Odločitev o pripombi 3.14', text: 'Pozdravljeni,\n\nvaša pripomba je upoštevana. Čestitke — ščepec šumnikov: čšž ČŠŽ.' };

describe('the outbox', () => {
  it('delivers through a real SMTP server when SMTP_URL is set', async () => {
    const received: string[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, callback) {
        let data = '';
        stream.on('data', (chunk) => (data += chunk.toString()));
        stream.on('end', () => {
          received.push(data);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.server.address() as AddressInfo;
    try {
      const { db } = await seededDatabase();
      await queueMail(db, message);
      const sent = await deliverOutbox(db, { smtpUrl: `smtp://127.0.0.1:${port}`, mailDir: tempDir(), from: 'Posvet <posvet@localhost>' });
      expect(sent).toBe(1);
      expect(received).toHaveLength(1);
      expect(received[0]).toMatch(/^To: bled@posvet\.test/m);
      expect(received[0]).toMatch(/^Subject: /m);
      const row = await db.selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow();
      expect(row.sent_at).not.toBeNull();
      expect(row.attempts).toBe(1);
      // Nothing is sent twice.
      expect(await deliverOutbox(db, { smtpUrl: `smtp://127.0.0.1:${port}`, mailDir: tempDir(), from: 'x@localhost' })).toBe(0);
      expect(received).toHaveLength(1);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('writes .eml files a developer can read when no SMTP server is configured', async () => {
    const { db } = await seededDatabase();
    const dir = tempDir();
    await queueMail(db, message);
    expect(await deliverOutbox(db, { mailDir: dir, from: 'Posvet <posvet@localhost>' })).toBe(1);
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/\.eml$/);
    const eml = readFileSync(join(dir, files[0]), 'utf8');
    expect(eml).toMatch(/^To: bled@posvet\.test$/m);
    expect(eml).toMatch(/^From: Posvet <posvet@localhost>$/m);
  });

  it('keeps a message queued when delivery fails, and records why', async () => {
    const { db } = await seededDatabase();
    await queueMail(db, message);
    // Nothing listens on port 1 of loopback.
    expect(await deliverOutbox(db, { smtpUrl: 'smtp://127.0.0.1:1', mailDir: tempDir(), from: 'x@localhost' })).toBe(0);
    const row = await db.selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow();
    expect(row.sent_at).toBeNull();
    expect(row.attempts).toBe(1);
    expect(row.last_error).toBeTruthy();
  });
});

/** A message as the SMTP server received it: its headers decoded, its text body. */
interface Received {
  from: string;
  replyTo: string;
  to: string;
  subject: string;
  messageId: string;
  body: string;
}

function parse(raw: string): Received {
  const { headers, body } = decodeMail(raw);
  const header = (name: string) => decodeHeader(new RegExp(`^${name}:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(headers)?.[1] ?? '');
  return { from: header('from'), replyTo: header('reply-to'), to: header('to'), subject: header('subject'), messageId: header('message-id'), body: body.replace(/\r\n/g, '\n').trimEnd() };
}

/**
 * A real SMTP server (nodemailer's smtp-server) on a free port of loopback. `refuse(n)`: whether to
 * refuse the n-th message it is given (a temporary failure); `delay`: how long it takes to accept,
 * so that deliverers running at once overlap.
 */
async function smtpServer(options: { refuse?: (n: number) => boolean; delay?: number } = {}) {
  const received: Received[] = [];
  let offered = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      let data = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (data += chunk));
      stream.on('end', () => {
        offered++;
        if (options.refuse?.(offered)) {
          const error = Object.assign(new Error('Začasno ne sprejemamo pošte'), { responseCode: 451 });
          callback(error);
          return;
        }
        setTimeout(() => {
          received.push(parse(data));
          callback();
        }, options.delay ?? 0);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    received,
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const FROM = 'Ministrstvo za digitalno preobrazbo – Posvet <posvet@posvet.test>';
const REPLY_TO = 'Ministrstvo za digitalno preobrazbo <gp.mdp@posvet.test>';

describe('delivery: at least once, never twice (a real SMTP server)', () => {
  it('two deliverers at once, each with its own connection: every message arrives exactly once, with From, Reply-To, Subject and Slovenian text intact', async () => {
    const smtp = await smtpServer({ delay: 15 });
    const { db, path } = await seededDatabase();
    const other = openDatabase(path);
    try {
      const n = 12;
      for (let i = 1; i <= n; i++) await queueMail(db, { to: `obcina${i}@posvet.test`, subject: `Stališče do pripombe št. ${i} – Posvet`, text: `Spoštovani,\n\nsporočilo št. ${i}: čšž ČŠŽ „narekovaji“ – pomišljaj.` });
      const settings: MailSettings = { smtpUrl: smtp.url, mailDir: tempDir(), from: FROM, replyTo: REPLY_TO, host: 'posvet.test' };
      const [a, b] = await Promise.all([deliverPass(db, settings), deliverPass(other, settings)]);
      expect(a + b).toBe(n);
      expect(a, 'both deliverers took part').toBeGreaterThan(0);
      expect(b, 'both deliverers took part').toBeGreaterThan(0);
      expect(smtp.received).toHaveLength(n);
      expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(n);
      const rows = await db.selectFrom('mail_outbox').select(['id', 'to_address', 'sent_at', 'claimed_until', 'attempts']).orderBy('id').execute();
      for (const row of rows) {
        expect(row).toMatchObject({ claimed_until: null, attempts: 1 });
        expect(row.sent_at).not.toBeNull();
        const mail = smtp.received.find((m) => m.to === row.to_address)!;
        const i = Number(/obcina(\d+)@/.exec(row.to_address)![1]);
        expect(mail.messageId).toBe(outboxMessageId(row.id, 'posvet.test'));
        expect(mail.from).toBe(FROM);
        expect(mail.replyTo).toBe(REPLY_TO);
        expect(mail.subject).toBe(`Stališče do pripombe št. ${i} – Posvet`);
        expect(mail.body).toBe(`Spoštovani,\n\nsporočilo št. ${i}: čšž ČŠŽ „narekovaji“ – pomišljaj.`);
      }
      // Another pass finds nothing to send.
      expect(await deliverPass(other, settings)).toBe(0);
      expect(smtp.received).toHaveLength(n);
    } finally {
      await other.destroy();
      await smtp.close();
    }
  });

  it('without MAIL_REPLY_TO no Reply-To header: replies are not invited', async () => {
    const smtp = await smtpServer();
    try {
      const { db } = await seededDatabase();
      await queueMail(db, message);
      expect(await deliverPass(db, { smtpUrl: smtp.url, mailDir: tempDir(), from: FROM, host: 'posvet.test' })).toBe(1);
      expect(smtp.received[0].replyTo).toBe('');
      expect(smtp.received[0].from).toBe(FROM);
    } finally {
      await smtp.close();
    }
  });

  it('a server that refuses the first attempt: the message waits, the attempt is counted, and a later pass delivers it once', async () => {
    const smtp = await smtpServer({ refuse: (n) => n === 1 });
    try {
      const { db } = await seededDatabase();
      await queueMail(db, message);
      const settings: MailSettings = { smtpUrl: smtp.url, mailDir: tempDir(), from: FROM, replyTo: REPLY_TO, host: 'posvet.test' };
      expect(await deliverPass(db, settings)).toBe(0);
      let row = await db.selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow();
      expect(row).toMatchObject({ sent_at: null, claimed_until: null, attempts: 1 });
      expect(row.last_error).toMatch(/451|Začasno/);
      expect(smtp.received).toHaveLength(0);
      expect(await deliverPass(db, settings)).toBe(1);
      expect(await deliverPass(db, settings)).toBe(0);
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0].subject).toBe(message.subject);
      row = await db.selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow();
      expect(row).toMatchObject({ claimed_until: null, attempts: 2, last_error: null });
      expect(row.sent_at).not.toBeNull();
    } finally {
      await smtp.close();
    }
  });

  it('a claim left by a deliverer that crashed: not sent while the lease holds, then sent once', async () => {
    const smtp = await smtpServer();
    try {
      const { db } = await seededDatabase();
      await queueMail(db, message);
      const now = new Date();
      // A deliverer claimed it and died before sending.
      await db.updateTable('mail_outbox').set({ claimed_until: new Date(now.getTime() + CLAIM_LEASE_MS).toISOString() }).execute();
      const settings: MailSettings = { smtpUrl: smtp.url, mailDir: tempDir(), from: FROM, host: 'posvet.test' };
      expect(await deliverPass(db, settings, () => now)).toBe(0);
      expect(await deliverPass(db, settings, () => new Date(now.getTime() + CLAIM_LEASE_MS - 1000))).toBe(0);
      expect(smtp.received).toHaveLength(0);
      const later = () => new Date(now.getTime() + CLAIM_LEASE_MS + 1000);
      expect(await deliverPass(db, settings, later)).toBe(1);
      expect(await deliverPass(db, settings, later)).toBe(0);
      expect(smtp.received).toHaveLength(1);
      const row = await db.selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow();
      expect(row).toMatchObject({ claimed_until: null, attempts: 1 });
    } finally {
      await smtp.close();
    }
  });

  it('the same message sent again (a crash between the server accepting it and the marking) keeps its Message-ID', async () => {
    const smtp = await smtpServer();
    try {
      const { db } = await seededDatabase();
      await queueMail(db, message);
      const settings: MailSettings = { smtpUrl: smtp.url, mailDir: tempDir(), from: FROM, host: 'posvet.test' };
      expect(await deliverPass(db, settings)).toBe(1);
      // As if the marking had never been written: the row is due again.
      await db.updateTable('mail_outbox').set({ sent_at: null }).execute();
      expect(await deliverPass(db, settings)).toBe(1);
      expect(smtp.received).toHaveLength(2);
      expect(smtp.received[0].messageId).toBe(smtp.received[1].messageId);
    } finally {
      await smtp.close();
    }
  });
});
