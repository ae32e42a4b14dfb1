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
  /** Where people write about accessibility and privacy; shown on /dostopnost and /zasebnost. */
  contactEmail: process.env.CONTACT_EMAIL || 'gp.sdp@gov.si',
};
