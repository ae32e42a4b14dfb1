import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/lib/server/platform/config.ts';
import { clientFacts, parseAddressList } from '../../src/lib/server/platform/net.ts';
import { cacheKeyFor, normalisedCacheUrl } from '../../src/lib/server/web/page-cache.ts';
import { nextBoundary, toVersion } from '../../src/lib/server/content/versions.ts';

describe('configuration', () => {
  it('defaults to a development setup with links on http://localhost:PORT', () => {
    const { config, problems } = readConfig({ PORT: '4400' });
    expect(problems).toEqual([]);
    expect(config.publicUrl).toBe('http://localhost:4400');
    expect(config.production).toBe(false);
  });

  it('requires PUBLIC_URL in production and keeps only its origin', () => {
    expect(readConfig({ NODE_ENV: 'production' }).problems.join()).toMatch(/PUBLIC_URL is required/);
    const { config, problems } = readConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://posvet.gov.si/' });
    expect(problems).toEqual([]);
    expect(config.publicUrl).toBe('https://posvet.gov.si');
  });

  it('names every variable that cannot be right', () => {
    const { problems } = readConfig({
      PORT: '0',
      PUBLIC_URL: 'https://posvet.gov.si/pot?x=1',
      SMTP_URL: 'http://mail',
      MAIL_FROM: 'nobody',
      CONTACT_EMAIL: 'ni-naslov',
      TRUSTED_PROXIES: '10.0.0.1, kje',
      REQUIRE_2FA_ROLES: 'admin,bog',
      DATABASE_PATH: 'db/',
    });
    for (const name of ['PORT', 'PUBLIC_URL', 'SMTP_URL', 'MAIL_FROM', 'CONTACT_EMAIL', 'TRUSTED_PROXIES', 'REQUIRE_2FA_ROLES', 'DATABASE_PATH']) {
      expect(problems.some((p) => p.startsWith(name)), name).toBe(true);
    }
  });

  it('reads the roles that must use two-factor sign-in', () => {
    expect(readConfig({ REQUIRE_2FA_ROLES: ' moderator , admin ' }).config.requireTwoFactorRoles).toEqual(['moderator', 'admin']);
  });
});

describe('client addresses behind proxies', () => {
  const trusted = parseAddressList('127.0.0.1, 10.0.0.0/8, ::1');
  if (!trusted.ok) throw new Error('list');

  it('believes X-Forwarded-For and -Proto only from a trusted proxy', () => {
    expect(clientFacts('198.51.100.1', false, { 'x-forwarded-for': '203.0.113.5', 'x-forwarded-proto': 'https' }, trusted.ranges)).toEqual({ address: '198.51.100.1', https: false });
    expect(clientFacts('::ffff:127.0.0.1', false, { 'x-forwarded-for': '203.0.113.5', 'x-forwarded-proto': 'https' }, trusted.ranges)).toEqual({ address: '203.0.113.5', https: true });
  });

  it('walks past trusted hops only, so a forged first entry is not believed', () => {
    // The client forged "1.2.3.4"; the edge proxy (10.0.0.2) appended the real address.
    expect(clientFacts('127.0.0.1', false, { 'x-forwarded-for': '1.2.3.4, 203.0.113.5, 10.0.0.2' }, trusted.ranges).address).toBe('203.0.113.5');
    expect(clientFacts('127.0.0.1', false, { 'x-forwarded-for': 'ni-naslov' }, trusted.ranges).address).toBe('127.0.0.1');
  });

  it('refuses what is not an address or range', () => {
    expect(parseAddressList('10.0.0.0/33').ok).toBe(false);
    expect(parseAddressList('localhost').ok).toBe(false);
    expect(parseAddressList('').ok).toBe(true);
  });
});

describe('page cache keys', () => {
  const url = (path: string) => new URL(path, 'http://localhost');

  it('keeps only the parameters a page reads, with values it accepts, in a fixed order', () => {
    expect(normalisedCacheUrl(url('/posvetovanja/ds2030/osnutek/uvod?t=123&odstavek=odstavek-1-3&x=1'))).toBe('/posvetovanja/ds2030/osnutek/uvod?odstavek=odstavek-1-3');
    expect(normalisedCacheUrl(url('/posvetovanja/ds2030/osnutek/uvod/3?stran=abc&t=1'))).toBe('/posvetovanja/ds2030/osnutek/uvod/3');
    expect(normalisedCacheUrl(url('/posvetovanja/ds2030/osnutek/uvod/3?t=1&stran=2'))).toBe('/posvetovanja/ds2030/osnutek/uvod/3?stran=2');
    expect(normalisedCacheUrl(url('/?sporocilo=odjava&t=1'))).toBe('/?sporocilo=odjava');
    expect(normalisedCacheUrl(url('/?sporocilo=karkoli'))).toBe('/');
    expect(normalisedCacheUrl(url('/api/v1/comments?status=new&chapter=uvod&t=1'))).toBe('/api/v1/comments?chapter=uvod&status=new');
    // The consultation filter is part of the address the open data is answered for.
    expect(normalisedCacheUrl(url('/api/v1/comments?t=1&consultation=sdjs2030'))).toBe('/api/v1/comments?consultation=sdjs2030');
    // So are the paging parameters: each page is its own answer (a streamed export is never cached).
    expect(normalisedCacheUrl(url('/api/v1/comments?after=WzEyXQ&t=1&limit=2&since=2026-12-01T08%3A00%3A00Z'))).toBe('/api/v1/comments?since=2026-12-01T08%3A00%3A00Z&limit=2&after=WzEyXQ');
    expect(normalisedCacheUrl(url('/api/v1/comments/export.jsonl?consultation=ds2030'))).toBeUndefined();
    // The report's downloads redirect to a version's files: nothing to cache. A published version's
    // part keeps any page it is asked for, so an unreadable one answers 404, not page 1.
    expect(normalisedCacheUrl(url('/posvetovanja/sdjs2030/porocilo.csv?t=1'))).toBeUndefined();
    expect(normalisedCacheUrl(url('/posvetovanja/ds2030/porocilo/2/uvod?t=1&stran=abc'))).toBe('/posvetovanja/ds2030/porocilo/2/uvod?stran=abc');
    expect(normalisedCacheUrl(url('/posvetovanja/ds2030/porocilo/predogled?t=1'))).toBeUndefined();
    // The first version's addresses only redirect: nothing to cache.
    expect(normalisedCacheUrl(url('/osnutek/uvod'))).toBeUndefined();
    expect(normalisedCacheUrl(url('/moj-racun'))).toBeUndefined();
  });

  it('caches only anonymous GETs of an address already normalised', () => {
    expect(cacheKeyFor('GET', url('/posvetovanja/ds2030/osnutek/uvod'), null)).toBe('/posvetovanja/ds2030/osnutek/uvod');
    expect(cacheKeyFor('GET', url('/posvetovanja/ds2030/osnutek/uvod?t=1'), null)).toBeUndefined();
    expect(cacheKeyFor('GET', url('/posvetovanja/ds2030/osnutek/uvod'), 'posvet_seja=abc')).toBeUndefined();
    expect(cacheKeyFor('POST', url('/posvetovanja/ds2030/osnutek/uvod'), null)).toBeUndefined();
  });
});

describe('boundaries', () => {
  it('finds the next publication, opening or closing after now', () => {
    const versions = [
      toVersion('ds2030', 'osnutek-1', { label: '1', publishedAt: '2026-11-02', opensAt: '2026-11-02T09:00', closesAt: '2026-11-19T23:59', caseNumber: '3510-1/2026', changeNote: '' }),
      toVersion('ds2030', 'osnutek-2', { label: '2', publishedAt: '2026-11-20', opensAt: '2026-11-20T09:00', closesAt: '2027-01-31T23:59', caseNumber: '3510-1/2026', changeNote: '' }),
    ];
    expect(new Date(nextBoundary(versions, new Date('2026-11-10T00:00:00Z'))).toISOString()).toBe('2026-11-19T23:00:00.000Z');
    expect(new Date(nextBoundary(versions, new Date('2026-11-20T00:00:00Z'))).toISOString()).toBe('2026-11-20T08:00:00.000Z');
    expect(nextBoundary(versions, new Date('2027-03-01T00:00:00Z'))).toBe(Infinity);
  });
});
