import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, plural, t } from '../../src/i18n/index.ts';
import { ljubljanaTimeToInstant } from '../../src/lib/time.ts';

describe('Ljubljana wall-clock time', () => {
  it('reads winter time as UTC+1 and summer time as UTC+2', () => {
    expect(ljubljanaTimeToInstant('2027-01-31T23:59').toISOString()).toBe('2027-01-31T22:59:00.000Z');
    expect(ljubljanaTimeToInstant('2026-07-15T09:00').toISOString()).toBe('2026-07-15T07:00:00.000Z');
  });

  it('handles the days the clocks change', () => {
    expect(ljubljanaTimeToInstant('2026-03-29T04:00').toISOString()).toBe('2026-03-29T02:00:00.000Z');
    expect(ljubljanaTimeToInstant('2026-10-25T12:00').toISOString()).toBe('2026-10-25T11:00:00.000Z');
  });

  it('refuses malformed input', () => {
    expect(() => ljubljanaTimeToInstant('31. 1. 2027')).toThrow();
  });
});

describe('Slovenian formatting', () => {
  it('writes dates as 20. 9. 2022 in Ljubljana time', () => {
    expect(formatDate(new Date('2022-09-20T10:00:00Z'))).toBe('20. 9. 2022');
    // 23:30 UTC on 31 Jan is already 1 Feb in Ljubljana.
    expect(formatDate(new Date('2027-01-31T23:30:00Z'))).toBe('1. 2. 2027');
    expect(formatDateTime(new Date('2027-01-31T12:05:00Z'))).toBe('31. 1. 2027 13:05');
  });

  it('uses the four plural forms', () => {
    const forms = { one: 'pripomba', two: 'pripombi', few: 'pripombe', other: 'pripomb' };
    expect([1, 2, 3, 4, 5, 11, 101, 102, 103, 0].map((n) => `${n} ${plural(n, forms)}`)).toEqual([
      '1 pripomba',
      '2 pripombi',
      '3 pripombe',
      '4 pripombe',
      '5 pripomb',
      '11 pripomb',
      '101 pripomba',
      '102 pripombi',
      '103 pripombe',
      '0 pripomb',
    ]);
    expect(t.chapter.blocks(2)).toBe('2 odstavka');
  });
});
