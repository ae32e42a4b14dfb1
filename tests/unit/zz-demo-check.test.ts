import { it, expect } from 'vitest';
import { seededDatabase } from '/work/wt-d/tests/unit/helpers.ts';
import { listGroups } from '/work/wt-d/src/lib/server/moderation/duplicates/read.ts';
it('demo', async () => {
  const { db } = await seededDatabase();
  const c = await db.selectFrom('consultations').select('id').where('slug', '=', 'ds2030').executeTakeFirstOrThrow();
  const g = await listGroups(db, c.id);
  console.log(JSON.stringify(g.rows.map((r) => [r.size, r.organisations, r.block_number, r.excerpt.slice(0, 40)])));
  const s = await db.selectFrom('consultations').select('id').where('slug', '=', 'sdjs2030').executeTakeFirstOrThrow();
  console.log(JSON.stringify((await listGroups(db, s.id)).rows.map((r) => [r.size, r.organisations])));
  expect(g.rows.length).toBeGreaterThan(0);
});
