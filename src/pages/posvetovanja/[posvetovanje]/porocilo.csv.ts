import type { APIRoute } from 'astro';
import { publicBaseUrl } from '../../../lib/server/web/auth-context';
import { getDb } from '../../../lib/server/platform/db';
import { reportCsv } from '../../../lib/server/report/report';
import { currentReport } from '../../../lib/server/report/report-source';
import { reportFileName } from '../../../lib/server/report/report-page';
import { consultationOf } from '../../../lib/server/web/consultation-context';

export const GET: APIRoute = async ({ locals, params, rewrite }) => {
  const consultation = await consultationOf(params);
  const found = consultation && (await currentReport(getDb(), consultation));
  if (!found) return rewrite('/404');
  const { report } = found;
  return new Response(reportCsv(report, publicBaseUrl(), locals.t), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${reportFileName(found.consultation, 'csv')}"`,
      'Cache-Control': 'no-store',
    },
  });
};
