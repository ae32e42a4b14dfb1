import type { ReportWriter } from '../document.ts';

/** The report as DOCX: TODO (issue 14, a helper writes it). */
export const writeDocx: ReportWriter = async () => {
  throw new Error('not yet written');
};
