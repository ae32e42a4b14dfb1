import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import { dictionary, type Dictionary } from '../../../i18n/index.ts';
import { routes } from '../../routes.ts';
import { config } from './config.ts';
import type { Db } from './db.ts';
import { isPostgres } from './dialect.ts';
import type { Database, MailOutboxTable } from './schema.ts';

/**
 * E-mail goes through an outbox table: a message is queued in the same transaction as the change it
 * reports, and delivered afterwards — by SMTP when SMTP_URL is set, otherwise as .eml files in
 * MAIL_DIR for a developer or operator to read. A failed delivery stays queued and is retried.
 * Once a message is sent (or given up on), the secret part of its links is removed in the same
 * update: the outbox never keeps a usable reset or invitation token beyond delivery.
 *
 * At least once, never twice: a deliverer first claims a message (`claimNextMail` sets
 * `claimed_until`, a lease — on PostgreSQL `for update skip locked`); only the one that claimed it sends it, so two deliverers
 * (two processes, or a pass still running when the next starts) never send the same message. It is
 * marked sent only after the SMTP server accepted it; a failure releases the claim and counts the
 * attempt; a deliverer that crashed holding a claim leaves the message to be sent once the lease
 * has run out. Every message carries a stable Message-ID (outbox-<id>.posvet@<PUBLIC_URL's host>),
 * so the one case left — a crash between the server's acceptance and the marking — sends the same
 * message again under the same Message-ID, which receiving systems recognise as a duplicate.
 */

/** Links whose last segment is a secret: password resets, invitations, subscription links (their routes with an empty token). */
const SECRET_LINK = new RegExp(`(${[routes.resetPassword(''), routes.invitation(''), routes.subscriptionConfirm(''), routes.unsubscribe('')].join('|')})[A-Za-z0-9_-]+`, 'g');

/** A mail to a subscriber carries its unsubscribe link in the text: the List-Unsubscribe header names it too (RFC 8058 one-click). */
const UNSUBSCRIBE_LINK = new RegExp(`https?://[^\\s/]+${routes.unsubscribe('').replace(/\//g, '\\/')}[A-Za-z0-9_-]+`);

export function listUnsubscribe(text: string): Record<string, string> {
  const link = UNSUBSCRIBE_LINK.exec(text)?.[0];
  return link ? { 'List-Unsubscribe': `<${link}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {};
}

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

/** Many messages in one statement (an import's invitations, a batch of announcements). */
export async function queueMails(db: Kysely<Database>, mails: readonly OutgoingMail[]): Promise<void> {
  if (mails.length === 0) return;
  const at = new Date().toISOString();
  await db
    .insertInto('mail_outbox')
    .values(mails.map((mail) => ({ to_address: mail.to, subject: mail.subject, body_text: mail.text, created_at: at })))
    .execute();
}

export interface MailSettings {
  smtpUrl?: string;
  mailDir: string;
  /** MAIL_FROM: the sender of every message. */
  from: string;
  /** MAIL_REPLY_TO: where replies go, when someone reads them (a Reply-To header); unset, none. */
  replyTo?: string;
  /** The host in each message's Message-ID (PUBLIC_URL's). */
  host?: string;
}

/** The settings from the configuration. */
export function configuredMailSettings(): MailSettings {
  return { smtpUrl: config.smtpUrl, mailDir: config.mailDir, from: config.mailFrom, replyTo: config.mailReplyTo, host: new URL(config.publicUrl).hostname };
}

/** The Message-ID of an outbox row: the same however often it is sent. */
export function outboxMessageId(id: number, host = 'localhost'): string {
  return `<outbox-${id}.posvet@${host}>`;
}

function createSender(settings: MailSettings): (message: OutgoingMail & { id: number }) => Promise<void> {
  const envelope = (m: OutgoingMail & { id: number }) => ({
    from: settings.from,
    ...(settings.replyTo ? { replyTo: settings.replyTo } : {}),
    to: m.to,
    subject: m.subject,
    text: m.text,
    messageId: outboxMessageId(m.id, settings.host),
    headers: listUnsubscribe(m.text),
  });
  if (settings.smtpUrl) {
    const transport: Transporter = nodemailer.createTransport(settings.smtpUrl);
    return async (m) => {
      await transport.sendMail(envelope(m));
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return async (m) => {
    const info = await transport.sendMail(envelope(m));
    mkdirSync(settings.mailDir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    writeFileSync(join(settings.mailDir, `${stamp}-${m.id}.eml`), info.message as Buffer);
  };
}

const MAX_ATTEMPTS = 8;
/** How long a claim holds: longer than any one SMTP conversation (nodemailer gives up within minutes). */
export const CLAIM_LEASE_MS = 5 * 60_000;
let running: Promise<number> | undefined;
let again = false;

/**
 * Sends what is queued; returns how many were delivered. A call during a run makes that run look
 * once more when it is done, so mail queued meanwhile is not left for the next minute's retry.
 */
export function deliverOutbox(db: Db, settings: MailSettings = configuredMailSettings()): Promise<number> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    let delivered = 0;
    do {
      again = false;
      delivered += await deliverPass(db, settings);
    } while (again);
    return delivered;
  })().finally(() => {
    running = undefined;
  });
  return running;
}

/**
 * One pass over the outbox: each message due is claimed, then sent, then marked. Safe to run in
 * several places at once (each message goes out from the one deliverer that claimed it); returns how
 * many this pass delivered. `now` is for tests.
 */
export async function deliverPass(db: Kysely<Database>, settings: MailSettings, now: () => Date = () => new Date()): Promise<number> {
  const send = createSender(settings);
  let delivered = 0;
  // One sweep in id order: a message that failed is retried by the next pass, not at once.
  for (let after = 0, n = 0; n < PASS_LIMIT; n++) {
    const next = await claimNextMail(db, after, now());
    if (!next) break;
    after = next.id;
    const row = next.claimed;
    if (!row) continue; // another deliverer took it
    try {
      await send({ id: row.id, to: row.to_address, subject: row.subject, text: row.body_text });
      await db
        .updateTable('mail_outbox')
        .set({ sent_at: now().toISOString(), claimed_until: null, attempts: row.attempts + 1, last_error: null, body_text: redactSecretLinks(row.body_text) })
        .where('id', '=', row.id)
        .execute();
      delivered++;
    } catch (error) {
      const givingUp = row.attempts + 1 >= MAX_ATTEMPTS;
      await db
        .updateTable('mail_outbox')
        .set({
          claimed_until: null,
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

/** At most this many messages a pass (the next pass, soon after, takes the rest). */
const PASS_LIMIT = 100;
type OutboxRow = Selectable<MailOutboxTable>;

/**
 * Claims the next message due after `after` (by id) for this deliverer, setting its lease; answers
 * its id and, when this deliverer has it, the row (without: another deliverer took it first), or
 * undefined when none is due. PostgreSQL:
 * one update of the first due row `for update skip locked` (concurrent deliverers each take another
 * row and never wait). SQLite: read the first due row, then a conditional update that only one
 * deliverer's changes.
 */
async function claimNextMail(db: Kysely<Database>, after: number, at: Date): Promise<{ id: number; claimed?: OutboxRow } | undefined> {
  const lease = new Date(at.getTime() + CLAIM_LEASE_MS).toISOString();
  const due = (eb: ExpressionBuilder<Database, 'mail_outbox'>) =>
    eb.and([
      eb('id', '>', after),
      eb('sent_at', 'is', null),
      eb('attempts', '<', MAX_ATTEMPTS),
      eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', at.toISOString())]),
    ]);
  if (isPostgres(db)) {
    const next = db.selectFrom('mail_outbox').select('id').where(due).orderBy('id').limit(1).forUpdate().skipLocked();
    const claimed = await db.updateTable('mail_outbox').set({ claimed_until: lease }).where('id', '=', next).returningAll().executeTakeFirst();
    return claimed && { id: claimed.id, claimed };
  }
  const candidate = await db.selectFrom('mail_outbox').select('id').where(due).orderBy('id').limit(1).executeTakeFirst();
  if (!candidate) return undefined;
  const claim = await db.updateTable('mail_outbox').set({ claimed_until: lease }).where('id', '=', candidate.id).where(due).returningAll().executeTakeFirst();
  return { id: candidate.id, claimed: claim };
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
