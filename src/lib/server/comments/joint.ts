import type { Kysely } from 'kysely';
import type { Database } from '../platform/schema.ts';
import type { Submission } from './submitted.ts';

/** Joint positions: the deadline and asking the named municipalities. (Stub: filled in by the joint-positions work.) */
export async function openJointPosition(_trx: Kysely<Database>, _submission: Submission): Promise<void> {}
