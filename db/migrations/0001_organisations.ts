import { sql, type Kysely } from 'kysely';
import { nowDefault, serialId } from './portable.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const now = nowDefault(db);
  await db.schema
    .createTable('organisations')
    .addColumn('id', 'integer', serialId(db))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('municipality', 'association', 'government', 'other')`),
    )
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('registry_id', 'text')
    .addColumn('is_urban', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('organisations_kind').on('organisations').columns(['kind', 'short_name']).execute();

  await db.schema
    .createTable('association_memberships')
    .addColumn('association_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('member_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('association_memberships_pk', ['association_id', 'member_id'])
    .execute();
  await db.schema
    .createIndex('association_memberships_member')
    .on('association_memberships')
    .column('member_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('association_memberships').execute();
  await db.schema.dropTable('organisations').execute();
}
