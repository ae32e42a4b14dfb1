import type { Generated } from 'kysely';

/** Row types of every table, as Kysely sees them. Keep in step with db/migrations. */

export type OrganisationKind = 'municipality' | 'association' | 'government' | 'other';

export interface OrganisationTable {
  id: Generated<number>;
  kind: OrganisationKind;
  /** Register code for municipalities (e.g. "61"), an acronym otherwise (e.g. "ZMOS"). */
  code: string;
  name: string;
  /** The place name for municipalities ("Ljubljana"), the acronym otherwise; used in lists. */
  short_name: string;
  slug: string;
  registry_id: string | null;
  is_urban: number;
  created_at: Generated<string>;
}

export interface AssociationMembershipTable {
  association_id: number;
  member_id: number;
}

export interface Database {
  organisations: OrganisationTable;
  association_memberships: AssociationMembershipTable;
}
