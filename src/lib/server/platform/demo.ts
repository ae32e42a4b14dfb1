import { readChapterFiles } from '../content/content-files.ts';
import type { Kysely } from 'kysely';
import type { Db } from './db.ts';
import { hashPassword } from '../accounts/passwords.ts';
import { commentRow } from '../comments/row.ts';
import type { CommentKind, Database, JointStatus, Role } from './schema.ts';
import { FIRST_CONSULTATION, type Decision, type StanceState } from '../../enums.ts';
import { sdjsDemoComments } from './demo-sdjs2030.ts';
import { campaignDemoComments } from './demo-campaign.ts';
import { indexComment } from '../moderation/duplicates/grouping.ts';
import { findConsultation } from '../consultations/consultations.ts';
import { latestPublishedNumber, runReportJobs, startPublishing } from '../report/publish.ts';
import { ljubljanaToday } from '../../time.ts';

/** Demo accounts, seeded unless NODE_ENV=production; listed in the README. */
export const DEMO_PASSWORD = 'posvet-demo-2030';

export const demoAccounts: ReadonlyArray<{ email: string; name: string; organisationCode: string; role: Role; /** Consultations (slugs) a moderator is assigned to. */ moderates?: string[] }> = [
  { email: 'admin@posvet.test', name: 'Ana Administratorka', organisationCode: 'MDP', role: 'admin' },
  // Assigned to the first consultation only: the demo shows a moderator's restriction (the admin moderates all).
  { email: 'moderator@posvet.test', name: 'Marko Moderator', organisationCode: 'MDP', role: 'moderator', moderates: [FIRST_CONSULTATION] },
  // A second moderator of the same consultation: a stance is approved by someone other than its drafter.
  { email: 'moderatorka@posvet.test', name: 'Maja Moderatorka', organisationCode: 'MDP', role: 'moderator', moderates: [FIRST_CONSULTATION] },
  { email: 'ljubljana@posvet.test', name: 'Lea Novak', organisationCode: '61', role: 'org_admin' },
  { email: 'bled@posvet.test', name: 'Blaž Kranjc', organisationCode: '3', role: 'member' },
  { email: 'zmos@posvet.test', name: 'Zala Horvat', organisationCode: 'ZMOS', role: 'org_admin' },
  { email: 'sos@posvet.test', name: 'Simon Zupan', organisationCode: 'SOS', role: 'org_admin' },
];

/** Adds the demo accounts that are missing; never changes an existing one. */
export async function seedDemoAccounts(db: Db): Promise<number> {
  const existing = new Set(
    (await db.selectFrom('users').select('email').where('email', 'in', demoAccounts.map((a) => a.email)).execute()).map((r) => r.email),
  );
  const missing = demoAccounts.filter((a) => !existing.has(a.email));
  if (missing.length === 0) return 0;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    for (const account of missing) {
      const organisation = await trx.selectFrom('organisations').select('id').where('code', '=', account.organisationCode).executeTakeFirstOrThrow();
      const user = await trx
        .insertInto('users')
        .values({ email: account.email, name: account.name, organisation_id: organisation.id, role: account.role, password_hash: passwordHash })
        .onConflict((oc) => oc.column('email').doNothing())
        .returning('id')
        .executeTakeFirst();
      for (const slug of account.moderates ?? []) {
        const consultation = await trx.selectFrom('consultations').select('id').where('slug', '=', slug).executeTakeFirst();
        if (user && consultation) {
          await trx.insertInto('consultation_moderators').values({ consultation_id: consultation.id, user_id: user.id }).onConflict((oc) => oc.doNothing()).execute();
        }
      }
    }
  });
  return missing.length;
}

export interface DemoComment {
  key: string;
  organisation: string;
  chapter: string;
  block: string;
  kind: CommentKind;
  body: string;
  amend?: [from: string, to: string];
  rationale?: string;
  state?: 'draft' | 'submitted';
  /** Fixed dates inside the window of the version the comment is on. */
  at: string;
  version?: string;
  /** The consultation's slug; Digitalna Slovenija 2030 unless given. */
  consultation?: string;
  onBehalfOf?: Array<[code: string, status: JointStatus]>;
  supporters?: string[];
  /** Its stance, recorded as the moderators' commands record it (stances.ts). */
  stance?: DemoStance;
}

/** A demo stance: drafted by one person, reviewed by another, published by the administrator (e-mails of demo accounts). */
export interface DemoStance {
  state: StanceState;
  status: Decision;
  response?: string;
  drafter: string;
  reviewer?: string;
  /** Why it was returned. */
  note?: string;
  /** When it was drafted; reviewed a day and published two days later. */
  at: string;
}

const MARKO = 'moderator@posvet.test';
const MAJA = 'moderatorka@posvet.test';
const ANA = 'admin@posvet.test';

const ds2030DemoComments: DemoComment[] = [
  {
    key: 'demo-ljubljana-gigabit',
    organisation: '61',
    chapter: 'gigabitna-infrastruktura',
    block: 'vloga-obcin-gigabit',
    kind: 'comment',
    body:
      'Mestna občina Ljubljana podpira usklajevanje gradnje omrežij s komunalnimi deli. Predlagamo, da država občinam zagotovi enotne vzorce soglasij in služnostnih pogodb ter skupno evidenco načrtovanih del, saj je zdaj vsaka občina prepuščena sama sebi.\n\nV praksi največ časa izgubimo pri usklajevanju z upravljavci druge gospodarske javne infrastrukture, zato naj ukrep U2.3 to izrecno vključi.',
    at: '2026-09-21T07:41:00Z',
    supporters: ['ZMOS', '3'],
    stance: {
      state: 'published',
      status: 'partially_accepted',
      response:
        'Ukrep U2.3 bomo dopolnili z usklajevanjem z upravljavci druge gospodarske javne infrastrukture. Enotne vzorce soglasij in služnostnih pogodb bo MDP pripravilo skupaj z združenji občin; skupne evidence načrtovanih del strategija ne predvideva, ker jo že vzpostavlja Geodetska uprava.',
      drafter: MARKO,
      reviewer: MAJA,
      at: '2026-11-02T09:15:00Z',
    },
  },
  {
    key: 'demo-bled-kompetence',
    organisation: '3',
    chapter: 'digitalne-kompetence-in-vkljucenost',
    block: 'vloga-obcin-kompetence',
    kind: 'question',
    body:
      'Ali bo država financirala tudi delo oseb, ki bodo v lokalnih točkah digitalne pomoči svetovale starejšim? Majhna občina, kot je Bled, lahko zagotovi prostor v knjižnici ali krajevni skupnosti, ne more pa trajno zaposliti svetovalca.',
    at: '2026-09-28T11:05:00Z',
    stance: {
      state: 'published',
      status: 'noted',
      response: 'Financiranje svetovalcev v lokalnih točkah digitalne pomoči bo določil program izvajanja za leti 2027 in 2028; strategija ostaja pri cilju, da so točke dostopne v vsaki upravni enoti.',
      drafter: MAJA,
      reviewer: MARKO,
      at: '2026-11-03T10:20:00Z',
    },
  },
  {
    key: 'demo-zmos-platforma',
    organisation: 'ZMOS',
    chapter: 'digitalne-javne-storitve',
    block: 'skupna-platforma-obcine',
    kind: 'amendment',
    body:
      'Mestne občine podpiramo skupno platformo, vendar mora biti jasno, kdo jo financira in do kdaj bo na voljo. Brez roka in vira financiranja bodo občine še naprej vlagale v lastne rešitve.',
    amend: ['MDP bo skupaj z reprezentativnimi združenji občin vzpostavilo', 'MDP bo do konca leta 2027 skupaj z reprezentativnimi združenji občin in s sredstvi državnega proračuna vzpostavilo'],
    rationale: 'Rok in vir financiranja omogočata občinam, da svoje naložbe v e-storitve načrtujejo skladno s skupno platformo.',
    at: '2026-10-02T08:22:00Z',
    onBehalfOf: [
      ['61', 'confirmed'],
      ['70', 'confirmed'],
      ['11', 'confirmed'],
      ['52', 'pending'],
      ['50', 'declined'],
    ],
    supporters: ['SOS'],
    stance: {
      state: 'approved',
      status: 'accepted',
      response: 'Rok in vir financiranja bomo vpisali v ukrep, kot predlagate.',
      drafter: MAJA,
      reviewer: MARKO,
      at: '2026-11-20T08:00:00Z',
    },
  },
  {
    key: 'demo-sos-nis2',
    organisation: 'SOS',
    chapter: 'kibernetska-varnost',
    block: 'odgovornost-obcin',
    kind: 'comment',
    body:
      'Skupnost občin Slovenije opozarja, da večina manjših občin nima zaposlenega informatika, kaj šele osebe, odgovorne za informacijsko varnost. Zahteve iz tega odstavka so upravičene, a izvedljive le, če bo skupni SOC za občine brezplačen in bo država zagotovila vzorčne dokumente (politiko varnosti, načrt odzivanja na incidente).',
    rationale: 'Po podatkih naše ankete iz leta 2025 ima manj kot tretjina občin z manj kot 5.000 prebivalci zunanjega izvajalca za informacijsko varnost.',
    at: '2026-10-07T06:57:00Z',
    supporters: ['61', 'ZMOS'],
    stance: {
      state: 'published',
      status: 'accepted',
      drafter: MARKO,
      reviewer: ANA,
      at: '2026-11-04T12:00:00Z',
    },
  },
  {
    key: 'demo-ljubljana-podatkovni-centri',
    organisation: '61',
    chapter: 'zeleni-prehod',
    block: 'podatkovni-centri',
    kind: 'amendment',
    body: 'Predlagamo, da se občinam uporaba državnega oblaka omogoči brez nadomestila, sicer bo prehod za manjše občine predrag.',
    amend: ['bo omogočena uporaba oblačnih storitev', 'bo brez nadomestila omogočena uporaba storitev državnega računalniškega oblaka'],
    at: '2026-10-14T12:30:00Z',
    stance: {
      state: 'returned',
      status: 'rejected',
      response: 'Predlog ni sprejemljiv.',
      drafter: MARKO,
      reviewer: MAJA,
      note: 'Obrazložitev je prekratka: pojasnite, zakaj brezplačna uporaba državnega oblaka ni mogoča in kaj lahko občine pričakujejo namesto nje.',
      at: '2026-11-18T13:30:00Z',
    },
  },
  {
    key: 'demo-bled-osnutek',
    organisation: '3',
    chapter: 'gigabitna-infrastruktura',
    block: 'cilji-gigabit-2030',
    kind: 'comment',
    body: 'Osnutek pripombe (še ni oddan): preveriti z županom, ali dodamo cilj glede pokritosti turističnih območij.',
    state: 'draft',
    at: '2026-11-23T11:15:00Z',
    version: 'osnutek-2',
  },
  {
    key: 'demo-sos-inovativna-narocila',
    organisation: 'SOS',
    chapter: 'podporno-okolje',
    block: 'javni-sektor-bo-pogosteje-a1f600',
    kind: 'comment',
    body:
      'Javni izzivi so dobrodošli, vendar naj bodo odprti tudi za skupna naročila več občin. Posamezna manjša občina ne more biti prvi naročnik inovativne rešitve.',
    at: '2026-10-09T08:10:00Z',
    stance: {
      state: 'drafted',
      status: 'partially_accepted',
      response: 'Javne izzive bomo odprli tudi za skupna naročila več občin; posamezna občina bo lahko sodelovala kot soizvajalka naročila.',
      drafter: MAJA,
      at: '2026-11-25T07:45:00Z',
    },
  },
  {
    key: 'demo-bled-osnutek2',
    organisation: '3',
    chapter: 'digitalne-kompetence-in-vkljucenost',
    block: 'cilji-kompetence-2030',
    kind: 'comment',
    body: 'Pozdravljamo, da so v Osnutku 2 stroški svetovalcev na točkah digitalne pomoči kriti tudi v manjših občinah. Predlagamo še cilj glede števila točk na podeželju.',
    at: '2026-11-24T08:30:00Z',
    version: 'osnutek-2',
  },
];

const demoComments: DemoComment[] = [
  ...ds2030DemoComments,
  ...campaignDemoComments,
  ...sdjsDemoComments.map((c) => ({ ...c, consultation: 'sdjs2030' })),
];

/**
 * A living consultation for newcomers: a handful of realistic comments from the demo organisations
 * on the first draft, with co-signers and a joint position. Added once; never duplicated.
 */
export async function seedDemoComments(db: Db): Promise<number> {
  const existing = new Set(
    (await db.selectFrom('comments').select('idempotency_key').where('idempotency_key', 'like', 'demo-%').execute()).map((r) => r.idempotency_key),
  );
  const missing = demoComments.filter((c) => !existing.has(c.key));
  if (missing.length === 0) return 0;
  const chaptersOf = new Map<string, ReturnType<typeof readChapterFiles>>();
  const chaptersFor = (consultation: string, version: string) => {
    const key = `${consultation}/${version}`;
    if (!chaptersOf.has(key)) chaptersOf.set(key, readChapterFiles(consultation, version));
    return chaptersOf.get(key)!;
  };
  const consultations = new Map((await db.selectFrom('consultations').select(['id', 'slug']).execute()).map((c) => [c.slug, c.id]));
  const organisations = new Map(
    (await db.selectFrom('organisations').select(['id', 'code']).execute()).map((o) => [o.code, o.id]),
  );
  const authors = new Map((await db.selectFrom('users').select(['id', 'organisation_id']).execute()).map((u) => [u.organisation_id, u.id]));
  const people = new Map((await db.selectFrom('users').select(['id', 'email']).execute()).map((u) => [u.email, u.id]));
  const added: number[] = [];
  await db.transaction().execute(async (trx) => {
    for (const demo of missing) {
      const versionId = demo.version ?? 'osnutek-1';
      const slug = demo.consultation ?? FIRST_CONSULTATION;
      const consultationId = consultations.get(slug);
      if (!consultationId) continue;
      const chapter = chaptersFor(slug, versionId).find((c) => c.slug === demo.chapter);
      const block = chapter?.rendered.blocks.find((b) => b.key === demo.block);
      const organisationId = organisations.get(demo.organisation);
      if (!chapter || !block || !organisationId) continue;
      const when = demo.at;
      const proposed = demo.amend
        ? block.text.includes(demo.amend[0])
          ? block.text.replace(demo.amend[0], demo.amend[1])
          : `${block.text} ${demo.amend[1]}`
        : null;
      const row = commentRow({
        organisationId,
        authorUserId: authors.get(organisationId) ?? null,
        anchor: {
          scope: 'block',
          consultationId,
          versionId,
          chapter: { slug: chapter.slug, number: chapter.number },
          block: { key: block.key, number: block.number, fingerprint: block.fingerprint, text: block.text },
        },
        kind: demo.kind,
        body: demo.body,
        proposedText: proposed,
        rationale: demo.rationale ?? null,
        state: demo.state ?? 'submitted',
        at: new Date(when),
        idempotencyKey: demo.key,
      });
      const { id } = await trx.insertInto('comments').values(row).returning('id').executeTakeFirstOrThrow();
      added.push(id);
      for (const [code, status] of demo.onBehalfOf ?? []) {
        const member = organisations.get(code);
        if (member) await trx.insertInto('joint_position_members').values({ comment_id: id, organisation_id: member, status, responded_at: status === 'pending' ? null : when }).execute();
      }
      for (const code of demo.supporters ?? []) {
        const supporter = organisations.get(code);
        if (supporter) await trx.insertInto('comment_supports').values({ comment_id: id, organisation_id: supporter, user_id: authors.get(supporter) ?? null, created_at: when }).execute();
      }
      if (demo.stance && row.state === 'submitted') await seedStance(trx, id, demo.stance, people);
    }
  });
  // Their near-duplicate groups, as if each had been submitted through the portal.
  for (const id of added) await indexComment(db, id);
  return missing.length;
}

const DAY = 86_400_000;

/**
 * A demo stance as the commands leave it (stances.ts): the stance row; the comment "v obravnavi",
 * or — published — its public status and obrazložitev; an audit entry for each step, dated as it
 * happened (drafted; reviewed a day later; published two days later). No mail: nobody is told of
 * demo data.
 */
async function seedStance(trx: Kysely<Database>, commentId: number, stance: DemoStance, people: Map<string, number>) {
  const drafter = people.get(stance.drafter) ?? null;
  const reviewer = stance.reviewer ? (people.get(stance.reviewer) ?? null) : null;
  const publisher = people.get('admin@posvet.test') ?? null;
  const drafted = new Date(stance.at);
  const reviewed = new Date(drafted.getTime() + DAY).toISOString();
  const published = new Date(drafted.getTime() + 2 * DAY).toISOString();
  const response = stance.response ?? null;
  const isReviewed = stance.state !== 'drafted';
  const isPublished = stance.state === 'published';
  const steps = [1, isReviewed ? 1 : 0, isPublished ? 1 : 0].reduce((a, b) => a + b, 0);
  await trx
    .insertInto('stances')
    .values({
      comment_id: commentId,
      status: stance.status,
      response,
      state: stance.state,
      revision: steps,
      drafted_by: drafter,
      drafted_at: drafted.toISOString(),
      reviewed_by: isReviewed ? reviewer : null,
      reviewed_at: isReviewed ? reviewed : null,
      review_note: stance.note ?? null,
      published_by: isPublished ? publisher : null,
      published_at: isPublished ? published : null,
    })
    .execute();
  await trx
    .updateTable('comments')
    .set(isPublished ? { moderation_status: stance.status, response, decided_at: published, decided_by_user_id: drafter } : { moderation_status: 'in_review' })
    .where('id', '=', commentId)
    .execute();
  const facts = { status: stance.status, response, state: 'drafted' };
  const audit = (actor: number | null, action: string, at: string, before: unknown, after: unknown) =>
    trx
      .insertInto('audit_log')
      .values({ actor_user_id: actor, action, target_type: 'comment', target_id: String(commentId), before_json: JSON.stringify(before), after_json: JSON.stringify(after), ip: null, created_at: at })
      .execute();
  await audit(drafter, 'stance.drafted', drafted.toISOString(), null, facts);
  if (isReviewed) {
    const state = stance.state === 'returned' ? 'returned' : 'approved';
    await audit(reviewer, `stance.${state}`, reviewed, { state: 'drafted' }, { state, note: stance.note ?? null });
  }
  if (isPublished) await audit(publisher, 'stance.published', published, { status: 'in_review', response: null }, { status: stance.status, response });
}

/** The demo's published report: version 1 of DS 2030's, by the administrator (once). */
export const DEMO_REPORT = {
  documentNumber: '3510-1/2026-24',
  place: 'Ljubljana',
  signatoryName: 'mag. Vesna Kovač',
  signatoryTitle: 'generalna direktorica Direktorata za digitalno družbo',
} as const;

/**
 * Publishes version 1 of the first consultation's report from the demo stances, its snapshot
 * written at once (the downloads are written on first need). Nothing when a version exists.
 */
export async function seedDemoReport(db: Db, now = new Date()): Promise<boolean> {
  const consultation = await findConsultation(db, FIRST_CONSULTATION);
  const admin = await db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .where('u.email', '=', 'admin@posvet.test')
    .select(['u.id', 'u.role', 'u.organisation_id', 'o.kind'])
    .executeTakeFirst();
  if (!consultation || !admin || (await latestPublishedNumber(db, consultation.id)) > 0) return false;
  const actor = { id: admin.id, role: admin.role, organisationId: admin.organisation_id, organisationKind: admin.kind };
  const started = await startPublishing(db, actor, consultation, { ...DEMO_REPORT, documentDate: ljubljanaToday(now), latestSeen: 0 });
  if (!started.ok) return false;
  await runReportJobs(db);
  return true;
}
