/**
 * Operator commands: `npm run admin -- <command> [options]`. Runs on the same modules as the server.
 */
import { parseArgs } from 'node:util';
import { config, exitOnConfigProblems } from '../lib/server/platform/config.ts';
import { migrate, openDatabase } from '../lib/server/platform/db.ts';
import { backupPostgres, backupSqlite, splitPassword } from '../lib/server/platform/ops/backup.ts';
import { checkTable, copyToPostgres } from '../lib/server/platform/ops/copy-to.ts';
import { createInvitation } from '../lib/server/accounts/invitations.ts';
import { deliverOutbox } from '../lib/server/platform/mail.ts';
import { findOrganisationByCodeOrSlug, listOrganisations, seedOrganisationDirectory } from '../lib/server/organisations/organisations.ts';
import { listUsers } from '../lib/server/accounts/users.ts';
import { prepareDatabase } from '../lib/server/platform/setup.ts';
import { listConsultations } from '../lib/server/consultations/consultations.ts';
import { archiveConsultation, assignModerator, createConsultation, setConsultationStatus, unarchiveConsultation, unassignModerator } from '../lib/server/consultations/commands.ts';
import { consultationInput } from '../lib/server/consultations/input.ts';
import { listVersions } from '../lib/server/content/content.ts';
import type { Db } from '../lib/server/platform/db.ts';
import type { Result } from '../lib/result.ts';
import { ORGANISATION_KINDS, ROLES } from '../lib/enums.ts';
import { dictionary } from '../i18n/index.ts';
import { reindexAll } from '../lib/server/search/reindex.ts';

const usage = `Posvet — operator commands (npm run admin -- <command>)

  migrate                 apply pending database migrations
  seed                    migrate, then seed the organisation directory
                          (and demo data unless NODE_ENV=production)
  organisations [--kind K] list organisations (K: municipality, association, government, other)
  invite --email E --org O --role R
                          invite a person (O: organisation code or slug, e.g. MDP, 61, ljubljana;
                          R: member, org_admin, moderator, admin); prints the invitation link.
                          This is how the first administrator is made in production.
  users [--org O]         list accounts
  reindex                 rebuild the full-text search indexes (comments, stances, organisation
                          names, the draft text of every version) and print what they hold
  backup <file>           write a consistent copy of the live database to <file>, and check it
                          (SQLite: online backup + integrity check; PostgreSQL: pg_dump custom
                          format + pg_restore --list)
  copy-to <DATABASE_URL>  copy the SQLite database (DATABASE_PATH) into an empty PostgreSQL
                          database, then compare every table's row count and checksum
  consultation list       list consultations (archived ones too)
  consultation create --slug S --title T --short-title ST --case-number N --description D
                          [--invited I] [--owner MDP]
                          create a consultation (in preparation; its drafts go to content/S/)
  consultation open <slug> | close <slug> | reopen <slug> | report-published <slug>
                          change its status (preparation → open → closed → report published;
                          a closed one may be reopened)
  consultation archive <slug> | unarchive <slug>
  consultation assign <slug> <moderator-email> | unassign <slug> <moderator-email>
                          who moderates it (administrators moderate every consultation)
  help                    this text

The database is DATABASE_URL when set, else DATABASE_PATH (now: ${config.databaseUrl ? splitPassword(config.databaseUrl).address : config.databasePath}).`;

/** A refusal as the operator reads it: the dictionary's message(s), one a line. */
function refusal(result: Extract<Result<unknown>, { ok: false }>): string {
  const t = dictionary();
  const messages = [result.error.message, ...Object.values(result.error.fields ?? {})].filter((m) => m !== undefined).map((message) => message(t));
  return messages.join('\n') || result.error.code;
}

const STATUS_COMMANDS = { open: 'open', reopen: 'open', close: 'closed', 'report-published': 'report_published' } as const;

/** `consultation …`: the same commands as /admin/posvetovanja, by the operator (audited with no user). */
async function consultationCommand(db: Db, argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  const t = dictionary();
  const done = (result: Result<unknown>, what: string) => {
    if (!result.ok) {
      console.error(refusal(result));
      return 1;
    }
    console.log(what);
    return 0;
  };
  switch (sub) {
    case 'list': {
      for (const c of await listConsultations(db, { archived: true })) {
        const drafts = (await listVersions(c.slug)).length;
        console.log([c.slug, c.status, c.archivedAt ? 'archived' : '-', `drafts: ${drafts}`, c.shortTitle, c.title].join('\t'));
      }
      return 0;
    }
    case 'create': {
      const { values } = parseArgs({
        args: rest,
        options: {
          slug: { type: 'string' },
          title: { type: 'string' },
          'short-title': { type: 'string' },
          'case-number': { type: 'string' },
          description: { type: 'string' },
          invited: { type: 'string' },
          owner: { type: 'string' },
        },
      });
      const parsed = consultationInput(t).safeParse({
        slug: values.slug,
        title: values.title,
        shortTitle: values['short-title'],
        caseNumber: values['case-number'],
        description: values.description,
        invited: values.invited,
        owner: values.owner,
      });
      if (!parsed.success) {
        console.error(parsed.error.issues.map((issue) => `--${String(issue.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${issue.message}`).join('\n'));
        return 1;
      }
      const result = await createConsultation(db, null, parsed.data);
      return done(result, result.ok ? `Created ${result.value.slug} (${result.value.status}); put its drafts in content/${result.value.slug}/.` : '');
    }
    case 'open':
    case 'reopen':
    case 'close':
    case 'report-published': {
      const slug = rest[0];
      if (!slug) break;
      const status = STATUS_COMMANDS[sub];
      return done(await setConsultationStatus(db, null, slug, status), `${slug}: ${status}`);
    }
    case 'archive':
    case 'unarchive': {
      const slug = rest[0];
      if (!slug) break;
      const result = sub === 'archive' ? await archiveConsultation(db, null, slug) : await unarchiveConsultation(db, null, slug);
      return done(result, `${slug}: ${sub === 'archive' ? 'archived' : 'no longer archived'}`);
    }
    case 'assign':
    case 'unassign': {
      const [slug, email] = rest;
      if (!slug || !email) break;
      const user = await db.selectFrom('users').select('id').where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
      if (!user) {
        console.error(`No account with the e-mail address "${email}" (see: npm run admin -- users).`);
        return 1;
      }
      const result = sub === 'assign' ? await assignModerator(db, null, slug, user.id) : await unassignModerator(db, null, slug, user.id);
      return done(result, `${slug}: ${email} ${sub === 'assign' ? 'assigned' : 'unassigned'}`);
    }
  }
  console.error(`Usage: npm run admin -- consultation list | create --slug … | open|reopen|close|report-published|archive|unarchive <slug> | assign|unassign <slug> <moderator-email>\n(npm run admin -- help)`);
  return 2;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'migrate': {
      const db = openDatabase();
      try {
        const applied = await migrate(db);
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
      } finally {
        await db.destroy();
      }
      return 0;
    }
    case 'seed': {
      const db = openDatabase();
      try {
        await prepareDatabase(db, { demo: !config.production });
        const count = (await listOrganisations(db)).length;
        console.log(`Seeded: ${count} organisations.`);
      } finally {
        await db.destroy();
      }
      return 0;
    }
    case 'reindex': {
      const db = openDatabase();
      try {
        await migrate(db);
        const started = performance.now();
        const counts = await reindexAll(db);
        console.log(
          `Reindexed in ${Math.round(performance.now() - started)} ms: ${counts.comments} comments, ${counts.stances} stances, ${counts.organisations} organisations, ` +
            `${counts.blocks} paragraphs of ${counts.versions} draft versions.`,
        );
      } finally {
        await db.destroy();
      }
      return 0;
    }
    case 'organisations': {
      const { values } = parseArgs({ args: rest, options: { kind: { type: 'string' } } });
      const kind = ORGANISATION_KINDS.find((k) => k === values.kind);
      if (values.kind && !kind) {
        console.error(`Unknown kind "${values.kind}". Use one of: ${ORGANISATION_KINDS.join(', ')}.`);
        return 2;
      }
      const db = openDatabase();
      try {
        for (const org of await listOrganisations(db, kind)) console.log(`${org.code}\t${org.kind}\t${org.slug}\t${org.name}`);
      } finally {
        await db.destroy();
      }
      return 0;
    }
    case 'invite': {
      const { values } = parseArgs({ args: rest, options: { email: { type: 'string' }, org: { type: 'string' }, role: { type: 'string' } } });
      const role = ROLES.find((r) => r === values.role);
      if (!values.email || !values.org || !role) {
        console.error(`invite needs --email, --org and --role (${ROLES.join(', ')}).`);
        return 2;
      }
      const db = openDatabase();
      try {
        await migrate(db);
        await seedOrganisationDirectory(db);
        const organisation = await findOrganisationByCodeOrSlug(db, values.org);
        if (!organisation) {
          console.error(`No organisation with code or slug "${values.org}" (see: npm run admin -- organisations).`);
          return 2;
        }
        // What the invited person reads (the inviter's name, the refusals) is Slovenian, from the dictionary.
        const t = dictionary();
        const result = await createInvitation(db, { email: values.email, organisationId: organisation.id, role }, { id: null, name: t.account.operator }, config.publicUrl, null);
        if (!result.ok) {
          console.error(Object.values(result.error.fields ?? {}).map((message) => message(t)).join('\n'));
          return 1;
        }
        await deliverOutbox(db);
        console.log(`Invitation for ${values.email} (${role}, ${organisation.name}); valid for 14 days:\n${result.value.link}`);
      } finally {
        await db.destroy();
      }
      return 0;
    }
    case 'users': {
      const { values } = parseArgs({ args: rest, options: { org: { type: 'string' } } });
      const db = openDatabase();
      try {
        let organisationId: number | undefined;
        if (values.org) {
          const organisation = await findOrganisationByCodeOrSlug(db, values.org);
          if (!organisation) {
            console.error(`No organisation with code or slug "${values.org}".`);
            return 2;
          }
          organisationId = organisation.id;
        }
        for (const u of await listUsers(db, { organisationId })) console.log(`${u.email}\t${u.role}\t${u.status}\t${u.organisation_name}`);
      } finally {
        await db.destroy();
      }
      return 0;
    }
    case 'backup': {
      const target = rest[0];
      if (!target) {
        console.error('backup needs a target file: npm run admin -- backup db/backups/posvet-2026-11-25.sqlite (a .dump on PostgreSQL)');
        return 2;
      }
      const outcome = config.databaseUrl ? backupPostgres(config.databaseUrl, target) : await backupSqlite(config.databasePath, target);
      if (!outcome.ok) {
        console.error(outcome.problem);
        return 1;
      }
      console.log(`Backup written to ${target} (${outcome.summary}).`);
      return 0;
    }
    case 'copy-to': {
      const target = rest[0];
      if (!target) {
        console.error('copy-to needs the PostgreSQL database to copy into: npm run admin -- copy-to postgres://posvet@127.0.0.1:5432/posvet');
        return 2;
      }
      console.log(`Copying ${config.databasePath} to ${splitPassword(target).address} …`);
      const outcome = await copyToPostgres({ source: config.databasePath, target, log: (line) => console.log(line) });
      if (outcome.refused !== undefined) {
        console.error(outcome.refused);
        return 1;
      }
      console.log(checkTable(outcome.tables));
      console.log(outcome.ok ? `Every table's rows and checksum agree (${outcome.tables.length} tables).` : 'The copy differs from the source (MISMATCH above).');
      return outcome.ok ? 0 : 1;
    }
    case 'consultation': {
      const db = openDatabase();
      try {
        await migrate(db);
        await seedOrganisationDirectory(db);
        return await consultationCommand(db, rest);
      } finally {
        await db.destroy();
      }
    }
    case undefined:
    case 'help':
    case '--help':
      console.log(usage);
      return 0;
    default:
      console.error(`Unknown command "${command}".\n\n${usage}`);
      return 2;
  }
}

exitOnConfigProblems();
process.exitCode = await main(process.argv.slice(2));
