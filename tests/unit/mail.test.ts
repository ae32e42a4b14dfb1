import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { deliverOutbox, queueMail } from '../../src/lib/server/platform/mail.ts';
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
