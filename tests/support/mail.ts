import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Headers and text body of an .eml file as the outbox writes it, decoded from quoted-printable or base64. */
export function decodeMail(raw: string): { headers: string; body: string } {
  const split = raw.search(/\r?\n\r?\n/);
  const headers = raw.slice(0, split);
  let body = raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const encoding = /^content-transfer-encoding:\s*([\w-]+)/im.exec(headers)?.[1]?.toLowerCase();
  if (encoding === 'base64') body = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    body = Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return { headers, body };
}

/**
 * The path of the newest secret link (`/povabilo/…` or `/ponastavi-geslo/…`) mailed to an address,
 * as the outbox wrote it to `mailDir`; waits for it (mail is delivered asynchronously) up to `timeout`.
 */
export async function mailedLink(mailDir: string, to: string, kind: 'povabilo' | 'ponastavi-geslo', timeout = 10_000): Promise<string> {
  const deadline = Date.now() + timeout;
  const pattern = new RegExp(`^https?://[^\\s/]+(/${kind}/[A-Za-z0-9_-]{20,100})\\s*$`, 'm');
  for (;;) {
    let files: string[] = [];
    try {
      files = readdirSync(mailDir).filter((f) => f.endsWith('.eml')).sort().reverse();
    } catch {
      // Not created yet.
    }
    for (const file of files) {
      const { headers, body } = decodeMail(readFileSync(join(mailDir, file), 'utf8'));
      const addressee = /^to:\s*(.*(?:\r?\n[ \t].*)*)/im.exec(headers)?.[1] ?? '';
      if (!addressee.toLowerCase().includes(to.toLowerCase())) continue;
      const link = pattern.exec(body)?.[1];
      if (link) return link;
    }
    if (Date.now() > deadline) throw new Error(`no ${kind} mail to ${to} in ${mailDir} after ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
