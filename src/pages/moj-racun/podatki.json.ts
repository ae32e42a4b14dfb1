import type { APIRoute } from 'astro';
import { requirePermission } from '../../lib/server/auth-context';
import { getDb } from '../../lib/server/db';
import { exportPersonalData } from '../../lib/server/users';

/** The signed-in person's own data as a JSON download. */
export const GET: APIRoute = async (context) => {
  const guard = requirePermission(context, 'account');
  if (guard.response) return guard.response;
  const data = await exportPersonalData(getDb(), guard.user.id);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': 'attachment; filename="posvet-moji-podatki.json"',
      'Cache-Control': 'private, no-store',
    },
  });
};
