import { sql } from 'kysely';
import { collator } from '../../../i18n/index.ts';
import type { Db } from '../platform/db.ts';
import { ljubljanaToday } from '../../time.ts';
import { REGIONS, SIZE_CLASSES, sizeClass, type Region, type SizeClass } from './statistics.ts';

/**
 * Who took part, for /udelezba: a municipality took part when it submitted at least one comment
 * (one it withdrew later included — it was participation, and the page says so) or confirmed a joint
 * position. Drafts, hidden comments, and joint positions declined or not yet answered do not count.
 * Everything comes from a few grouped queries (per organisation, per hour); no comment is read.
 */

/** The comments that count: submitted (or submitted and withdrawn later), not hidden by a moderator. */
const COUNTED_STATES = ['submitted', 'withdrawn'] as const;

export interface MunicipalityParticipation {
  id: number;
  name: string;
  slug: string;
  region: Region;
  population: number;
  centroidE: number;
  centroidN: number;
  /** Its own comments that count. */
  comments: number;
  /** Joint positions of others it confirmed. */
  confirmedJoint: number;
  tookPart: boolean;
}

export interface Breakdown<K> {
  key: K;
  total: number;
  tookPart: number;
}

export interface ParticipationView {
  municipalities: MunicipalityParticipation[];
  total: number;
  tookPart: number;
  /** Comments of municipalities that count. */
  municipalComments: number;
  byAssociation: Array<Breakdown<string>>;
  byRegion: Array<Breakdown<Region>>;
  bySize: Array<Breakdown<SizeClass>>;
  /** Submissions of every organisation over time: per Ljubljana day, or per week (its Monday) when they span more than six weeks. */
  timeline: { unit: 'day' | 'week'; points: Array<{ start: string; count: number }> };
}

export async function participationView(db: Db, consultationId?: number): Promise<ParticipationView> {
  // The consultations (a handful) as a list of ids, so that the (consultation, state, hidden,
  // organisation, submitted) index serves every consultation as well as one.
  const consultations = consultationId !== undefined ? [consultationId] : (await db.selectFrom('consultations').select('id').execute()).map((r) => r.id);
  const counted = db
    .selectFrom('comments as c')
    .where('c.state', 'in', COUNTED_STATES)
    .where('c.hidden', '=', 0)
    .where('c.consultation_id', 'in', consultations.length ? consultations : [0]);
  const [directory, perOrganisation, joint, memberships, perHour] = await Promise.all([
    db
      .selectFrom('organisations as o')
      .innerJoin('municipality_statistics as s', 's.organisation_id', 'o.id')
      .select(['o.id', 'o.short_name', 'o.slug', 's.region', 's.population', 's.centroid_e', 's.centroid_n'])
      .where('o.kind', '=', 'municipality')
      .execute(),
    counted.select(['c.organisation_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('c.organisation_id').execute(),
    counted
      .innerJoin('joint_position_members as m', 'm.comment_id', 'c.id')
      .where('m.status', '=', 'confirmed')
      .select(['m.organisation_id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('m.organisation_id')
      .execute(),
    db
      .selectFrom('association_memberships as m')
      .innerJoin('organisations as a', 'a.id', 'm.association_id')
      .select(['a.code', 'm.member_id'])
      .execute(),
    counted
      .select([sql<string>`substr(c.submitted_at, 1, 13)`.as('hour'), (eb) => eb.fn.countAll<number>().as('n')])
      .where('c.submitted_at', 'is not', null)
      .groupBy(sql`substr(c.submitted_at, 1, 13)`)
      .execute(),
  ]);
  const commentsOf = new Map(perOrganisation.map((r) => [r.organisation_id, Number(r.n)]));
  const jointOf = new Map(joint.map((r) => [r.organisation_id, Number(r.n)]));
  const municipalities = directory
    .map((o): MunicipalityParticipation => {
      const comments = commentsOf.get(o.id) ?? 0;
      const confirmedJoint = jointOf.get(o.id) ?? 0;
      return {
        id: o.id,
        name: o.short_name,
        slug: o.slug,
        region: o.region as Region,
        population: o.population,
        centroidE: o.centroid_e,
        centroidN: o.centroid_n,
        comments,
        confirmedJoint,
        tookPart: comments > 0 || confirmedJoint > 0,
      };
    })
    .sort((a, b) => collator.compare(a.name, b.name));
  const byId = new Map(municipalities.map((m) => [m.id, m]));
  const breakdown = <K>(keys: readonly K[], keyOf: (m: MunicipalityParticipation) => K) =>
    keys.map((key) => {
      const members = municipalities.filter((m) => keyOf(m) === key);
      return { key, total: members.length, tookPart: members.filter((m) => m.tookPart).length };
    });
  const byAssociation = ['ZMOS', 'SOS', 'ZOS'].map((code) => {
    const members = memberships.filter((r) => r.code === code).map((r) => byId.get(r.member_id)).filter((m) => m !== undefined);
    return { key: code, total: members.length, tookPart: members.filter((m) => m.tookPart).length };
  });
  return {
    municipalities,
    total: municipalities.length,
    tookPart: municipalities.filter((m) => m.tookPart).length,
    municipalComments: municipalities.reduce((sum, m) => sum + m.comments, 0),
    byAssociation,
    byRegion: breakdown(REGIONS, (m) => m.region),
    bySize: breakdown(SIZE_CLASSES, (m) => sizeClass(m.population)),
    timeline: timeline(perHour.map((r) => ({ hour: r.hour, count: Number(r.n) }))),
  };
}

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Counts per UTC hour → per Ljubljana day from the first submission to the last, days without any
 * included; per week (starting on Monday) when that is more than 42 days.
 */
export function timeline(hours: Array<{ hour: string; count: number }>): ParticipationView['timeline'] {
  const days = new Map<string, number>();
  for (const { hour, count } of hours) {
    const day = ljubljanaToday(new Date(`${hour}:00:00Z`));
    days.set(day, (days.get(day) ?? 0) + count);
  }
  if (days.size === 0) return { unit: 'day', points: [] };
  const sorted = [...days.keys()].sort();
  const first = Date.parse(`${sorted[0]}T00:00:00Z`);
  const last = Date.parse(`${sorted.at(-1)}T00:00:00Z`);
  const unit = (last - first) / DAY + 1 > 42 ? 'week' : 'day';
  const startOf = (ms: number) => (unit === 'day' ? ms : ms - ((new Date(ms).getUTCDay() + 6) % 7) * DAY);
  const points = new Map<string, number>();
  for (let ms = startOf(first); ms <= last; ms += unit === 'day' ? DAY : 7 * DAY) points.set(isoDay(ms), 0);
  for (const [day, count] of days) {
    const key = isoDay(startOf(Date.parse(`${day}T00:00:00Z`)));
    points.set(key, (points.get(key) ?? 0) + count);
  }
  return { unit, points: [...points].map(([start, count]) => ({ start, count })) };
}
