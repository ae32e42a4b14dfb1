import { z } from 'astro/zod';
import { ljubljanaTimeToInstant } from '../../time.ts';

/**
 * Draft versions as the rest of the code sees them, from the data file of each content/<version>/
 * folder. Shared by content.ts (Astro's collections) and content-files.ts (plain files, for code
 * that runs outside Astro), so both agree on dates and on which version is current.
 */
const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Pričakovan je lokalni čas v obliki LLLL-MM-DDTHH:MM (Europe/Ljubljana).');

/** content/<version>/version.json, as the content collection and content-files.ts both check it. */
export const versionDataSchema = z.object({
  label: z.string().min(1),
  /** Publication date, YYYY-MM-DD. */
  publishedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** The comment window in Europe/Ljubljana wall-clock time. */
  opensAt: localDateTime,
  closesAt: localDateTime,
  /** The ministry's file number of the consultation (številka zadeve), e.g. "3510-1/2026". */
  caseNumber: z.string().trim().min(1).max(60),
  changeNote: z.string().min(1),
});

export type VersionData = z.infer<typeof versionDataSchema>;

export interface DraftVersion {
  /** The consultation's slug: a version's id is its folder's name within the consultation. */
  consultation: string;
  id: string;
  label: string;
  publishedAt: Date;
  opensAt: Date;
  /** First instant after the window: submissions at or after it are late. */
  closesAt: Date;
  /** The last minute of the window, as authors wrote it (for "do 31. 1. 2027"). */
  lastDay: Date;
  /** Številka zadeve: the ministry's file number under which this draft is consulted on. */
  caseNumber: string;
  changeNote: string;
}

export function toVersion(consultation: string, id: string, data: VersionData): DraftVersion {
  const lastMinute = ljubljanaTimeToInstant(data.closesAt);
  return {
    consultation,
    id,
    label: data.label,
    publishedAt: ljubljanaTimeToInstant(`${data.publishedAt}T00:00`),
    opensAt: ljubljanaTimeToInstant(data.opensAt),
    closesAt: new Date(lastMinute.getTime() + 60_000),
    lastDay: lastMinute,
    caseNumber: data.caseNumber,
    changeNote: data.changeNote,
  };
}

export function sortVersions(versions: DraftVersion[]): DraftVersion[] {
  return [...versions].sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime());
}

/**
 * The newest version already published (the one people read and comment on); before the first is
 * published, the first. Undefined for a consultation with no version yet (in preparation).
 */
export function currentOf(versions: DraftVersion[], now = new Date()): DraftVersion | undefined {
  const sorted = sortVersions(versions);
  return sorted.filter((v) => v.publishedAt <= now).at(-1) ?? sorted[0];
}

/**
 * The next moment after `now` at which what the pages say changes by the clock alone — a version is
 * published (and becomes current), a window opens or closes — or Infinity when none is left.
 */
export function nextBoundary(versions: DraftVersion[], now = new Date()): number {
  const moments = versions.flatMap((v) => [v.publishedAt, v.opensAt, v.closesAt]).map((d) => d.getTime());
  return Math.min(Infinity, ...moments.filter((t) => t > now.getTime()));
}
