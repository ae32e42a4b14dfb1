/**
 * One app process: serves the built portal on HOST:PORT — the start script's own process (WORKERS=1)
 * or each of its cluster workers (WORKERS > 1, src/cli/workers.ts), all on the same port. The
 * database is prepared before (start.ts); SIGTERM finishes the requests in flight, then stops.
 */
import cluster from 'node:cluster';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';
import { Transform, type Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { dictionary } from '../i18n/index.ts';
import { config } from '../lib/server/platform/config.ts';
import { clientFacts, type ClientFacts } from '../lib/server/platform/net.ts';
import { withResponseFlow } from '../lib/server/platform/streams.ts';
import { pageCache, cacheKeyFor, isAnonymous, normalisedCacheUrl } from '../lib/server/web/page-cache.ts';
import { fromRoot } from '../lib/server/platform/paths.ts';
import { SHUTDOWN_GRACE_MS } from '../lib/server/platform/shutdown.ts';

/** The server answers before any page (and its reader's language) is involved: in Slovenian. */
const t = dictionary();

const entry = fromRoot('dist/server/entry.mjs');

// We run the HTTP server ourselves and hand requests to Astro's handler (the adapter's middleware
// mode): a malformed URL gets our Slovenian 404 page instead of a bare English 400, static files
// come from memory, anonymous readers from the page cache, and SIGTERM shuts down cleanly.
const { handler } = (await import(pathToFileURL(entry).href)) as {
  handler: (req: IncomingMessage, res: ServerResponse, next: undefined, locals: { client: ClientFacts; upload?: Readable }) => Promise<void>;
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
// The one exception: an upload of attachments (5 PDFs of 10 MB and the form around them) is not read
// here but streamed through to its page, which writes each file to disk as it arrives.
const MAX_UPLOAD_BYTES = 5 * 10 * 1024 * 1024 + 1024 * 1024;
const UPLOAD_PATH = /^\/pripombe\/\d{1,9}\/priloge$/;
const isUpload = (req: IncomingMessage, path: string) =>
  req.method === 'POST' && UPLOAD_PATH.test(path) && /^multipart\/form-data\b/i.test(req.headers['content-type'] ?? '');
// The methods the portal answers; anything else (TRACE, PUT, OPTIONS…) gets 405 before Astro.
const METHODS = ['GET', 'HEAD', 'POST'];
const ALLOW = METHODS.join(', ');
// A request target in origin form: one slash, then visible ASCII (non-ASCII arrives percent-encoded).
const ORIGIN_FORM = /^\/(?!\/)[\x21-\x7e]*$/;
// A Host header we may hand on: a name or address with an optional port.
const HOST = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]{1,253})(:\d{1,5})?$/i;
const publicHost = new URL(config.publicUrl).host;

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

/** A short plain-text answer of the server itself (security headers included). */
function refuse(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    // Already answered in full (an upload refused as too large while its page still ran): leave the
    // connection to close as that answer arranged.
    if (!res.writableEnded) res.destroy();
    return;
  }
  const body = Buffer.from(`${message}\n`);
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': String(body.byteLength),
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(body);
}

/**
 * Answers 413 and closes the connection without reading the rest of an oversized body into memory.
 * What is still arriving is read and dropped for a moment after the answer (closing a socket with
 * unread data would reset it and the client might never see the answer), then the socket goes.
 */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse): void {
  // Not "Connection: close": Node would then destroy the socket at once, unread data and all.
  refuse(res, 413, t.forms.tooLarge);
  req.on('data', () => {});
  res.on('finish', () => {
    req.socket.end();
    setTimeout(() => req.socket.destroy(), 2_000).unref();
  });
}

/**
 * Reads a request's body into memory, counting bytes as they arrive, whatever the framing
 * (Content-Length or chunked): past MAX_BODY_BYTES the request is answered 413 and the connection
 * closed before another byte is kept. Resolves with the body, or undefined when it was refused.
 */
function readBoundedBody(req: IncomingMessage, res: ServerResponse): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (body: Buffer | undefined) => {
      if (done) return;
      done = true;
      resolve(body);
    };
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.byteLength;
      if (size > MAX_BODY_BYTES) {
        chunks.length = 0;
        refuseTooLarge(req, res);
        finish(undefined);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => finish(Buffer.concat(chunks)));
    req.on('error', () => finish(undefined));
    req.on('close', () => finish(undefined));
  });
}

/**
 * Lets an upload's body stream on to its page unread, counting bytes whatever the framing: past
 * MAX_UPLOAD_BYTES the request is answered 413 and the connection closed, and the page's stream
 * fails (nothing is stored). A client that goes away half-way fails it too. A page that answers
 * without reading the whole body (a refusal) has the connection closed after its answer.
 */
function boundedStream(req: IncomingMessage, res: ServerResponse): Readable {
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.byteLength;
      if (size <= MAX_UPLOAD_BYTES) return done(null, chunk);
      req.unpipe(counter);
      refuseTooLarge(req, res);
      done(new Error('upload larger than MAX_UPLOAD_BYTES'));
    },
  });
  req.on('close', () => {
    if (!req.complete) counter.destroy(new Error('the upload was cut off'));
  });
  res.on('finish', () => {
    if (req.complete || size > MAX_UPLOAD_BYTES) return;
    req.unpipe(counter);
    req.on('data', () => {});
    req.socket.end();
    setTimeout(() => req.socket.destroy(), 2_000).unref();
  });
  req.pipe(counter);
  return counter;
}

function hasBody(req: IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = req.method ?? 'GET';
  if (!METHODS.includes(method)) return refuse(res, 405, t.errors.methodNotAllowed, { allow: ALLOW });
  const upload = isUpload(req, (req.url ?? '/').split('?')[0]);
  if (Number(req.headers['content-length'] ?? 0) > (upload ? MAX_UPLOAD_BYTES : MAX_BODY_BYTES)) return refuseTooLarge(req, res);
  // Only paths: no absolute URLs, no "//host" (which URL parsers read as another host), no raw
  // bytes. Anything else is not a page of ours.
  let target = req.url ?? '/';
  if (!ORIGIN_FORM.test(target)) {
    if (!target.startsWith('/')) return refuse(res, 400, t.errors.badRequest);
    target = '/404';
  }
  try {
    decodeURI(target);
  } catch {
    target = '/404';
  }
  // A Host header that is not a host name is refused (RFC 9112 §3.2). Links are never built from
  // Host; in production Astro sees the public host whatever was sent.
  const hosts = req.rawHeaders.filter((name, i) => i % 2 === 0 && name.toLowerCase() === 'host').length;
  if (hosts !== 1 || !HOST.test(req.headers.host ?? '')) return refuse(res, 400, t.errors.badRequest);
  if (config.production) req.headers.host = publicHost;
  const url = new URL(`http://${publicHost}${target}`);
  // Anonymous readers of public pages get the page for the parameters it reads, from the cache
  // without entering Astro when it is there.
  const normal = method === 'GET' && isAnonymous(req.headers.cookie) ? normalisedCacheUrl(url) : undefined;
  if (normal !== undefined && normal !== url.pathname + url.search) target = normal;
  req.url = target;
  const key = cacheKeyFor(method, new URL(`http://${publicHost}${target}`), req.headers.cookie ?? null);
  if (key) await pageCache.refresh();
  const hit = key ? pageCache.entry(key) : undefined;
  if (hit) {
    res.writeHead(hit.status, [...hit.headers.flat(), 'content-length', String(hit.body.byteLength)]);
    res.end(hit.body);
    return;
  }
  const file = method === 'GET' || method === 'HEAD' ? staticFiles.get(url.pathname) : undefined;
  if (file) {
    res.writeHead(200, { ...file.headers, 'content-length': String(file.body.byteLength) });
    res.end(method === 'HEAD' ? undefined : file.body);
    return;
  }
  // An upload's body goes to its page as a Node stream in `locals.upload` (the Request's own body
  // would copy every chunk once more); the Request gets an empty one.
  const uploadBody = upload ? boundedStream(req, res) : undefined;
  if (upload) {
    (req as IncomingMessage & { body?: Buffer }).body = Buffer.alloc(0);
  } else if (hasBody(req)) {
    const body = await readBoundedBody(req, res);
    if (!body) return;
    (req as IncomingMessage & { body?: Buffer }).body = body;
  }
  const client = clientFacts(req.socket.remoteAddress, 'encrypted' in req.socket && !!req.socket.encrypted, req.headers, config.trustedProxies);
  // Streamed answers wait for the socket to drain (platform/streams.ts): Astro itself does not.
  const whenWritable = () =>
    !res.writableNeedDrain || res.destroyed
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          const done = () => {
            res.off('drain', done);
            res.off('close', done);
            resolve();
          };
          res.on('drain', done);
          res.on('close', done);
        });
  await withResponseFlow(whenWritable, () => handler(req, res, undefined, { client, ...(uploadBody ? { upload: uploadBody } : {}) }));
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
  // Whatever a request holds, its failure is this request's 500 and never the server's end.
  serve(req, res).catch((error) => {
    console.error('posvet: request failed', error);
    refuse(res, 500, t.errors.serverErrorTitle);
  });
});

// CONNECT (a proxy's method) arrives apart from other requests: refuse it like any unknown method.
server.on('connect', (_req: IncomingMessage, socket: Socket) => {
  const body = Buffer.from(`${t.errors.methodNotAllowed}\n`);
  socket.end(
    `HTTP/1.1 405 Method Not Allowed\r\nallow: ${ALLOW}\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: ${body.byteLength}\r\nconnection: close\r\n\r\n${body.toString('latin1')}`,
    'latin1',
  );
});

// Requests Node cannot even parse (a broken request line or header block, oversized headers, a
// request that never finishes arriving) get a short 4xx and the connection is closed.
server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
  if (!socket.writable || (error.code === 'ECONNRESET')) {
    socket.destroy();
    return;
  }
  const [status, reason, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large', t.errors.headersTooLarge]
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', t.errors.requestTimeout]
        : [400, 'Bad Request', t.errors.badRequest];
  const body = Buffer.from(`${message}\n`);
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: ${body.byteLength}\r\nconnection: close\r\n\r\n${body.toString('latin1')}`,
    'latin1',
  );
});

// An idle keep-alive connection stays open longer than clients and reverse proxies keep theirs
// (nginx: 60 s), so the server never closes one just as a client sends its next request on it —
// the client would see ECONNRESET. Headers must still arrive within their own timeout.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

server.on('connection', (socket) => {
  active.set(socket, 0);
  socket.on('close', () => active.delete(socket));
});

server.listen(config.port, config.host, () => {
  const address = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}/`;
  // A worker names its process id (the supervisor's log, and the tests that stop one).
  console.log(`posvet: serving on ${address}` + (cluster.isWorker ? ` (worker ${process.pid})` : ''));
});

function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`posvet: ${signal} received; finishing requests in flight…`);
  // Stop accepting connections (net.Server#close: waits for open connections without dropping
  // them), end idle keep-alive connections gracefully, and let busy ones end after their response.
  NetServer.prototype.close.call(server, async () => {
    const { closeDb } = await import('../lib/server/platform/db.ts');
    await closeDb();
    console.log('posvet: stopped.');
    process.exit(0);
  });
  for (const [socket, requests] of active) if (requests === 0) endWhenIdle(socket, 100);
  setTimeout(() => {
    console.error(`posvet: requests still open after ${SHUTDOWN_GRACE_MS / 1000} s; stopping anyway.`);
    process.exit(1);
  }, SHUTDOWN_GRACE_MS).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
