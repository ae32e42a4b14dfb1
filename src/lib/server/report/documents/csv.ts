import type { ReportWriter } from '../document.ts';

/** The report as CSV: TODO (issue 14, a helper writes it). */
export const writeCsv: ReportWriter = async () => {
  throw new Error('not yet written');
};
