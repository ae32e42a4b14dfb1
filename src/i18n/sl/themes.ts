/** Suggested themes in moderation (issue 15, themes helper). */
import { counted, f, plural, type PluralForms } from './shared.ts';

const tema: PluralForms = { one: 'tema', two: 'temi', few: 'teme', other: 'tem' };
/** Accusative, after "največ" and "premaknjenih": 1 pripombo, 2 pripombi, 3 pripombe, 5 pripomb. */
const pripombo: PluralForms = { one: 'pripombo', two: 'pripombi', few: 'pripombe', other: 'pripomb' };
const premaknjena: PluralForms = { one: 'Premaknjena je', two: 'Premaknjeni sta', few: 'Premaknjene so', other: 'Premaknjenih je' };

export const themes = {
  themes: {
    nav: 'Teme',
    title: 'Teme',
    lead: 'Teme so skupine pripomb o isti vsebini. Algoritem jih predlaga za posamezno poglavje ali za celoten osnutek, odloči pa moderator: predlog sprejme (po želji pod novim imenom), preimenuje, združi z drugimi ali zavrže in pripombe premakne med temami. Nič ni odločeno samodejno.',
    themeCount: (n: number) => counted(n, tema),
    commentCount: (n: number) => counted(n, f.pripomba),
    wholeDraft: 'Celoten osnutek',
    chapter: (number: number, title: string) => `${number}. ${title}`,
    /** A chapter the current draft no longer has. */
    formerChapter: (slug: string) => `Poglavje „${slug}“`,
    states: { suggested: 'predlog', accepted: 'sprejeta', discarded: 'zavržena' },
    suggestionNote: 'Predlog algoritma – o njem še ni odločeno.',
    terms: 'Značilne besede:',
    decidedBy: (name: string) => `Odločitev: ${name}`,
    suggest: {
      legend: 'Predlagaj teme',
      scope: 'Del osnutka',
      hint: 'Izračun poteka v ozadju. Nadomesti prejšnje predloge za izbrani del; sprejete teme in razporeditve moderatorjev ostanejo.',
      button: 'Predlagaj teme',
      preparing: 'Predlogi se pripravljajo …',
      preparingFor: (scopes: string) => `Predlogi za: ${scopes}. Stran osvežite čez nekaj trenutkov.`,
      reload: 'Osveži stran',
    },
    none: 'Tem še ni. Predlagajte jih z obrazcem zgoraj.',
    accept: 'Sprejmi',
    acceptName: 'Ime ob sprejemu (neobvezno)',
    acceptNameHint: 'Prazno: tema obdrži predlagano ime.',
    discard: 'Zavrzi',
    open: (label: string) => `Odpri temo „${label}“`,
    rename: { legend: 'Preimenuj temo', name: 'Ime teme', button: 'Preimenuj' },
    merge: {
      legend: 'Združi teme',
      hint: 'Izberite vsaj dve temi istega dela osnutka. Pripombe preidejo v temo, izbrano spodaj, ta je s tem sprejeta, druge so zavržene kot združene.',
      themes: 'Teme za združitev',
      into: 'Združi v temo',
      name: 'Novo ime (neobvezno)',
      button: 'Združi izbrane teme',
    },
    detail: {
      back: 'Vse teme',
      comments: 'Pripombe v temi',
      none: 'V temi ni pripomb.',
      select: (id: number) => `Izberi pripombo ${id}`,
      source: { algorithm: 'Razporedil algoritem', moderator: (name: string) => `Razporeditev: ${name}` },
      columns: { select: 'Izbira', comment: 'Pripomba', block: 'Odstavek', organisation: 'Predlagatelj', source: 'Razporeditev' },
      move: { legend: 'Premakni izbrane pripombe', to: 'Kam', out: 'Iz te teme (brez teme)', button: 'Premakni', hint: 'V drugo temo je mogoče premakniti le v sprejeto temo.' },
      pagination: 'Strani pripomb v temi',
      inQueue: 'Pripombe teme v vrsti',
    },
    done: {
      requested: 'Zahteva je zapisana. Predlogi se pripravljajo …',
      already: 'Predlogi za ta del osnutka se že pripravljajo.',
      accepted: 'Tema je sprejeta.',
      renamed: 'Tema je preimenovana.',
      discarded: 'Tema je zavržena.',
      merged: 'Teme so združene.',
      moved: (n: number) => `${plural(n, premaknjena)} ${counted(n, f.pripomba)}.`,
    },
    queue: { filter: 'Tema', suggested: 'predlog', suggestedLabel: (label: string) => `${label} (predlog teme)` },
    statistics: { title: 'Pripombe po sprejetih temah', theme: 'Tema', none: 'Sprejetih tem še ni.' },
    errors: {
      notFound: 'Te teme ni ali je bila zavržena.',
      nameRequired: 'Vpišite ime teme.',
      nameTooLong: (n: number) => `Ime teme je lahko dolgo največ ${counted(n, f.znakov)}.`,
      mergeTwo: 'Izberite vsaj dve temi, ki ju želite združiti.',
      mergeInto: 'Tema, v katero združujete, mora biti med izbranimi.',
      mergeScope: 'Združite lahko le teme istega dela osnutka (istega poglavja ali celotnega osnutka).',
      nothingSelected: 'Izberite vsaj eno pripombo.',
      tooMany: (n: number) => `Naenkrat lahko premaknete največ ${counted(n, pripombo)}.`,
      moveTarget: 'Izberite sprejeto temo, v katero naj pripombe preidejo.',
      notInTheme: 'Nekatere izbrane pripombe niso več v tej temi. Osvežite stran.',
      notSuggested: 'O tej temi je že odločeno.',
      scopeInvalid: 'Izberite poglavje trenutnega osnutka ali celoten osnutek.',
      unknownAction: 'Neznano dejanje. Poskusite znova.',
    },
  },
} as const;
