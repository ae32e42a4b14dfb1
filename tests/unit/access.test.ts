import { describe, expect, it } from 'vitest';
import { consultationModerators, mayModerate, moderatedConsultations } from '../../src/lib/server/consultations/moderators.ts';
import { seededDatabase } from './helpers.ts';
import { assignableRoles, can, canManageUser, canRevokeInvitation, mustSetUpTwoFactorFirst, routeDecision, safeReturnPath, type Actor, type Permission } from '../../src/lib/server/accounts/access.ts';

const LJUBLJANA = 61;
const BLED = 3;
const MINISTRY = 500;
const actor = (role: Actor['role'], organisationId: number, organisationKind: string, id = 1): Actor => ({ id, role, organisationId, organisationKind });

const member = actor('member', BLED, 'municipality', 10);
const orgAdmin = actor('org_admin', LJUBLJANA, 'municipality', 11);
const moderator = actor('moderator', MINISTRY, 'government', 12);
const admin = actor('admin', MINISTRY, 'government', 13);

describe('permissions by role', () => {
  const table: Array<[Actor | null, Permission, boolean]> = [
    [null, 'account', false],
    [null, 'comment', false],
    [member, 'account', true],
    [member, 'comment', true],
    [member, 'organisation.view', true],
    [member, 'organisation.manage', false],
    [member, 'moderate', false],
    [member, 'administer', false],
    [orgAdmin, 'comment', true],
    [orgAdmin, 'organisation.manage', true],
    [orgAdmin, 'moderate', false],
    [orgAdmin, 'administer', false],
    [moderator, 'moderate', true],
    [moderator, 'comment', false],
    [moderator, 'organisation.manage', false],
    [moderator, 'administer', false],
    [admin, 'moderate', true],
    [admin, 'administer', true],
    [admin, 'organisation.manage', true],
  ];
  for (const [who, permission, expected] of table) {
    it(`${who?.role ?? 'anonymous'} ${expected ? 'may' : 'may not'} ${permission}`, () => {
      expect(can(who, permission)).toBe(expected);
    });
  }
});

describe('routes', () => {
  const table: Array<[string, Actor | null, string]> = [
    ['/', null, 'allow'],
    ['/osnutek/uvod', null, 'allow'],
    ['/prijava', null, 'allow'],
    ['/moderacija', null, 'sign-in'],
    ['/moderacija', member, 'forbidden'],
    ['/moderacija', orgAdmin, 'forbidden'],
    ['/moderacija', moderator, 'allow'],
    ['/moderacija/statistika', moderator, 'allow'],
    ['/moderacija', admin, 'allow'],
    ['/admin', null, 'sign-in'],
    ['/admin', moderator, 'forbidden'],
    ['/admin/organizacije/zmos', orgAdmin, 'forbidden'],
    ['/admin', admin, 'allow'],
    ['/organizacija', null, 'sign-in'],
    ['/organizacija', member, 'allow'],
    ['/moj-racun', null, 'sign-in'],
    ['/moj-racun/podatki.json', null, 'sign-in'],
    ['/moj-racun', member, 'allow'],
    // Two-factor sign-in: the code step is for people who are not signed in yet; setup is one's own account.
    ['/prijava/koda', null, 'allow'],
    ['/moj-racun/dvostopenjska-prijava', null, 'sign-in'],
    ['/moj-racun/dvostopenjska-prijava', member, 'allow'],
    ['/moj-racun/dvostopenjska-prijava', moderator, 'allow'],
    ['/admin/dvostopenjska-prijava', null, 'sign-in'],
    ['/admin/dvostopenjska-prijava', moderator, 'forbidden'],
    ['/admin/dvostopenjska-prijava', admin, 'allow'],
    // A prefix match is on whole segments only.
    ['/administracija-ne-obstaja', null, 'allow'],
    ['/moderacijax', null, 'allow'],
  ];
  for (const [path, who, expected] of table) {
    it(`${path} for ${who?.role ?? 'anonymous'}: ${expected}`, () => {
      expect(routeDecision(who, path)).toBe(expected);
    });
  }
});

describe('managing people', () => {
  const target = (id: number, organisation_id: number, role: Actor['role']) => ({ id, organisation_id, role });

  it('an organisation admin manages members of their own organisation only', () => {
    expect(canManageUser(orgAdmin, target(20, LJUBLJANA, 'member'))).toBe(true);
    expect(canManageUser(orgAdmin, target(21, LJUBLJANA, 'org_admin'))).toBe(true);
    expect(canManageUser(orgAdmin, target(22, BLED, 'member'))).toBe(false);
  });

  it('nobody manages their own account this way', () => {
    expect(canManageUser(orgAdmin, target(orgAdmin.id, LJUBLJANA, 'org_admin'))).toBe(false);
    expect(canManageUser(admin, target(admin.id, MINISTRY, 'admin'))).toBe(false);
  });

  it('members and moderators manage nobody; administrators anybody else', () => {
    expect(canManageUser(member, target(23, BLED, 'member'))).toBe(false);
    expect(canManageUser(moderator, target(24, BLED, 'member'))).toBe(false);
    expect(canManageUser(admin, target(25, BLED, 'member'))).toBe(true);
    expect(canManageUser(admin, target(26, MINISTRY, 'moderator'))).toBe(true);
  });

  it("a person a portal administrator disabled is the administrator's to re-enable or change", () => {
    const disabledBy = (role: Actor['role']) => ({ ...target(27, LJUBLJANA, 'member'), status: 'disabled', disabled_by_role: role });
    expect(canManageUser(orgAdmin, disabledBy('admin'))).toBe(false);
    expect(canManageUser(orgAdmin, disabledBy('org_admin'))).toBe(true);
    expect(canManageUser(admin, disabledBy('admin'))).toBe(true);
    expect(canManageUser(orgAdmin, { ...disabledBy('admin'), status: 'active' })).toBe(true);
  });

  it("an organisation admin revokes their organisation's invitations, except an administrator's", () => {
    expect(canRevokeInvitation(orgAdmin, { organisation_id: LJUBLJANA, inviter_role: 'org_admin' })).toBe(true);
    expect(canRevokeInvitation(orgAdmin, { organisation_id: LJUBLJANA, inviter_role: 'admin' })).toBe(false);
    // Sent from the command line by the operator.
    expect(canRevokeInvitation(orgAdmin, { organisation_id: LJUBLJANA, inviter_role: null })).toBe(false);
    expect(canRevokeInvitation(orgAdmin, { organisation_id: BLED, inviter_role: 'org_admin' })).toBe(false);
    expect(canRevokeInvitation(member, { organisation_id: BLED, inviter_role: 'org_admin' })).toBe(false);
    expect(canRevokeInvitation(admin, { organisation_id: BLED, inviter_role: 'admin' })).toBe(true);
  });

  it('moderator and admin roles exist only in the government organisation', () => {
    expect(assignableRoles(admin, LJUBLJANA, 'municipality')).toEqual(['member', 'org_admin']);
    expect(assignableRoles(admin, MINISTRY, 'government')).toEqual(['member', 'moderator', 'admin']);
    expect(assignableRoles(orgAdmin, LJUBLJANA, 'municipality')).toEqual(['member', 'org_admin']);
    expect(assignableRoles(orgAdmin, BLED, 'municipality')).toEqual([]);
    expect(assignableRoles(member, BLED, 'municipality')).toEqual([]);
    expect(assignableRoles(moderator, MINISTRY, 'government')).toEqual([]);
  });
});

describe('return-to addresses', () => {
  it('keeps local paths and refuses anything that leaves the site', () => {
    expect(safeReturnPath('/osnutek/uvod#odstavek-1-3')).toBe('/osnutek/uvod#odstavek-1-3');
    for (const bad of ['https://zlonamerna.example/', '//zlonamerna.example', '/\\zlonamerna.example', 'javascript:alert(1)', '', null]) {
      expect(safeReturnPath(bad)).toBe('/moj-racun');
    }
  });

  it('gives a percent-encoded path a Location header can carry, or the fallback', () => {
    expect(safeReturnPath('/č')).toBe('/%C4%8D');
    expect(safeReturnPath('/osnutek/uvod?x=ž ž#šš')).toBe('/osnutek/uvod?x=%C5%BE%20%C5%BE#%C5%A1%C5%A1');
    expect(safeReturnPath('/%C4%8D')).toBe('/%C4%8D');
    expect(safeReturnPath('/a/../b')).toBe('/b');
    for (const bad of ['/.//zlonamerna.example', '/./\\/zlonamerna.example', '/x\n', '/\u007F', `/${'a'.repeat(3000)}`]) {
      expect(safeReturnPath(bad, '/osnutek')).toBe('/osnutek');
    }
  });
});

describe('roles that must use two-factor sign-in', () => {
  const required = ['moderator', 'admin'] as const;
  it('a moderator without it may open only the setup, sign-out and the legal pages', () => {
    for (const path of ['/moderacija', '/', '/osnutek/uvod', '/moj-racun', '/moj-racun/podatki.json', '/admin', '/api/v1/comments']) {
      expect(mustSetUpTwoFactorFirst(moderator, false, required, path), path).toBe(true);
    }
    for (const path of ['/moj-racun/dvostopenjska-prijava', '/odjava', '/dostopnost', '/zasebnost', '/_astro/app.css', '/favicon.svg']) {
      expect(mustSetUpTwoFactorFirst(moderator, false, required, path), path).toBe(false);
    }
  });
  it('nobody is held back once it is on, nor a role that does not require it, nor anyone when no role does', () => {
    expect(mustSetUpTwoFactorFirst(moderator, true, required, '/moderacija')).toBe(false);
    expect(mustSetUpTwoFactorFirst(admin, false, required, '/admin')).toBe(true);
    expect(mustSetUpTwoFactorFirst(member, false, required, '/organizacija')).toBe(false);
    expect(mustSetUpTwoFactorFirst(moderator, false, [], '/moderacija')).toBe(false);
    expect(mustSetUpTwoFactorFirst(null, false, required, '/moderacija')).toBe(false);
  });
});

describe('who moderates which consultation', () => {
  async function setup() {
    const { db } = await seededDatabase();
    const id = async (slug: string) => (await db.selectFrom('consultations').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
    const ds = await id('ds2030');
    const sdjs = await id('sdjs2030');
    const person = async (email: string): Promise<Actor> => {
      const u = await db.selectFrom('users as u').innerJoin('organisations as o', 'o.id', 'u.organisation_id').select(['u.id', 'u.role', 'u.organisation_id', 'o.kind']).where('u.email', '=', email).executeTakeFirstOrThrow();
      return { id: u.id, role: u.role, organisationId: u.organisation_id, organisationKind: u.kind };
    };
    return { db, ds, sdjs, admin: await person('admin@posvet.test'), moderator: await person('moderator@posvet.test'), member: await person('bled@posvet.test'), orgAdmin: await person('ljubljana@posvet.test') };
  }

  it('an administrator moderates every consultation', async () => {
    const { db, ds, sdjs, admin } = await setup();
    expect(await mayModerate(db, admin, ds)).toBe(true);
    expect(await mayModerate(db, admin, sdjs)).toBe(true);
    expect((await moderatedConsultations(db, admin)).map((c) => c.slug).sort()).toEqual(['ds2030', 'sdjs2030']);
  });

  it('a moderator moderates the consultations assigned to them, and no other', async () => {
    const { db, ds, sdjs, moderator } = await setup();
    expect(await mayModerate(db, moderator, ds)).toBe(true);
    expect(await mayModerate(db, moderator, sdjs)).toBe(false);
    expect((await moderatedConsultations(db, moderator)).map((c) => c.slug)).toEqual(['ds2030']);
    await db.insertInto('consultation_moderators').values({ consultation_id: sdjs, user_id: moderator.id }).execute();
    expect(await mayModerate(db, moderator, sdjs)).toBe(true);
    expect((await moderatedConsultations(db, moderator)).map((c) => c.slug).sort()).toEqual(['ds2030', 'sdjs2030']);
  });

  it('a member or an organisation admin never moderates, even if listed as a consultation’s moderator', async () => {
    const { db, ds, member, orgAdmin } = await setup();
    await db.insertInto('consultation_moderators').values({ consultation_id: ds, user_id: member.id }).execute();
    for (const who of [member, orgAdmin, null]) {
      expect(await mayModerate(db, who, ds)).toBe(false);
      expect(await moderatedConsultations(db, who)).toEqual([]);
    }
    expect((await consultationModerators(db, ds)).map((u) => u.id)).not.toContain(member.id);
  });
});
