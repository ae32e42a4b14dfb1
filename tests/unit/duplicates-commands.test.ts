import { describe, expect, it } from 'vitest';
import { chooseRepresentative, confirmGroup, draftGroupStance, groupStanceToken, splitGroup } from '../../src/lib/server/moderation/duplicates/commands.ts';
import { indexComment, regroupAll } from '../../src/lib/server/moderation/duplicates/grouping.ts';
import { groupDetail } from '../../src/lib/server/moderation/duplicates/read.ts';
import { draftStance } from '../../src/lib/server/moderation/stances.ts';
import type { Db } from '../../src/lib/server/platform/db.ts';
import { CAMPAIGN, duplicatesSetup, groupsOf, variant } from './duplicates-helpers.ts';

/* What moderators do with a group: confirm, split, choose the representative, one stance for all. */

const IP = '192.0.2.15';

async function grouped(count = 4) {
  const setup = await duplicatesSetup();
  const ids: number[] = [];
  for (let i = 0; i < count; i++) ids.push(await setup.comment(i === 0 ? CAMPAIGN : variant(i)));
  for (const id of ids) await indexComment(setup.db, id);
  const group = await setup.db.selectFrom('duplicate_groups').select('id').executeTakeFirstOrThrow();
  return { ...setup, ids, groupId: group.id };
}

const audits = (db: Db, action: string) => db.selectFrom('audit_log').select(['target_type', 'target_id', 'actor_user_id', 'after_json']).where('action', '=', action).orderBy('id').execute();

describe('near-duplicate group commands', () => {
  it('confirms a group, audited; a full regrouping keeps it as it is', async () => {
    const { db, consultation, moderator, groupId, ids, comment } = await grouped(3);
    expect(await confirmGroup(db, moderator, groupId, IP)).toEqual({ ok: true, value: undefined });
    expect(await db.selectFrom('duplicate_groups').select(['state', 'confirmed_by']).where('id', '=', groupId).executeTakeFirstOrThrow()).toEqual({ state: 'confirmed', confirmed_by: moderator.id });
    expect(await audits(db, 'duplicate_group.confirmed')).toEqual([expect.objectContaining({ target_type: 'duplicate_group', target_id: String(groupId), actor_user_id: moderator.id })]);
    const later = await comment(variant(5));
    await regroupAll(db, consultation);
    expect(await groupsOf(db, consultation)).toEqual([[...ids, later]]);
    expect((await db.selectFrom('duplicate_groups').select(['id', 'state']).executeTakeFirstOrThrow())).toEqual({ id: groupId, state: 'confirmed' });
  });

  it('splits members off; the algorithm never adds them again, and a group of one ends', async () => {
    const { db, consultation, moderator, groupId, ids } = await grouped(3);
    expect(await splitGroup(db, moderator, groupId, [ids[2]!], IP)).toEqual({ ok: true, value: { remains: true, count: 1 } });
    expect(await groupsOf(db, consultation)).toEqual([[ids[0], ids[1]]]);
    expect(await audits(db, 'duplicate_group.split')).toEqual([expect.objectContaining({ target_id: String(groupId), after_json: JSON.stringify({ comments: [ids[2]] }) })]);
    await regroupAll(db, consultation);
    expect(await groupsOf(db, consultation)).toEqual([[ids[0], ids[1]]]);
    // Splitting the representative off leaves one comment: the group ends.
    expect(await splitGroup(db, moderator, groupId, [ids[0]!], IP)).toEqual({ ok: true, value: { remains: false, count: 1 } });
    expect(await groupsOf(db, consultation)).toEqual([]);
    await regroupAll(db, consultation);
    expect(await groupsOf(db, consultation)).toEqual([]);
  });

  it('makes another member the representative, with similarities measured against it', async () => {
    const { db, moderator, groupId, ids, consultation } = await grouped(3);
    expect(await chooseRepresentative(db, moderator, groupId, ids[1]!, IP)).toEqual({ ok: true, value: undefined });
    const detail = (await groupDetail(db, groupId))!;
    expect(detail.representative.id).toBe(ids[1]);
    expect(detail.members[0]).toMatchObject({ id: ids[1], similarity: 1 });
    expect(await audits(db, 'duplicate_group.representative_changed')).toHaveLength(1);
    // A comment outside the group cannot represent it.
    const refused = await chooseRepresentative(db, moderator, groupId, 999_999, IP);
    expect(refused.ok).toBe(false);
    // A regrouping keeps the moderator's choice.
    await regroupAll(db, consultation);
    expect((await db.selectFrom('duplicate_groups').select('representative_comment_id').executeTakeFirstOrThrow()).representative_comment_id).toBe(ids[1]);
  });

  it('one stance for the group: each member its own predlog stališča and audit entry', async () => {
    const { db, moderator, groupId, ids } = await grouped(4);
    const token = await groupStanceToken(db, groupId);
    const result = await draftGroupStance(db, moderator, groupId, { status: 'noted', response: 'Predlog bomo preučili v programu izvajanja.', token }, IP);
    expect(result).toEqual({ ok: true, value: 4 });
    const stances = await db.selectFrom('stances').select(['comment_id', 'status', 'state', 'response', 'drafted_by']).where('comment_id', 'in', ids).orderBy('comment_id').execute();
    expect(stances).toEqual(ids.map((id) => ({ comment_id: id, status: 'noted', state: 'drafted', response: 'Predlog bomo preučili v programu izvajanja.', drafted_by: moderator.id })));
    expect((await audits(db, 'stance.drafted')).map((a) => Number(a.target_id)).filter((id) => ids.includes(id)).sort()).toEqual([...ids].sort());
  });

  it('a stale form refuses the whole group stance: nothing is written', async () => {
    const { db, moderator, colleague, groupId, ids } = await grouped(3);
    const token = await groupStanceToken(db, groupId);
    // Another moderator drafts a stance on one member meanwhile.
    expect((await draftStance(db, colleague, ids[1]!, { status: 'rejected', response: 'Ne.' }, IP)).ok).toBe(true);
    const result = await draftGroupStance(db, moderator, groupId, { status: 'accepted', response: '', token }, IP);
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const stances = await db.selectFrom('stances').select(['comment_id', 'status']).where('comment_id', 'in', ids).execute();
    expect(stances).toEqual([{ comment_id: ids[1], status: 'rejected' }]);
  });

  it('refuses a moderator of another consultation and a member organisation', async () => {
    const { db, outsider, actor, groupId, ids } = await grouped(2);
    const token = await groupStanceToken(db, groupId);
    expect(await confirmGroup(db, outsider, groupId, IP)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await splitGroup(db, outsider, groupId, [ids[1]!], IP)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await chooseRepresentative(db, outsider, groupId, ids[1]!, IP)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await draftGroupStance(db, outsider, groupId, { status: 'accepted', response: '', token }, IP)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await confirmGroup(db, await actor('bled@posvet.test'), groupId, IP)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await db.selectFrom('duplicate_groups').select('state').executeTakeFirstOrThrow()).toEqual({ state: 'suggested' });
    expect(await db.selectFrom('stances').selectAll().where('comment_id', 'in', ids).execute()).toEqual([]);
  });

  it('links a group that repeats its organisations\' association\'s joint position', async () => {
    const { db, consultation, comment, municipalities } = await duplicatesSetup();
    const association = (await db.selectFrom('organisations').select('id').where('code', '=', 'SOS').executeTakeFirstOrThrow()).id;
    const [m1, m2] = (await db.selectFrom('association_memberships').select('member_id').where('association_id', '=', association).limit(2).execute()).map((r) => r.member_id);
    const joint = await comment(CAMPAIGN, { organisation: association });
    await db.insertInto('joint_position_members').values({ comment_id: joint, organisation_id: municipalities.find((m) => m !== m1 && m !== m2)! }).execute();
    const a = await comment(variant(1), { organisation: m1 });
    const b = await comment(variant(2), { organisation: m2 });
    for (const id of [joint, a, b]) await indexComment(db, id);
    expect(await groupsOf(db, consultation)).toEqual([[joint, a, b]]);
    const group = await db.selectFrom('duplicate_groups').select(['id', 'joint_comment_id']).executeTakeFirstOrThrow();
    expect(group.joint_comment_id).toBe(joint);
    await regroupAll(db, consultation);
    expect((await groupDetail(db, group.id))!.joint).toMatchObject({ id: joint });
  });
});
