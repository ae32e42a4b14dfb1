import { describe, expect, it } from 'vitest';
import { dictionary } from '../../src/i18n/index.ts';
import type { CommentActor, CommentAnchor } from '../../src/lib/server/comments/input.ts';
import { mayReadReceipt, receiptFacts, receiptPlace } from '../../src/lib/server/comments/receipt.ts';
import { saveComment } from '../../src/lib/server/comments/save.ts';
import { receivedInput, recordReceivedComment } from '../../src/lib/server/moderation/received.ts';
import type { Db } from '../../src/lib/server/platform/db.ts';
import { prepareDatabase } from '../../src/lib/server/platform/setup.ts';
import { actorFor, consultationId, organisationId, tempDatabase } from './helpers.ts';

/** The potrdilo o prejemu (issue 13): mailed on submission to every active member, with the facts and the full text. */

const sl = dictionary();
const BASE = 'https://posvet.test';
const during = new Date('2026-12-01T10:15:00Z'); // 11.15 in Ljubljana

async function setup() {
  const { db } = tempDatabase();
  await prepareDatabase(db, { demo: true });
  await db.deleteFrom('comments').execute();
  await db.deleteFrom('mail_outbox').execute();
  const ds = await consultationId(db, 'ds2030');
  // The first draft of DS 2030 as it is in content/: chapter 2 is "Gigabitna infrastruktura".
  const anchor: CommentAnchor = {
    window: {
      consultationId: ds,
      consultationStatus: 'open',
      versionId: 'osnutek-1',
      opensAt: new Date('2026-11-01T08:00:00Z'),
      closesAt: new Date('2027-01-31T23:00:00Z'),
      lastDay: new Date('2027-01-31T22:59:00Z'),
    },
    scope: 'block',
    chapter: { slug: 'gigabitna-infrastruktura', number: 2 },
    block: { key: 'cilji-2030', number: '2.3', fingerprint: 'abc', text: 'Vsa gospodinjstva imajo dostop do gigabitnega omrežja.' },
  };
  const actor = (email: string): Promise<CommentActor> => actorFor(db, email);
  const bled = await actor('bled@posvet.test');
  // Two more people at Bled: one active, one whose account is disabled.
  await db
    .insertInto('users')
    .values([
      { email: 'tajnistvo@bled.test', name: 'Tajništvo Bled', organisation_id: bled.organisationId, role: 'member', status: 'active', password_hash: 'x', disabled_by_role: null },
      { email: 'nekdanji@bled.test', name: 'Nekdanji sodelavec', organisation_id: bled.organisationId, role: 'member', status: 'disabled', password_hash: 'x', disabled_by_role: 'org_admin' },
    ])
    .execute();
  return { db, anchor, actor, bled, ds };
}

const outbox = (db: Db) => db.selectFrom('mail_outbox').select(['to_address', 'subject', 'body_text']).orderBy('id').execute();

describe('the receipt mailed on submission', () => {
  it('goes to every active member of the organisation (not a disabled one) with number, time, paragraph and the full text', async () => {
    const { db, anchor, bled } = await setup();
    const saved = await saveComment(
      db,
      bled,
      anchor,
      { kind: 'amendment', body: 'Rok 2030 je preblizu.\n\nPredlagamo 2032.', proposedText: 'Vsa gospodinjstva imajo dostop do gigabitnega omrežja do leta 2032.', rationale: 'Gradnja na podeželju traja dlje.' },
      'submit',
      { now: during, baseUrl: BASE },
    );
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
    const id = saved.value.id;
    const mails = await outbox(db);
    const members = (await db.selectFrom('users').select('email').where('organisation_id', '=', bled.organisationId).where('status', '=', 'active').execute()).map((u) => u.email);
    expect(members).toContain('tajnistvo@bled.test');
    expect(mails.map((m) => m.to_address).sort()).toEqual([...members].sort());
    expect(mails.map((m) => m.to_address)).not.toContain('nekdanji@bled.test');
    for (const mail of mails) {
      expect(mail.subject).toBe(`Potrdilo o prejemu pripombe št. ${id} – Posvet`);
      const body = mail.body_text;
      expect(body).toMatch(/^Spoštovani,\n/);
      expect(body).toContain(`Številka pripombe: ${id}`);
      expect(body).toContain('Prejeta: 1.\u00A012.\u00A02026 ob 11.15');
      expect(body).toContain('Javno posvetovanje: Digitalna Slovenija 2030');
      expect(body).toContain('Nanaša se na: odstavek 2.3 poglavja 2 „Gigabitna infrastruktura“');
      expect(body).toContain('Vrsta: Predlog spremembe besedila');
      expect(body).toContain('Besedilo pripombe:\nRok 2030 je preblizu.\n\nPredlagamo 2032.');
      expect(body).toContain('Predlagano besedilo odstavka:\nVsa gospodinjstva imajo dostop do gigabitnega omrežja do leta 2032.');
      expect(body).toContain('Obrazložitev predlagatelja:\nGradnja na podeželju traja dlje.');
      expect(body).toContain(`Pripomba in potrdilo za tisk: ${BASE}/pripombe/${id}`);
      expect(body).toMatch(/Ministrstvo za digitalno preobrazbo\nMasarykova cesta 16, 1000 Ljubljana$/);
      expect(body, 'asks for no reply').not.toMatch(/odgovorite/i);
    }
  });

  it('a draft gets none; submitting it later does, once; a repeated form sends no second one', async () => {
    const { db, anchor, bled } = await setup();
    const draft = await saveComment(db, bled, anchor, { kind: 'comment', body: 'Najprej osnutek.', idempotencyKey: 'kljuc-1' }, 'draft', { now: during, baseUrl: BASE });
    if (!draft.ok) throw new Error('no draft');
    expect(await outbox(db)).toEqual([]);
    expect((await saveComment(db, bled, anchor, { kind: 'comment', body: 'Najprej osnutek.' }, 'submit', { commentId: draft.value.id, now: during, baseUrl: BASE })).ok).toBe(true);
    const count = (await outbox(db)).length;
    expect(count).toBeGreaterThan(0);
    // The same form sent again answers with the comment already submitted: no second receipt.
    expect(await saveComment(db, bled, anchor, { kind: 'comment', body: 'Najprej osnutek.', idempotencyKey: 'kljuc-1' }, 'submit', { now: during, baseUrl: BASE })).toMatchObject({
      ok: true,
      value: { duplicate: true },
    });
    expect(await outbox(db)).toHaveLength(count);
  });

  it('a joint position names its municipalities; a comment on a chapter or the draft says so', async () => {
    const { db, anchor, actor } = await setup();
    const zmos = await actor('zmos@posvet.test');
    const ljubljana = await organisationId(db, '61');
    const maribor = await organisationId(db, '70');
    const joint = await saveComment(db, zmos, { ...anchor, scope: 'chapter', block: undefined }, { kind: 'comment', body: 'Skupno stališče.', onBehalfOf: [maribor, ljubljana] }, 'submit', { now: during, baseUrl: BASE });
    if (!joint.ok) throw new Error(JSON.stringify(joint.error));
    const [mail] = await outbox(db);
    expect(mail.body_text).toContain('Nanaša se na: poglavje 2 „Gigabitna infrastruktura“ kot celota');
    expect(mail.body_text).toContain('V imenu občin: Mestna občina Ljubljana, Mestna občina Maribor');
    const facts = await receiptFacts(db, joint.value.id);
    expect(facts && receiptPlace({ ...facts, blockNumber: null, chapterNumber: null }, sl)).toBe('osnutek kot celota');
  });
});

describe('the receipt for a letter the ministry records', () => {
  it('says it was received by post on that day', async () => {
    const { db, anchor, actor, bled } = await setup();
    const moderator = await actor('moderator@posvet.test');
    const parsed = receivedInput(sl).safeParse({ organisationId: String(bled.organisationId), receivedVia: 'post', receivedOn: '28. 11. 2026', kind: 'comment', body: 'Poslano po pošti.' });
    if (!parsed.success) throw new Error(parsed.error.message);
    const recorded = await recordReceivedComment(db, moderator, { ...parsed.data, anchor }, '192.0.2.1', during);
    if (!recorded.ok) throw new Error(JSON.stringify(recorded.error));
    const mails = await outbox(db);
    expect(mails.map((m) => m.to_address).sort()).toEqual(['bled@posvet.test', 'tajnistvo@bled.test']);
    expect(mails[0].subject).toBe(`Potrdilo o prejemu pripombe št. ${recorded.value} – Posvet`);
    expect(mails[0].body_text).toContain('28.\u00A011.\u00A02026 po pošti prejelo pripombo vaše organizacije');
    expect(mails[0].body_text).toContain(`evidentiralo na portalu kot pripombo št. ${recorded.value}`);
    expect(mails[0].body_text).toContain('Prejeta: 28.\u00A011.\u00A02026 (po pošti)');
    expect(mails[0].body_text).toContain('Besedilo pripombe:\nPoslano po pošti.');
  });
});

describe('who may read the printable receipt', () => {
  it('its organisation’s members, the consultation’s moderators and administrators; nobody else', async () => {
    const { db, anchor, actor, bled, ds } = await setup();
    const saved = await saveComment(db, bled, anchor, { kind: 'comment', body: 'Pripomba.' }, 'submit', { now: during, baseUrl: BASE });
    if (!saved.ok) throw new Error('not submitted');
    const facts = (await receiptFacts(db, saved.value.id))!;
    expect(facts.consultationId).toBe(ds);
    expect(await mayReadReceipt(db, bled, facts)).toBe(true);
    expect(await mayReadReceipt(db, await actor('moderator@posvet.test'), facts)).toBe(true);
    expect(await mayReadReceipt(db, await actor('admin@posvet.test'), facts)).toBe(true);
    expect(await mayReadReceipt(db, await actor('ljubljana@posvet.test'), facts)).toBe(false);
    // A moderator not assigned to this consultation may not.
    await db.deleteFrom('consultation_moderators').execute();
    expect(await mayReadReceipt(db, await actor('moderator@posvet.test'), facts)).toBe(false);
  });

  it('drafts have no receipt', async () => {
    const { db, anchor, bled } = await setup();
    const draft = await saveComment(db, bled, anchor, { kind: 'comment', body: 'Osnutek.' }, 'draft', { now: during });
    if (!draft.ok) throw new Error('no draft');
    expect(await receiptFacts(db, draft.value.id)).toBeUndefined();
    expect(await receiptFacts(db, 999_999)).toBeUndefined();
  });
});
