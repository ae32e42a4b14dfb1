import type { Dictionary } from '../../../../i18n/index.ts';
import { REPORT_FORMATS, type ReportFormat } from '../../../enums.ts';
import { routes } from '../../../routes.ts';
import type { Consultation } from '../../consultations/consultations.ts';
import type { Db } from '../../platform/db.ts';
import { pageOfRows, type ReportRow, type ReportVersion } from '../../report/rows.ts';
import type { ReportParticipant, ReportSummary } from '../../report/summary.ts';
import { pageCountOf, partsOf, type ReportPart } from './parts.ts';

/** What the report's HTML pages show of a version (published or the preview): its first page, and one page of a part. */

export type ReadyVersion = ReportVersion & { summary: ReportSummary };

export interface ReportLinks {
  front: string;
  part: (key: string, page?: number) => string;
}

export function publishedLinks(slug: string, n: number): ReportLinks {
  return {
    front: routes.reportVersion(slug, n),
    part: (key, page) => routes.reportPart(slug, n, key, page),
  };
}

export function previewLinks(slug: string): ReportLinks {
  return {
    front: routes.reportPreview(slug),
    part: (key, page) => routes.reportPreviewPart(slug, key, page),
  };
}

export interface VersionListItem {
  number: number;
  documentNumber: string;
  documentDate: string;
  href: string;
  /** The version that replaced it; undefined for the newest. */
  supersededBy?: number;
}

export interface Download {
  format: ReportFormat;
  href: string;
  /** Undefined until the file is written. */
  bytes?: number;
}

export interface FrontView {
  consultation: Consultation;
  version: ReadyVersion;
  preview: boolean;
  links: ReportLinks;
  parts: Array<ReportPart & { href: string }>;
  downloads: Download[];
  versions: VersionListItem[];
  /** The version this one supersedes (number and date), for the header's line. */
  supersedes?: { number: number; documentDate: string };
  /** The newest version's number when this is an older one. */
  newer?: number;
}

export function versionList(slug: string, published: ReportVersion[]): VersionListItem[] {
  // Newest first: each older version is superseded by the one before it in the list.
  return published.map((v, i) => ({
    number: v.number!,
    documentNumber: v.documentNumber ?? '',
    documentDate: v.documentDate ?? '',
    href: routes.reportVersion(slug, v.number!),
    supersededBy: i > 0 ? published[i - 1].number! : undefined,
  }));
}

async function downloadsOf(db: Db, consultation: Consultation, version: ReportVersion): Promise<Download[]> {
  const stored = await db.selectFrom('report_files').where('report_version_id', '=', version.id).select(['format', 'bytes']).execute();
  const sizes = new Map(stored.map((f) => [f.format, f.bytes]));
  return REPORT_FORMATS.map((format) => ({
    format,
    href: routes.reportFile(consultation.slug, version.number!, format),
    bytes: sizes.get(format),
  }));
}

/** A version's first page: header, introduction, method, summary, contents, downloads, signature. */
export async function frontView(db: Db, t: Dictionary, consultation: Consultation, version: ReadyVersion, published: ReportVersion[]): Promise<FrontView> {
  const preview = version.kind === 'preview';
  const links = preview ? previewLinks(consultation.slug) : publishedLinks(consultation.slug, version.number!);
  const older = published.find((v) => v.number !== null && version.number !== null && v.number === version.number - 1);
  const newest = published[0]?.number ?? undefined;
  return {
    consultation,
    version,
    preview,
    links,
    parts: partsOf(version.summary, t).map((p) => ({
      ...p,
      href: links.part(p.key),
    })),
    downloads: preview ? [] : await downloadsOf(db, consultation, version),
    versions: versionList(consultation.slug, published),
    supersedes: older && older.documentDate ? { number: older.number!, documentDate: older.documentDate } : undefined,
    newer: !preview && newest !== undefined && newest !== version.number ? newest : undefined,
  };
}

export interface PartView {
  consultation: Consultation;
  version: ReadyVersion;
  preview: boolean;
  links: ReportLinks;
  part: ReportPart;
  page: number;
  pageCount: number;
  /** 1-based positions of the first and last item shown. */
  from: number;
  to: number;
  rows: ReportRow[];
  participants: ReportParticipant[];
  previous?: string;
  next?: string;
}

/** One page of a part: a section's rows read by the page (never the whole section), or the annex's participants. */
export async function partView(db: Db, consultation: Consultation, version: ReadyVersion, part: ReportPart, page: number): Promise<PartView> {
  const preview = version.kind === 'preview';
  const links = preview ? previewLinks(consultation.slug) : publishedLinks(consultation.slug, version.number!);
  const pageCount = pageCountOf(part);
  const start = (page - 1) * part.perPage;
  const rows = part.selection ? await pageOfRows(db, version.id, part.selection, page, part.perPage) : [];
  const participants = part.selection ? [] : version.summary.participants.slice(start, start + part.perPage);
  const shown = part.selection ? rows.length : participants.length;
  return {
    consultation,
    version,
    preview,
    links,
    part,
    page,
    pageCount,
    from: shown ? start + 1 : 0,
    to: start + shown,
    rows,
    participants,
    previous: page > 1 ? links.part(part.key, page - 1) : undefined,
    next: page < pageCount ? links.part(part.key, page + 1) : undefined,
  };
}

/** A file's size as people read it: "845 B", "245 kB", "1,2 MB". */
export function formatSize(bytes: number): string {
  const one = new Intl.NumberFormat('sl', { maximumFractionDigits: 1 });
  if (bytes < 1000) return `${bytes}\u00A0B`;
  if (bytes < 1_000_000) return `${one.format(Math.round(bytes / 100) / 10)}\u00A0kB`;
  return `${one.format(Math.round(bytes / 100_000) / 10)}\u00A0MB`;
}
