import { describe, expect, it } from 'vitest';
import { attachmentSubject } from '../../src/lib/server/attachments/queries.ts';
import { mayChangeAttachments, maySeeAttachments } from '../../src/lib/server/attachments/rules.ts';
import type { Db } from '../../src/lib/server/platform/db.ts';
import { actorFor, commentIn } from './attachments-helpers.ts';
import { seededDatabase } from './helpers.ts';

/** Who may see and change a comment's attachments (attachments/rules.ts): one test per rule. */

async function setup() {
  const { db } = await seededDatabase();
  const people = {
    bled: await actorFor(db, 'bled@posvet.test'),
    ljubljana: await actorFor(db, 'ljubljana@posvet.test'),
    moderator: await actorFor(db, 'moderator@posvet.test'),
    admin: await actorFor(db, 'admin@posvet.test'),
  };
  const subject = async (id: number) => (await attachmentSubject(db, id))!;
  return { db, people, subject };
}

async function rights(db: Db, actor: Parameters<typeof maySeeAttachments>[1], subject: Parameters<typeof maySeeAttachments>[2]) {
  return { see: await maySeeAttachments(db, actor, subject), change: await mayChangeAttachments(db, actor, subject) };
}

describe('attachments: who may see and change them', () => {
  it('a draft: its organisation sees and changes; nobody else sees it, not even a moderator', async () => {
    const { db, people, subject } = await setup();
    const draft = await subject(await commentIn(db, { state: 'draft' }));
    expect(await rights(db, people.bled, draft)).toEqual({ see: true, change: true });
    expect(await rights(db, people.ljubljana, draft)).toEqual({ see: false, change: false });
    expect(await rights(db, people.moderator, draft)).toEqual({ see: false, change: false });
    expect(await rights(db, null, draft)).toEqual({ see: false, change: false });
  });

  it('a submitted comment from the portal: everyone sees; the list is fixed, also for its organisation and moderators', async () => {
    const { db, people, subject } = await setup();
    const submitted = await subject(await commentIn(db, { state: 'submitted' }));
    expect(await rights(db, null, submitted)).toEqual({ see: true, change: false });
    expect(await rights(db, people.bled, submitted)).toEqual({ see: true, change: false });
    expect(await rights(db, people.moderator, submitted)).toEqual({ see: true, change: false });
  });

  it('a hidden comment: the public no longer sees its attachments; its organisation and moderators do', async () => {
    const { db, people, subject } = await setup();
    const hidden = await subject(await commentIn(db, { state: 'submitted', hidden: true }));
    expect(await rights(db, null, hidden)).toEqual({ see: false, change: false });
    expect(await rights(db, people.ljubljana, hidden)).toEqual({ see: false, change: false });
    expect((await rights(db, people.bled, hidden)).see).toBe(true);
    expect((await rights(db, people.moderator, hidden)).see).toBe(true);
  });

  it('a recorded comment (e-mail, post): moderators of its consultation add at any time, others may not', async () => {
    const { db, people, subject } = await setup();
    const byMail = await subject(await commentIn(db, { state: 'submitted', via: 'email' }));
    expect(await rights(db, people.moderator, byMail)).toEqual({ see: true, change: true });
    expect(await rights(db, people.admin, byMail)).toEqual({ see: true, change: true });
    expect(await rights(db, people.bled, byMail)).toEqual({ see: true, change: false });
    const otherConsultation = await subject(await commentIn(db, { state: 'submitted', via: 'post', consultation: 'sdjs2030' }));
    expect(await rights(db, people.moderator, otherConsultation)).toEqual({ see: true, change: false });
  });

  it('a withdrawn comment: nobody changes its attachments any more; the public does not see them', async () => {
    const { db, people, subject } = await setup();
    const withdrawn = await subject(await commentIn(db, { state: 'withdrawn', via: 'email' }));
    expect(await rights(db, people.moderator, withdrawn)).toEqual({ see: true, change: false });
    expect(await rights(db, null, withdrawn)).toEqual({ see: false, change: false });
  });
});
