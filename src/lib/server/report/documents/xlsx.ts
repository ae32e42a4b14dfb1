import type { ReportWriter } from '../document.ts';

/** The report as XLSX: TODO (issue 14, a helper writes it). */
export const writeXlsx: ReportWriter = async () => {
  throw new Error('not yet written');
};
