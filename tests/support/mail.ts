import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from './wait.ts';

/** Mail as the outbox writes it: one .eml file per message in MAIL_DIR. */

function decodeQuotedPrintable(text: string): string {
  return text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Headers and text body of an .eml file as the outbox writes it, decoded from quoted-printable or base64. */
export function decodeMail(raw: string): { headers: string; body: string } {
  const split = raw.search(/\r?\n\r?\n/);
  const headers = raw.slice(0, split);
  let body = raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const encoding = /^content-transfer-encoding:\s*([\w-]+)/im.exec(headers)?.[1]?.toLowerCase();
  if (encoding === 'base64') body = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') body = Buffer.from(decodeQuotedPrintable(body), 'latin1').toString('utf8');
  return { headers, body };
}

/** A header value with folding undone and MIME encoded words (=?UTF-8?Q?…?= / ?B?) decoded. */
export function decodeHeader(value: string): string {
  const bytes = value
    .replace(/\r?\n[ \t]+/g, ' ')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?[\w-]+\?([QB])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('latin1') : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    );
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

export interface Mail {
  file: string;
  to: string;
  subject: string;
  body: string;
}

/** Every mail in the directory, oldest first (file names start with the time); none if it does not exist yet. */
export function mailsIn(mailDir: string): Mail[] {
  let files: string[] = [];
  try {
    files = readdirSync(mailDir).filter((f) => f.endsWith('.eml')).sort();
  } catch {
    return []; // not created yet
  }
  return files.map((file) => {
    const { headers, body } = decodeMail(readFileSync(join(mailDir, file), 'utf8'));
    const header = (name: string) => new RegExp(`^${name}:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(headers)?.[1] ?? '';
    return { file, to: decodeHeader(header('to')), subject: decodeHeader(header('subject')), body };
  });
}

/** The mails to an address (that very address in To:, case aside), oldest first. */
export function mailsTo(mailDir: string, to: string): Mail[] {
  const address = to.toLowerCase();
  return mailsIn(mailDir).filter((m) => (m.to.toLowerCase().match(/[^\s<>,"]+@[^\s<>,"]+/g) ?? ([] as string[])).includes(address));
}

/** The mail to an address whose subject contains the text; mail is delivered asynchronously, so this waits for it. */
export function readMail(mailDir: string, to: string, subject: string, timeout = 10_000): Promise<Mail> {
  return waitFor(`a mail to ${to} about "${subject}" in ${mailDir}`, () => mailsTo(mailDir, to).find((m) => m.subject.includes(subject)), { timeout, interval: 100 });
}

/**
 * The path of the newest secret link (`/povabilo/…` or `/ponastavi-geslo/…`) mailed to an address,
 * as the outbox wrote it to `mailDir`; waits for it (mail is delivered asynchronously) up to `timeout`.
 */
export function mailedLink(mailDir: string, to: string, kind: 'povabilo' | 'ponastavi-geslo', timeout = 10_000): Promise<string> {
  const pattern = new RegExp(`^https?://[^\\s/]+(/${kind}/[A-Za-z0-9_-]{20,100})\\s*$`, 'm');
  return waitFor(
    `a ${kind} mail to ${to} in ${mailDir}`,
    () => mailsTo(mailDir, to).reverse().map((m) => pattern.exec(m.body)?.[1]).find((link) => link !== undefined),
    { timeout, interval: 100 },
  ).catch(() => {
    throw new Error(`no ${kind} mail to ${to} in ${mailDir} after ${timeout} ms`);
  });
}
