import type { Db } from '../../src/lib/server/platform/db.ts';
import type { ReportVersion } from '../../src/lib/server/report/rows.ts';

/** Synthetic report rows for the PDF's tests: one chapter of many rows (pages to split and count) and a few late ones. */

const WORDS = ['občina', 'šola', 'žaga', 'čebelnjak', 'dostopnost', 'storitev', '„digitalna“', 'skupnost', 'omrežje', 'in', 'v', 'na', 'ki', 'za', 'pripomba', '–', 'razvoj', 'pomoč'];
const words = (n: number, seed: number) => Array.from({ length: n }, (_, i) => WORDS[(i * 7 + seed) % WORDS.length]).join(' ');

/**
 * A version with `count` synthetic rows in its first chapter (row `long` a 10,000-character comment
 * between two markers) and a few late ones, inserted straight into report_rows; the summary follows.
 */
export async function syntheticVersion(db: Db, version: ReportVersion, count: number, long = Math.floor(count / 2)): Promise<ReportVersion> {
  const summary = version.summary!;
  const chapter = summary.sections[0];
  await db.deleteFrom('report_rows').where('report_version_id', '=', version.id).execute();
  const late = Math.min(20, Math.floor(count / 10));
  for (let start = 0; start < count; start += 100) {
    const batch = Array.from({ length: Math.min(100, count - start) }, (_, k) => {
      const i = start + k;
      const isLate = i >= count - late;
      return {
        report_version_id: version.id,
        sort_key: `${isLate ? 2 : 0}|0000|${String(i).padStart(8, '0')}`,
        comment_id: 500_000 + i,
        section: isLate ? ('late' as const) : ('chapter' as const),
        chapter_slug: isLate ? null : chapter.chapterSlug,
        chapter_number: isLate ? null : chapter.chapterNumber,
        chapter_title: isLate ? null : chapter.chapterTitle,
        block_number: i % 3 ? `${chapter.chapterNumber}.${(i % 40) + 1}` : null,
        anchor_status: i % 11 === 0 ? ('changed' as const) : null,
        written_version_label: i % 5 ? summary.draft.label : 'Osnutek 1',
        written_block_number: i % 3 ? `${chapter.chapterNumber}.${(i % 40) + 1}` : null,
        scope: i % 3 ? ('block' as const) : ('chapter' as const),
        organisation_name: `Občina Šmarje–Žiri ${i % 212}`,
        organisation_short_name: `Šmarje ${i % 212}`,
        organisation_kind: 'municipality' as const,
        organisation_code: `M${i % 212}`,
        kind: (['comment', 'amendment', 'question'] as const)[i % 3],
        quote: null,
        body: i === long ? `ZAČETEKDOLGE ${words(2000, i)}`.slice(0, 9_989) + ' KONECDOLGE' : `Pripomba ${i}: ${words(8 + (i % 60), i)}.`,
        proposed_text: i % 4 === 1 ? `Predlog: ${words(15, i + 3)}.` : null,
        rationale: i % 6 === 2 ? words(20, i + 5) : null,
        joint_line: null,
        supporters: i % 9 === 0 ? 'Občina Bled; Občina Žiri' : null,
        status: (['new', 'accepted', 'partially_accepted', 'rejected', 'noted'] as const)[i % 5],
        response: i % 5 === 0 ? null : `Odgovor ${i}: ${words(10 + (i % 30), i + 1)}.`,
        submitted_at: '2026-10-01T10:00:00.000Z',
        late: isLate ? 1 : 0,
        received_via: (['portal', 'email', 'post'] as const)[i % 3],
      };
    });
    await db.insertInto('report_rows').values(batch).execute();
  }
  const sections = summary.sections.map((x, i) => ({ ...x, count: i === 0 ? count - late : 0, byStatus: {} }));
  if (late) sections.push({ section: 'late', chapterSlug: null, chapterNumber: null, chapterTitle: null, count: late, byStatus: {} });
  const next = { ...summary, total: count, late, sections: sections.filter((x) => x.section !== 'draft') };
  await db.updateTable('report_versions').set({ summary_json: JSON.stringify(next), row_count: count }).where('id', '=', version.id).execute();
  return { ...version, summary: next, rowCount: count };
}

