import type { Actor } from '../../src/lib/server/accounts/access.ts';
import { commentRow } from '../../src/lib/server/comments/row.ts';
import type { Db } from '../../src/lib/server/platform/db.ts';
import { consultationId, createConsultation, seededDatabase } from './helpers.ts';

/** Near-duplicate tests' data: a consultation of its own (no demo comment counts), municipalities, moderators. */

export const CAMPAIGN =
  'Občina predlaga, da se v ukrepu 3.2 zagotovijo sredstva za širokopasovni dostop v odročnih krajih, saj brez hitre povezave prebivalci ne morejo uporabljati e-storitev države in lokalne skupnosti.';
export const OTHER =
  'Širokopasovni dostop bi moral biti prednostna naloga, vendar naj ga financira zasebni sektor, ne država; ukrep 3.2 naj se prepiše tako, da spodbuja zasebna vlaganja.';

export async function duplicatesSetup(slug = 'dup') {
  const { db } = await seededDatabase();
  const consultation = await createConsultation(db, slug);
  const municipalities = (await db.selectFrom('organisations').select('id').where('kind', '=', 'municipality').orderBy('id').limit(600).execute()).map((o) => o.id);
  const actor = async (email: string): Promise<Actor> => {
    const u = await db.selectFrom('users as u').innerJoin('organisations as o', 'o.id', 'u.organisation_id').select(['u.id', 'u.role', 'u.organisation_id', 'o.kind']).where('u.email', '=', email).executeTakeFirstOrThrow();
    return { id: u.id, role: u.role, organisationId: u.organisation_id, organisationKind: u.kind };
  };
  // The demo moderator moderates DS 2030 only; here also this consultation.
  const moderator = await actor('moderator@posvet.test');
  const colleague = await actor('moderatorka@posvet.test');
  for (const m of [moderator, colleague]) await db.insertInto('consultation_moderators').values({ consultation_id: consultation, user_id: m.id }).execute();
  let minute = 0;
  /** A submitted comment, a minute after the one before. */
  const comment = async (body: string, options: { organisation?: number; block?: string; version?: string; consultation?: number } = {}) => {
    minute++;
    const row = commentRow({
      organisationId: options.organisation ?? municipalities[minute % municipalities.length]!,
      authorUserId: null,
      anchor: {
        scope: 'block',
        consultationId: options.consultation ?? consultation,
        versionId: options.version ?? 'osnutek-1',
        chapter: { slug: 'poglavje', number: 3 },
        block: { key: `b-${options.block ?? '3.2'}`, number: options.block ?? '3.2', fingerprint: 'f', text: 'Besedilo odstavka.' },
      },
      kind: 'comment',
      body,
      state: 'submitted',
      at: new Date(Date.UTC(2026, 10, 1, 8, minute)),
    });
    return (await db.insertInto('comments').values(row).returning('id').executeTakeFirstOrThrow()).id;
  };
  // A moderator of DS 2030 only: another consultation's.
  const mdp = (await db.selectFrom('organisations').select('id').where('code', '=', 'MDP').executeTakeFirstOrThrow()).id;
  await db.insertInto('users').values({ email: 'drugi@posvet.test', name: 'Drugi Moderator', organisation_id: mdp, role: 'moderator', password_hash: 'x' } as never).execute();
  const outsider = await actor('drugi@posvet.test');
  await db.insertInto('consultation_moderators').values({ consultation_id: await consultationId(db, 'ds2030'), user_id: outsider.id }).execute();
  return { db, consultation, municipalities, comment, actor, moderator, colleague, outsider, admin: await actor('admin@posvet.test') };
}

/** The consultation's groups as sorted id lists, as `groupTexts` answers. */
export async function groupsOf(db: Db, consultation: number): Promise<number[][]> {
  const rows = await db
    .selectFrom('duplicate_group_members as m')
    .innerJoin('duplicate_groups as g', 'g.id', 'm.group_id')
    .select(['m.group_id', 'm.comment_id'])
    .where('g.consultation_id', '=', consultation)
    .orderBy('m.comment_id')
    .execute();
  const groups = new Map<number, number[]>();
  for (const r of rows) groups.set(r.group_id, [...(groups.get(r.group_id) ?? []), r.comment_id]);
  return [...groups.values()].sort((a, b) => a[0]! - b[0]!);
}

const NAMES = ['Bled', 'Kobarid', 'Tolmin', 'Bovec', 'Žiri', 'Idrija', 'Cerkno', 'Ajdovščina'];
/** A variant of the campaign text as a municipality sends it: its name signed under it. */
export const variant = (i: number) => `${CAMPAIGN}\n\nLep pozdrav, Občina ${NAMES[i % NAMES.length]}`;
