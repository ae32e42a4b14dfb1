/**
 * `npm start`: build the portal, bring the database up to date (migrations, organisation directory,
 * demo data unless NODE_ENV=production) and serve it on HOST:PORT (default 127.0.0.1:4321).
 * `--no-build` serves the existing build (used by the test suite, which builds once).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';
import { pathToFileURL } from 'node:url';
import { t } from '../i18n/index.ts';
import { config } from '../lib/server/config.ts';
import { openDatabase } from '../lib/server/db.ts';
import { cachedEntry, cacheKeyFor } from '../lib/server/page-cache.ts';
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

// We run the HTTP server ourselves and hand requests to Astro's handler (the adapter's middleware
// mode): a malformed URL gets our Slovenian 404 page instead of a bare English 400, static files
// come from memory, anonymous readers from the page cache, and SIGTERM shuts down cleanly.
const { handler } = (await import(pathToFileURL(entry).href)) as {
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
};

const contentTypes: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** Every file of dist/client, read once: hashed /_astro/ assets are cached by browsers for a year. */
function loadStaticFiles(dir: string): Map<string, { body: Buffer; headers: Record<string, string> }> {
  const files = new Map<string, { body: Buffer; headers: Record<string, string> }>();
  if (!existsSync(dir)) return files;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const url = `/${relative(dir, path).split(sep).join('/')}`;
    files.set(url, {
      body: readFileSync(path),
      headers: {
        'content-type': contentTypes[extname(url)] ?? 'application/octet-stream',
        'cache-control': url.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
        'x-content-type-options': 'nosniff',
      },
    });
  }
  return files;
}
const staticFiles = loadStaticFiles(fromRoot('dist/client'));

// Nothing we accept is anywhere near this; refusing early keeps a flood of bytes out of memory.
const MAX_BODY_BYTES = 1024 * 1024;

// Requests in progress per connection, so that a shutdown can close each connection only after its
// last response has gone out (http.Server#close would also drop connections whose response has
// ended but is still being flushed, cutting large downloads short).
const active = new Map<Socket, number>();
let stopping = false;

/**
 * Ends a connection during shutdown once it has no request in progress. The check runs in a
 * setImmediate, after the event loop's poll phase, so a request that already arrived but was not yet
 * read (the loop was busy) is counted first instead of being cut off.
 */
function endWhenIdle(socket: Socket, delayMs = 0): void {
  setTimeout(() => {
    setImmediate(() => {
      if ((active.get(socket) ?? 0) === 0) socket.end();
    });
  }, delayMs);
}

const server = createServer((req, res) => {
  const socket = req.socket;
  active.set(socket, (active.get(socket) ?? 0) + 1);
  if (stopping) res.setHeader('connection', 'close');
  res.on('finish', () => {
    const left = (active.get(socket) ?? 1) - 1;
    active.set(socket, left);
    if (stopping && left === 0) endWhenIdle(socket);
  });
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
    res.writeHead(413, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
    res.end(t.forms.tooLarge);
    req.destroy();
    return;
  }
  try {
    decodeURI(req.url ?? '/');
  } catch {
    req.url = '/404';
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  const file = req.method === 'GET' || req.method === 'HEAD' ? staticFiles.get(url.pathname) : undefined;
  if (file) {
    res.writeHead(200, { ...file.headers, 'content-length': String(file.body.byteLength) });
    res.end(req.method === 'HEAD' ? undefined : file.body);
    return;
  }
  // Anonymous readers of public pages are answered from the page cache without entering Astro.
  const key = cacheKeyFor(req.method ?? 'GET', url, req.headers.cookie ?? null);
  const hit = key ? cachedEntry(key) : undefined;
  if (hit) {
    res.writeHead(hit.status, [...hit.headers.flat(), 'content-length', String(hit.body.byteLength)]);
    res.end(hit.body);
    return;
  }
  handler(req, res).catch((error) => {
    console.error('posvet: request failed', error);
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(t.errors.serverErrorTitle);
  });
});

server.on('connection', (socket) => {
  active.set(socket, 0);
  socket.on('close', () => active.delete(socket));
});

server.listen(config.port, config.host, () => {
  console.log(`posvet: serving on http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}/`);
});

function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`posvet: ${signal} received; finishing requests in flight…`);
  // Stop accepting connections (net.Server#close: waits for open connections without dropping
  // them), end idle keep-alive connections gracefully, and let busy ones end after their response.
  NetServer.prototype.close.call(server, async () => {
    const { closeDb } = await import('../lib/server/db.ts');
    await closeDb();
    console.log('posvet: stopped.');
    process.exit(0);
  });
  for (const [socket, requests] of active) if (requests === 0) endWhenIdle(socket, 100);
  setTimeout(() => {
    console.error('posvet: requests still open after 10 s; stopping anyway.');
    process.exit(1);
  }, 10_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
