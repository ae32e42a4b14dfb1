/** Near-duplicate groups in moderation (issue 15, duplicates helper). */
import { counted, f, formatNumber, plural, type PluralForms } from './shared.ts';

/** 2 skoraj enaki pripombi, 3 skoraj enake pripombe, 5 skoraj enakih pripomb (a group has at least two). */
const skorajEnakih: PluralForms = { one: 'skoraj enaka pripomba', two: 'skoraj enaki pripombi', few: 'skoraj enake pripombe', other: 'skoraj enakih pripomb' };
/** Accusative, after "za največ": 1 pripombo, 2 pripombi, 3 pripombe, 5 pripomb. */
const pripombo: PluralForms = { one: 'pripombo', two: 'pripombi', few: 'pripombe', other: 'pripomb' };
/** Iz skupine je izločena 1 pripomba, sta izločeni 2 pripombi, so izločene 3 pripombe, je izločenih 5 pripomb. */
const izlocena: PluralForms = { one: 'je izločena', two: 'sta izločeni', few: 'so izločene', other: 'je izločenih' };
/** Locative, after "pri": pri 1 pripombi, 2 pripombah. */
const priPripombah: PluralForms = { one: 'pripombi', two: 'pripombah', few: 'pripombah', other: 'pripombah' };

export const duplicates = {
  duplicates: {
    nav: 'Skupine',
    title: 'Skupine skoraj enakih pripomb',
    titleFor: (consultation: string) => `Skupine skoraj enakih pripomb – ${consultation}`,
    lead: 'Pripombe z enakim ali skoraj enakim besedilom k istemu osnutku (tudi k različnim odstavkom) so zbrane v skupine; največje so na vrhu. Skupine predlaga algoritem, potrdi ali razdeli jih moderator. Vsaka pripomba ohrani svoj zapis, svoje stališče in obvestilo.',
    none: 'Skupin skoraj enakih pripomb še ni.',
    /** „12 skoraj enakih pripomb, 9 organizacij“. */
    summary: (size: number, organisations: number) => `${counted(size, skorajEnakih)}, ${counted(organisations, f.organizacija)}`,
    /** In a queue row: „v skupini 12 skoraj enakih (9 organizacij)“. */
    inGroup: (size: number, organisations: number) => `v skupini ${formatNumber(size)} skoraj enakih (${counted(organisations, f.organizacija)})`,
    states: { suggested: 'predlagana', confirmed: 'potrjena' },
    state: 'Stanje skupine',
    open: (id: number) => `Odpri skupino št. ${id}`,
    groupTitle: (id: number) => `Skupina skoraj enakih pripomb št. ${id}`,
    representative: 'Predstavnik skupine',
    representativeLead: 'Besedilo, s katerim so primerjane vse pripombe v skupini.',
    paragraph: (block: string | null, chapter: number | null) => (block ? `Odstavek ${block}` : chapter ? `Poglavje ${chapter} kot celota` : 'Osnutek kot celota'),
    comment: (id: number) => `Pripomba št. ${id}`,
    joint: 'Besedilo ponavlja skupno stališče združenja',
    jointLink: (id: number, organisation: string) => `Skupno stališče št. ${id} (${organisation})`,
    pageOf: (page: number, pages: number) => `Stran ${page} od ${pages}`,
    previousPage: 'Prejšnja stran',
    nextPage: 'Naslednja stran',
    pagination: 'Strani',
    back: 'Vse skupine',
    inQueue: 'Pripombe skupine v čakalni vrsti',
    members: {
      title: 'Pripombe v skupini',
      lead: 'Razlike od predstavnika so označene: vstavljeno besedilo je podčrtano, izpuščeno prečrtano.',
      organisation: 'Organizacija',
      similarity: 'Podobnost s predstavnikom',
      percent: (value: number) => `${Math.round(value * 100)} %`,
      stance: 'Stališče',
      noStance: 'brez stališča',
      isRepresentative: 'predstavnik',
      addedBy: { algorithm: 'dodal algoritem', moderator: 'dodal moderator' },
      select: (id: number) => `Izberi pripombo št. ${id}`,
    },
    confirm: {
      legend: 'Potrditev skupine',
      lead: 'Potrjena skupina ostane, kot je, tudi ko algoritem skupine izračuna znova.',
      submit: 'Potrdi skupino',
      done: 'Skupina je potrjena.',
      confirmedBy: (name: string, date: string) => `Potrdil(a): ${name}, ${date}`,
    },
    split: {
      legend: 'Razdelitev skupine',
      lead: 'Izbrane pripombe izločite iz skupine; algoritem jih ne bo več dodal v nobeno skupino.',
      submit: 'Izloči izbrane pripombe',
      done: (n: number) => `Iz skupine ${plural(n, izlocena)} ${counted(n, f.pripomba)}.`,
      ended: 'Skupina je razdeljena; ostala je ena pripomba, zato skupine ni več.',
    },
    representativeForm: {
      legend: 'Predstavnik skupine',
      label: 'Nov predstavnik',
      submit: 'Določi predstavnika',
      done: 'Predstavnik skupine je spremenjen.',
    },
    stance: {
      legend: 'Eno stališče za vso skupino',
      lead: 'Vsaka pripomba v skupini dobi svoj predlog stališča z istim stališčem in obrazložitvijo; vsak predlog nato odobri drug moderator ali skrbnik, vsaka organizacija pa ob objavi dobi svoje obvestilo.',
      template: 'Predloga obrazložitve',
      templateHint: 'Ponujene so splošne predloge in predloge poglavja predstavnika.',
      submit: 'Zapiši predlog stališča za vso skupino',
      done: (n: number) => `Predlog stališča je zapisan pri ${counted(n, priPripombah)} v skupini.`,
    },
    errors: {
      notFound: 'Te skupine ni (morda je bila medtem razdeljena).',
      nothingSelected: 'Izberite vsaj eno pripombo v skupini.',
      notAMember: 'Izberite pripombo, ki je v tej skupini.',
      stale: 'Skupina ali stališče katere od njenih pripomb se je medtem spremenilo; nobena pripomba ni bila spremenjena. Preverite skupino in poskusite znova.',
      tooMany: (max: number) => `Eno stališče lahko naenkrat zapišete za največ ${counted(max, pripombo)}; skupino najprej razdelite.`,
    },
    /** The queue's filter: each group as one row. */
    groupedFilter: 'Združi skoraj enake',
    groupedHint: 'Skupina skoraj enakih pripomb je prikazana kot ena vrstica (njen predstavnik).',
  },
} as const;
