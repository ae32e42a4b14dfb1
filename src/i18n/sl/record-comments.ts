/** The record of a comment, in Slovenian: withdrawal, the withdrawn permalink, the receipt (potrdilo o prejemu) and its mail, a comment's JSON. */
import { counted, f, letter } from './shared.ts';

/** What the receipt (its mail and its printable page) says of a comment, already formatted. */
export interface ReceiptText {
  id: number;
  organisation: string;
  consultation: string;
  /** "3. 12. 2026 ob 10.15" (portal) or "3. 12. 2026" (a letter recorded by the ministry). */
  received: string;
  /** Recorded by the ministry from a letter: how it came ("po pošti", "po e-pošti"). */
  recordedVia?: string;
  /** "odstavek 3.14 poglavja 3 „Digitalne javne storitve“". */
  place: string;
  kind: string;
  body: string;
  proposedText: string | null;
  rationale: string | null;
  /** Municipalities a joint position names (none for any other comment). */
  joint?: readonly string[];
  link: string;
}

export const recordComments = {
  commentRecord: {
    /** Where a comment was written, as a letter names it. */
    place: {
      block: (block: string, chapter: number | null, title: string | undefined) =>
        chapter === null ? `odstavek ${block}` : `odstavek ${block} poglavja ${chapter}${title ? ` „${title}“` : ''}`,
      chapter: (chapter: number, title: string | undefined) => `poglavje ${chapter}${title ? ` „${title}“` : ''} kot celota`,
      draft: 'osnutek kot celota',
    },
    /** How a recorded letter came, after "prejelo": po pošti, po e-pošti. */
    via: { email: 'po e-pošti', post: 'po pošti', portal: 'prek portala' } as Record<string, string>,
    /** The date and time of receipt: 3. 12. 2026 ob 10.15. */
    at: (date: string, time: string) => `${date} ob ${time}`,

    withdraw: {
      title: (id: number) => `Umik pripombe št. ${id}`,
      question: (id: number) => `Ali res želite umakniti pripombo št. ${id}?`,
      lead: 'Umaknjena pripomba ne bo več med objavljenimi pripombami, v poročilu in v odprtih podatkih. Njena stalna povezava ostane: pove, da jo je vaša organizacija umaknila in kdaj, besedilo pa ostane zapisano za evidenco. Umika ni mogoče preklicati.',
      summary: 'Pripomba, ki jo umikate',
      reason: 'Razlog za umik (neobvezno)',
      reasonHint: (max: number) => `Razlog bo objavljen ob umaknjeni pripombi (največ ${counted(max, f.znakov)}).`,
      submit: 'Umakni pripombo',
      cancel: 'Prekliči',
      notPossible: 'Te pripombe ni mogoče umakniti',
      backToComment: 'Nazaj na pripombo',
      link: 'Umakni pripombo',
    },
    errors: {
      underReview: 'Pripombe ne morete več umakniti: ministrstvo jo že obravnava.',
      alreadyWithdrawn: 'Pripomba je že umaknjena.',
      reasonTooLong: (max: number) => `Razlog je predolg (največ ${counted(max, f.znakov)}).`,
    },

    withdrawn: {
      notice: (organisation: string, date: string, time: string) => `Organizacija ${organisation} je pripombo umaknila ${date} ob ${time}.`,
      reason: 'Razlog:',
      textAsSubmitted: 'Besedilo pripombe, kot je bila oddana (ohranjeno za evidenco)',
      state: 'umaknjena',
    },

    receipt: {
      pageTitle: (id: number) => `Potrdilo o prejemu pripombe št. ${id}`,
      title: 'Potrdilo o prejemu pripombe',
      link: 'Potrdilo o prejemu',
      print: 'Natisni',
      printHint: 'Potrdilo natisnete ali shranite kot PDF z ukazom za tiskanje v brskalniku.',
      back: 'Nazaj na pripombo',
      intro: (received: string) => `Ministrstvo za digitalno preobrazbo potrjuje, da je ${received} prejelo spodnjo pripombo.`,
      introRecorded: (via: string, received: string) => `Ministrstvo za digitalno preobrazbo potrjuje, da je ${received} ${via} prejelo spodnjo pripombo in jo evidentiralo na portalu.`,
      fields: {
        number: 'Številka pripombe',
        received: 'Prejeta',
        via: 'Način prejema',
        consultation: 'Javno posvetovanje',
        caseNumber: 'Številka zadeve',
        organisation: 'Predlagatelj',
        place: 'Nanaša se na',
        kind: 'Vrsta',
        joint: 'V imenu občin',
        state: 'Stanje',
        permalink: 'Stalna povezava',
      },
      withdrawnState: (date: string) => `umaknjena ${date}`,
      submittedState: 'oddana',
      body: 'Besedilo pripombe',
      proposedText: 'Predlagano besedilo odstavka',
      rationale: 'Obrazložitev predlagatelja',
      quote: 'Besedilo odstavka, na katerega se pripomba nanaša',
      issued: (date: string) => `Potrdilo izdano ${date}.`,

      mailSubject: (id: number) => `Potrdilo o prejemu pripombe št. ${id} – Posvet`,
      mailBody: (r: ReceiptText) =>
        letter([
          r.recordedVia
            ? `obveščamo vas, da je Ministrstvo za digitalno preobrazbo ${r.received} ${r.recordedVia} prejelo pripombo vaše organizacije (${r.organisation}) v javnem posvetovanju „${r.consultation}“ in jo evidentiralo na portalu kot pripombo št. ${r.id}. To sporočilo je potrdilo o njenem prejemu.`
            : `potrjujemo, da je Ministrstvo za digitalno preobrazbo ${r.received} prejelo pripombo št. ${r.id}, ki jo je vaša organizacija (${r.organisation}) oddala v javnem posvetovanju „${r.consultation}“. To sporočilo je potrdilo o njenem prejemu.`,
          '',
          `Številka pripombe: ${r.id}`,
          `Prejeta: ${r.received}${r.recordedVia ? ` (${r.recordedVia})` : ''}`,
          `Javno posvetovanje: ${r.consultation}`,
          `Nanaša se na: ${r.place}`,
          `Vrsta: ${r.kind}`,
          ...(r.joint?.length ? [`V imenu občin: ${r.joint.join(', ')}`] : []),
          '',
          'Besedilo pripombe:',
          r.body,
          ...(r.proposedText ? ['', 'Predlagano besedilo odstavka:', r.proposedText] : []),
          ...(r.rationale ? ['', 'Obrazložitev predlagatelja:', r.rationale] : []),
          '',
          `Pripomba in potrdilo za tisk: ${r.link}`,
        ]),
    },

    api: {
      withdrawn: 'Pripomba je bila umaknjena.',
      notFound: 'Javne pripombe s to številko ni.',
      badId: 'Neveljavna številka pripombe: pričakovano je pozitivno celo število.',
    },
  },
} as const;
