/**
 * `npm start`: build the portal, bring the database up to date (migrations, organisation directory,
 * demo data unless NODE_ENV=production) and serve it on HOST:PORT (default 127.0.0.1:4321).
 * `--no-build` serves the existing build (used by the test suite, which builds once).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { config } from '../src/lib/server/config.ts';
import { openDatabase } from '../src/lib/server/db.ts';
import { fromRoot } from '../src/lib/server/paths.ts';
import { prepareDatabase } from '../src/lib/server/setup.ts';

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

const db = openDatabase();
try {
  const { migrations } = await prepareDatabase(db, { demo: !config.production });
  console.log(
    `posvet: database ${config.databasePath} ready` + (migrations.length ? ` (applied ${migrations.join(', ')})` : ''),
  );
} finally {
  await db.destroy();
}

await import(pathToFileURL(entry).href);
