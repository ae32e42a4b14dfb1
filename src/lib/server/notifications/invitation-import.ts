import { sql } from 'kysely';
import { ROLES, type Role } from '../../enums.ts';
import { dictionary } from '../../../i18n/index.ts';
import { fail, ok, type Result } from '../../result.ts';
import { assignableRoles, can, type Actor } from '../accounts/access.ts';
import { emailProblem, nameProblem, normaliseEmail } from '../accounts/input.ts';
import type { Db } from '../platform/db.ts';
import { decodeCsv, detectSeparator, parseCsv } from './csv-import.ts';

/**
 * Invitations from a CSV, step one: read the file and keep what it says, row by row, with what the
 * preview found, in invitation_imports / invitation_import_rows. Kept on the server (not sent back
 * through the form) so that nothing the browser posts decides what is sent, and the administrator
 * does not have to choose the file a second time (a browser never fills a file field again); an
 * import belongs to the administrator who uploaded it and expires after a day. Step two is
 * import-send.ts.
 */

export const MAX_IMPORT_ROWS = 10_000;
const IMPORT_LIFETIME_MS = 24 * 60 * 60 * 1000;

export const IMPORT_PROBLEMS = ['columns', 'email', 'name', 'role', 'organisation', 'roleKind', 'duplicate', 'account', 'pending'] as const;
export type ImportProblem = (typeof IMPORT_PROBLEMS)[number];

/** A role as the CSV may name it: its key or the name the invitation form shows, in any case. */
export function roleFromCell(cell: string): Role | undefined {
  const value = cell.trim().toLowerCase();
  const names = dictionary().account.roles;
  return ROLES.find((r) => r === value || names[r].toLowerCase() === value);
}

const HEADER_ALIASES: Record<string, 'code' | 'email' | 'name' | 'role'> = {
  šifra: 'code', sifra: 'code', koda: 'code', code: 'code', 'šifra organizacije': 'code', organizacija: 'code', organisation: 'code',
  'e-naslov': 'email', 'e-pošta': 'email', email: 'email', 'e-mail': 'email', naslov: 'email',
  ime: 'name', 'ime in priimek': 'name', name: 'name',
  vloga: 'role', role: 'role',
};

/** The column of each field: from the header when it names all four, else in the documented order. */
function columnsOf(header: string[]): Record<'code' | 'email' | 'name' | 'role', number> {
  const named = header.map((h) => HEADER_ALIASES[h.trim().toLowerCase()]);
  const order = { code: named.indexOf('code'), email: named.indexOf('email'), name: named.indexOf('name'), role: named.indexOf('role') };
  return Object.values(order).every((i) => i >= 0) ? order : { code: 0, email: 1, name: 2, role: 3 };
}

type ImportError = 'file' | 'empty' | 'utf16' | 'noRows' | 'tooMany';
const refuse = (problem: ImportError) =>
  fail('invalid', undefined, {
    file: (t) => (problem === 'tooMany' ? t.onboarding.import.errors.tooMany(MAX_IMPORT_ROWS) : t.onboarding.import.errors[problem]),
  });

/**
 * Reads the uploaded file, stores its rows with what each will be — invited, or why not — and
 * answers the import's id for the preview. Administrators only. Audited when it is sent.
 */
export async function previewImport(db: Db, actor: Actor, file: { name: string; bytes: Uint8Array } | undefined, now = new Date()): Promise<Result<{ importId: number }>> {
  if (!can(actor, 'administer')) return fail('forbidden');
  if (!file || file.bytes.length === 0) return refuse(file ? 'empty' : 'file');
  const decoded = decodeCsv(file.bytes);
  if (!decoded.ok) return refuse(decoded.problem);
  const separator = detectSeparator(decoded.text);
  const [header, ...records] = parseCsv(decoded.text, separator);
  if (!header || records.length === 0) return refuse('noRows');
  if (records.length > MAX_IMPORT_ROWS) return refuse('tooMany');
  const columns = columnsOf(header.cells);

  const organisations = new Map((await db.selectFrom('organisations').select(['id', 'code', 'kind']).execute()).map((o) => [o.code.toLowerCase(), o]));
  const seen = new Set<string>();
  const rows = records.map(({ line, cells }) => {
    const cell = (i: number) => (cells[i] ?? '').trim();
    const raw = { code: cell(columns.code), email: cell(columns.email), name: cell(columns.name), role: cell(columns.role) };
    const role = roleFromCell(raw.role);
    const organisation = organisations.get(raw.code.toLowerCase());
    const email = emailProblem(raw.email) ? raw.email : normaliseEmail(raw.email);
    let problem: ImportProblem | null = null;
    if (cells.length < 4) problem = 'columns';
    else if (emailProblem(raw.email)) problem = 'email';
    else if (nameProblem(raw.name)) problem = 'name';
    else if (!role) problem = 'role';
    else if (!organisation) problem = 'organisation';
    else if (!assignableRoles(actor, organisation.id, organisation.kind).includes(role)) problem = 'roleKind';
    else if (seen.has(email)) problem = 'duplicate';
    if (!emailProblem(raw.email)) seen.add(email);
    return {
      line,
      organisation_code: raw.code.slice(0, 200),
      email: email.slice(0, 300),
      name: raw.name.slice(0, 300),
      role: role ?? raw.role.slice(0, 100),
      organisation_id: organisation?.id ?? null,
      problem,
      pending_role: null,
      pending_since: null,
    };
  });

  const importId = await db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('invitation_imports')
      .values({
        created_by: actor.id,
        file_name: file.name.slice(0, 200),
        encoding: decoded.encoding,
        separator,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + IMPORT_LIFETIME_MS).toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (let i = 0; i < rows.length; i += 500) {
      await trx.insertInto('invitation_import_rows').values(rows.slice(i, i + 500).map((r) => ({ ...r, import_id: created.id }))).execute();
    }
    await markAccountsAndPending(trx, created.id, now);
    // Imports past their day are forgotten as new ones come.
    await trx.deleteFrom('invitation_imports').where('expires_at', '<', now.toISOString()).execute();
    return created.id;
  });
  return ok({ importId });
}

/** The rows whose address has an account, then those with an open invitation — in SQL, over the import's rows. */
async function markAccountsAndPending(db: Db, importId: number, now: Date): Promise<void> {
  await db
    .updateTable('invitation_import_rows as r')
    .set({ problem: 'account' })
    .where('r.import_id', '=', importId)
    .where('r.problem', 'is', null)
    .where(({ exists, selectFrom }) => exists(selectFrom('users as u').select('u.id').whereRef('u.email', '=', 'r.email')))
    .execute();
  const pending = (column: 'role' | 'created_at') =>
    db
      .selectFrom('invitations as i')
      .select(`i.${column}`)
      .where('i.email', '=', sql.ref<string>('r.email'))
      .where('i.accepted_at', 'is', null)
      .where('i.revoked_at', 'is', null)
      .where('i.expires_at', '>', now.toISOString())
      .orderBy('i.created_at', 'desc')
      .limit(1);
  await db
    .updateTable('invitation_import_rows as r')
    .set(() => ({ problem: 'pending', pending_role: pending('role') as never, pending_since: pending('created_at') as never }))
    .where('r.import_id', '=', importId)
    .where('r.problem', 'is', null)
    .where((eb) => eb.exists(pending('role')))
    .execute();
}
