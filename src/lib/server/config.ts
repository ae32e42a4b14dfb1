import { isAbsolute } from 'node:path';
import { fromRoot } from './paths.ts';

function resolvePath(value: string | undefined, fallback: string): string {
  const chosen = value && value.trim() !== '' ? value.trim() : fallback;
  return chosen === ':memory:' || isAbsolute(chosen) ? chosen : fromRoot(chosen);
}

/** Run-time configuration, read from the environment once. Documented in the README. */
export const config = {
  host: process.env.HOST || '127.0.0.1',
  port: Number(process.env.PORT || 4321),
  databasePath: resolvePath(process.env.DATABASE_PATH, 'db/posvet.sqlite'),
  production: process.env.NODE_ENV === 'production',
  /** SMTP server for outgoing mail, e.g. smtp://user:pass@mail.example:587; unset: write .eml files. */
  smtpUrl: process.env.SMTP_URL || undefined,
  mailDir: resolvePath(process.env.MAIL_DIR, 'db/mail'),
  mailFrom: process.env.MAIL_FROM || 'Posvet <posvet@localhost>',
  /** The address people reach the portal at, for links in e-mails (falls back to the request's own). */
  publicUrl: (process.env.PUBLIC_URL || '').replace(/\/+$/, '') || undefined,
  /** Where people write about accessibility and privacy; shown on /dostopnost and /zasebnost. */
  contactEmail: process.env.CONTACT_EMAIL || 'gp.sdp@gov.si',
  /** Roles that must use two-factor sign-in (REQUIRE_2FA_ROLES, comma-separated, e.g. moderator,admin). */
  requireTwoFactorRoles: (() => {
    const roles = (process.env.REQUIRE_2FA_ROLES || '').split(',').map((role) => role.trim()).filter((role) => role !== '');
    const unknown = roles.filter((role) => !['member', 'org_admin', 'moderator', 'admin'].includes(role));
    if (unknown.length > 0) throw new Error(`REQUIRE_2FA_ROLES: unknown role ${unknown.join(', ')} (roles: member, org_admin, moderator, admin)`);
    return roles as Array<'member' | 'org_admin' | 'moderator' | 'admin'>;
  })(),
  /** Key that encrypts the stored TOTP secrets (TWO_FACTOR_KEY); unset: they are stored unencrypted. */
  twoFactorKey: process.env.TWO_FACTOR_KEY || undefined,
};
