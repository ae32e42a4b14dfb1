import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/platform/db.ts';
import { root, seedScale, startServer, type RunningServer } from '../support/server.ts';
import { createTestDatabase, freePort } from '../support/postgres.ts';
import { waitFor } from '../support/wait.ts';

/*
 * The deployment recipe (README "Deployment") exercised: deploy/nginx/posvet.conf, rendered for
 * loopback, in front of the production server — TLS with a self-signed certificate, HTTP → HTTPS,
 * static assets from disk, the body size, the forwarded client address. nginx is Debian's package
 * (.ci/run installs it), run as a foreground process with its own prefix. On PostgreSQL in the
 * PostgreSQL round (TEST_POSTGRES_URL).
 */

const client = '127.0.0.5'; // a loopback address that is not the proxy's: what the portal must see
let dir: string;
let cert: string;
let nginx: ChildProcess;
let nginxLog = '';
let server: RunningServer;
let location: string;
let dropDatabase: (() => Promise<void>) | undefined;
let http: number;
let https: number;

/** The site file with its placeholders for this machine: each must be there, so the test and the file cannot drift apart. */
function render(site: string, ports: { app: number; http: number; https: number }): string {
  const replacements: Array<[string, string]> = [
    ['server_name posvet.gov.si;', 'server_name 127.0.0.1;'],
    ['/etc/ssl/posvet/fullchain.pem', join(dir, 'cert.pem')],
    ['/etc/ssl/posvet/privkey.pem', join(dir, 'key.pem')],
    ['server 127.0.0.1:4321;', `server 127.0.0.1:${ports.app};`],
    ['/srv/posvet/dist/client', join(root, 'dist/client')],
    ['listen 80;', `listen 127.0.0.1:${ports.http};`],
    ['listen 443 ssl http2;', `listen 127.0.0.1:${ports.https} ssl http2;`],
    ['return 301 https://$host$request_uri;', `return 301 https://$host:${ports.https}$request_uri;`],
  ];
  for (const [from, to] of replacements) {
    if (!site.includes(from)) throw new Error(`deploy/nginx/posvet.conf no longer has "${from}"`);
    site = site.replaceAll(from, to);
  }
  return site;
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One HTTPS request through nginx from `client`, trusting only the test's certificate. */
function fetchTls(path: string, options: { method?: string; headers?: Record<string, string | number>; body?: string | Buffer; port?: number; plain?: boolean } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const settings = { host: '127.0.0.1', port: options.port ?? https, path, method: options.method ?? 'GET', headers: options.headers, localAddress: client };
    const req = options.plain ? httpRequest(settings) : httpsRequest({ ...settings, ca: cert });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

beforeAll(async () => {
  if (spawnSync('nginx', ['-v']).error) throw new Error('nginx is not installed (Debian: apt-get install nginx); .ci/run installs it.');
  dir = mkdtempSync(join(tmpdir(), 'posvet-nginx-'));
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`openssl: ${made.stderr}`);
  cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
  const app = await freePort();
  http = await freePort();
  https = await freePort();

  const cluster = process.env.TEST_POSTGRES_URL;
  if (cluster) {
    const database = await createTestDatabase(cluster, 'template0');
    location = database.url;
    dropDatabase = database.drop;
  } else location = join(dir, 'posvet.sqlite');
  await seedScale(location, { comments: 10 });
  server = await startServer(join(dir, 'posvet.sqlite'), app, {
    TRUSTED_PROXIES: '127.0.0.1',
    PUBLIC_URL: `https://127.0.0.1:${https}`,
    MAIL_DIR: join(dir, 'mail'),
    ...(cluster ? { DATABASE_URL: location } : {}),
  });

  mkdirSync(join(dir, 'logs'));
  const site = render(readFileSync(join(root, 'deploy/nginx/posvet.conf'), 'utf8'), { app, http, https });
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${join(dir, t)};`).join('\n  ');
  writeFileSync(
    join(dir, 'nginx.conf'),
    `${process.getuid?.() === 0 ? 'user root;\n' : ''}worker_processes 1;\nevents { worker_connections 256; }\nhttp {\n  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n  access_log off;\n  ${temp}\n${site}\n}\n`,
  );
  nginx = spawn('nginx', ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', `daemon off; pid ${join(dir, 'nginx.pid')}; error_log ${join(dir, 'logs/error.log')};`], { stdio: ['ignore', 'pipe', 'pipe'] });
  nginx.stdout!.on('data', (d) => (nginxLog += d));
  nginx.stderr!.on('data', (d) => (nginxLog += d));
  await waitFor('nginx to answer over HTTPS', async () => {
    if (nginx.exitCode !== null) throw new Error(`nginx exited: ${nginxLog}`);
    try {
      return (await fetchTls('/dostopnost')).status === 200 || undefined;
    } catch {
      return undefined;
    }
  }, { timeout: 30_000, interval: 100 });
});

afterAll(async () => {
  nginx?.kill('SIGTERM');
  await server?.stop('SIGKILL');
  await dropDatabase?.();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the portal behind nginx (deploy/nginx/posvet.conf)', () => {
  it('redirects plain HTTP to HTTPS, keeping the path', async () => {
    const reply = await fetchTls('/posvetovanja?stran=2', { port: http, plain: true });
    expect(reply.status).toBe(301);
    expect(reply.headers.location).toBe(`https://127.0.0.1:${https}/posvetovanja?stran=2`);
  });

  it('serves pages over TLS, and compresses them', async () => {
    const reply = await fetchTls('/', { headers: { 'accept-encoding': 'gzip' } });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/text\/html/);
    expect(reply.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(reply.headers['content-encoding']).toBe('gzip');
  });

  it('signs in over HTTPS: the https origin is accepted, the session cookie is Secure, the address is the client’s', async () => {
    const db = openDatabase(location);
    const member = await db.selectFrom('users').select('email').where('email', 'like', 'clan-%@bench.test').orderBy('id').executeTakeFirstOrThrow();
    const form = new URLSearchParams({ email: member.email, password: 'bench password that is long enough' }).toString();
    // A client that names its own address in X-Forwarded-For: nginx appends the real one, which wins.
    const reply = await fetchTls('/prijava', {
      method: 'POST',
      headers: { origin: `https://127.0.0.1:${https}`, 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(form), 'x-forwarded-for': '203.0.113.9' },
      body: form,
    });
    expect(reply.status).toBe(303);
    const cookies = ([] as string[]).concat(reply.headers['set-cookie'] ?? []);
    expect(cookies.find((c) => c.startsWith('posvet_seja='))).toMatch(/;\s*Secure/i);
    const attempt = await db.selectFrom('login_attempts').select(['ip', 'succeeded']).where('email', '=', member.email).executeTakeFirstOrThrow();
    await db.destroy();
    expect(attempt).toEqual({ ip: client, succeeded: 1 });
  });

  it('refuses an upload over 51 MB itself, with 413, before the portal reads it', async () => {
    const reply = await fetchTls('/pripombe/1/priloge', {
      method: 'POST',
      headers: { origin: `https://127.0.0.1:${https}`, 'content-type': 'multipart/form-data; boundary=x', 'content-length': 51 * 1024 * 1024 + 1 },
    }).catch((error: Error): Reply => ({ status: 0, headers: {}, body: Buffer.from(error.message) }));
    expect(reply.status).toBe(413);
    expect(reply.headers.server).toMatch(/nginx/);
  });

  it('serves the built assets from disk with a year-long cache, even while the portal is down', async () => {
    const folder = join(root, 'dist/client/_astro');
    const asset = readdirSync(folder).filter((name) => /\.(css|js)$/.test(name)).sort((a, b) => statSync(join(folder, b)).size - statSync(join(folder, a)).size)[0];
    const reply = await fetchTls(`/_astro/${asset}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(reply.status).toBe(200);
    expect(reply.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(reply.headers['content-encoding']).toBe('gzip');
    await server.stop('SIGKILL');
    expect((await fetchTls(`/_astro/${asset}`)).status).toBe(200);
    expect((await fetchTls('/dostopnost')).status).toBe(502);
  });
});
