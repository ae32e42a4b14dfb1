import type { APIRoute } from 'astro';
import { auditCsvStream } from '../../lib/server/platform/audit';
import { getDb } from '../../lib/server/platform/db';
import { requirePermission } from '../../lib/server/web/auth-context';
import { auditCsvFilter } from '../../lib/server/web/audit/log-page';

/** The audit log as CSV (administrators only, as the page), with the page's filters; streamed a page of rows at a time. */
export const GET: APIRoute = async (context) => {
  const guard = requirePermission(context, 'administer');
  if (guard.response) return guard.response;
  const { t } = context.locals;
  const filter = await auditCsvFilter(context.url, t);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(auditCsvStream(getDb(), filter, t), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${t.auditLog.csv.fileName(day)}"`,
      'Cache-Control': 'private, no-store',
    },
  });
};
