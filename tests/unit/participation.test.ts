import { describe, expect, it } from 'vitest';
import { commentRow } from '../../src/lib/server/comments/row.ts';
import type { Db } from '../../src/lib/server/platform/db.ts';
import { participationView, timeline } from '../../src/lib/server/participation/participation.ts';
import { createConsultation, organisationId, seededDatabase } from './helpers.ts';

/** A consultation of the test's own (the demo's comments are in others), and a way to add comments to it. */
async function setup() {
  const { db } = await seededDatabase();
  const consultation = await createConsultation(db, 'udelezba');
  const other = await createConsultation(db, 'drugo');
  let minute = 0;
  const comment = async (code: string, options: { state?: 'draft' | 'submitted'; consultation?: number; day?: number } = {}) => {
    minute++;
    const row = commentRow({
      organisationId: await organisationId(db, code),
      authorUserId: null,
      anchor: { scope: 'draft', consultationId: options.consultation ?? consultation, versionId: 'osnutek-1' },
      kind: 'comment',
      body: `Pripomba ${minute}.`,
      state: options.state ?? 'submitted',
      at: new Date(Date.UTC(2026, 9, 5 + (options.day ?? 0), 9, minute)),
    });
    return (await db.insertInto('comments').values(row).returning('id').executeTakeFirstOrThrow()).id;
  };
  const named = async (joint: number, code: string, status: 'pending' | 'confirmed' | 'declined') =>
    db.insertInto('joint_position_members').values({ comment_id: joint, organisation_id: await organisationId(db, code), status }).execute();
  return { db, consultation, other, comment, named };
}

const of = (view: Awaited<ReturnType<typeof participationView>>, name: string) => view.municipalities.find((m) => m.name === name)!;

async function hide(db: Db, id: number) {
  await db.updateTable('comments').set({ hidden: 1, hidden_reason: 'Žaljivo.' }).where('id', '=', id).execute();
}

describe('who took part', () => {
  it('a submitted comment, a withdrawn one and a confirmed joint position count; a draft, a hidden comment, a declined or unanswered joint position do not', async () => {
    const { db, consultation, comment, named } = await setup();
    await comment('3'); // Bled
    await comment('3');
    await comment('4', { state: 'draft' }); // Bohinj
    const withdrawn = await comment('1'); // Ajdovščina
    await db.updateTable('comments').set({ state: 'withdrawn', withdrawn_at: new Date().toISOString() }).where('id', '=', withdrawn).execute();
    await hide(db, await comment('6')); // Bovec
    const joint = await comment('ZMOS');
    await named(joint, '52', 'confirmed'); // Kranj
    await named(joint, '61', 'declined'); // Ljubljana
    await named(joint, '70', 'pending'); // Maribor

    const view = await participationView(db, consultation);
    expect(view.total).toBe(212);
    expect(of(view, 'Bled')).toMatchObject({ tookPart: true, comments: 2, confirmedJoint: 0 });
    expect(of(view, 'Ajdovščina')).toMatchObject({ tookPart: true, comments: 1 });
    expect(of(view, 'Kranj')).toMatchObject({ tookPart: true, comments: 0, confirmedJoint: 1 });
    for (const name of ['Bohinj', 'Bovec', 'Ljubljana', 'Maribor']) expect(of(view, name).tookPart, name).toBe(false);
    expect(view.tookPart).toBe(3);
    expect(view.municipalComments).toBe(3);
  });

  it('a joint position that is hidden confirms nobody', async () => {
    const { db, consultation, comment, named } = await setup();
    const joint = await comment('SOS');
    await named(joint, '52', 'confirmed');
    await hide(db, joint);
    expect(of(await participationView(db, consultation), 'Kranj').tookPart).toBe(false);
  });

  it('counts one consultation, or all together when none is chosen', async () => {
    const { db, consultation, other, comment } = await setup();
    await comment('3');
    await comment('4', { consultation: other });
    const one = await participationView(db, consultation);
    expect([of(one, 'Bled').tookPart, of(one, 'Bohinj').tookPart]).toEqual([true, false]);
    const theOther = await participationView(db, other);
    expect([of(theOther, 'Bled').tookPart, of(theOther, 'Bohinj').tookPart]).toEqual([false, true]);
    const all = await participationView(db);
    expect([of(all, 'Bled').tookPart, of(all, 'Bohinj').tookPart]).toEqual([true, true]);
  });
});

describe('the breakdowns', () => {
  it('by region and size class: every municipality in one of the 12 regions and one of the 6 classes, participants where they belong', async () => {
    const { db, consultation, comment } = await setup();
    await comment('61'); // Ljubljana: Osrednjeslovenska, 50.000 and more
    await comment('161'); // Hodoš: Pomurska, under 2.000
    await comment('163'); // Jezersko: Gorenjska, under 2.000
    const view = await participationView(db, consultation);
    expect(view.byRegion).toHaveLength(12);
    expect(view.byRegion.reduce((s, r) => s + r.total, 0)).toBe(212);
    expect(view.bySize.map((s) => s.key)).toEqual([0, 2_000, 5_000, 10_000, 20_000, 50_000]);
    expect(view.bySize.reduce((s, r) => s + r.total, 0)).toBe(212);
    const region = (key: string) => view.byRegion.find((r) => r.key === key)!;
    expect(region('Osrednjeslovenska')).toEqual({ key: 'Osrednjeslovenska', total: 25, tookPart: 1 });
    expect(region('Pomurska')).toEqual({ key: 'Pomurska', total: 27, tookPart: 1 });
    expect(region('Gorenjska').tookPart).toBe(1);
    expect(region('Podravska').tookPart).toBe(0);
    expect(view.bySize.find((s) => s.key === 0)!.tookPart).toBe(2);
    expect(view.bySize.find((s) => s.key === 50_000)).toMatchObject({ total: 4, tookPart: 1 }) // Ljubljana, Maribor, Kranj, Koper;
  });

  it('by association: ZMOS has the urban municipalities; SOS counts the members an administrator recorded', async () => {
    const { db, consultation, comment } = await setup();
    await comment('61');
    await comment('3');
    await db.insertInto('association_memberships').values({ association_id: await organisationId(db, 'SOS'), member_id: await organisationId(db, '3') }).execute();
    const view = await participationView(db, consultation);
    expect(view.byAssociation.map((a) => a.key)).toEqual(['ZMOS', 'SOS', 'ZOS']);
    expect(view.byAssociation[0]).toEqual({ key: 'ZMOS', total: 12, tookPart: 1 });
    expect(view.byAssociation[1]).toMatchObject({ key: 'SOS', tookPart: 1 });
  });
});

describe('submissions over time', () => {
  it('per Ljubljana day from the first to the last, days without any included', async () => {
    const { db, consultation, comment } = await setup();
    await comment('3', { day: 0 });
    await comment('4', { day: 0 });
    await comment('5', { day: 2 });
    await comment('6', { state: 'draft', day: 3 });
    expect((await participationView(db, consultation)).timeline).toEqual({
      unit: 'day',
      points: [
        { start: '2026-10-05', count: 2 },
        { start: '2026-10-06', count: 0 },
        { start: '2026-10-07', count: 1 },
      ],
    });
  });

  it('a comment submitted just before midnight UTC counts on the next Ljubljana day', () => {
    expect(timeline([{ hour: '2026-10-05T22', count: 1 }]).points).toEqual([{ start: '2026-10-06', count: 1 }]);
  });

  it('per week from Monday when the submissions span more than six weeks', () => {
    const result = timeline([
      { hour: '2026-09-02T08', count: 2 }, // a Wednesday
      { hour: '2026-09-06T08', count: 1 }, // the Sunday of the same week
      { hour: '2026-10-20T08', count: 4 },
    ]);
    expect(result.unit).toBe('week');
    expect(result.points[0]).toEqual({ start: '2026-08-31', count: 3 });
    expect(result.points.at(-1)).toEqual({ start: '2026-10-19', count: 4 });
    expect(result.points).toHaveLength(8);
    expect(result.points.every((p) => new Date(`${p.start}T00:00:00Z`).getUTCDay() === 1)).toBe(true);
  });
});
