import type { Kysely } from 'kysely';
import type { Database } from '../platform/schema.ts';
import type { Submission } from './submitted.ts';

/** The potrdilo o prejemu mailed to the organisation on submission. (Stub: filled in by the receipts work.) */
export async function queueReceipt(_trx: Kysely<Database>, _submission: Submission): Promise<void> {}
