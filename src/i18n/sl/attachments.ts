import { counted, plural, type PluralForms } from './shared.ts';

/** Accusative, after "dodate lahko še": 1 datoteko, 2 datoteki, 3 datoteke, 5 datotek. */
const datoteko: PluralForms = { one: 'datoteko', two: 'datoteki', few: 'datoteke', other: 'datotek' };
/** Dodana je 1 priloga, dodani sta 2 prilogi, dodane so 3 priloge, dodanih je 5 prilog. */
const dodana: PluralForms = { one: 'Dodana je', two: 'Dodani sta', few: 'Dodane so', other: 'Dodanih je' };
const priloga: PluralForms = { one: 'priloga', two: 'prilogi', few: 'priloge', other: 'prilog' };

/** Issue 16, item 3: PDF attachments of comments (signed letters, council decisions, recorded scans). */
export const attachments = {
  attachments: {
    heading: 'Priloge',
    pageTitle: (id: number) => `Priloge pripombe št. ${id}`,
    backToComment: 'Nazaj na pripombo',
    backToModeration: 'Nazaj na obravnavo pripombe',
    none: 'Pripomba nima prilog.',
    caption: 'Priloge pripombe',
    columns: { name: 'Datoteka', size: 'Velikost', actions: 'Dejanja' },
    download: (name: string) => `Prenesi ${name}`,
    remove: 'Odstrani',
    removeLabel: (name: string) => `Odstrani prilogo ${name}`,
    addLegend: 'Dodaj priloge',
    filesLabel: 'Datoteke PDF',
    filesHint: 'PDF, največ 5 datotek po 10 MB',
    room: (n: number) => (n === 0 ? 'Pripomba že ima največ prilog (5).' : `Dodate lahko še ${counted(n, datoteko)}.`),
    submit: 'Naloži',
    draftNote: 'Priloge osnutka vidi samo vaša organizacija; ob oddaji pripombe postanejo javne skupaj z njo in jih nato ni več mogoče spreminjati.',
    recordedNote: 'Priložite izvirno elektronsko sporočilo ali skenirani dopis (PDF).',
    added: (n: number) => `${plural(n, dodana)} ${counted(n, priloga)}.`,
    removed: 'Priloga je odstranjena.',
    errors: {
      notMultipart: 'Obrazec ni bil poslan kot nalaganje datotek. Izberite datoteke in pritisnite „Naloži“.',
      noBoundary: 'Poslanega obrazca ni bilo mogoče prebrati (manjka meja med deli). Poskusite znova.',
      noFile: 'Izberite vsaj eno datoteko PDF.',
      tooMany: 'Pripomba ima lahko največ 5 prilog. Izberite manj datotek ali najprej odstranite katero od priloženih.',
      tooLarge: (name?: string) => `${name ? `Datoteka „${name}“ je prevelika` : 'Datoteka je prevelika'} – največ 10 MB.`,
      empty: (name?: string) => `${name ? `Datoteka „${name}“ je prazna` : 'Datoteka je prazna'} (0 bajtov).`,
      notPdf: (name?: string) => `${name ? `Datoteka „${name}“ ni` : 'Datoteka ni'} dokument PDF. Sprejemamo samo datoteke PDF (preverimo vsebino, ne imena).`,
      cutOff: 'Nalaganje se je prekinilo, preden so prispele vse datoteke; ničesar nismo shranili. Poskusite znova.',
      notAllowed: 'Prilog te pripombe ne morete spreminjati: organizacija jih dodaja le osnutku, moderatorji pa pripombam, prejetim po e-pošti ali pošti.',
      notFound: 'Te priloge ni več.',
    },
  },
} as const;
