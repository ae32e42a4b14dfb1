import type { APIRoute } from 'astro';
import { clientIp, requirePermission } from '../../lib/server/web/auth-context';
import { getDb } from '../../lib/server/platform/db';
import { personalDataStream, recordPersonalDataExport } from '../../lib/server/accounts/personal-data/export';

/** The signed-in person's own data as a JSON download, streamed section by section. */
export const GET: APIRoute = async (context) => {
  const guard = requirePermission(context, 'account');
  if (guard.response) return guard.response;
  await recordPersonalDataExport(getDb(), guard.user.id, clientIp(context));
  return new Response(personalDataStream(getDb(), guard.user.id, context.locals.t), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': 'attachment; filename="posvet-moji-podatki.json"',
      'Cache-Control': 'private, no-store',
    },
  });
};
