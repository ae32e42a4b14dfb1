import { describe, expect, it } from 'vitest';
import { governmentOrganisation, jointPage, listParticipants, organisationProfile, supportedPage } from '../../src/lib/server/organisations/participants.ts';
import type { Db } from '../../src/lib/server/platform/db.ts';
import { organisationId } from './helpers.ts';
import { addComment, bareDatabase } from './public-helpers.ts';

/*
 * Who took part, publicly: the directory of /organizacije and an organisation's page — a public
 * comment, a co-signature of one or a confirmed joint position count; nothing unpublished does.
 */

async function support(db: Db, commentId: number, code: string) {
  await db.insertInto('comment_supports').values({ comment_id: commentId, organisation_id: await organisationId(db, code) }).execute();
}

async function name(db: Db, commentId: number, code: string, status: 'pending' | 'confirmed' | 'declined') {
  await db.insertInto('joint_position_members').values({ comment_id: commentId, organisation_id: await organisationId(db, code), status }).execute();
}

describe('the participating organisations', () => {
  it('lists those with a public comment, a co-signature or a confirmed joint position, in Slovenian order', async () => {
    const db = await bareDatabase();
    const ljubljana = await addComment(db, '61');
    await support(db, ljubljana, '17'); // Črnomelj co-signs
    const joint = await addComment(db, 'ZMOS');
    await name(db, joint, '11', 'confirmed'); // Celje confirms
    await name(db, joint, '25', 'pending'); // Dravograd has not answered: not a participant
    const hidden = await addComment(db, '1', { hidden: 1 }); // Ajdovščina: only a hidden comment
    await support(db, hidden, '50');
    await addComment(db, '2', { state: 'draft', submitted_at: null });

    const all = await listParticipants(db);
    expect(all.map((p) => p.shortName)).toEqual(['Celje', 'Črnomelj', 'Ljubljana', 'ZMOS']);
    expect(all.find((p) => p.shortName === 'Celje')).toMatchObject({ comments: 0, supports: 0, joint: 1 });
    expect(all.find((p) => p.shortName === 'Črnomelj')).toMatchObject({ comments: 0, supports: 1, joint: 0 });
    expect((await listParticipants(db, { kind: 'association' })).map((p) => p.shortName)).toEqual(['ZMOS']);
    // Per consultation: none of these in the other one.
    const other = (await db.selectFrom('consultations').select('id').where('slug', '=', 'sdjs2030').executeTakeFirstOrThrow()).id;
    expect(await listParticipants(db, { consultationId: other })).toEqual([]);
  });

  it("an organisation's page: its associations or members, co-signed comments and joint positions", async () => {
    const db = await bareDatabase();
    const own = await addComment(db, '61');
    const other = await addComment(db, '17');
    await support(db, other, '61');
    const joint = await addComment(db, 'ZMOS');
    await name(db, joint, '61', 'confirmed');
    await name(db, joint, '11', 'declined');

    const ljubljana = await organisationProfile(db, 'ljubljana');
    expect(ljubljana?.organisation).toMatchObject({ name: 'Mestna občina Ljubljana', comments: 1, supports: 1, joint: 1 });
    expect(ljubljana?.memberOf.map((a) => a.slug)).toEqual(['zmos']);
    expect(ljubljana?.members).toEqual([]);
    const id = await organisationId(db, '61');
    expect(await supportedPage(db, id, { limit: 25, offset: 0 })).toEqual({ ids: [other], total: 1 });
    expect(await jointPage(db, id, { limit: 25, offset: 0 })).toEqual({ ids: [joint], total: 1 });
    expect(own).toBeGreaterThan(0);

    const zmos = await organisationProfile(db, 'zmos');
    expect(zmos?.members.length).toBeGreaterThan(5);
    expect(zmos?.members.find((m) => m.slug === 'ljubljana')?.tookPart).toBe(true);
    expect(zmos?.members.find((m) => m.slug === 'celje')?.tookPart).toBe(false);
    // The association's own joint positions are on its page too.
    expect(await jointPage(db, await organisationId(db, 'ZMOS'), { limit: 25, offset: 0 })).toEqual({ ids: [joint], total: 1 });
  });

  it('an unknown slug is nobody; the ministry is not a participant but has a page of its own', async () => {
    const db = await bareDatabase();
    expect(await organisationProfile(db, 'nobena')).toBeUndefined();
    expect(await organisationProfile(db, 'mdp')).toBeUndefined();
    const ministry = await governmentOrganisation(db, 'mdp');
    expect(ministry?.consultations.map((c) => c.slug).sort()).toEqual(['ds2030', 'sdjs2030']);
    expect(await governmentOrganisation(db, 'ljubljana')).toBeUndefined();
  });
});
