import type { Dictionary } from '../../../../i18n/index.ts';
import { textStream } from '../../platform/streams.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Role } from '../../../enums.ts';
import { findUser } from '../users.ts';
import { accountSections } from './account-sections.ts';
import { activitySections } from './activity-sections.ts';
import { ownAddresses, type Db, type Exporting, type Subject } from './paging.ts';

/**
 * "Download my data" (GDPR Art. 15 and 20): everything the portal holds about a person, and nothing
 * about anyone else. Others who acted on the person's account are named by their role ("skrbnik
 * portala"), never by name, e-mail or IP address; an IP address appears only where it is one the
 * person demonstrably used themselves (their sessions, their successful sign-ins, their own
 * actions). Written as a stream, a page of rows at a time, so the server's memory stays bounded
 * however much a person wrote.
 */

const indent = (json: string, spaces: string) => json.replace(/\n/g, `\n${spaces}`);

/** The export as pieces of one JSON document, section by section, a page of rows at a time. */
/** `t`: the language of the words in it (who did something, named by role). */
export async function* personalDataJson(db: Db, userId: number, t: Dictionary, now = new Date()): AsyncGenerator<string> {
  const user = await findUser(db, userId);
  if (!user) return;
  const subject: Subject = { id: user.id, email: user.email };
  const account = {
    email: user.email,
    name: user.name,
    role: user.role,
    status: user.status,
    createdAt: user.created_at,
    organisation: { name: user.organisation_name, kind: user.organisation_kind },
  };
  yield `{\n  "exportedAt": ${JSON.stringify(now.toISOString())},\n  "account": ${indent(JSON.stringify(account, null, 2), '  ')}`;
  const own = await ownAddresses(db, subject);
  const exporting: Exporting = {
    db,
    subject,
    t,
    ownIp: (ip) => (ip && own.has(ip) ? ip : undefined),
    roleName: (role: Role | null | undefined) => (role ? t.account.roles[role] : t.account.dataExport.anonymous),
  };
  for (const [name, pages] of [...accountSections(exporting), ...activitySections(exporting)]) {
    let first = true;
    let text = `,\n  ${JSON.stringify(name)}: [`;
    for await (const rows of pages) {
      for (const row of rows) {
        text += `${first ? '' : ','}\n    ${indent(JSON.stringify(row, null, 2), '    ')}`;
        first = false;
      }
      yield text;
      text = '';
    }
    yield `${text}${first ? ']' : '\n  ]'}`;
  }
  yield '\n}\n';
}

/** A person downloaded their data: in the audit log (the download itself changes nothing). */
export async function recordPersonalDataExport(db: Db, userId: number, ip: string | null): Promise<void> {
  await recordAudit(db, { actorUserId: userId, action: 'personal_data.exported', targetType: 'user', targetId: userId, ip });
}

/** The export as a byte stream for a response; pulling drives the queries, so nothing piles up. */
export function personalDataStream(db: Db, userId: number, t: Dictionary): ReadableStream<Uint8Array> {
  return textStream(personalDataJson(db, userId, t));
}

/** The whole export as one object (for the command line and tests). */
export async function exportPersonalData(db: Db, userId: number, t: Dictionary): Promise<Record<string, unknown> | undefined> {
  let text = '';
  for await (const piece of personalDataJson(db, userId, t)) text += piece;
  return text ? JSON.parse(text) : undefined;
}
