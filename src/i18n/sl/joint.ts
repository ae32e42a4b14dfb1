/** Joint positions (skupna stališča) in the Slovenian dictionary: their standing, the answers, the mails, the badge. */
import { formatNumber } from '../format.ts';
import { counted, f, letter, listForm, plural, type PluralForms } from './shared.ts';

/** Forms only joint positions use (the shared ones come from shared.ts). */
export const jointForms = {
  /** Odgovorila je 1, odgovorili sta 2, odgovorile so 3, odgovorilo je 5 (before "od N navedenih občin"). */
  odgovorila: { one: 'odgovorila', two: 'odgovorili', few: 'odgovorile', other: 'odgovorilo' },
  skupnoStalisce: { one: 'skupno stališče', two: 'skupni stališči', few: 'skupna stališča', other: 'skupnih stališč' },
  caka: { one: 'čaka', two: 'čakata', few: 'čakajo', other: 'čaka' },
  /** Agree with a list of names: Bled; Bled, Bohinj; Bled, Bohinj, Kranj. */
  potrdile: { one: 'Potrdila', two: 'Potrdili', few: 'Potrdile', other: 'Potrdile' },
  zavrnile: { one: 'Zavrnila', two: 'Zavrnili', few: 'Zavrnile', other: 'Zavrnile' },
  nisoOdgovorile: { one: 'Ni odgovorila', two: 'Nista odgovorili', few: 'Niso odgovorile', other: 'Niso odgovorile' },
  seNisoOdgovorile: { one: 'Še ni odgovorila', two: 'Še nista odgovorili', few: 'Še niso odgovorile', other: 'Še niso odgovorile' },
} as const satisfies Record<string, PluralForms>;
const j = jointForms;

export const joint = {
  joint: {
    /** „Skupno stališče v usklajevanju – odgovorili sta 2 od 5 navedenih občin, rok 7. 12. 2026“ */
    coordinating: (answered: number, named: number, deadline: string) =>
      answered === 0
        ? `Skupno stališče v usklajevanju – ni še odgovorila nobena od ${counted(named, f.navedenihObcin)}, rok ${deadline}`
        : `Skupno stališče v usklajevanju – ${plural(answered, j.odgovorila)} ${formatNumber(answered)} od ${counted(named, f.navedenihObcin)}, rok ${deadline}`,
    /** „ZMOS v imenu 3 od 5 navedenih občin“ (the names follow after a colon). */
    agreed: (association: string, confirmed: number, named: number) =>
      confirmed === 0
        ? `${association}: skupnega stališča ni potrdila nobena od ${counted(named, f.navedenihObcin)}`
        : `${association} v imenu ${formatNumber(confirmed)} od ${counted(named, f.navedenihObcin)}`,
    /** Labels before a list of n names. */
    confirmedList: (n: number) => listForm(n, j.potrdile),
    declinedList: (n: number) => listForm(n, j.zavrnile),
    noAnswerList: (n: number, settled: boolean) => listForm(n, settled ? j.nisoOdgovorile : j.seNisoOdgovorile),
    /** The navigation's badge: joint positions waiting for the municipality's answer. */
    nav: 'Naše pripombe',
    badge: (n: number) => `Odgovorite: ${formatNumber(n)}`,
    badgeLabel: (n: number) => `${counted(n, j.skupnoStalisce)} ${plural(n, j.caka)} na vaš odgovor`,
    /** The organisation's record page. */
    awaitingTitle: 'Skupna stališča, ki čakajo na vaš odgovor',
    awaitingLead:
      'Združenje je vašo občino navedlo v skupnem stališču. Stališče bo objavljeno v imenu vaše občine le, če ga potrdite. Odgovor lahko spremenite do roka.',
    noneAwaiting: 'Nobeno skupno stališče ne čaka na vaš odgovor.',
    answeredTitle: 'Skupna stališča, ki navajajo vašo občino',
    answeredLead: 'Do roka lahko odgovor še spremenite.',
    association: 'Združenje',
    paragraph: 'Odstavek',
    deadline: 'Rok za odgovor',
    deadlinePassed: (when: string) => `Rok za odgovor je potekel ${when}.`,
    standing: 'Stanje skupnega stališča',
    record: {
      received: 'Prejeta',
      inReview: 'V obravnavi',
      stance: (label: string) => `Stališče: ${label}`,
      explanation: 'Obrazložitev',
      withdrawn: (date: string, time: string) => `Umaknili ste jo ${date} ob ${time}.`,
      reason: (reason: string) => `Razlog: ${reason}`,
      hidden: (reason: string) => `Ni javno objavljena: ministrstvo jo je skrilo (razlog: ${reason}).`,
    },
    /** Where a comment is written, as mails name it. */
    where: {
      block: (number: string, chapter: string) => `k odstavku ${number} poglavja „${chapter}“`,
      chapter: (number: number, chapter: string) => `k poglavju ${number}. „${chapter}“ kot celoti`,
      draft: 'k osnutku kot celoti',
    },
    mail: {
      askSubject: (id: number) => `Skupno stališče (pripomba št. ${id}) čaka na odgovor vaše občine – Posvet`,
      askBody: (association: string, municipality: string, id: number, where: string, consultation: string, body: string, deadline: string, link: string) =>
        letter([
          `organizacija ${association} je v javnem posvetovanju „${consultation}“ oddala pripombo št. ${id} ${where} kot skupno stališče in v njem navedla tudi vašo občino (${municipality}).`,
          '',
          'Besedilo pripombe:',
          '',
          body,
          '',
          `Stališče bo objavljeno v imenu vaše občine le, če ga potrdite. Potrdite ali zavrnite ga lahko do ${deadline} na strani pripomb vaše organizacije:`,
          link,
          '',
          'Če do roka ne odgovorite, bo vaša občina pri stališču navedena med občinami, ki niso odgovorile.',
        ]),
      answeredSubject: (id: number, municipality: string, confirmed: boolean) =>
        `${municipality}: ${confirmed ? 'potrditev' : 'zavrnitev'} skupnega stališča (pripomba št. ${id}) – Posvet`,
      answeredBody: (municipality: string, confirmed: boolean, id: number, where: string, consultation: string, tally: string, open: number, deadline: string, link: string) =>
        letter([
          `${municipality} je ${confirmed ? 'potrdila' : 'zavrnila'} skupno stališče, ki ste ga v javnem posvetovanju „${consultation}“ oddali kot pripombo št. ${id} ${where}.`,
          '',
          tally,
          open === 0
            ? 'Odgovorile so vse navedene občine.'
            : `${plural(open, f.seNiOdgovorila)} ${counted(open, f.obcina)}; rok za odgovor je ${deadline}.`,
          '',
          'Kako se stališče glasi zdaj, vidite na njegovi stalni povezavi:',
          link,
        ]),
      tally: (confirmed: number, declined: number, pending: number) =>
        `Odgovori doslej – potrdile: ${formatNumber(confirmed)}, zavrnile: ${formatNumber(declined)}, še brez odgovora: ${formatNumber(pending)}.`,
    },
    errors: {
      deadlinePassed: (when: string) => `Rok za odgovor na to skupno stališče je potekel ${when}; odgovora ni več mogoče oddati ali spremeniti.`,
    },
  },
} as const;
