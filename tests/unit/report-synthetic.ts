import type { Insertable } from 'kysely';
import { MODERATION_STATUSES, RECEIVED_VIA } from '../../src/lib/enums.ts';
import type { Db } from '../../src/lib/server/platform/db.ts';
import type { ReportRowTable } from '../../src/lib/server/platform/schema.ts';
import { toReportVersion, type ReportVersion } from '../../src/lib/server/report/rows.ts';
import type { ReportSummary } from '../../src/lib/server/report/summary.ts';

/**
 * A published report version with `n` synthetic rows inserted straight into report_rows (for the
 * writers' tests and measurements): a copy of a real version's particulars and summary, its sections
 * recounted. Row 0 is a 10,000-character comment with č/š/ž, „quotes“ and line breaks; row 1 leaves
 * every optional field empty; row 2's texts look like formulas; one row in ten is late, one in
 * twenty on the draft as a whole.
 */
export const LONG_BODY = `Začetek „dolge“ pripombe.\n${'Občina Škofja Loka predlaga, da se člen dopolni z žirijo – ček. '.repeat(160)}`.slice(0, 9_990) + '\nKonec.';

export function syntheticRow(versionId: number, i: number, chapters: Array<{ slug: string; number: number; title: string }>): Insertable<ReportRowTable> {
  const late = i % 10 === 9;
  const whole = !late && i % 20 === 10;
  const chapter = whole ? undefined : chapters[i % chapters.length];
  const section = late ? 'late' : whole ? 'draft' : 'chapter';
  const block = chapter && i % 3 ? `${chapter.number}.${(i % 12) + 1}` : null;
  const rank = { chapter: 0, draft: 1, late: 2 }[section];
  const empty = i === 1;
  return {
    report_version_id: versionId,
    sort_key: `${rank}|${String(chapter ? chapters.indexOf(chapter) : 9999).padStart(4, '0')}|${String(i).padStart(10, '0')}`,
    comment_id: 100_000 + i,
    section,
    chapter_slug: chapter?.slug ?? null,
    chapter_number: chapter?.number ?? null,
    chapter_title: chapter?.title ?? null,
    block_number: block,
    anchor_status: i % 7 === 3 ? 'changed' : 'unchanged',
    written_version_label: i % 4 === 0 ? 'prvi osnutek' : 'drugi osnutek',
    written_block_number: block,
    scope: whole ? 'draft' : block ? 'block' : 'chapter',
    organisation_name: `Občina Šentjur ${i % 211}`,
    organisation_short_name: `Šentjur ${i % 211}`,
    organisation_kind: i % 5 === 0 ? 'association' : 'municipality',
    organisation_code: `OB${i % 211}`,
    kind: (['comment', 'amendment', 'question'] as const)[i % 3],
    quote: null,
    body: i === 0 ? LONG_BODY : i === 2 ? '=SUM(A1:A9)' : `Pripomba št. ${i}: čšž ČŠŽ „navedek“ – vrstica ena.\nVrstica dve & <oznaka>.`,
    proposed_text: empty ? null : i === 2 ? '@predlog' : `Predlagamo: „${i}“.`,
    rationale: empty ? null : i === 2 ? '-1' : 'Ker je tako bolje.',
    joint_line: empty || i % 5 ? null : 'Skupno stališče: potrdilo 12 občin.',
    supporters: empty || i % 6 ? null : 'Občina Kranj; Občina Bled',
    status: MODERATION_STATUSES[i % MODERATION_STATUSES.length],
    response: empty || i % 6 === 0 ? null : `Obrazložitev ${i}: upoštevano.`,
    submitted_at: new Date(Date.UTC(2026, 6, 1 + (i % 150), 8, i % 60, 0)).toISOString(),
    late: late ? 1 : 0,
    received_via: RECEIVED_VIA[i % 3],
  };
}

/** Copies `base` (a ready published version) as number `number` with `n` synthetic rows. */
export async function syntheticVersion(db: Db, base: ReportVersion, n: number, number = 99): Promise<ReportVersion> {
  const summary = structuredClone(base.summary!) as ReportSummary;
  const chapters = summary.sections.filter((s) => s.section === 'chapter').map((s) => ({ slug: s.chapterSlug!, number: s.chapterNumber!, title: s.chapterTitle! }));
  const original = await db.selectFrom('report_versions').selectAll().where('id', '=', base.id).executeTakeFirstOrThrow();
  const { id: _id, ...copy } = original;
  const { id } = await db.insertInto('report_versions').values({ ...copy, number, row_count: n }).returning('id').executeTakeFirstOrThrow();
  const sections = new Map<string, ReportSummary['sections'][number]>();
  for (const ch of chapters) sections.set(`chapter/${ch.slug}`, { section: 'chapter', chapterSlug: ch.slug, chapterNumber: ch.number, chapterTitle: ch.title, count: 0, byStatus: {} });
  sections.set('draft', { section: 'draft', chapterSlug: null, chapterNumber: null, chapterTitle: null, count: 0, byStatus: {} });
  sections.set('late', { section: 'late', chapterSlug: null, chapterNumber: null, chapterTitle: null, count: 0, byStatus: {} });
  const byStatus: Record<string, number> = Object.fromEntries(MODERATION_STATUSES.map((s) => [s, 0]));
  for (let from = 0; from < n; from += 100) {
    const rows = Array.from({ length: Math.min(100, n - from) }, (_, k) => syntheticRow(id, from + k, chapters));
    for (const r of rows) {
      const s = sections.get(r.section === 'chapter' ? `chapter/${r.chapter_slug}` : r.section)!;
      s.count++;
      s.byStatus[r.status] = (s.byStatus[r.status] ?? 0) + 1;
      byStatus[r.status]++;
    }
    await db.insertInto('report_rows').values(rows).execute();
  }
  summary.sections = [...sections.values()].filter((s) => s.section === 'chapter' || s.count > 0);
  summary.total = n;
  summary.byStatus = byStatus;
  await db.updateTable('report_versions').set({ summary_json: JSON.stringify(summary) }).where('id', '=', id).execute();
  return toReportVersion(await db.selectFrom('report_versions').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
}
