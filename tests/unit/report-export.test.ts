import { describe, expect, it } from 'vitest';
import type { PublicComment } from '../../src/lib/server/comments/queries.ts';
import { dictionary } from '../../src/i18n/index.ts';
import { reportCsv, type Report } from '../../src/lib/server/report/report.ts';
import { jointStanding } from '../../src/lib/server/comments/joint-standing.ts';

/** One comment as the report holds it; what a test does not name is empty. */
function comment(over: Partial<PublicComment>): PublicComment {
  return {
    id: 1,
    consultationId: 1,
    consultation: 'ds2030',
    kind: 'comment',
    scope: 'block',
    versionId: 'osnutek-1',
    chapterSlug: 'digitalne-kompetence',
    chapterNumber: 3,
    blockKey: 'k',
    blockNumber: '3.4',
    quote: 'Besedilo.',
    body: 'Pripomba.',
    proposedText: null,
    rationale: null,
    submittedAt: '2026-11-05T09:41:00.000Z',
    late: false,
    status: 'new',
    response: null,
    organisation: { id: 9, name: 'Občina Bled', shortName: 'Bled', kind: 'municipality', code: '3' },
    supporters: [],
    onBehalfOf: [],
    changedAt: null,
    joint: null,
    anchorStatus: 'unchanged',
    currentChapterSlug: 'digitalne-kompetence',
    currentBlockKey: 'k',
    currentBlockNumber: '3.4',
    receivedVia: 'portal',
    ...over,
  };
}

function report(comments: PublicComment[]): Report {
  return {
    generatedAt: new Date('2026-11-30T10:00:00Z'),
    versionLabels: { 'osnutek-1': 'Osnutek 1', 'osnutek-2': 'Osnutek 2' },
    total: comments.length,
    byStatus: [],
    byOrganisationKind: [],
    groups: [{ chapter: { slug: 'digitalne-kompetence', number: 3, title: 'Digitalne kompetence' }, blocks: [{ blockNumber: '3.4', removed: false, comments }] }],
  };
}

const BASE = 'https://posvet.gov.si';
const HEADER =
  '"Št.";"Poglavje";"Odstavek";"Osnutek";"Odstavek v aktualnem osnutku";"Organizacija";"Vrsta organizacije";"Vrsta pripombe";"Besedilo pripombe";"Predlagano besedilo";"Obrazložitev predlagatelja";"V imenu občin";"Podpore";"Stališče";"Obrazložitev stališča";"Oddana";"Po roku";"Povezava"';

describe('the report as CSV', () => {
  it('opens in a Slovenian spreadsheet as columns: BOM, `;`, Ljubljana time, paragraph numbers as text', () => {
    const csv = reportCsv(
      report([
        comment({ id: 1 }),
        comment({
          id: 2,
          versionId: 'osnutek-2',
          blockNumber: '6.10',
          currentBlockNumber: '6.12',
          status: 'rejected',
          response: 'Ne; ker "tako".',
          kind: 'amendment',
          submittedAt: '2026-07-15T22:05:00.000Z',
          late: true,
          onBehalfOf: [
            { name: 'Mestna občina Ljubljana', shortName: 'Ljubljana', code: '61', status: 'confirmed' },
            { name: 'Občina Bled', shortName: 'Bled', code: '3', status: 'pending' },
          ],
          // Its deadline passed with Bled's answer missing: it speaks for Ljubljana only.
          joint: jointStanding(
            [
              { name: 'Mestna občina Ljubljana', shortName: 'Ljubljana', code: '61', status: 'confirmed' },
              { name: 'Občina Bled', shortName: 'Bled', code: '3', status: 'pending' },
            ],
            new Date('2026-11-12T09:41:00Z'),
            new Date('2026-11-30T10:00:00Z'),
          ),
          organisation: { id: 1, name: 'Združenje mestnih občin Slovenije', shortName: 'ZMOS', kind: 'association', code: 'ZMOS' },
        }),
      ]),
      BASE,
      dictionary(),
    );
    const bytes = Buffer.from(csv, 'utf8');
    // UTF-8 with a byte order mark.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const ZW = '\u200B';
    expect(csv).toBe(
      [
        `\uFEFF${HEADER}`,
        `"1";"3. Digitalne kompetence";"${ZW}3.4";"Osnutek 1";"${ZW}3.4";"Občina Bled";"občina";"pripomba";"Pripomba.";"";"";"";"";"še v obravnavi";"";"5. 11. 2026 10.41";"ne";"${BASE}/pripombe/1"`,
        `"2";"3. Digitalne kompetence";"${ZW}6.10";"Osnutek 2";"${ZW}6.12";"Združenje mestnih občin Slovenije";"združenje občin";"predlog spremembe";"Pripomba.";"";"";"ZMOS v imenu 1 od 2 navedenih občin: Ljubljana; Ni odgovorila: Bled";"";"ni upoštevana";"Ne; ker ""tako"".";"16. 7. 2026 0.05";"da";"${BASE}/pripombe/2"`,
        '',
      ].join('\r\n'),
    );
    // The paragraph number is preceded by U+200B ZERO WIDTH SPACE (E2 80 8B), nothing else.
    expect(bytes.includes(Buffer.from('";"\u200B3.4";"', 'utf8'))).toBe(true);
    expect(Buffer.from(`"${ZW}3.4"`, 'utf8')).toEqual(Buffer.from([0x22, 0xe2, 0x80, 0x8b, 0x33, 0x2e, 0x34, 0x22]));
    // No UTC time anywhere.
    expect(csv).not.toMatch(/\d{4}-\d{2}-\d{2}T|Z"/);
  });

  it('keeps the guard against formulas, and gives text that is not a paragraph number no prefix', () => {
    const csv = reportCsv(report([comment({ body: '=HYPERLINK("http://x")', anchorStatus: 'removed', currentBlockNumber: null })]), BASE, dictionary());
    expect(csv).toContain(`;"'=HYPERLINK(""http://x"")";`);
    expect(csv).toContain(';"odstavka ni več";');
  });
});
