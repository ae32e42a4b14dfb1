import type { APIRoute } from 'astro';
import { publicBaseUrl } from '../lib/server/auth-context';
import { getDb } from '../lib/server/db';
import { reportCsv } from '../lib/server/report';
import { currentReport } from '../lib/server/report-source';

export const GET: APIRoute = async () => {
  const { report } = await currentReport(getDb());
  return new Response(reportCsv(report, publicBaseUrl()), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="porocilo-o-upostevanju-pripomb.csv"',
      'Cache-Control': 'no-store',
    },
  });
};
