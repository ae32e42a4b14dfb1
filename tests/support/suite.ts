import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * What tests/run.ts needs besides running the suites: which unit files touch a database (they run
 * again on PostgreSQL; pure ones need not) and the counts of a report.
 */

/** A test's own use of a database: the unit helpers' temporary databases, or a handle of its own. */
const USES_DATABASE = /\b(tempDatabase|seededDatabase|openDatabase|createTestDatabase)\s*\(/;
const LOCAL_IMPORT = /\bfrom\s+['"](\.{1,2}\/[^'"]+)['"]|\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

/**
 * The unit test files (relative to `root`) that use a database — directly or through a helper of
 * tests/unit they import (e.g. report-helpers.ts) — found by reading their source.
 */
export function databaseUnitFiles(root: string, folder = 'tests/unit'): string[] {
  const base = join(root, folder);
  const verdict = new Map<string, boolean>();
  const usesDatabase = (file: string): boolean => {
    const known = verdict.get(file);
    if (known !== undefined) return known;
    verdict.set(file, false); // an import cycle counts as no use
    const source = readFileSync(file, 'utf8');
    let uses = USES_DATABASE.test(source);
    for (const match of source.matchAll(LOCAL_IMPORT)) {
      if (uses) break;
      const target = resolve(dirname(file), match[1] ?? match[2]);
      // Only the tests' own helpers: src/ is what every test imports, database or not.
      if (target.startsWith(base) && existsSync(target)) uses = usesDatabase(target);
    }
    verdict.set(file, uses);
    return uses;
  };
  return readdirSync(base, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.test.ts'))
    .map((name) => join(base, name))
    .filter(usesDatabase)
    .map((file) => relative(root, file))
    .sort();
}

export interface Counts {
  passed: number;
  failed: number;
}

/** Passed and failed tests in a vitest or Playwright JSON report (none when it is missing). */
export function countResults(file: string, kind: 'vitest' | 'playwright'): Counts {
  if (!existsSync(file)) return { passed: 0, failed: 0 };
  const report = JSON.parse(readFileSync(file, 'utf8'));
  if (kind === 'vitest') return { passed: report.numPassedTests ?? 0, failed: report.numFailedTests ?? 0 };
  const stats = report.stats ?? {};
  return { passed: stats.expected ?? 0, failed: (stats.unexpected ?? 0) + (stats.flaky ?? 0) };
}

/** m:ss */
export function minutes(ms: number): string {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
