import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderChapter } from '../../src/lib/server/blocks.ts';
import { fromRoot } from '../../src/lib/server/paths.ts';

// The strategy text itself: every chapter renders, and together they give people enough to comment on.
const folder = fromRoot('content/osnutek-1');
const files = readdirSync(folder).filter((f) => /^\d\d-.*\.md$/.test(f)).sort();

function frontmatterNumber(source: string): number {
  const match = /^---\n[\s\S]*?^number:\s*(\d+)\s*$[\s\S]*?^---\n/m.exec(source);
  if (!match) throw new Error('no number in frontmatter');
  return Number(match[1]);
}

describe('Osnutek 1', () => {
  it('has the introduction, six priority areas, two cross-cutting chapters and implementation', () => {
    expect(files).toHaveLength(10);
  });

  it('has at least 120 commentable blocks, with unique keys within each chapter', () => {
    let total = 0;
    for (const file of files) {
      const source = readFileSync(`${folder}/${file}`, 'utf8');
      const body = source.replace(/^---\n[\s\S]*?\n---\n/, '');
      const { blocks } = renderChapter(body, frontmatterNumber(source));
      expect(blocks.length, file).toBeGreaterThanOrEqual(10);
      expect(new Set(blocks.map((b) => b.key)).size, file).toBe(blocks.length);
      total += blocks.length;
    }
    expect(total).toBeGreaterThanOrEqual(120);
  });

  it('numbers the chapters 1 to 10 in file order', () => {
    expect(files.map((f) => frontmatterNumber(readFileSync(`${folder}/${f}`, 'utf8')))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});
