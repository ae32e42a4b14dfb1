import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Kysely } from 'kysely';
import { dictionary, type Dictionary } from '../../../i18n/index.ts';
import { routes } from '../../routes.ts';
import { config } from './config.ts';
import type { Db } from './db.ts';
import type { Database } from './schema.ts';

/**
 * E-mail goes through an outbox table: a message is queued in the same transaction as the change it
 * reports, and delivered afterwards — by SMTP when SMTP_URL is set, otherwise as .eml files in
 * MAIL_DIR for a developer or operator to read. A failed delivery stays queued and is retried.
 * Once a message is sent (or given up on), the secret part of its links is removed in the same
 * update: the outbox never keeps a usable reset or invitation token beyond delivery.
 */

/** Links whose last segment is a secret: password resets and invitations (their routes with an empty token). */
const SECRET_LINK = new RegExp(`(${[routes.resetPassword(''), routes.invitation('')].join('|')})[A-Za-z0-9_-]+`, 'g');

/** The text with every secret link's token replaced by a note (in the mail's language) that the link was removed. */
export function redactSecretLinks(text: string, t: Dictionary = dictionary()): string {
  return text.replace(SECRET_LINK, `$1${t.account.mailLinkRemoved}`);
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

export async function queueMail(db: Kysely<Database>, mail: OutgoingMail): Promise<void> {
  await db
    .insertInto('mail_outbox')
    .values({ to_address: mail.to, subject: mail.subject, body_text: mail.text, created_at: new Date().toISOString() })
    .execute();
}

export interface MailSettings {
  smtpUrl?: string;
  mailDir: string;
  from: string;
}

function createSender(settings: MailSettings): (message: OutgoingMail & { id: number }) => Promise<void> {
  if (settings.smtpUrl) {
    const transport: Transporter = nodemailer.createTransport(settings.smtpUrl);
    return async (m) => {
      await transport.sendMail({ from: settings.from, to: m.to, subject: m.subject, text: m.text });
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return async (m) => {
    const info = await transport.sendMail({ from: settings.from, to: m.to, subject: m.subject, text: m.text });
    mkdirSync(settings.mailDir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    writeFileSync(join(settings.mailDir, `${stamp}-${m.id}.eml`), info.message as Buffer);
  };
}

const MAX_ATTEMPTS = 8;
let running: Promise<number> | undefined;
let again = false;

/**
 * Sends what is queued; returns how many were delivered. A call during a run makes that run look
 * once more when it is done, so mail queued meanwhile is not left for the next minute's retry.
 */
export function deliverOutbox(
  db: Db,
  settings: MailSettings = { smtpUrl: config.smtpUrl, mailDir: config.mailDir, from: config.mailFrom },
): Promise<number> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    let delivered = 0;
    do {
      again = false;
      delivered += await deliverPending(db, settings);
    } while (again);
    return delivered;
  })().finally(() => {
    running = undefined;
  });
  return running;
}

async function deliverPending(db: Db, settings: MailSettings): Promise<number> {
  const send = createSender(settings);
  let delivered = 0;
  const pending = await db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('sent_at', 'is', null)
    .where('attempts', '<', MAX_ATTEMPTS)
    .orderBy('id')
    .limit(100)
    .execute();
  for (const row of pending) {
    try {
      await send({ id: row.id, to: row.to_address, subject: row.subject, text: row.body_text });
      await db
        .updateTable('mail_outbox')
        .set({ sent_at: new Date().toISOString(), attempts: row.attempts + 1, last_error: null, body_text: redactSecretLinks(row.body_text) })
        .where('id', '=', row.id)
        .execute();
      delivered++;
    } catch (error) {
      const givingUp = row.attempts + 1 >= MAX_ATTEMPTS;
      await db
        .updateTable('mail_outbox')
        .set({
          attempts: row.attempts + 1,
          last_error: redactSecretLinks(String(error instanceof Error ? error.message : error)).slice(0, 500),
          ...(givingUp ? { body_text: redactSecretLinks(row.body_text) } : {}),
        })
        .where('id', '=', row.id)
        .execute();
    }
  }
  return delivered;
}

let deliverer: (() => void) | undefined;

/** The server turns on immediate delivery; elsewhere (tests, CLI) mail waits in the outbox. */
export function deliverAutomatically(db: Db): void {
  deliverer = () =>
    setImmediate(() => {
      deliverOutbox(db).catch((error) => console.error('posvet: mail delivery failed', error));
    });
}

/** Delivers soon after the transaction that queued mail, without holding up the response. */
export function deliverSoon(): void {
  deliverer?.();
}
