import { BlockList } from 'node:net';
import { isAbsolute } from 'node:path';
import { parseAddressList, type AddressRange } from './net.ts';
import { fromRoot } from './paths.ts';
import { ROLES } from '../../enums.ts';

/**
 * Run-time configuration, read from the environment once and checked as a whole. Documented in the
 * README. A value that cannot be right is a problem named after its variable; the start script and
 * the operator tool refuse to run while there is one (`configProblems`), so a typo never shows up
 * later as a wrong link in a mail or a server listening somewhere else.
 */

export const ROLES_FOR_2FA = ROLES;

export interface Config {
  host: string;
  port: number;
  databasePath: string;
  /**
   * PostgreSQL instead of the SQLite file (DATABASE_URL, postgres://user:password@host:5432/posvet);
   * unset: the SQLite file at DATABASE_PATH.
   */
  databaseUrl: string | undefined;
  /** Connections each app process keeps to PostgreSQL (DATABASE_POOL_SIZE, default 10). */
  databasePoolSize: number;
  /** What `openDatabase` opens: DATABASE_URL when set, else the SQLite file DATABASE_PATH. */
  database: string;
  /** App processes `npm start` runs (WORKERS, default 1; more than 1 needs DATABASE_URL or shares the SQLite file). */
  workers: number;
  production: boolean;
  /** SMTP server for outgoing mail, e.g. smtp://user:pass@mail.example:587; unset: write .eml files. */
  smtpUrl: string | undefined;
  mailDir: string;
  /**
   * Where the portal keeps files it writes once and serves (DATA_DIR, default db/data): the published
   * report versions' downloads. Outside public/; back it up with the database.
   */
  dataDir: string;
  mailFrom: string;
  /**
   * Where replies to the portal's mail go (MAIL_REPLY_TO), an inbox people read; unset: no mail
   * invites a reply.
   */
  mailReplyTo: string | undefined;
  /** How many days the municipalities named in a joint position have to answer (JOINT_DEADLINE_DAYS, default 7). */
  jointDeadlineDays: number;
  /** Days before a window closes that organisations which have submitted nothing get one reminder (REMINDER_DAYS, default 7; 0: none). */
  reminderDays: number;
  /** Near-duplicate comments: the least estimated Jaccard similarity of their word shingles (DUPLICATE_THRESHOLD, default 0.6: measured on the evaluation set, README). */
  duplicateThreshold: number;
  /**
   * The origin people reach the portal at (scheme, host and port, no path): every link in a page, a
   * mail or a download is built from it, never from the request's Host header. Required in
   * production; in development http://localhost:PORT.
   */
  publicUrl: string;
  /** Where people write about accessibility and privacy; shown on /dostopnost and /zasebnost. */
  contactEmail: string;
  /** Reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed. */
  trustedProxies: AddressRange;
  /** Roles that must use two-factor sign-in. */
  requireTwoFactorRoles: Array<(typeof ROLES_FOR_2FA)[number]>;
  /** Key that encrypts the stored TOTP secrets (TWO_FACTOR_KEY); unset: they are stored unencrypted. */
  twoFactorKey: string | undefined;
}

type Env = Record<string, string | undefined>;

function present(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function resolvePath(value: string | undefined, fallback: string): string {
  const chosen = value ?? fallback;
  return chosen === ':memory:' || isAbsolute(chosen) ? chosen : fromRoot(chosen);
}

/** Is this a PostgreSQL connection address (rather than a SQLite file)? */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//.test(location) && URL.canParse(location);
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** Reads the configuration from an environment; `problems` lists every variable that is wrong. */
export function readConfig(env: Env): { config: Config; problems: string[] } {
  const problems: string[] = [];
  const production = env.NODE_ENV === 'production';

  const portText = present(env, 'PORT') ?? '4321';
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
  if (!(port >= 1 && port <= 65535)) problems.push(`PORT must be a whole number from 1 to 65535 (is "${portText}").`);

  const host = present(env, 'HOST') ?? '127.0.0.1';
  if (/[\s/]/.test(host)) problems.push(`HOST must be an address or host name to listen on (is "${host}").`);

  let publicUrl = `http://localhost:${Number.isFinite(port) ? port : 4321}`;
  const publicText = present(env, 'PUBLIC_URL');
  if (publicText) {
    const parsed = URL.canParse(publicText) ? new URL(publicText) : undefined;
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol)) {
      problems.push(`PUBLIC_URL must be an http:// or https:// address, e.g. https://posvet.gov.si (is "${publicText}").`);
    } else if (parsed.username || parsed.password || parsed.search || parsed.hash || (parsed.pathname !== '/' && parsed.pathname !== '')) {
      problems.push(`PUBLIC_URL must be just the scheme, host and port, without a path, query or user (is "${publicText}").`);
    } else {
      publicUrl = parsed.origin;
    }
  } else if (production) {
    problems.push('PUBLIC_URL is required in production: the address people reach the portal at, e.g. https://posvet.gov.si (links in mails and downloads are built from it).');
  }

  const smtpUrl = present(env, 'SMTP_URL');
  if (smtpUrl && !(URL.canParse(smtpUrl) && ['smtp:', 'smtps:'].includes(new URL(smtpUrl).protocol))) {
    problems.push('SMTP_URL must be an smtp:// or smtps:// address, e.g. smtp://user:password@mail.example.si:587.');
  }

  const mailFrom = present(env, 'MAIL_FROM') ?? 'Ministrstvo za digitalno preobrazbo – Posvet <posvet@localhost>';
  if (!/^[^<>]*<[^\s@<>]+@[^\s@<>]+>$|^[^\s@<>]+@[^\s@<>]+$/.test(mailFrom)) {
    problems.push(`MAIL_FROM must be an address, optionally with a name: Posvet <posvet@gov.si> (is "${mailFrom}").`);
  }

  const mailReplyTo = present(env, 'MAIL_REPLY_TO');
  if (mailReplyTo !== undefined && !/^[^<>]*<[^\s@<>]+@[^\s@<>]+>$|^[^\s@<>]+@[^\s@<>]+$/.test(mailReplyTo)) {
    problems.push(`MAIL_REPLY_TO must be an address people read, optionally with a name: Ministrstvo za digitalno preobrazbo <gp.mdp@gov.si> (is "${mailReplyTo}").`);
  }

  const jointText = present(env, 'JOINT_DEADLINE_DAYS') ?? '7';
  const jointDeadlineDays = /^\d{1,3}$/.test(jointText) ? Number(jointText) : NaN;
  if (!(jointDeadlineDays >= 1 && jointDeadlineDays <= 90)) problems.push(`JOINT_DEADLINE_DAYS must be a whole number of days from 1 to 90 (is "${jointText}").`);

  const reminderText = present(env, 'REMINDER_DAYS') ?? '7';
  const reminderDays = /^\d{1,3}$/.test(reminderText) ? Number(reminderText) : NaN;
  if (!(reminderDays >= 0 && reminderDays <= 90)) problems.push(`REMINDER_DAYS must be a whole number of days from 0 (no reminders) to 90 (is "${reminderText}").`);

  const thresholdText = present(env, 'DUPLICATE_THRESHOLD') ?? '0.6';
  const duplicateThreshold = /^(0(\.\d{1,3})?|1(\.0{1,3})?)$/.test(thresholdText) ? Number(thresholdText) : NaN;
  if (!(duplicateThreshold >= 0.5 && duplicateThreshold <= 1)) problems.push(`DUPLICATE_THRESHOLD must be a number from 0.5 to 1 (is "${thresholdText}").`);

  const contactEmail = present(env, 'CONTACT_EMAIL') ?? 'gp.mdp@gov.si';
  if (!EMAIL.test(contactEmail)) problems.push(`CONTACT_EMAIL must be an e-mail address (is "${contactEmail}").`);

  const proxies = parseAddressList(present(env, 'TRUSTED_PROXIES') ?? '');
  if (!proxies.ok) problems.push(`TRUSTED_PROXIES must be a comma-separated list of IP addresses or CIDR ranges, e.g. 127.0.0.1,10.0.0.0/8 (cannot read "${proxies.invalid}").`);

  const roles = (present(env, 'REQUIRE_2FA_ROLES') ?? '').split(',').map((r) => r.trim()).filter(Boolean);
  const unknownRoles = roles.filter((r) => !(ROLES_FOR_2FA as readonly string[]).includes(r));
  if (unknownRoles.length) problems.push(`REQUIRE_2FA_ROLES takes roles from ${ROLES_FOR_2FA.join(', ')} (unknown: ${unknownRoles.join(', ')}).`);

  const twoFactorKey = present(env, 'TWO_FACTOR_KEY');
  if (twoFactorKey !== undefined && twoFactorKey.length < 32) problems.push('TWO_FACTOR_KEY must be a random secret of at least 32 characters (e.g. from `openssl rand -base64 48`).');

  const dataText = present(env, 'DATA_DIR');
  if (dataText === ':memory:') problems.push('DATA_DIR must be a folder on disk (is ":memory:").');

  const databaseText = present(env, 'DATABASE_PATH');
  if (databaseText !== undefined && databaseText.endsWith('/')) problems.push(`DATABASE_PATH must name a file, not a folder (is "${databaseText}").`);

  const databaseUrl = present(env, 'DATABASE_URL');
  if (databaseUrl !== undefined && !isPostgresUrl(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// address, e.g. postgres://posvet:geslo@127.0.0.1:5432/posvet (unset: the SQLite file DATABASE_PATH).');
  }
  const poolText = present(env, 'DATABASE_POOL_SIZE') ?? '10';
  const databasePoolSize = /^\d{1,3}$/.test(poolText) ? Number(poolText) : NaN;
  if (!(databasePoolSize >= 1 && databasePoolSize <= 100)) problems.push(`DATABASE_POOL_SIZE must be a whole number from 1 to 100 (is "${poolText}").`);

  const workersText = present(env, 'WORKERS') ?? '1';
  const workers = /^\d{1,2}$/.test(workersText) ? Number(workersText) : NaN;
  if (!(workers >= 1 && workers <= 64)) problems.push(`WORKERS must be a whole number of app processes from 1 to 64 (is "${workersText}").`);

  const databasePath = resolvePath(databaseText, 'db/posvet.sqlite');
  const postgres = databaseUrl !== undefined && isPostgresUrl(databaseUrl) ? databaseUrl : undefined;

  return {
    problems,
    config: {
      host,
      port: Number.isFinite(port) ? port : 4321,
      databasePath,
      databaseUrl: postgres,
      databasePoolSize: Number.isFinite(databasePoolSize) && databasePoolSize >= 1 && databasePoolSize <= 100 ? databasePoolSize : 10,
      database: postgres ?? databasePath,
      workers: Number.isFinite(workers) && workers >= 1 && workers <= 64 ? workers : 1,
      production,
      smtpUrl,
      mailDir: resolvePath(present(env, 'MAIL_DIR'), 'db/mail'),
      dataDir: resolvePath(present(env, 'DATA_DIR'), 'db/data'),
      mailFrom,
      mailReplyTo,
      jointDeadlineDays: Number.isFinite(jointDeadlineDays) ? jointDeadlineDays : 7,
      reminderDays: Number.isFinite(reminderDays) && reminderDays <= 90 ? reminderDays : 7,
      duplicateThreshold: duplicateThreshold >= 0.5 && duplicateThreshold <= 1 ? duplicateThreshold : 0.6,
      publicUrl,
      contactEmail,
      trustedProxies: proxies.ok ? proxies.ranges : new BlockList(),
      requireTwoFactorRoles: roles.filter((r): r is Config['requireTwoFactorRoles'][number] => !unknownRoles.includes(r)),
      twoFactorKey,
    },
  };
}

const read = readConfig(process.env);

export const config: Config = read.config;

/** What is wrong with the environment; the start script and the operator tool stop on any. */
export const configProblems: readonly string[] = read.problems;

/** Stops the process with a message naming each wrong variable (for the command-line entry points). */
export function exitOnConfigProblems(): void {
  if (configProblems.length === 0) return;
  console.error(['posvet: the configuration is not valid; nothing was started.', ...configProblems.map((p) => `  - ${p}`)].join('\n'));
  process.exit(78);
}
