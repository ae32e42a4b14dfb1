import type { Dictionary } from '../../../../i18n/index.ts';
import type { RowSelection } from '../../report/rows.ts';
import type { ReportSummary } from '../../report/summary.ts';

/**
 * The parts of a report version's HTML pages, as its table of contents lists them: each chapter of
 * the draft (by its slug), `osnutek` (the draft as a whole), `pozne` (late comments), `udelezenci`
 * (the annex); and the paging of a part (`?stran=`).
 */

export const ROWS_PER_PAGE = 50;
export const PARTICIPANTS_PER_PAGE = 100;
export const DRAFT_PART = 'osnutek';
export const LATE_PART = 'pozne';
export const ANNEX_PART = 'udelezenci';

export interface ReportPart {
  key: string;
  title: string;
  /** Rows of a section, or participants of the annex. */
  count: number;
  /** The rows a section shows; undefined for the annex. */
  selection?: RowSelection;
  perPage: number;
}

export function partsOf(summary: ReportSummary, t: Dictionary): ReportPart[] {
  const d = t.reportDocument;
  const sections: ReportPart[] = summary.sections.map((s) => {
    if (s.section === 'chapter') {
      return {
        key: s.chapterSlug!,
        title: d.chapterHeading(s.chapterNumber!, s.chapterTitle!),
        count: s.count,
        selection: { section: 'chapter', chapterSlug: s.chapterSlug! },
        perPage: ROWS_PER_PAGE,
      };
    }
    return s.section === 'draft'
      ? {
          key: DRAFT_PART,
          title: d.wholeDraft,
          count: s.count,
          selection: { section: 'draft' },
          perPage: ROWS_PER_PAGE,
        }
      : {
          key: LATE_PART,
          title: d.late,
          count: s.count,
          selection: { section: 'late' },
          perPage: ROWS_PER_PAGE,
        };
  });
  return [
    ...sections,
    {
      key: ANNEX_PART,
      title: d.annex,
      count: summary.participants.length,
      perPage: PARTICIPANTS_PER_PAGE,
    },
  ];
}

/** How many pages a part has (an empty part has one, saying so). */
export const pageCountOf = (part: ReportPart) => Math.max(1, Math.ceil(part.count / part.perPage));

/**
 * The page a `?stran=` asks for: none is the first; anything but a number of an existing page
 * (0, -1, abc, 99999) is undefined — the page answers 404.
 */
export function parsePage(asked: string | null, pageCount: number): number | undefined {
  if (asked === null) return 1;
  if (!/^\d{1,6}$/.test(asked)) return undefined;
  const n = Number(asked);
  return n >= 1 && n <= pageCount ? n : undefined;
}

/** A version number in an address: 1, 2, … (never 0, 01 or 1.0). */
export function parseVersionNumber(value: string | undefined): number | undefined {
  return value && /^[1-9]\d{0,5}$/.test(value) ? Number(value) : undefined;
}
