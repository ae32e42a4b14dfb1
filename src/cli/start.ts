/**
 * `npm start`: build the portal, bring the database up to date (migrations, organisation directory,
 * demo data unless NODE_ENV=production) and serve it on HOST:PORT (default 127.0.0.1:4321).
 * `--no-build` serves the existing build (used by the test suite, which builds once).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { pathToFileURL } from 'node:url';
import { config } from '../lib/server/config.ts';
import { openDatabase } from '../lib/server/db.ts';
import { fromRoot } from '../lib/server/paths.ts';
import { prepareDatabase } from '../lib/server/setup.ts';

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

// We run the HTTP server ourselves (the adapter's handler does the work) so that a malformed URL
// gets our Slovenian 404 page instead of a bare English 400, and SIGTERM shuts down cleanly.
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const { handler } = (await import(pathToFileURL(entry).href)) as {
  handler: (req: IncomingMessage, res: ServerResponse) => void;
};

const server = createServer((req, res) => {
  try {
    decodeURI(req.url ?? '/');
  } catch {
    req.url = '/404';
  }
  handler(req, res);
});

server.listen(config.port, config.host, () => {
  console.log(`posvet: serving on http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}/`);
});

let stopping = false;
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`posvet: ${signal} received; finishing requests in flight…`);
  // Stop accepting connections, let requests in flight finish, close idle keep-alive sockets.
  server.close(async () => {
    const { closeDb } = await import('../lib/server/db.ts');
    await closeDb();
    console.log('posvet: stopped.');
    process.exit(0);
  });
  server.closeIdleConnections();
  setTimeout(() => {
    console.error('posvet: requests still open after 10 s; stopping anyway.');
    process.exit(1);
  }, 10_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
