import { randomUUID } from 'node:crypto';
import { readChapterFiles, readVersionFiles } from '../../src/lib/server/content/content-files.ts';
import type { Insertable } from 'kysely';
import { openDatabase, type Db } from '../../src/lib/server/platform/db.ts';
import type { CommentTable } from '../../src/lib/server/platform/schema.ts';
import { hashPassword } from '../../src/lib/server/accounts/passwords.ts';
import { prepareDatabase } from '../../src/lib/server/platform/setup.ts';
import { generateToken, hashToken } from '../../src/lib/server/platform/tokens.ts';
import { FIRST_CONSULTATION } from '../../src/lib/enums.ts';
import { currentOf } from '../../src/lib/server/content/versions.ts';
import { routes } from '../../src/lib/routes.ts';
import { regroupAll } from '../../src/lib/server/moderation/duplicates/grouping.ts';

/**
 * The production server and a database at scale, for benchmarks and reliability tests: the built
 * portal started the way `npm start` starts it, on loopback, with sessions made directly in the
 * database so that thousands of signed-in clients need no thousands of argon2 logins.
 */

export { root, serverFilesDir, startServer, type RunningServer } from './process.ts';

export interface ScaleOptions {
  /** Comments to create, spread over the current version's blocks. */
  comments: number;
  /** How many of them go to one block (the "hot" block). */
  hotBlockComments?: number;
  /** The body of comment i (default: one sentence with its number, all alike). */
  body?: (i: number) => string;
  /**
   * Near-duplicate signatures and groups computed for every comment (regroupAll), as a portal that
   * has been running has them. Without it, a server started on the data spends its first minutes
   * catching up on them in the background (500 a minute, each a write transaction), which is
   * what a benchmark of requests must not measure.
   */
  grouped?: boolean;
}

export interface Scale {
  versionId: string;
  /** One session cookie per organisation that may comment, keyed by organisation id. */
  memberCookies: string[];
  moderatorCookie: string;
  adminCookie: string;
  /** Block pages people can post comments to, e.g. /posvetovanja/ds2030/osnutek/uvod/3. */
  blockPaths: string[];
  hotChapterPath: string;
  hotBlockKey: string;
}

export function cookieFor(token: string): string {
  return `posvet_seja=${token}`;
}

async function createSession(db: Db, userId: number): Promise<string> {
  const token = generateToken();
  await db
    .insertInto('sessions')
    .values({ id: hashToken(token), user_id: userId, expires_at: Math.floor(Date.now() / 1000) + 24 * 3600, ip: '127.0.0.1', user_agent: 'bench', created_at: new Date().toISOString() })
    .execute();
  return token;
}

/** Prepares a database at scale: every organisation with a member, a moderator, and comments. */
export async function seedScale(databasePath: string, options: ScaleOptions): Promise<Scale> {
  const db = openDatabase(databasePath);
  try {
    await prepareDatabase(db, { demo: false });
    const consultation = await db.selectFrom('consultations').select(['id', 'slug']).where('slug', '=', FIRST_CONSULTATION).executeTakeFirstOrThrow();
    const version = currentOf(readVersionFiles(FIRST_CONSULTATION))!;
    const chapters = readChapterFiles(FIRST_CONSULTATION, version.id);
    const passwordHash = await hashPassword('bench password that is long enough');
    const organisations = await db.selectFrom('organisations').select(['id', 'kind', 'code']).execute();
    const ministry = organisations.find((o) => o.code === 'MDP')!;
    const commenting = organisations.filter((o) => o.kind !== 'government');

    const memberIds: number[] = [];
    await db.transaction().execute(async (trx) => {
      for (const o of commenting) {
        const row = await trx
          .insertInto('users')
          .values({ email: `clan-${o.code.toLowerCase()}@bench.test`, name: `Član ${o.code}`, organisation_id: o.id, role: 'member', password_hash: passwordHash })
          .onConflict((oc) => oc.column('email').doUpdateSet({ status: 'active' }))
          .returning('id')
          .executeTakeFirstOrThrow();
        memberIds.push(row.id);
      }
    });
    const moderator = await db
      .insertInto('users')
      .values({ email: 'moderator@bench.test', name: 'Moderator', organisation_id: ministry.id, role: 'moderator', password_hash: passwordHash })
      .onConflict((oc) => oc.column('email').doUpdateSet({ status: 'active' }))
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('consultation_moderators').values({ consultation_id: consultation.id, user_id: moderator.id }).onConflict((oc) => oc.doNothing()).execute();
    const admin = await db
      .insertInto('users')
      .values({ email: 'admin@bench.test', name: 'Skrbnik', organisation_id: ministry.id, role: 'admin', password_hash: passwordHash })
      .onConflict((oc) => oc.column('email').doUpdateSet({ status: 'active' }))
      .returning('id')
      .executeTakeFirstOrThrow();

    const blocks = chapters.flatMap((c) => c.rendered.blocks.map((b) => ({ chapter: c, block: b })));
    const hot = blocks.find((b) => b.chapter.slug === 'digitalne-javne-storitve') ?? blocks[0];
    const hotCount = Math.min(options.hotBlockComments ?? 0, options.comments);
    const existing = Number((await db.selectFrom('comments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
    const statuses = ['new', 'new', 'new', 'in_review', 'accepted', 'partially_accepted', 'rejected', 'noted'] as const;
    const kinds = ['comment', 'comment', 'amendment', 'question'] as const;
    const stamp = new Date('2026-11-21T10:00:00Z').getTime();
    for (let start = existing; start < options.comments; start += 5000) {
      const rows: Insertable<CommentTable>[] = [];
      for (let i = start; i < Math.min(start + 5000, options.comments); i++) {
        const target = i < hotCount ? hot : blocks[i % blocks.length];
        const organisation = commenting[i % commenting.length];
        const status = statuses[i % statuses.length];
        const kind = kinds[i % kinds.length];
        const at = new Date(stamp + i * 7_000).toISOString();
        rows.push({
          organisation_id: organisation.id,
          author_user_id: memberIds[i % memberIds.length],
          scope: 'block' as const,
          consultation_id: consultation.id,
          version_id: version.id,
          chapter_slug: target.chapter.slug,
          chapter_number: target.chapter.number,
          block_key: target.block.key,
          block_number: target.block.number,
          block_fingerprint: target.block.fingerprint,
          quote: target.block.text,
          kind,
          body: options.body?.(i) ?? `Pripomba št. ${i + 1} k odstavku ${target.block.number}: predlagamo jasnejše roke, vire financiranja in vlogo občin pri izvajanju ukrepa.`,
          proposed_text: kind === 'amendment' ? `${target.block.text} Dopolnitev ${i + 1}.` : null,
          rationale: null,
          state: 'submitted' as const,
          created_at: at,
          updated_at: at,
          submitted_at: at,
          moderation_status: status,
          response: status === 'new' || status === 'in_review' || status === 'accepted' ? null : 'Stališče ministrstva.',
          idempotency_key: `scale-${i}`,
        });
      }
      await db.transaction().execute(async (trx) => {
        for (let j = 0; j < rows.length; j += 500) await trx.insertInto('comments').values(rows.slice(j, j + 500)).execute();
      });
    }

    if (options.grouped) await regroupAll(db, consultation.id);

    const memberCookies = [];
    for (const id of memberIds) memberCookies.push(cookieFor(await createSession(db, id)));
    const moderatorCookie = cookieFor(await createSession(db, moderator.id));
    const adminCookie = cookieFor(await createSession(db, admin.id));
    return {
      adminCookie,
      versionId: version.id,
      memberCookies,
      moderatorCookie,
      blockPaths: blocks.map((b) => routes.block(consultation.slug, b.chapter.slug, b.block.position)),
      hotChapterPath: routes.chapter(consultation.slug, hot.chapter.slug),
      hotBlockKey: hot.block.key,
    };
  } finally {
    await db.destroy();
  }
}

/** A URL-encoded comment form, as the block page's form sends it. */
export function commentForm(body: string, idempotencyKey: string = randomUUID()): string {
  return new URLSearchParams({ idempotencyKey, returnTo: '/', kind: 'comment', body, rationale: '', intent: 'submit' }).toString();
}
