import type { ReportWriter } from '../document.ts';

/** The report as PDF: TODO (issue 14, a helper writes it). */
export const writePdf: ReportWriter = async () => {
  throw new Error('not yet written');
};
