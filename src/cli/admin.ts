/**
 * Operator commands: `npm run admin -- <command> [options]`. Runs on the same modules as the server.
 */
import { parseArgs } from 'node:util';
import { config } from '../lib/server/config.ts';
import { migrate, openDatabase, openSqlite } from '../lib/server/db.ts';
import { listOrganisations } from '../lib/server/organisations.ts';
import { prepareDatabase } from '../lib/server/setup.ts';

const usage = `Posvet — operator commands (npm run admin -- <command>)

  migrate                 apply pending database migrations
  seed                    migrate, then seed the organisation directory
                          (and demo data unless NODE_ENV=production)
  organisations [--kind K] list organisations (K: municipality, association, government, other)
  backup <file>           write a consistent copy of the live database to <file>
  help                    this text

The database is DATABASE_PATH (now: ${config.databasePath}).`;

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
    case 'organisations': {
      const { values } = parseArgs({ args: rest, options: { kind: { type: 'string' } } });
      const kinds = ['municipality', 'association', 'government', 'other'] as const;
      const kind = values.kind as (typeof kinds)[number] | undefined;
      if (kind && !kinds.includes(kind)) {
        console.error(`Unknown kind "${values.kind}". Use one of: ${kinds.join(', ')}.`);
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
    case 'backup': {
      const target = rest[0];
      if (!target) {
        console.error('backup needs a target file: npm run admin -- backup db/backups/posvet-2026-11-25.sqlite');
        return 2;
      }
      // SQLite's online backup copies a consistent snapshot while the server keeps writing.
      const sqlite = openSqlite();
      try {
        await sqlite.backup(target);
        const copy = openSqlite(target);
        const check = copy.pragma('integrity_check', { simple: true });
        copy.close();
        if (check !== 'ok') {
          console.error(`The copy failed its integrity check: ${String(check)}`);
          return 1;
        }
        console.log(`Backup written to ${target} (integrity check: ok).`);
      } finally {
        sqlite.close();
      }
      return 0;
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

process.exitCode = await main(process.argv.slice(2));
