import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The architecture's rules (README, "Architecture"), checked on the source: domain modules know
 * nothing of HTTP, pages are thin, components never query, text comes from the dictionary.
 */

const root = join(import.meta.dirname, '../..');
const src = join(root, 'src');

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, ext) : ext.test(name) ? [path] : [];
  });
}

const rel = (path: string) => relative(root, path);
const importsOf = (text: string) => [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)].map((m) => m[1]);

const DOMAIN = ['accounts', 'comments', 'content', 'moderation', 'report', 'organisations', 'attachments', 'notifications', 'participation'].map((d) => join(src, 'lib/server', d));
const domainFiles = DOMAIN.flatMap((dir) => files(dir, /\.ts$/));

describe('domain modules know nothing of HTTP', () => {
  it('there are domain modules to check', () => expect(domainFiles.length).toBeGreaterThan(20));

  for (const file of domainFiles) {
    it(rel(file), () => {
      const text = readFileSync(file, 'utf8');
      const bad = importsOf(text).filter((spec) => spec === 'astro' || spec.startsWith('astro:') || /\/web\//.test(spec) || /^\.\.?\/(?:\.\.\/)*web\//.test(spec) || /page-cache|flash/.test(spec));
      expect(bad, 'imports of astro, the web layer, the page cache or flash').toEqual([]);
      expect(text, 'builds HTTP responses').not.toMatch(/new Response\(|Response\.(json|redirect)\(|\bAPIContext\b|\bAstroGlobal\b/);
      expect(text, 'carries HTTP status codes').not.toMatch(/status:\s*(4|5)\d\d\b/);
      expect(text, 'takes text from the dictionary at import time').not.toMatch(/import \{[^}]*\bt\b[^}]*\} from '[^']*i18n/);
    });
  }
});

describe('pages are thin and components never query', () => {
  const pages = files(join(src, 'pages'), /\.astro$/);
  for (const file of pages) {
    it(`${rel(file)}: frontmatter of at most 40 lines`, () => {
      const text = readFileSync(file, 'utf8');
      const frontmatter = text.startsWith('---') ? text.slice(3, text.indexOf('\n---', 3)) : '';
      const lines = frontmatter.split('\n').filter((line) => line.trim() && !/^\s*(\/\/|\*|\/\*\*)/.test(line));
      expect(lines.length).toBeLessThanOrEqual(40);
    });
  }

  const components = [...files(join(src, 'components'), /\.(astro|svelte)$/), ...files(join(src, 'layouts'), /\.astro$/)];
  for (const file of components) {
    it(`${rel(file)} does not query`, () => {
      const specs = importsOf(readFileSync(file, 'utf8'));
      expect(specs.filter((s) => /platform\/db|getDb|kysely|better-sqlite3/.test(s))).toEqual([]);
    });
  }
});

describe('text comes from the dictionary', () => {
  it('no module imports the Slovenian dictionary as a module constant', () => {
    const offenders = [...files(src, /\.(ts|astro|svelte)$/)]
      .filter((file) => !file.includes(`${join('src', 'i18n')}`))
      .filter((file) => /import \{[^}]*\bt\b[^}]*\} from '[^']*i18n/.test(readFileSync(file, 'utf8')))
      .map(rel);
    expect(offenders).toEqual([]);
  });
});

describe('one source for each address', () => {
  it('no module outside routes.ts types a path of the portal by hand', () => {
    const PATH = /[`'"]\/(osnutek|pripombe|moderacija|organizacija|admin\/|verzije|porocilo|prijava|moj-racun|povabilo|ponastavi-geslo|pozabljeno-geslo|odjava)[^`'"\s]*/;
    const offenders = files(src, /\.(ts|astro|svelte)$/)
      .filter((file) => !file.endsWith(join('lib', 'routes.ts')) && !file.includes(join('src', 'i18n')))
      .flatMap((file) => readFileSync(file, 'utf8').split('\n').map((line, i) => [file, i + 1, line] as const))
      .filter(([, , line]) => PATH.test(line) && !/^\s*(\/\/|\*)/.test(line))
      .map(([file, n, line]) => `${rel(file)}:${n}: ${line.trim()}`);
    expect(offenders).toEqual([]);
  });
});
