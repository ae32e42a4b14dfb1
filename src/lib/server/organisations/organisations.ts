import { readFileSync } from 'node:fs';
import type { Insertable } from 'kysely';
import { collator, dictionary, type Dictionary } from '../../../i18n/index.ts';
import type { OrganisationKind } from '../../enums.ts';
import type { OrganisationTable } from '../platform/schema.ts';
import { fail, ok, type Result } from '../../result.ts';
import { slugify } from '../../slug.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Db } from '../platform/db.ts';
import { fromRoot } from '../platform/paths.ts';
import { containsText } from '../platform/sql.ts';
import { seedMunicipalityStatistics } from '../participation/statistics.ts';

export interface MunicipalityRecord {
  code: string;
  registryId: string;
  name: string;
  urban: boolean;
}

/** Reads the register of municipalities kept in db/seed (source and licence in db/seed/README.md). */
export function readMunicipalities(path = fromRoot('db/seed/municipalities.csv')): MunicipalityRecord[] {
  const [header, ...rows] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const columns = header.split(',');
  const at = (name: string) => {
    const index = columns.indexOf(name);
    if (index < 0) throw new Error(`municipalities.csv: missing column ${name}`);
    return index;
  };
  const [code, registryId, name, urban] = [at('code'), at('registry_id'), at('name'), at('urban')];
  return rows.map((row) => {
    const cells = row.split(',');
    return { code: cells[code], registryId: cells[registryId], name: cells[name], urban: cells[urban] === 'true' };
  });
}

/** A row of the directory as seeded: everything but what the database fills in. */
type OrganisationSeed = Omit<Insertable<OrganisationTable>, 'id' | 'created_at'>;

type DirectoryNames = Dictionary['account']['directory'];

/** The three associations and the ministry, named as the dictionary names them. */
export function fixedSeeds(names: DirectoryNames): OrganisationSeed[] {
  const association = (code: keyof DirectoryNames['associations']): OrganisationSeed => ({
    kind: 'association',
    code,
    name: names.associations[code],
    short_name: code,
    slug: code.toLowerCase(),
    registry_id: null,
    is_urban: 0,
  });
  return [
    association('ZMOS'),
    association('SOS'),
    association('ZOS'),
    { kind: 'government', code: 'MDP', name: names.government, short_name: 'MDP', slug: 'mdp', registry_id: null, is_urban: 0 },
  ];
}

function municipalitySeed(m: MunicipalityRecord, names: DirectoryNames): OrganisationSeed {
  return {
    kind: 'municipality',
    code: m.code,
    name: names.municipality(m.name, m.urban),
    short_name: m.name,
    slug: slugify(m.name),
    registry_id: m.registryId,
    is_urban: m.urban ? 1 : 0,
  };
}

/**
 * Seeds the organisation directory: all municipalities, the three associations (ZMOS with every
 * urban municipality as a member) and the ministry (MDP). Idempotent: re-running updates names and adds what is
 * missing, and never removes memberships an administrator has added.
 */
export async function seedOrganisationDirectory(db: Db, municipalities = readMunicipalities(), names: DirectoryNames = dictionary().account.directory): Promise<void> {
  const seeds = [...municipalities.map((m) => municipalitySeed(m, names)), ...fixedSeeds(names)];
  await db.transaction().execute(async (trx) => {
    for (const seed of seeds) {
      await trx
        .insertInto('organisations')
        .values(seed)
        .onConflict((oc) =>
          oc.column('code').doUpdateSet({
            kind: seed.kind,
            name: seed.name,
            short_name: seed.short_name,
            slug: seed.slug,
            registry_id: seed.registry_id,
            is_urban: seed.is_urban,
          }),
        )
        .execute();
    }
    const zmos = await trx.selectFrom('organisations').select('id').where('code', '=', 'ZMOS').executeTakeFirstOrThrow();
    const urban = await trx
      .selectFrom('organisations')
      .select('id')
      .where('kind', '=', 'municipality')
      .where('is_urban', '=', 1)
      .execute();
    if (urban.length > 0) {
      await trx
        .insertInto('association_memberships')
        .values(urban.map((m) => ({ association_id: zmos.id, member_id: m.id })))
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  });
  // Region, population and centroid of each municipality (participation page, issue 16).
  await seedMunicipalityStatistics(db);
}

export async function listOrganisations(db: Db, kind?: OrganisationKind) {
  let query = db.selectFrom('organisations').selectAll();
  if (kind) query = query.where('kind', '=', kind);
  const rows = await query.execute();
  return rows.sort((a, b) => collator.compare(a.short_name, b.short_name));
}

export async function associationMembers(db: Db, associationCode: string) {
  const rows = await db
    .selectFrom('association_memberships as m')
    .innerJoin('organisations as a', 'a.id', 'm.association_id')
    .innerJoin('organisations as o', 'o.id', 'm.member_id')
    .where('a.code', '=', associationCode)
    .selectAll('o')
    .execute();
  return rows.sort((a, b) => collator.compare(a.short_name, b.short_name));
}

export async function findOrganisation(db: Db, id: number) {
  return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findOrganisationByCodeOrSlug(db: Db, value: string) {
  return db
    .selectFrom('organisations')
    .selectAll()
    .where((eb) => eb.or([eb('code', '=', value.toUpperCase()), eb('code', '=', value), eb('slug', '=', value.toLowerCase())]))
    .executeTakeFirst();
}

export async function findOrganisationBySlug(db: Db, slug: string) {
  return db.selectFrom('organisations').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/** The associations a municipality belongs to. */
export async function membershipsOf(db: Db, organisationId: number) {
  const rows = await db
    .selectFrom('association_memberships as m')
    .innerJoin('organisations as a', 'a.id', 'm.association_id')
    .where('m.member_id', '=', organisationId)
    .selectAll('a')
    .execute();
  return rows.sort((a, b) => collator.compare(a.short_name, b.short_name));
}

export async function membersOfAssociation(db: Db, associationId: number) {
  const rows = await db
    .selectFrom('association_memberships as m')
    .innerJoin('organisations as o', 'o.id', 'm.member_id')
    .where('m.association_id', '=', associationId)
    .selectAll('o')
    .execute();
  return rows.sort((a, b) => collator.compare(a.short_name, b.short_name));
}

export interface OrganisationFilter {
  kind?: OrganisationKind;
  text?: string;
}

export async function searchOrganisations(db: Db, filter: OrganisationFilter) {
  let query = db
    .selectFrom('organisations as o')
    .select((eb) => [
      'o.id',
      'o.kind',
      'o.code',
      'o.name',
      'o.short_name',
      'o.slug',
      eb.selectFrom('users as u').whereRef('u.organisation_id', '=', 'o.id').select((e) => e.fn.countAll<number>().as('n')).as('user_count'),
      eb.selectFrom('association_memberships as m').whereRef('m.association_id', '=', 'o.id').select((e) => e.fn.countAll<number>().as('n')).as('member_count'),
    ]);
  if (filter.kind) query = query.where('o.kind', '=', filter.kind);
  if (filter.text) {
    const text = filter.text;
    query = query.where((eb) => eb.or([containsText(eb.ref('o.name'), text), containsText(eb.ref('o.code'), text)]));
  }
  const rows = await query.execute();
  return rows.sort((a, b) => collator.compare(a.short_name, b.short_name));
}

/** The membership form named no municipality this association can have. */
export const noSuchMember = () => fail('invalid', undefined, { memberId: (t) => t.account.errors.organisationRequired });

/** Adds or removes a municipality from an association's members, with an audit entry. */
export async function setAssociationMembership(
  db: Db,
  input: { associationId: number; memberId: number; member: boolean },
  actorId: number,
  ip: string | null,
): Promise<Result> {
  const [association, member] = await Promise.all([findOrganisation(db, input.associationId), findOrganisation(db, input.memberId)]);
  if (!association || association.kind !== 'association' || !member || member.kind !== 'municipality') return noSuchMember();
  await db.transaction().execute(async (trx) => {
    if (input.member) {
      await trx
        .insertInto('association_memberships')
        .values({ association_id: association.id, member_id: member.id })
        .onConflict((oc) => oc.doNothing())
        .execute();
    } else {
      await trx.deleteFrom('association_memberships').where('association_id', '=', association.id).where('member_id', '=', member.id).execute();
    }
    await recordAudit(trx, {
      actorUserId: actorId,
      action: input.member ? 'association.member_added' : 'association.member_removed',
      targetType: 'organisation',
      targetId: association.id,
      after: { member: member.code },
      ip,
    });
  });
  return ok();
}

/** An association's member municipalities as choices for a joint position. */
export async function memberOptions(db: Db, associationId: number): Promise<Array<{ id: number; name: string }>> {
  return (await membersOfAssociation(db, associationId)).map((o) => ({ id: o.id, name: o.short_name }));
}
