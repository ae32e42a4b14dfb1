import { sql, type Kysely } from 'kysely';
import { nowDefault, serialId } from './portable.ts';


/** Two-factor sign-in (TOTP, RFC 6238): secrets, recovery codes, pending logins, code attempts. */
export async function up(db: Kysely<any>): Promise<void> {
  const now = nowDefault(db);
  await db.schema
    .createTable('two_factor')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    // The TOTP key, AES-256-GCM-encrypted when TWO_FACTOR_KEY is configured ('enc:v1:…'), else 'plain:…'.
    .addColumn('secret', 'text', (c) => c.notNull())
    // Null while the person is still setting it up (the key is shown, no code confirmed yet).
    .addColumn('enabled_at', 'text')
    // The last 30-second time step whose code was accepted: no code is accepted twice.
    .addColumn('last_used_step', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('two_factor_recovery_codes')
    .addColumn('id', 'integer', serialId(db))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // SHA-256 of the normalised code (80 random bits); the code itself was shown once.
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('two_factor_recovery_codes_user').on('two_factor_recovery_codes').columns(['user_id', 'code_hash']).execute();

  await db.schema
    .createTable('two_factor_pending_logins')
    .addColumn('id', 'integer', serialId(db))
    // SHA-256 of the token in the person's HttpOnly cookie.
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('return_to', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('two_factor_pending_logins_user').on('two_factor_pending_logins').column('user_id').execute();

  await db.schema
    .createTable('two_factor_attempts')
    .addColumn('id', 'integer', serialId(db))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('succeeded', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('two_factor_attempts_user').on('two_factor_attempts').columns(['user_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['two_factor_attempts', 'two_factor_pending_logins', 'two_factor_recovery_codes', 'two_factor']) {
    await db.schema.dropTable(table).execute();
  }
}
