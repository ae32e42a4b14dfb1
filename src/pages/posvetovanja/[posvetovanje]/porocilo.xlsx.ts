import type { APIRoute } from 'astro';
import { publicBaseUrl } from '../../../lib/server/web/auth-context';
import { getDb } from '../../../lib/server/platform/db';
import { reportXlsx } from '../../../lib/server/report/report';
import { currentReport } from '../../../lib/server/report/report-source';
import { reportFileName } from '../../../lib/server/report/report-page';
import { consultationOf } from '../../../lib/server/web/consultation-context';

export const GET: APIRoute = async ({ locals, params, rewrite }) => {
  const consultation = await consultationOf(params);
  const found = consultation && (await currentReport(getDb(), consultation));
  if (!found) return rewrite('/404');
  const { report } = found;
  const body = await reportXlsx(report, publicBaseUrl(), locals.t);
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="${reportFileName(found.consultation, 'xlsx')}"`,
      'Cache-Control': 'no-store',
    },
  });
};
