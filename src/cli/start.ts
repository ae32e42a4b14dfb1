/**
 * `npm start`: build the portal, bring the database up to date (migrations, organisation directory,
 * demo data unless NODE_ENV=production) and serve it on HOST:PORT (default 127.0.0.1:4321) — in
 * this process (WORKERS=1), or in WORKERS app processes that share the port (Node's cluster,
 * src/cli/workers.ts). `--no-build` serves the existing build (used by the test suite, which builds once).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { config, exitOnConfigProblems } from '../lib/server/platform/config.ts';
import { openDatabase } from '../lib/server/platform/db.ts';
import { fromRoot } from '../lib/server/platform/paths.ts';
import { prepareDatabase } from '../lib/server/platform/setup.ts';
import { superviseWorkers } from './workers.ts';

// A wrong setting stops here, named, before anything is built or served.
exitOnConfigProblems();

const entry = fromRoot('dist/server/entry.mjs');

if (!process.argv.includes('--no-build')) {
  const build = spawnSync(process.execPath, [fromRoot('node_modules/astro/bin/astro.mjs'), 'build'], {
    stdio: 'inherit',
    cwd: fromRoot(),
  });
  if (build.status !== 0) {
    console.error('posvet: the build failed; see the messages above.');
    process.exit(build.status ?? 1);
  }
} else if (!existsSync(entry)) {
  console.error('posvet: no build in dist/ — run `npm run build` first, or `npm start` without --no-build.');
  process.exit(1);
}

// Prepared once, here, before any app process serves; several machines starting together on one
// PostgreSQL database take turns (prepareDatabase runs under an advisory lock).
const db = openDatabase();
try {
  const { migrations } = await prepareDatabase(db, { demo: !config.production });
  console.log(
    `posvet: database ${where(config.database)} ready` + (migrations.length ? ` (applied ${migrations.join(', ')})` : ''),
  );
} finally {
  await db.destroy();
}

if (config.workers > 1) {
  superviseWorkers(config.workers);
} else {
  await import('./serve.ts');
}

/** The database for the log: a file's path, or a PostgreSQL address without its password. */
function where(location: string): string {
  if (!config.databaseUrl) return location;
  const url = new URL(location);
  url.password = '';
  return url.toString();
}
