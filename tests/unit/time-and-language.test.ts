import { readConsultationFiles } from '../../src/lib/server/content/content-files.ts';
import { describe, expect, it } from 'vitest';
import { dictionary, formatDate, formatDateTime, formatDateTimePlain, formatNumber, plural, versionCase } from '../../src/i18n/index.ts';
import { listForms, pluralForms } from '../../src/i18n/sl/shared.ts';
import { isoDateToLocal, ljubljanaDayBounds, ljubljanaTimeToInstant, parseDate } from '../../src/lib/time.ts';

const t = dictionary('sl');

const NB = '\u00A0';

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

  it('bounds a Ljubljana calendar day, not a UTC one', () => {
    const { start, end } = ljubljanaDayBounds('2026-11-05');
    expect(start.toISOString()).toBe('2026-11-04T23:00:00.000Z');
    expect(end.toISOString()).toBe('2026-11-05T23:00:00.000Z');
  });
});

describe('dates typed into forms', () => {
  it('reads "3. 2. 2027" as people write it (and the ISO form), keeping the day', () => {
    for (const typed of ['3. 2. 2027', '3.2.2027', '03. 02. 2027', ' 3. 2. 2027. ', `3.${NB}2.${NB}2027`, '2027-02-03']) expect(parseDate(typed), typed).toBe('2027-02-03');
    expect(isoDateToLocal('2027-02-03')).toBe('3. 2. 2027');
  });

  it('refuses what is not a day', () => {
    for (const typed of ['30. 2. 2027', '3. 13. 2027', '2. 2027', '3/2/2027', '2027-2-3', 'jutri', '']) expect(parseDate(typed), typed).toBeUndefined();
  });
});

describe('Slovenian formatting', () => {
  it('writes dates as 20. 9. 2022 in Ljubljana time, with no-break spaces so they never split', () => {
    expect(formatDate(new Date('2022-09-20T10:00:00Z'))).toBe(`20.${NB}9.${NB}2022`);
    // 23:30 UTC on 31 Jan is already 1 Feb in Ljubljana.
    expect(formatDate(new Date('2027-01-31T23:30:00Z'))).toBe(`1.${NB}2.${NB}2027`);
  });

  it('writes the time with a dot between hour and minute, in Ljubljana time', () => {
    expect(formatDateTime(new Date('2027-01-31T12:05:00Z'))).toBe(`31.${NB}1.${NB}2027 13.05`);
    expect(formatDateTime(new Date('2026-07-15T22:30:00Z'))).toBe(`16.${NB}7.${NB}2026 0.30`);
    expect(formatDateTimePlain(new Date('2026-11-05T09:41:00Z'))).toBe('5. 11. 2026 10.41');
  });

  it('groups thousands with a dot, four-digit numbers too', () => {
    expect([7, 1000, 5000, 10_000, 1_234_567].map((n) => formatNumber(n))).toEqual(['7', '1.000', '5.000', '10.000', '1.234.567']);
    expect(t.comments.count(1000)).toBe('1.000 pripomb');
  });

  it('puts version labels in the case the sentence needs', () => {
    expect(versionCase('Osnutek 1', 'dative')).toBe('Osnutku 1');
    expect(versionCase('Osnutek 2', 'genitive')).toBe('Osnutka 2');
    expect(versionCase('Delovna različica', 'dative')).toBe('različici „Delovna različica“');
    expect(t.comments.versionNotes.removed('Osnutek 1', '6.3')).toBe('Napisana k Osnutku 1 (odstavek 6.3). Odstavka v aktualnem osnutku ni več.');
    expect(t.versions.oldVersionNotice('Osnutek 1')).toMatch(/^To je besedilo Osnutka 1,/);
    expect(t.reportDocument.writtenOn('Osnutek 1', '2.3')).toBe('napisana k Osnutku 1, odstavek 2.3');
    expect(t.reportDocument.placedIn('Osnutek 2')).toMatch(/^Pripombe so razvrščene po odstavkih besedila Osnutka 2;/);
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

const COUNTS = [1, 2, 3, 5, 101, 102];

/** Every function of the dictionary whose words depend on a count, by its path ("comments.count"). */
function countedPhrases(node: unknown, path: string[] = [], found = new Map<string, (...args: never[]) => string>()) {
  if (typeof node === 'function') {
    if (/\b(plural|counted|listForm)\)?\(/.test(node.toString())) found.set(path.join('.'), node as (...args: never[]) => string);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) countedPhrases(value, [...path, key], found);
  }
  return found;
}

const tail = (marker: string) => (text: string) => text.slice(text.indexOf(marker));
const minutes = (phrase: (n: number) => string) => (n: number) => tail('čez ')(phrase(n));
const atMost = (phrase: (n: number) => string) => (n: number) => tail('največ ')(phrase(n));
const znakov = ['največ 1 znaka', 'največ 2 znakov', 'največ 3 znakov', 'največ 5 znakov', 'največ 101 znaka', 'največ 102 znakov'];
const pripomb = ['1 pripomba', '2 pripombi', '3 pripombe', '5 pripomb', '101 pripomba', '102 pripombi'];
const stalisc = ['1 stališče', '2 stališči', '3 stališča', '5 stališč', '101 stališče', '102 stališči'];
const cezMinut = ['čez 1 minuto.', 'čez 2 minuti.', 'čez 3 minute.', 'čez 5 minut.', 'čez 101 minuto.', 'čez 102 minuti.'];
const withoutEnd = (text: string) => text.replace(/\)?\.?$/, '');

/**
 * What every counted phrase says for 1, 2, 3, 5, 101 and 102 — written out by hand, so a new
 * phrase fails this test until someone has written (and so checked) its forms.
 */
const expected: Record<string, Array<[(n: number) => string, string[]]>> = {
  'forms.characterCount': [
    [(n) => t.forms.characterCount(n), ['Na voljo imate še 1 znak.', 'Na voljo imate še 2 znaka.', 'Na voljo imate še 3 znake.', 'Na voljo imate še 5 znakov.', 'Na voljo imate še 101 znak.', 'Na voljo imate še 102 znaka.']],
    [(n) => t.forms.characterCount(-n), ['1 znak preveč.', '2 znaka preveč.', '3 znaki preveč.', '5 znakov preveč.', '101 znak preveč.', '102 znaka preveč.']],
  ],
  'chapter.blocks': [[(n) => t.chapter.blocks(n), ['1 odstavek', '2 odstavka', '3 odstavki', '5 odstavkov', '101 odstavek', '102 odstavka']]],
  'chapter.chapters': [[(n) => t.chapter.chapters(n), ['1 poglavje', '2 poglavji', '3 poglavja', '5 poglavij', '101 poglavje', '102 poglavji']]],
  'forms.invalidQuery': [
    [
      (n) => t.forms.invalidQuery(Array.from({ length: n }, (_, i) => `p${i}`)).split(' p0')[0],
      [
        'Neveljavna poizvedba: neveljavna vrednost parametra',
        'Neveljavna poizvedba: neveljavni vrednosti parametrov',
        'Neveljavna poizvedba: neveljavne vrednosti parametrov',
        'Neveljavna poizvedba: neveljavne vrednosti parametrov',
        // A list of 101 names is plural: the "101 = 1" rule is for numerals.
        'Neveljavna poizvedba: neveljavne vrednosti parametrov',
        'Neveljavna poizvedba: neveljavne vrednosti parametrov',
      ],
    ],
  ],
  'account.passwordHint': [[(n) => t.account.passwordHint(n).split('.')[0], ['Najmanj 1 znaka', 'Najmanj 2 znakov', 'Najmanj 3 znakov', 'Najmanj 5 znakov', 'Najmanj 101 znaka', 'Najmanj 102 znakov']]],
  'account.passwordRules.tooShort': [[(n) => t.account.passwordRules.tooShort(n), ['Geslo mora imeti najmanj 1 znaka.', 'Geslo mora imeti najmanj 2 znakov.', 'Geslo mora imeti najmanj 3 znakov.', 'Geslo mora imeti najmanj 5 znakov.', 'Geslo mora imeti najmanj 101 znaka.', 'Geslo mora imeti najmanj 102 znakov.']]],
  'account.passwordRules.tooLong': [[(n) => withoutEnd(atMost(t.account.passwordRules.tooLong)(n)), znakov]],
  'account.throttled': [[minutes(t.account.throttled), cezMinut]],
  'account.passwordCheckThrottled': [[minutes(t.account.passwordCheckThrottled), cezMinut]],
  'twoFactor.recoveryLeft': [
    [
      (n) => t.twoFactor.recoveryLeft(n),
      [
        'Imate še 1 neuporabljeno kodo za obnovitev.',
        'Imate še 2 neuporabljeni kodi za obnovitev.',
        'Imate še 3 neuporabljene kode za obnovitev.',
        'Imate še 5 neuporabljenih kod za obnovitev.',
        'Imate še 101 neuporabljeno kodo za obnovitev.',
        'Imate še 102 neuporabljeni kodi za obnovitev.',
      ],
    ],
  ],
  'twoFactor.errors.throttled': [[minutes(t.twoFactor.errors.throttled), cezMinut]],
  'admin.shown': [
    [
      (n) => t.admin.shown(n),
      ['Prikazana je 1 organizacija.', 'Prikazani sta 2 organizaciji.', 'Prikazane so 3 organizacije.', 'Prikazanih je 5 organizacij.', 'Prikazana je 101 organizacija.', 'Prikazani sta 102 organizaciji.'],
    ],
  ],
  'comments.count': [[(n) => t.comments.count(n), pripomb]],
  'comments.fields.bodyHint': [[(n) => t.comments.fields.bodyHint(n).split('.')[0].replace('Navadno besedilo, ', ''), znakov]],
  'comments.fields.rationaleHint': [[(n) => withoutEnd(atMost(t.comments.fields.rationaleHint)(n)), znakov]],
  'comments.supportedBy': [
    [
      (n) => t.comments.supportedBy(n),
      ['Podpira jo 1 organizacija', 'Podpirata jo 2 organizaciji', 'Podpirajo jo 3 organizacije', 'Podpira jo 5 organizacij', 'Podpira jo 101 organizacija', 'Podpirata jo 102 organizaciji'],
    ],
  ],
  'comments.errors.bodyTooLong': [[(n) => withoutEnd(atMost(t.comments.errors.bodyTooLong)(n)), znakov]],
  'comments.errors.proposedTooLong': [[(n) => withoutEnd(atMost(t.comments.errors.proposedTooLong)(n)), znakov]],
  'comments.errors.rationaleTooLong': [[(n) => withoutEnd(atMost(t.comments.errors.rationaleTooLong)(n)), znakov]],
  'joint.coordinating': [
    [
      (n) => t.joint.coordinating(n, 200, '7. 12. 2026'),
      ['odgovorila 1', 'odgovorili 2', 'odgovorile 3', 'odgovorilo 5', 'odgovorila 101', 'odgovorili 102'].map((x) => `Skupno stališče v usklajevanju – ${x} od 200 navedenih občin, rok 7. 12. 2026`),
    ],
    [
      (n) => t.joint.coordinating(0, n, '7. 12. 2026'),
      ['1 navedene občine', '2 navedenih občin', '3 navedenih občin', '5 navedenih občin', '101 navedene občine', '102 navedenih občin'].map((x) => `Skupno stališče v usklajevanju – ni še odgovorila nobena od ${x}, rok 7. 12. 2026`),
    ],
  ],
  'joint.agreed': [
    [
      (n) => t.joint.agreed('ZMOS', n, n),
      ['1 od 1 navedene občine', '2 od 2 navedenih občin', '3 od 3 navedenih občin', '5 od 5 navedenih občin', '101 od 101 navedene občine', '102 od 102 navedenih občin'].map((x) => `ZMOS v imenu ${x}`),
    ],
    [(n) => t.joint.agreed('ZMOS', 0, n), ['1 navedene občine', '2 navedenih občin', '3 navedenih občin', '5 navedenih občin', '101 navedene občine', '102 navedenih občin'].map((x) => `ZMOS: skupnega stališča ni potrdila nobena od ${x}`)],
  ],
  // Labels before a list of names: they agree with the names (101 names are plural).
  'joint.confirmedList': [[(n) => t.joint.confirmedList(n), ['Potrdila', 'Potrdili', 'Potrdile', 'Potrdile', 'Potrdile', 'Potrdile']]],
  'joint.declinedList': [[(n) => t.joint.declinedList(n), ['Zavrnila', 'Zavrnili', 'Zavrnile', 'Zavrnile', 'Zavrnile', 'Zavrnile']]],
  'joint.noAnswerList': [
    [(n) => t.joint.noAnswerList(n, true), ['Ni odgovorila', 'Nista odgovorili', 'Niso odgovorile', 'Niso odgovorile', 'Niso odgovorile', 'Niso odgovorile']],
    [(n) => t.joint.noAnswerList(n, false), ['Še ni odgovorila', 'Še nista odgovorili', 'Še niso odgovorile', 'Še niso odgovorile', 'Še niso odgovorile', 'Še niso odgovorile']],
  ],
  'joint.badgeLabel': [
    [
      (n) => t.joint.badgeLabel(n),
      ['1 skupno stališče čaka', '2 skupni stališči čakata', '3 skupna stališča čakajo', '5 skupnih stališč čaka', '101 skupno stališče čaka', '102 skupni stališči čakata'].map((x) => `${x} na vaš odgovor`),
    ],
  ],
  'joint.mail.answeredBody': [
    [
      (n) => t.joint.mail.answeredBody('Občina Bled', true, 7, 'k odstavku 1.1', 'DS', 'T', n, 'D', 'L').split('\n')[5],
      ['Še ni odgovorila 1 občina', 'Še nista odgovorili 2 občini', 'Še niso odgovorile 3 občine', 'Še ni odgovorilo 5 občin', 'Še ni odgovorila 101 občina', 'Še nista odgovorili 102 občini'].map((x) => `${x}; rok za odgovor je D.`),
    ],
  ],
  'commentRecord.errors.reasonTooLong': [[(n) => withoutEnd(atMost(t.commentRecord.errors.reasonTooLong)(n)), znakov]],
  'commentRecord.withdraw.reasonHint': [[(n) => withoutEnd(atMost(t.commentRecord.withdraw.reasonHint)(n)), znakov]],
  'participation.summary': [
    [
      (n) => t.participation.summary(n, 212),
      [
        'Sodelovala je 1 od 212 občin (0 %).',
        'Sodelovali sta 2 od 212 občin (1 %).',
        'Sodelovale so 3 od 212 občin (1 %).',
        'Sodelovalo je 5 od 212 občin (2 %).',
        'Sodelovala je 101 od 212 občin (48 %).',
        'Sodelovali sta 102 od 212 občin (48 %).',
      ],
    ],
    [
      (n) => t.participation.summary(0, n),
      [
        'Sodelovalo je 0 od 1 občine (0 %).',
        'Sodelovalo je 0 od 2 občin (0 %).',
        'Sodelovalo je 0 od 3 občin (0 %).',
        'Sodelovalo je 0 od 5 občin (0 %).',
        'Sodelovalo je 0 od 101 občine (0 %).',
        'Sodelovalo je 0 od 102 občin (0 %).',
      ],
    ],
  ],
  'participation.comments': [
    [
      (n) => t.participation.comments(n),
      [
        'Občine so oddale 1 pripomba.',
        'Občine so oddale 2 pripombi.',
        'Občine so oddale 3 pripombe.',
        'Občine so oddale 5 pripomb.',
        'Občine so oddale 101 pripomba.',
        'Občine so oddale 102 pripombi.',
      ],
    ],
  ],
  'participation.map.desc': [
    [
      (n) => t.participation.map.desc(0, n),
      [
        'Vsaka od 1 občine je krog v svojem središču. Občine, ki so sodelovale (0), so zapolnjene, ploščina kroga je sorazmerna številu njihovih pripomb. Vsi podatki zemljevida so v tabeli občin pod njim.',
        'Vsaka od 2 občin je krog v svojem središču. Občine, ki so sodelovale (0), so zapolnjene, ploščina kroga je sorazmerna številu njihovih pripomb. Vsi podatki zemljevida so v tabeli občin pod njim.',
        'Vsaka od 3 občin je krog v svojem središču. Občine, ki so sodelovale (0), so zapolnjene, ploščina kroga je sorazmerna številu njihovih pripomb. Vsi podatki zemljevida so v tabeli občin pod njim.',
        'Vsaka od 5 občin je krog v svojem središču. Občine, ki so sodelovale (0), so zapolnjene, ploščina kroga je sorazmerna številu njihovih pripomb. Vsi podatki zemljevida so v tabeli občin pod njim.',
        'Vsaka od 101 občine je krog v svojem središču. Občine, ki so sodelovale (0), so zapolnjene, ploščina kroga je sorazmerna številu njihovih pripomb. Vsi podatki zemljevida so v tabeli občin pod njim.',
        'Vsaka od 102 občin je krog v svojem središču. Občine, ki so sodelovale (0), so zapolnjene, ploščina kroga je sorazmerna številu njihovih pripomb. Vsi podatki zemljevida so v tabeli občin pod njim.',
      ],
    ],
  ],
  'participation.map.markTitle': [
    [
      (n) => t.participation.map.markTitle('Bled', n, true),
      [
        'Bled: 1 pripomba',
        'Bled: 2 pripombi',
        'Bled: 3 pripombe',
        'Bled: 5 pripomb',
        'Bled: 101 pripomba',
        'Bled: 102 pripombi',
      ],
    ],
  ],
  'moderation.foundMany': [
    [
      (n) => t.moderation.foundMany(n),
      [
        'Najdenih je več kot 1 pripomba; prikazana je 1 najnovejša. Iskanje zožite s filtri ali z natančnejšimi besedami.',
        'Najdenih je več kot 2 pripombi; prikazani sta 2 najnovejši. Iskanje zožite s filtri ali z natančnejšimi besedami.',
        'Najdenih je več kot 3 pripombe; prikazane so 3 najnovejše. Iskanje zožite s filtri ali z natančnejšimi besedami.',
        'Najdenih je več kot 5 pripomb; prikazanih je 5 najnovejših. Iskanje zožite s filtri ali z natančnejšimi besedami.',
        'Najdenih je več kot 101 pripomba; prikazana je 101 najnovejša. Iskanje zožite s filtri ali z natančnejšimi besedami.',
        'Najdenih je več kot 102 pripombi; prikazani sta 102 najnovejši. Iskanje zožite s filtri ali z natančnejšimi besedami.',
      ],
    ],
  ],
  'moderation.found': [[(n) => t.moderation.found(n), ['Najdena je 1 pripomba.', 'Najdeni sta 2 pripombi.', 'Najdene so 3 pripombe.', 'Najdenih je 5 pripomb.', 'Najdena je 101 pripomba.', 'Najdeni sta 102 pripombi.']]],
  'moderation.bulk.done': [
    [(n) => t.moderation.bulk.done(n), ['Spremenjena je 1 pripomba.', 'Spremenjeni sta 2 pripombi.', 'Spremenjene so 3 pripombe.', 'Spremenjenih je 5 pripomb.', 'Spremenjena je 101 pripomba.', 'Spremenjeni sta 102 pripombi.']],
  ],
  'moderation.errors.noteTooLong': [[(n) => withoutEnd(atMost(t.moderation.errors.noteTooLong)(n)), znakov]],
  'consultationAdmin.errors.tooLong': [[(n) => withoutEnd(atMost(t.consultationAdmin.errors.tooLong)(n)), znakov]],
  // Stances (issue 13, C1): 1 stališče, 2 stališči, 3 stališča, 5 stališč.
  'stances.publish.done': [
    [(n) => t.stances.publish.done(n), ['Objavljeno je 1 stališče.', 'Objavljeni sta 2 stališči.', 'Objavljena so 3 stališča.', 'Objavljenih je 5 stališč.', 'Objavljeno je 101 stališče.', 'Objavljeni sta 102 stališči.']],
  ],
  'stances.publish.confirmAll': [[(n) => t.stances.publish.confirmAll(n), stalisc.map((p) => `Objavili boste ${p} tega posvetovanja.`)]],
  'stances.publish.confirmChapter': [[(n) => t.stances.publish.confirmChapter(n, 'Uvod'), stalisc.map((p) => `Objavili boste ${p} k poglavju Uvod.`)]],
  'stances.publish.more': [[(n) => t.stances.publish.more(n), stalisc.map((p) => `… in še ${p}.`)]],
  'stances.publish.publishChapterLabel': [[(n) => t.stances.publish.publishChapterLabel(n, 'Uvod'), stalisc.map((p) => `Objavi ${p}: Uvod`)]],
  'statistics.blockCount': [[(n) => t.statistics.blockCount('3.4', n), pripomb.map((p) => `Odstavek 3.4: ${p}`)]],
  'audit.total': [[(n) => t.audit.total(n), ['1 vpis', '2 vpisa', '3 vpisi', '5 vpisov', '101 vpis', '102 vpisa']]],
  'templates.bulk.done': [
    [(n) => t.templates.bulk.done(n), ['1 pripombi.', '2 pripombah.', '3 pripombah.', '5 pripombah.', '101 pripombi.', '102 pripombah.'].map((p) => `Predlog stališča je zapisan pri ${p}`)],
  ],
  'templates.bulk.tooMany': [
    [(n) => t.templates.bulk.tooMany(n), ['1 pripombo.', '2 pripombi.', '3 pripombe.', '5 pripomb.', '101 pripombo.', '102 pripombi.'].map((p) => `Hkrati lahko izberete največ ${p}`)],
  ],
  // A list of n comments' numbers (a list of 101 is plural, as listForm says).
  'templates.bulk.stale': [
    [
      (n) => {
        const text = t.templates.bulk.stale(Array.from({ length: n }, (_, i) => i + 1));
        return `${text.split(' št.')[0]} … ${/Preverite (\S+)/.exec(text)?.[1]}`;
      },
      ['Pripombo … jo', 'Pripombi … ju', 'Pripombe … jih', 'Pripombe … jih', 'Pripombe … jih', 'Pripombe … jih'],
    ],
  ],
  'reportDocument.participation': [
    [
      (n) => t.reportDocument.participation(n, 212).replace(' (s svojimi pripombami ali s potrditvijo skupnega stališča združenja).', ''),
      ['Sodelovala je 1 občina od 212', 'Sodelovali sta 2 občini od 212', 'Sodelovale so 3 občine od 212', 'Sodelovalo je 5 občin od 212', 'Sodelovala je 101 občina od 212', 'Sodelovali sta 102 občini od 212'],
    ],
  ],
  'reportDocument.received': [
    [
      (n) => t.reportDocument.received(n, n, n, n, n),
      [
        'Prejeta je bila 1 pripomba: 1 pripomba, 1 predlog spremembe besedila in 1 vprašanje; od tega 1 pripomba po roku.',
        'Prejeti sta bili 2 pripombi: 2 pripombi, 2 predloga spremembe besedila in 2 vprašanji; od tega 2 pripombi po roku.',
        'Prejete so bile 3 pripombe: 3 pripombe, 3 predlogi spremembe besedila in 3 vprašanja; od tega 3 pripombe po roku.',
        'Prejetih je bilo 5 pripomb: 5 pripomb, 5 predlogov spremembe besedila in 5 vprašanj; od tega 5 pripomb po roku.',
        'Prejeta je bila 101 pripomba: 101 pripomba, 101 predlog spremembe besedila in 101 vprašanje; od tega 101 pripomba po roku.',
        'Prejeti sta bili 102 pripombi: 102 pripombi, 102 predloga spremembe besedila in 102 vprašanji; od tega 102 pripombi po roku.',
      ],
    ],
    [(n) => t.reportDocument.received(n, n, 0, 0, 0).replace(/^.*: /, ''), pripomb.map((p) => `${p}, 0 predlogov spremembe besedila in 0 vprašanj.`)],
  ],
  'reportDocument.sectionCount': [[(n) => t.reportDocument.sectionCount(n), pripomb]],
  'reportVersions.commentsCount': [[(n) => t.reportVersions.commentsCount(n), ['1 pripomba', '2 pripombi', '3 pripombe', '5 pripomb', '101 pripomba', '102 pripombi']]],
  // Near-duplicate groups (issue 15): a group has two comments or more, but every count is written out.
  'duplicates.summary': [
    [
      (n) => t.duplicates.summary(n, n),
      [
        '1 skoraj enaka pripomba, 1 organizacija',
        '2 skoraj enaki pripombi, 2 organizaciji',
        '3 skoraj enake pripombe, 3 organizacije',
        '5 skoraj enakih pripomb, 5 organizacij',
        '101 skoraj enaka pripomba, 101 organizacija',
        '102 skoraj enaki pripombi, 102 organizaciji',
      ],
    ],
  ],
  'duplicates.inGroup': [[(n) => t.duplicates.inGroup(12, n), ['1 organizacija', '2 organizaciji', '3 organizacije', '5 organizacij', '101 organizacija', '102 organizaciji'].map((o) => `v skupini 12 skoraj enakih (${o})`)]],
  'duplicates.split.done': [
    [
      (n) => t.duplicates.split.done(n),
      ['je izločena 1 pripomba', 'sta izločeni 2 pripombi', 'so izločene 3 pripombe', 'je izločenih 5 pripomb', 'je izločena 101 pripomba', 'sta izločeni 102 pripombi'].map((p) => `Iz skupine ${p}.`),
    ],
  ],
  'duplicates.stance.done': [
    [(n) => t.duplicates.stance.done(n), ['1 pripombi', '2 pripombah', '3 pripombah', '5 pripombah', '101 pripombi', '102 pripombah'].map((p) => `Predlog stališča je zapisan pri ${p} v skupini.`)],
  ],
  'duplicates.errors.tooMany': [
    [
      (n) => t.duplicates.errors.tooMany(n),
      ['1 pripombo', '2 pripombi', '3 pripombe', '5 pripomb', '101 pripombo', '102 pripombi'].map((p) => `Eno stališče lahko naenkrat zapišete za največ ${p}; skupino najprej razdelite.`),
    ],
  ],
  // Search (issue 15, S): „Najden je 1 odstavek“ agrees with a masculine noun.
  'search.paragraphsFound': [
    [(n) => t.search.paragraphsFound(n), ['Najden je 1 odstavek.', 'Najdena sta 2 odstavka.', 'Najdeni so 3 odstavki.', 'Najdenih je 5 odstavkov.', 'Najden je 101 odstavek.', 'Najdena sta 102 odstavka.']],
  ],
  'search.commentsFound': [
    [(n) => t.search.commentsFound(n, false), ['Najdena je 1 pripomba.', 'Najdeni sta 2 pripombi.', 'Najdene so 3 pripombe.', 'Najdenih je 5 pripomb.', 'Najdena je 101 pripomba.', 'Najdeni sta 102 pripombi.']],
  ],
  'reportVersions.participantsCount': [[(n) => t.reportVersions.participantsCount(n), ['1 organizacija', '2 organizaciji', '3 organizacije', '5 organizacij', '101 organizacija', '102 organizaciji']]],
  'themes.themeCount': [[(n) => t.themes.themeCount(n), ['1 tema', '2 temi', '3 teme', '5 tem', '101 tema', '102 temi']]],
  'themes.commentCount': [[(n) => t.themes.commentCount(n), pripomb]],
  'themes.done.moved': [[(n) => t.themes.done.moved(n), ['Premaknjena je 1 pripomba.', 'Premaknjeni sta 2 pripombi.', 'Premaknjene so 3 pripombe.', 'Premaknjenih je 5 pripomb.', 'Premaknjena je 101 pripomba.', 'Premaknjeni sta 102 pripombi.']]],
  'themes.errors.nameTooLong': [[atMost(t.themes.errors.nameTooLong), znakov.map((z) => `${z}.`)]],
  // Attachments (issue 16, A).
  'attachments.added': [[(n) => t.attachments.added(n), ['Dodana je 1 priloga.', 'Dodani sta 2 prilogi.', 'Dodane so 3 priloge.', 'Dodanih je 5 prilog.', 'Dodana je 101 priloga.', 'Dodani sta 102 prilogi.']]],
  'attachments.room': [[(n) => t.attachments.room(n), ['1 datoteko', '2 datoteki', '3 datoteke', '5 datotek', '101 datoteko', '102 datoteki'].map((d) => `Dodate lahko še ${d}.`)]],
  // Invitations from a CSV (issue 16, N).
  'onboarding.import.counts': [
    [(n) => t.onboarding.import.counts(n, 0, 0).split(';')[0], ['1 vrstica bo povabljena', '2 vrstici bosta povabljeni', '3 vrstice bodo povabljene', '5 vrstic bo povabljenih', '101 vrstica bo povabljena', '102 vrstici bosta povabljeni']],
    [(n) => t.onboarding.import.counts(0, 0, n).split('; ')[2], ['1 vrstica z napako.', '2 vrstici z napako.', '3 vrstice z napako.', '5 vrstic z napako.', '101 vrstica z napako.', '102 vrstici z napako.']],
  ],
  'onboarding.import.sendLead': [[(n) => t.onboarding.import.sendLead(n).split(' (')[0], ['1 povabilo', '2 povabili', '3 povabila', '5 povabil', '101 povabilo', '102 povabili'].map((p) => `Poslali boste ${p}`)]],
  'onboarding.import.sent': [[(n) => t.onboarding.import.sent(n, 'danes').split('. ')[0], ['1 povabilo', '2 povabili', '3 povabila', '5 povabil', '101 povabilo', '102 povabili'].map((p) => `Povabila so poslana (danes): ${p}`)]],
  'themes.errors.tooMany': [[atMost(t.themes.errors.tooMany), ['1 pripombo.', '2 pripombi.', '3 pripombe.', '5 pripomb.', '101 pripombo.', '102 pripombi.'].map((p) => `največ ${p}`)]],
  // Issue 16, the public lists.
  'publicComments.found': [[(n) => t.publicComments.found(n), ['Najdena je 1 pripomba.', 'Najdeni sta 2 pripombi.', 'Najdene so 3 pripombe.', 'Najdenih je 5 pripomb.', 'Najdena je 101 pripomba.', 'Najdeni sta 102 pripombi.']]],
  'organisationsPublic.took': [
    [(n) => t.organisationsPublic.took(n), ['Sodelovala je 1 organizacija.', 'Sodelovali sta 2 organizaciji.', 'Sodelovale so 3 organizacije.', 'Sodelovalo je 5 organizacij.', 'Sodelovala je 101 organizacija.', 'Sodelovali sta 102 organizaciji.']],
  ],
  'organisationPublic.summary': [
    [(n) => t.organisationPublic.summary(n, 0, 0), pripomb.map((p) => `${p} · 0 sopodpisov · 0 skupnih stališč`)],
    [(n) => t.organisationPublic.summary(0, n, 0), ['1 sopodpis', '2 sopodpisa', '3 sopodpisi', '5 sopodpisov', '101 sopodpis', '102 sopodpisa'].map((p) => `0 pripomb · ${p} · 0 skupnih stališč`)],
    [(n) => t.organisationPublic.summary(0, 0, n), ['1 skupno stališče', '2 skupni stališči', '3 skupna stališča', '5 skupnih stališč', '101 skupno stališče', '102 skupni stališči'].map((p) => `0 pripomb · 0 sopodpisov · ${p}`)],
  ],
};

describe('every plural of the interface', () => {
  const phrases = countedPhrases(t);

  it('has its forms written out in this test', () => {
    expect([...phrases.keys()].sort()).toEqual(Object.keys(expected).sort());
  });

  for (const [path, cases] of Object.entries(expected)) {
    it(`${path} with ${COUNTS.join(', ')}`, () => {
      for (const [render, forms] of cases) expect(COUNTS.map(render)).toEqual(forms);
    });
  }

  it('every set of forms picks one, two, few, other as Slovenian counts, and is used', () => {
    const source = [...phrases.values()].map((fn) => fn.toString()).join('\n');
    for (const [name, forms] of Object.entries(pluralForms)) {
      expect(COUNTS.map((n) => plural(n, forms)), name).toEqual([forms.one, forms.two, forms.few, forms.other, forms.one, forms.two]);
      expect(Object.values(forms).every((form) => form.trim().length > 0), name).toBe(true);
      expect(source, `pluralForms.${name} is used by some phrase`).toMatch(new RegExp(`\\.${name}\\b`));
    }
    for (const name of Object.keys(listForms)) expect(source, `listForms.${name} is used by some phrase`).toMatch(new RegExp(`\\.${name}\\b`));
  });
});

describe('the words of the interface', () => {
  const strings: string[] = [];
  const collect = (node: unknown) => {
    if (typeof node === 'string') strings.push(node);
    else if (typeof node === 'function') {
      const fn = node as (...a: unknown[]) => unknown;
      let text: unknown;
      try {
        text = fn('X', 2, 3, true);
      } catch {
        text = fn(['X', 'Y']);
      }
      strings.push(String(text));
    }
    else if (node && typeof node === 'object') Object.values(node).forEach(collect);
  };
  collect(t);

  it('use the spaced en dash and „…“ quotes, never an em dash or other quotes', () => {
    for (const s of strings) {
      expect(s, s).not.toMatch(/[—»«"”]/);
      expect((s.match(/„/g) ?? []).length, s).toBe((s.match(/“/g) ?? []).length);
    }
  });

  it('keep no-break spaces inside dates (and before a unit), nowhere else', () => {
    const ds2030 = readConsultationFiles().find((c) => c.slug === 'ds2030')!;
    expect(ds2030.data.description).toContain('23.\u00A03.\u00A02023');
    for (const { data } of readConsultationFiles()) expect(data.description.replace(/\d\.\u00A0(?=\d)/g, ''), data.description).not.toContain('\u00A0');
    expect(t.audit.dateHint).toContain('3.\u00A02.\u00A02027');
    for (const s of strings) expect(s.replace(/\d\.\u00A0(?=\d)|\d\u00A0(?=MB)/g, ''), s).not.toContain('\u00A0');
  });

  it('never name the former government office', () => {
    for (const s of strings) expect(s, s).not.toMatch(/SDP|Služb[ae] Vlade|gp\.sdp/);
  });

  it('sign every e-mail as the ministry', () => {
    const stance = { id: 7, role: 'author' as const, consultation: 'Digitalna Slovenija 2030', paragraph: t.stances.mail.paragraph('3.14', 'Digitalna družba'), organisation: 'Občina Bled', decision: 'ni upoštevana', meaning: t.stances.meaning.rejected, response: 'Ker.', link: 'L' };
    const hidden = { id: 1, consultation: 'Digitalna Slovenija 2030', paragraph: t.moderation.mail.paragraph('3.14', 'Digitalna družba'), reason: 'žaljiva vsebina', link: 'L', contactEmail: 'gp.mdp@gov.si' };
    const mails = [
      t.account.invitationMail.body('Ana', 'Občina Bled', 'član', 'L'),
      t.account.resetMail.body('Ana', 'L'),
      t.moderation.mail.hiddenBody(hidden),
      t.moderation.mail.hiddenBody({ ...hidden, replyTo: 'odgovori@gov.si' }),
      t.joint.mail.askBody('ZMOS', 'Občina Bled', 1, 'k odstavku 1.1', 'Digitalna Slovenija 2030', 'Besedilo.', '7. 12. 2026 10.00', 'L'),
      t.joint.mail.answeredBody('Občina Bled', false, 1, 'k odstavku 1.1', 'Digitalna Slovenija 2030', 'T', 0, '', 'L'),
      t.stances.mail.body(stance),
    ];
    for (const mail of mails) {
      expect(mail.startsWith('Spoštovani,\n\n'), mail).toBe(true);
      expect(mail.endsWith('\n\nLep pozdrav,\n\nMinistrstvo za digitalno preobrazbo\nMasarykova cesta 16, 1000 Ljubljana'), mail).toBe(true);
      expect(mail, 'no mail greets with "Pozdravljeni"').not.toContain('Pozdravljeni');
    }
    expect(t.stances.mail.body(stance)).toContain('Ministrstvo za digitalno preobrazbo je objavilo stališče do pripombe št. 7, ki jo je vaša organizacija oddala k besedilu odstavka 3.14 poglavja „Digitalna družba“');
    expect(t.stances.mail.body(stance)).toContain('Stališče: ni upoštevana. Ministrstvo predloga ne bo upoštevalo');
    // No mail asks for a reply unless replies are read (MAIL_REPLY_TO).
    for (const mail of mails.filter((m) => !m.includes('odgovori@gov.si'))) expect(mail).not.toMatch(/odgovorite na|pišite na/);
    expect(t.moderation.mail.hiddenBody(hidden)).toContain('se obrnite na ministrstvo na naslov gp.mdp@gov.si');
    expect(t.moderation.mail.hiddenBody({ ...hidden, replyTo: 'odgovori@gov.si' })).toContain('pišite na odgovori@gov.si');
    expect(t.moderation.mail.paragraph(null, 'Digitalna družba')).toBe('k poglavju „Digitalna družba“ kot celoti');
  });
});
