import type { Selectable } from 'kysely';
import type { ConsultationStatus } from '../../enums.ts';
import type { Db } from '../platform/db.ts';
import type { ConsultationTable } from '../platform/schema.ts';

/**
 * The consultations the portal hosts, as the rest of the code sees them. The database row is the
 * record (status, archive, moderators); the texts come from content/<slug>/ (content.ts).
 */

export interface Consultation {
  id: number;
  slug: string;
  title: string;
  shortTitle: string;
  ownerOrganisationId: number;
  ownerName: string;
  caseNumber: string;
  description: string;
  invited: string | null;
  status: ConsultationStatus;
  archivedAt: Date | null;
  createdAt: Date;
}

/** What the window rules and the anchoring need of a consultation. */
export type ConsultationRef = Pick<Consultation, 'id' | 'slug' | 'status'>;

type Row = Selectable<ConsultationTable> & { owner_name: string };

function toConsultation(row: Row): Consultation {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    shortTitle: row.short_title,
    ownerOrganisationId: row.owner_organisation_id,
    ownerName: row.owner_name,
    caseNumber: row.case_number,
    description: row.description,
    invited: row.invited,
    status: row.status,
    archivedAt: row.archived_at ? new Date(row.archived_at) : null,
    createdAt: new Date(row.created_at),
  };
}

function consultationsQuery(db: Db) {
  return db
    .selectFrom('consultations as k')
    .innerJoin('organisations as o', 'o.id', 'k.owner_organisation_id')
    .selectAll('k')
    .select('o.name as owner_name');
}

/** Every consultation, newest first; archived ones only when asked for. */
export async function listConsultations(db: Db, options: { archived?: boolean } = {}): Promise<Consultation[]> {
  let query = consultationsQuery(db);
  if (!options.archived) query = query.where('k.archived_at', 'is', null);
  return (await query.orderBy('k.created_at', 'desc').orderBy('k.id', 'desc').execute()).map(toConsultation);
}

/** A consultation by its slug, archived ones included (their addresses keep working). */
export async function findConsultation(db: Db, slug: string): Promise<Consultation | undefined> {
  if (!/^[a-z0-9-]{1,40}$/.test(slug)) return undefined;
  const row = await consultationsQuery(db).where('k.slug', '=', slug).executeTakeFirst();
  return row && toConsultation(row);
}

export async function findConsultationById(db: Db, id: number): Promise<Consultation | undefined> {
  const row = await consultationsQuery(db).where('k.id', '=', id).executeTakeFirst();
  return row && toConsultation(row);
}
