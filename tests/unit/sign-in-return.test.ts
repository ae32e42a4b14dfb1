import { describe, expect, it } from 'vitest';
import { safeReturnPath } from '../../src/lib/server/accounts/access.ts';
import { signInLinkFrom } from '../../src/lib/server/web/accounts/sign-in.ts';

const page = (path: string) => new URL(path, 'https://posvet.example');

describe('the sign-in link carries the page one is on', () => {
  it('from a chapter with its query, to /prijava?vrnitev=… that leads back there', () => {
    const link = signInLinkFrom(page('/posvetovanja/ds2030/osnutek/uvod?odstavek=odstavek-1-2'));
    expect(link).toBe('/prijava?vrnitev=%2Fposvetovanja%2Fds2030%2Fosnutek%2Fuvod%3Fodstavek%3Dodstavek-1-2');
    expect(safeReturnPath(new URL(link, 'https://posvet.example').searchParams.get('vrnitev'))).toBe('/posvetovanja/ds2030/osnutek/uvod?odstavek=odstavek-1-2');
  });

  it('not from the sign-in pages, links with secrets or the home page', () => {
    for (const path of ['/', '/prijava', '/prijava/koda', '/odjava', '/pozabljeno-geslo', '/ponastavi-geslo/abc', '/povabilo/abc', '/obvestila/odjava/abc', '/obvestila/potrditev/abc']) {
      expect(signInLinkFrom(page(path)), path).toBe('/prijava');
    }
    expect(signInLinkFrom(page('/obvestila'))).toBe('/prijava?vrnitev=%2Fobvestila');
  });
});

describe('a return path is only ever a path on this site', () => {
  it.each([
    ['https://evil.example/'],
    ['//evil.example/x'],
    ['/\\evil.example'],
    ['\\\\evil.example'],
    ['/.//evil.example'],
    ['http:/evil.example'],
    ['javascript:alert(1)'],
    ['/\t/evil.example'],
    ['/%0d%0aSet-Cookie:x=1'.replace('%0d%0a', '\r\n')],
    [`/${'a'.repeat(2001)}`],
    ['posvetovanja/ds2030'],
    [''],
  ])('%j goes to „Moj račun“', (value) => {
    expect(safeReturnPath(value)).toBe('/moj-racun');
  });

  it('keeps a local path with its query, percent-encoded', () => {
    expect(safeReturnPath('/posvetovanja/ds2030/osnutek/uvod?odstavek=x')).toBe('/posvetovanja/ds2030/osnutek/uvod?odstavek=x');
    expect(safeReturnPath('/organizacije/občina-bled')).toBe('/organizacije/ob%C4%8Dina-bled');
  });
});
