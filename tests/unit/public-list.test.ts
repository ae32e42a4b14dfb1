import { describe, expect, it } from 'vitest';
import { parsePublicListQuery, publicListPage, type PublicListQuery } from '../../src/lib/server/comments/public-list.ts';
import type { Db } from '../../src/lib/server/platform/db.ts';
import { consultationId, organisationId } from './helpers.ts';
import { addComment, approveStance, bareDatabase, publishStance } from './public-helpers.ts';

/*
 * /pripombe: every published comment — and nothing else — found by the filters a reader chooses,
 * sorted and paged on the server; a filter it cannot make sense of is dropped, never an error.
 */

const list = (db: Db, search: string) => publicListPage(db, parsePublicListQuery(new URLSearchParams(search)));
const ids = async (db: Db, search: string) => (await list(db, search)).comments.map((c) => c.id);

describe('the public list of comments', () => {
  it('lists only published comments: never a draft, a withdrawn or a hidden one; a stance only once published', async () => {
    const db = await bareDatabase();
    const shown = await addComment(db, '61');
    await addComment(db, '61', { state: 'draft', submitted_at: null });
    await addComment(db, '61', { state: 'withdrawn', withdrawn_at: new Date().toISOString() });
    await addComment(db, '61', { hidden: 1, hidden_reason: 'spam' });
    const approved = await addComment(db, '11');
    await approveStance(db, approved);
    const published = await addComment(db, '17');
    await publishStance(db, published, 'accepted');

    const page = await list(db, '');
    expect(page.comments.map((c) => c.id)).toEqual([published, approved, shown]);
    expect(page.total).toBe(3);
    // The approved stance is nobody's business yet: "no stance yet", never "accepted".
    expect(await ids(db, 'stalisce=accepted')).toEqual([published]);
    expect(await ids(db, 'stalisce=none')).toEqual([approved, shown]);
    expect(page.comments.find((c) => c.id === approved)?.response).toBeNull();
  });

  it('filters by organisation, its kind and its association (the members and the association itself)', async () => {
    const db = await bareDatabase();
    const ljubljana = await addComment(db, '61'); // urban: a member of ZMOS
    const crnomelj = await addComment(db, '17'); // not a member of ZMOS
    const zmos = await addComment(db, 'ZMOS');
    const sos = await addComment(db, 'SOS');
    expect(await ids(db, 'tip=municipality')).toEqual([crnomelj, ljubljana]);
    expect(await ids(db, 'tip=association')).toEqual([sos, zmos]);
    expect(await ids(db, 'zveza=zmos')).toEqual([zmos, ljubljana]);
    expect(await ids(db, 'organizacija=crnomelj')).toEqual([crnomelj]);
    // An organisation kind and a published stance together, as the reader in the e2e journey.
    await publishStance(db, ljubljana, 'rejected');
    expect(await ids(db, 'tip=municipality&stalisce=rejected')).toEqual([ljubljana]);
  });

  it('filters by the comment itself: kind, late, place within a consultation, and accepts the attachment filter', async () => {
    const db = await bareDatabase();
    const question = await addComment(db, '61', { kind: 'question' });
    const late = await addComment(db, '61', { late: 1 });
    const elsewhere = await addComment(db, '61', { chapter_slug: 'uvod', chapter_number: 1, block_number: '1.3', block_key: 'k-1-3' });
    const other = await addComment(db, '61', { consultation_id: await consultationId(db, 'sdjs2030'), chapter_slug: 'uvod', block_number: '1.3' });
    expect(await ids(db, 'vrsta=question')).toEqual([question]);
    expect(await ids(db, 'zamuda=1')).toEqual([late]);
    expect(await ids(db, 'posvetovanje=ds2030&poglavje=uvod&odstavek=1.3')).toEqual([elsewhere]);
    expect(await ids(db, 'posvetovanje=sdjs2030')).toEqual([other]);
    // A chapter or a paragraph without a consultation means nothing: dropped.
    const unplaced = await list(db, 'poglavje=uvod&odstavek=1.3');
    expect(unplaced.query.poglavje).toBeUndefined();
    expect(unplaced.total).toBe(4);
    // Attachments are another helper's: the filter is accepted, kept in the links, and answers.
    const attached = await list(db, 'priloga=1');
    expect(attached.query.priloga).toBe('1');
    expect(attached.total).toBeLessThanOrEqual(4);
  });

  it('drops absurd parameters instead of failing', async () => {
    const db = await bareDatabase();
    await addComment(db, '61');
    const query = parsePublicListQuery(new URLSearchParams('posvetovanje=../../etc&tip=king&vrsta=<b>&stalisce=maybe&zamuda=yes&odstavek=x&razvrsti=random&stran=-3&stran=2'));
    expect(query).toEqual({} satisfies PublicListQuery);
    const unknown = await list(db, 'posvetovanje=nobena&organizacija=nobena&zveza=ljubljana&stran=99999');
    expect(unknown.query).toEqual({});
    expect(unknown.total).toBe(1);
    expect(unknown.page).toBe(1);
  });

  it('pages 25 at a time, newest first, and sorts by age, paragraph and organisation (Slovenian order)', async () => {
    const db = await bareDatabase();
    const written: number[] = [];
    for (let i = 0; i < 27; i++) written.push(await addComment(db, '61', { block_number: `6.${(i % 9) + 1}` }));
    const first = await list(db, '');
    expect(first).toMatchObject({ total: 27, page: 1, pageCount: 2 });
    expect(first.comments.map((c) => c.id)).toEqual(written.toReversed().slice(0, 25));
    const second = await list(db, 'stran=2');
    expect(second.comments.map((c) => c.id)).toEqual(written.slice(0, 2).toReversed());
    expect(second.query.stran).toBe(2);
    expect((await list(db, 'razvrsti=najstarejse')).comments[0].id).toBe(written[0]);
    const byParagraph = (await list(db, 'razvrsti=odstavek')).comments.map((c) => c.blockNumber);
    expect(byParagraph.slice(0, 4)).toEqual(['6.1', '6.1', '6.1', '6.2']);

    const db2 = await bareDatabase();
    const dravograd = await addComment(db2, '25');
    const crnomelj = await addComment(db2, '17');
    const celje = await addComment(db2, '11');
    expect(await ids(db2, 'razvrsti=organizacija')).toEqual([celje, crnomelj, dravograd]);
    expect(await organisationId(db2, '17')).toBeGreaterThan(0);
  });

  it('pages in organisation order across organisations, each newest first', async () => {
    const db = await bareDatabase();
    const of = async (code: string, n: number) => {
      const written: number[] = [];
      for (let i = 0; i < n; i++) written.push(await addComment(db, code));
      return written.toReversed();
    };
    const dravograd = await of('25', 3);
    const celje = await of('11', 20);
    const crnomelj = await of('17', 10);
    await addComment(db, '11', { hidden: 1 });
    const first = await list(db, 'razvrsti=organizacija');
    expect(first).toMatchObject({ total: 33, pageCount: 2 });
    expect(first.comments.map((c) => c.id)).toEqual([...celje, ...crnomelj.slice(0, 5)]);
    expect(await ids(db, 'razvrsti=organizacija&stran=2')).toEqual([...crnomelj.slice(5), ...dravograd]);
    expect(await ids(db, 'razvrsti=organizacija&tip=municipality&stran=9')).toEqual([...crnomelj.slice(5), ...dravograd]);
  });
});
