import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailsIn } from '../support/mail.ts';
import { waitFor } from '../support/wait.ts';
import { root } from '../support/server.ts';
import { harness, query, type Harness } from './helpers.ts';

/**
 * Issue 10 (hardening), the parts that live in the server's edge: what a stranger sends can neither
 * stop the process, nor bloat it, nor poison what other people receive.
 */

/** Sends raw bytes and resolves with the status code of the answer (0 when the server said nothing). */
function raw(port: number, bytes: string | Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const deadline = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within 10 s to ${JSON.stringify(String(bytes).slice(0, 80))}`));
    }, 10_000);
    const done = () => {
      clearTimeout(deadline);
      socket.destroy();
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(received);
      resolve(status ? Number(status[1]) : 0);
    };
    socket.on('data', (d) => {
      received += d.toString('latin1');
      if (received.includes('\r\n')) done();
    });
    socket.on('end', done);
    socket.on('error', done);
    socket.write(bytes);
  });
}

function rssMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

/** A POST of `megabytes` of chunked body; resolves with the status the server answered. */
function chunkedFlood(url: string, megabytes: number): Promise<number> {
  return new Promise((resolve) => {
    let status = 0;
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(url).origin, 'transfer-encoding': 'chunked' } }, (res) => {
      status = res.statusCode ?? 0;
      resolve(status);
      req.destroy();
    });
    req.on('error', () => resolve(status));
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let sent = 0;
    const pump = () => {
      while (sent < megabytes * 1024 * 1024) {
        if (status || req.destroyed) return;
        sent += chunk.byteLength;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

type Setup = Harness;

/** A fresh database (20 comments unless said) and the production server on it. */
function setup(port: number, env: Record<string, string> = {}, comments = 20): Promise<Setup> {
  return harness(port, comments, env);
}

async function teardown(s: Setup | undefined) {
  await s?.cleanup();
}

describe('the production server under hostile input', () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setup(4406);
  });
  afterAll(async () => teardown(s));

  it('answers every malformed request line, header block and method with a 4xx and keeps serving', async () => {
    const host = 'Host: 127.0.0.1:4406\r\n';
    const corpus: string[] = [
      ...['//', '//:', '//@', '//a:99999/x', '//evil.example/', '///', '//:@/x', '/%', '/%E0%A4%A', '/\\evil', '/posvetovanja/ds2030/osnutek/%2e%2e/%2e%2e/etc/passwd'].map(
        (path) => `GET ${path} HTTP/1.1\r\n${host}\r\n`,
      ),
      ...['TRACE /', 'OPTIONS *', 'OPTIONS /', 'PUT /', 'DELETE /posvetovanja/ds2030/osnutek/uvod', 'PATCH /prijava', 'BREW /', 'PROPFIND /', 'CONNECT 127.0.0.1:443', 'get /'].map(
        (line) => `${line} HTTP/1.1\r\n${host}\r\n`,
      ),
      `GET http://evil.example/ HTTP/1.1\r\n${host}\r\n`,
      `GET * HTTP/1.1\r\n${host}\r\n`,
      `GET evil HTTP/1.1\r\n${host}\r\n`,
      `GET /\u0000 HTTP/1.1\r\n${host}\r\n`,
      `GET / HTTP/9.9\r\n${host}\r\n`,
      'GET /\r\n\r\n',
      'GARBAGE\r\n\r\n',
      '\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\u00a1\u0003\u0003\r\n\r\n',
      'GET / HTTP/1.1\r\n\r\n',
      'GET / HTTP/1.1\r\nHost: a b\r\n\r\n',
      'GET / HTTP/1.1\r\nHost: [::\r\n\r\n',
      'GET / HTTP/1.1\r\nHost: evil.example/x\r\n\r\n',
      'GET / HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n',
      `GET / HTTP/1.1\r\n${host}NoColonHere\r\n\r\n`,
      `GET / HTTP/1.1\r\n${host}Bad Name: x\r\n\r\n`,
      `GET / HTTP/1.1\r\n${host}X: a\rb\r\n\r\n`,
      `GET / HTTP/1.1\r\n${host}X-Big: ${'x'.repeat(100_000)}\r\n\r\n`,
      `GET / HTTP/1.1\r\n${host}${Array.from({ length: 3000 }, (_, i) => `X-${i}: y\r\n`).join('')}\r\n`,
      `POST /prijava HTTP/1.1\r\n${host}Content-Length: -1\r\n\r\n`,
      `POST /prijava HTTP/1.1\r\n${host}Content-Length: abc\r\n\r\n`,
      `POST /prijava HTTP/1.1\r\n${host}Content-Length: 5\r\nContent-Length: 6\r\n\r\nabcdef`,
      `POST /prijava HTTP/1.1\r\n${host}Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
      `POST /prijava HTTP/1.1\r\n${host}Transfer-Encoding: gzip\r\n\r\nxx`,
      `POST /prijava HTTP/1.1\r\n${host}Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n`,
      `POST /prijava HTTP/1.1\r\n${host}Content-Length: 99999999999\r\n\r\n`,
      `POST /prijava HTTP/1.1\r\n${host}Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 5\r\n\r\na=b&c`,
    ];
    const answers: Array<[string, number]> = [];
    for (const line of corpus) answers.push([JSON.stringify(line.slice(0, 60)), await raw(4406, line)]);
    answers.push(['raw bytes', await raw(4406, Buffer.from([0x47, 0x45, 0x54, 0x20, 0x2f, 0xc3, 0x28, 0xff, 0x20, 0x48, 0x54, 0x54, 0x50, 0x2f, 0x31, 0x2e, 0x31, 0x0d, 0x0a, 0x0d, 0x0a]))]);
    const not4xx = answers.filter(([, status]) => status < 400 || status > 499);
    expect(not4xx).toEqual([]);
    expect(s.server.child.exitCode).toBeNull();
    expect((await fetch(`${s.server.url}/dostopnost`)).status).toBe(200);
  });

  it('answers unknown methods on pages with 405 and the methods it allows', async () => {
    for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const response = await fetch(`${s.server.url}/posvetovanja/ds2030/osnutek/uvod`, { method, headers: { origin: s.server.url } });
      expect(response.status, method).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, HEAD, POST');
      expect(await response.text()).toMatch(/ni podprt/);
    }
  });

  it('refuses a chunked body past 1 MB while it streams, without growing the process', async () => {
    const pid = s.server.child.pid!;
    const before = rssMegabytes(pid);
    for (const path of ['/pozabljeno-geslo', '/prijava', '/posvetovanja/ds2030/osnutek/uvod/1']) {
      expect(await chunkedFlood(`${s.server.url}${path}`, 128)).toBe(413);
    }
    expect(rssMegabytes(pid) - before).toBeLessThan(64);
    expect((await fetch(`${s.server.url}/dostopnost`)).status).toBe(200);
  });

  it('builds every link from PUBLIC_URL, never from the Host header, and keeps the cache clean', async () => {
    const email = (await query(s.dbPath, (db) => db.get<{ email: string }>("select email from users where role = 'member' order by id limit 1")))!.email;
    const evil = { host: 'evil.example', origin: s.server.url };
    const reset = await fetch(`${s.server.url}/pozabljeno-geslo`, {
      method: 'POST',
      redirect: 'manual',
      headers: { ...evil, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email }).toString(),
    });
    expect(reset.status).toBeLessThan(400);
    const mail = await waitFor('the reset mail', () => mailsIn(s.mailDir).map((m) => m.body).find((m) => m.includes('/ponastavi-geslo/')), { timeout: 20_000 });
    expect(mail).toContain(`${s.server.url}/ponastavi-geslo/`);
    expect(mail).not.toContain('evil.example');
    for (const path of ['/api/v1/comments', '/api/v1/comments?format=csv', '/api/v1/comments/export.csv', '/api/v1/comments/export.jsonl']) {
      const poisoned = await fetch(`${s.server.url}${path}`, { headers: { host: 'evil.example' } });
      expect(await poisoned.text(), path).not.toContain('evil.example');
      const later = await (await fetch(`${s.server.url}${path}`)).text();
      expect(later, path).toContain(`${s.server.url}/pripombe/`);
      expect(later, path).not.toContain('evil.example');
    }
  });

  it('keys the page cache on the parameters a page reads, so random ones get the cached page', async () => {
    const slug = (await query(s.dbPath, (db) => db.get<{ chapter_slug: string }>("select chapter_slug from comments where state = 'submitted' and scope = 'block' limit 1")))!.chapter_slug;
    const chapter = `/posvetovanja/ds2030/osnutek/${slug}`;
    const first = await (await fetch(`${s.server.url}${chapter}?t=1`)).text();
    // A public comment written behind the server's back: a fresh render would show it, the cache not.
    const marker = `Neviden v predpomnilniku ${Date.now()}`;
    await query(s.dbPath, async (db) => {
      const row = (await db.get("select * from comments where chapter_slug = ? and state = 'submitted' limit 1", slug))!;
      delete row.id;
      await db.run(
        `insert into comments (${Object.keys(row).join(', ')}) values (${Object.keys(row).map(() => '?').join(', ')})`,
        ...Object.values({ ...row, body: marker, idempotency_key: `cache-${Date.now()}`, submitted_at: new Date().toISOString(), created_at: new Date().toISOString() }),
      );
    });
    for (const query of ['?t=2', '?t=3&x=%00', '?utm_source=x', '?odstavek=nic', '']) {
      const again = await (await fetch(`${s.server.url}${chapter}${query}`)).text();
      expect(again, query).toBe(first);
    }
    // A parameter the page reads still makes its own page: the block page's second page exists.
    const blockPage = await fetch(`${s.server.url}${s.scale.blockPaths[0]}?stran=2&t=9`);
    expect(blockPage.status).toBe(200);
  });

  it('sends the security headers and the cookie on redirects, and HTML with its charset', async () => {
    const anonymousRedirect = await fetch(`${s.server.url}/moj-racun`, { redirect: 'manual' });
    expect(anonymousRedirect.status).toBe(303);
    for (const name of ['x-frame-options', 'x-content-type-options', 'referrer-policy']) expect(anonymousRedirect.headers.get(name), name).toBeTruthy();

    const expired = await fetch(`${s.server.url}/moj-racun`, { redirect: 'manual', headers: { cookie: 'posvet_seja=potekla-seja-ki-je-ni' } });
    expect(expired.status).toBe(303);
    expect(expired.headers.get('set-cookie')).toMatch(/posvet_seja=;.*Max-Age=0/i);
    expect(expired.headers.get('x-frame-options')).toBe('DENY');
    expect(expired.headers.get('cache-control')).toMatch(/no-store/);
    // Plain HTTP: no HSTS (the HTTPS case is below).
    expect(expired.headers.get('strict-transport-security')).toBeNull();

    for (const path of ['/', '/posvetovanja/ds2030/osnutek/uvod', '/prijava', '/ni-take-strani', '/dostopnost']) {
      expect((await fetch(`${s.server.url}${path}`)).headers.get('content-type'), path).toBe('text/html; charset=utf-8');
    }
  });

  it('believes X-Forwarded-For only from a trusted proxy', async () => {
    const attempt = (ip: string) =>
      fetch(`${s.server.url}/prijava`, {
        method: 'POST',
        redirect: 'manual',
        headers: { origin: s.server.url, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': ip },
        body: new URLSearchParams({ email: `nihce-${ip}@posvet.test`, password: 'napačno geslo' }).toString(),
      });
    expect((await attempt('203.0.113.7')).status).toBe(401);
    const seen = (await query(s.dbPath, (db) => db.get<{ ip: string }>('select ip from login_attempts where email = ?', 'nihce-203.0.113.7@posvet.test')))!;
    expect(seen.ip).toBe('127.0.0.1');
  });
});

describe('configuration', () => {
  it('refuses to start in production without PUBLIC_URL, naming the variable', async () => {
    const child = spawn(process.execPath, ['src/cli/start.ts', '--no-build'], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production', PUBLIC_URL: '', PORT: '4407', DATABASE_PATH: join(tmpdir(), 'posvet-never-created.sqlite') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).not.toBe(0);
    expect(output).toContain('PUBLIC_URL is required in production');
  });

  it('refuses wrong values, naming each variable', async () => {
    const child = spawn(process.execPath, ['src/cli/start.ts', '--no-build'], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production', PUBLIC_URL: 'https://posvet.example/pot', PORT: '99999', TRUSTED_PROXIES: '10.0.0.0/99', REQUIRE_2FA_ROLES: 'root' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr.on('data', (d) => (output += d));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).not.toBe(0);
    for (const name of ['PUBLIC_URL', 'PORT', 'TRUSTED_PROXIES', 'REQUIRE_2FA_ROLES']) expect(output).toContain(name);
  });
});

describe('behind a TLS-terminating reverse proxy', () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setup(4408, { PUBLIC_URL: 'https://posvet.example', TRUSTED_PROXIES: '127.0.0.1' }, 0);
  });
  afterAll(async () => teardown(s));

  it('takes the client address from the proxy, sends HSTS and Secure cookies, and accepts its forms', async () => {
    const response = await fetch(`${s.server.url}/prijava`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: 'https://posvet.example', 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '198.51.100.4, 203.0.113.9', 'x-forwarded-proto': 'https' },
      body: new URLSearchParams({ email: 'nihce@posvet.test', password: 'napačno geslo' }).toString(),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    const seen = (await query(s.dbPath, (db) => db.get<{ ip: string }>('select ip from login_attempts where email = ?', 'nihce@posvet.test')))!;
    expect(seen.ip).toBe('203.0.113.9');
    const crossSite = await fetch(`${s.server.url}/prijava`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=a%40b.si&password=x',
    });
    expect(crossSite.status).toBe(403);
    const expired = await fetch(`${s.server.url}/moj-racun`, { redirect: 'manual', headers: { cookie: 'posvet_seja=potekla' } });
    expect(expired.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
  });
});
