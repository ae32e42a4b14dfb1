import type { APIRoute } from 'astro';
import { publicBaseUrl } from '../lib/server/web/auth-context';
import { getDb } from '../lib/server/platform/db';
import { reportCsv } from '../lib/server/report/report';
import { currentReport } from '../lib/server/report/report-source';

export const GET: APIRoute = async ({ locals }) => {
  const { report } = await currentReport(getDb());
  return new Response(reportCsv(report, publicBaseUrl(), locals.t), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="porocilo-o-upostevanju-pripomb.csv"',
      'Cache-Control': 'no-store',
    },
  });
};
