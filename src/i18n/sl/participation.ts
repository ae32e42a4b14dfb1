/** Participation at a glance: /udelezba (issue 16, participation helper). */
import { counted, f, formatNumber, nb, plural, type PluralForms } from './shared.ts';

/** „Sodelovala je 1 občina“, „Sodelovali sta 2“, „Sodelovale so 3“, „Sodelovalo je 5“. */
const sodelovala: PluralForms = { one: 'Sodelovala je', two: 'Sodelovali sta', few: 'Sodelovale so', other: 'Sodelovalo je' };
/** Genitive after „od“: od 1 občine, od 2 občin, od 212 občin, od 201 občine. */
const obcinGen: PluralForms = { one: 'občine', two: 'občin', few: 'občin', other: 'občin' };

/** 16 % (Slovenian writes a space before the sign; a plain one, as everywhere in the interface). */
const percent = (part: number, whole: number) => (whole === 0 ? '–' : `${formatNumber(Math.round((part / whole) * 100))} %`);

export const participation = {
  participation: {
    title: 'Udeležba občin',
    titleFor: (consultation: string) => `Udeležba občin – ${consultation}`,
    allConsultations: 'Vsa posvetovanja skupaj',
    lead:
      'Občina je sodelovala, če je oddala vsaj eno pripombo ali potrdila skupno stališče, ki jo navaja. ' +
      'Štejejo tudi pripombe, ki jih je občina pozneje umaknila – z oddajo je sodelovala. ' +
      'Ne štejejo osnutki, pripombe, ki jih je moderator skril, ter skupna stališča, ki jih je občina zavrnila ali nanje še ni odgovorila.',
    choice: {
      label: 'Posvetovanje',
      all: 'Vsa posvetovanja',
      submit: 'Prikaži',
    },
    summary: (tookPart: number, total: number) => `${plural(tookPart, sodelovala)} ${formatNumber(tookPart)} od ${formatNumber(total)} ${plural(total, obcinGen)} (${percent(tookPart, total)}).`,
    comments: (n: number) => `Občine so oddale ${counted(n, f.pripomba)}.`,
    percent,
    skipToTable: 'Na tabelo občin pod zemljevidom',
    breakdown: {
      municipalities: 'Občin',
      tookPart: 'Sodelovalo',
      share: 'Delež',
    },
    byAssociation: {
      title: 'Po združenjih občin',
      header: 'Združenje',
      note: 'Člani ZMOS so vse mestne občine; članice SOS in ZOS vnese skrbnik portala, ker njihovi seznami niso javno objavljeni v strojno berljivi obliki.',
      none: 'članice še niso vnesene',
    },
    byRegion: {
      title: 'Po statističnih regijah',
      header: 'Statistična regija',
    },
    bySize: {
      title: 'Po velikosti občin',
      header: 'Število prebivalcev',
      label: (lower: number, upper: number | undefined) =>
        upper === undefined ? `${formatNumber(lower)} in več` : lower === 0 ? `manj kot ${formatNumber(upper + 1)}` : `${formatNumber(lower)}–${formatNumber(upper)}`,
    },
    regionSource: 'Statistične regije (SKTE-3): vir SURS.',
    populationSource: (year: number) => nb(`Število prebivalcev na 1. 1. ${year}: vir SURS.`),
    timeline: {
      titleDay: 'Oddane pripombe po dnevih',
      titleWeek: 'Oddane pripombe po tednih',
      day: 'Dan',
      week: 'Teden (od ponedeljka)',
      weekOf: (monday: string) => `od ${monday}`,
      count: 'Pripomb',
      chart: 'Število oddanih pripomb',
      note: 'Vse oddane pripombe: občin, združenj in drugih organizacij, vključno s pozneje umaknjenimi.',
      empty: 'Oddanih pripomb še ni.',
    },
    map: {
      title: 'Zemljevid udeležbe',
      svgTitle: 'Zemljevid Slovenije z občinami, ki so sodelovale',
      desc: (tookPart: number, total: number) =>
        `Vsaka od ${formatNumber(total)} ${plural(total, obcinGen)} je krog v svojem središču. ` +
        `Občine, ki so sodelovale (${formatNumber(tookPart)}), so zapolnjene, ploščina kroga je sorazmerna številu njihovih pripomb. ` +
        'Vsi podatki zemljevida so v tabeli občin pod njim.',
      legendTitle: 'Legenda',
      legendComments: 'Sodelovala s pripombami; ploščina kroga je sorazmerna številu pripomb:',
      legendJoint: 'Sodelovala le s potrditvijo skupnega stališča',
      legendNone: 'Ni sodelovala',
      attribution: 'Vir: GURS, Register prostorskih enot',
      outlineSource: 'Državna meja: Natural Earth (javna domena), poenostavljena.',
      markTitle: (name: string, comments: number, tookPart: boolean) =>
        `${name}: ${tookPart ? (comments > 0 ? counted(comments, f.pripomba) : 'potrdila skupno stališče') : 'ni sodelovala'}`,
    },
    table: {
      title: 'Občine',
      caption: 'Vse občine: statistična regija, število prebivalcev, udeležba in število pripomb',
      municipality: 'Občina',
      region: 'Statistična regija',
      population: 'Prebivalci',
      tookPart: 'Sodelovala',
      comments: 'Pripombe',
      joint: 'Potrjena skupna stališča',
      yes: 'da',
      no: 'ne',
    },
  },
} as const;
