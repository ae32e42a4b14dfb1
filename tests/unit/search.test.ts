import { describe, expect, it } from 'vitest';
import { excerptHtml, markedHtml, MARK_CLOSE, MARK_OPEN } from '../../src/lib/server/search/highlight.ts';
import { MAX_QUERY_CHARS, MAX_TERMS, parseSearchQuery, stem } from '../../src/lib/server/search/query.ts';

/** What a person types, as the search understands it (the index itself: search-index.test.ts). */
describe('the search query', () => {
  it('stems Slovenian words lightly, so the forms of a word share a stem they all contain', () => {
    for (const form of ['občina', 'občine', 'občini', 'občino', 'občinam', 'občinami', 'občinah']) expect(stem(form)).toBe('občin');
    expect(stem('strategija')).toBe('strateg');
    expect(stem('ukrepov')).toBe('ukrep');
    // A stem keeps three letters at least; numbers are kept whole.
    expect(stem('meja')).toBe('mej');
    expect(stem('eno')).toBe('eno');
    expect(stem('2030')).toBe('2030');
  });

  it('quotes every word and joins them with AND; case is folded', () => {
    expect(parseSearchQuery('Občina  LJUBLJANA')).toEqual({ kind: 'terms', terms: ['občin', 'ljubljan'], match: '"občin" AND "ljubljan"' });
  });

  it('treats FTS5 syntax typed by a person as text: punctuation splits words, operators are words', () => {
    const cases: Record<string, string> = {
      '"optika': '"optik"',
      'optik*': '"optik"',
      'optika NEAR omrežje': '"optik" AND "near" AND "omrež"',
      '-optika': '"optik"',
      'optika AND omrežje': '"optik" AND "and" AND "omrež"',
      // "OR" has two letters: too short for the index, left out.
      'optika OR omrežje': '"optik" AND "omrež"',
      '(optika)': '"optik"',
      'body:optika': '"body" AND "optik"',
      '^optika': '"optik"',
      'NOT optika': '"not" AND "optik"',
    };
    for (const [typed, match] of Object.entries(cases)) {
      const parsed = parseSearchQuery(typed);
      expect(parsed.kind, typed).toBe('terms');
      if (parsed.kind === 'terms') expect(parsed.match, typed).toBe(match);
    }
  });

  it('leaves out words shorter than three letters when others remain; only such words are "short"', () => {
    expect(parseSearchQuery('EU in optika')).toMatchObject({ kind: 'terms', terms: ['optik'] });
    expect(parseSearchQuery('EU in 5G')).toEqual({ kind: 'short', text: 'EU in 5G' });
    expect(parseSearchQuery('   ')).toEqual({ kind: 'empty' });
    expect(parseSearchQuery('"*-()^:')).toEqual({ kind: 'empty' });
    expect(parseSearchQuery('🙂🙂🙂')).toEqual({ kind: 'empty' });
  });

  it('bounds the query: its length and the number of words', () => {
    const many = Array.from({ length: 30 }, (_, i) => `beseda${i}`).join(' ');
    const parsed = parseSearchQuery(many);
    expect(parsed.kind === 'terms' && parsed.terms.length).toBe(MAX_TERMS);
    const long = parseSearchQuery('a'.repeat(10_000));
    expect(long.kind === 'terms' && long.terms[0].length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
  });
});

describe('highlighted text', () => {
  it('escapes the text and only then marks the matches', () => {
    expect(markedHtml(`<script>alert(1)</script> ${MARK_OPEN}optika${MARK_CLOSE} & "več"`)).toBe(
      '&#60;script&#62;alert(1)&#60;/script&#62; <mark>optika</mark> &#38; &#34;več&#34;',
    );
  });

  it('keeps the marks balanced whatever sentinels a text holds', () => {
    expect(markedHtml(`a${MARK_CLOSE}b${MARK_OPEN}${MARK_OPEN}c`)).toBe('ab<mark>c</mark>');
  });

  it('cuts a long text around its first match', () => {
    const text = `${'začetek '.repeat(100)}${MARK_OPEN}optika${MARK_CLOSE}${' konec'.repeat(100)}`;
    const html = excerptHtml(text, 120);
    expect(html).toMatch(/^…/);
    expect(html).toMatch(/…$/);
    expect(html).toContain('<mark>optika</mark>');
    expect(html.length).toBeLessThan(160);
  });
});
