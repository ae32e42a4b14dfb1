import { formatNumber } from '../format.ts';

/**
 * Every word of the interface, in Slovenian. Components take their text from here, never inline,
 * so that an English dictionary can later sit beside this one with the same shape.
 */

/** "23. 3. 2023" with no-break spaces after the dots, so a date in the text never splits across lines. */
export const nb = (text: string) => text.replace(/(\d)\. (?=\d)/g, '$1.\u00A0');

/** The ministry's signature under every e-mail the portal sends. */
export const mailSignature = ['', 'Lep pozdrav,', '', 'Ministrstvo za digitalno preobrazbo', 'Masarykova cesta 16, 1000 Ljubljana'];

/**
 * An e-mail of the portal as the ministry writes it: "Spoštovani," then the paragraphs (each a line
 * or lines; empty strings separate them), then the signature. Every mail is built with it.
 */
export const letter = (lines: readonly string[]): string => ['Spoštovani,', '', ...lines, ...mailSignature].join('\n');

/**
 * Every word that changes with a count, in its four forms: 1 (also 101, 201…), 2 (102…), 3 and 4
 * (103, 104…) and the rest. Counted phrases take them through `counted()` or `plural()`; the unit
 * test renders each with 1, 2, 3, 5, 101 and 102.
 */
export const pluralForms = {
  pripomba: { one: 'pripomba', two: 'pripombi', few: 'pripombe', other: 'pripomb' },
  odstavek: { one: 'odstavek', two: 'odstavka', few: 'odstavki', other: 'odstavkov' },
  poglavje: { one: 'poglavje', two: 'poglavji', few: 'poglavja', other: 'poglavij' },
  organizacija: { one: 'organizacija', two: 'organizaciji', few: 'organizacije', other: 'organizacij' },
  obcina: { one: 'občina', two: 'občini', few: 'občine', other: 'občin' },
  /** Genitive, after "od": v imenu 3 od 5 navedenih občin. */
  navedenihObcin: { one: 'navedene občine', two: 'navedenih občin', few: 'navedenih občin', other: 'navedenih občin' },
  /** Accusative, after "čez": čez 1 minuto, 2 minuti, 3 minute, 5 minut. */
  minuto: { one: 'minuto', two: 'minuti', few: 'minute', other: 'minut' },
  /** Genitive, after "največ"/"najmanj": največ 101 znaka, 1.000 znakov. */
  znakov: { one: 'znaka', two: 'znakov', few: 'znakov', other: 'znakov' },
  /** Accusative, after "imate še". */
  neuporabljenaKoda: { one: 'neuporabljeno kodo', two: 'neuporabljeni kodi', few: 'neuporabljene kode', other: 'neuporabljenih kod' },
  vpis: { one: 'vpis', two: 'vpisa', few: 'vpisi', other: 'vpisov' },
  najdena: { one: 'Najdena je', two: 'Najdeni sta', few: 'Najdene so', other: 'Najdenih je' },
  spremenjena: { one: 'Spremenjena je', two: 'Spremenjeni sta', few: 'Spremenjene so', other: 'Spremenjenih je' },
  prikazana: { one: 'Prikazana je', two: 'Prikazani sta', few: 'Prikazane so', other: 'Prikazanih je' },
  /** Podpira jo 1 organizacija, podpirata jo 2 organizaciji, podpirajo jo 3 organizacije, podpira jo 5 organizacij. */
  podpira: { one: 'Podpira', two: 'Podpirata', few: 'Podpirajo', other: 'Podpira' },
  seNiOdgovorila: { one: 'Še ni odgovorila', two: 'Še nista odgovorili', few: 'Še niso odgovorile', other: 'Še ni odgovorilo' },
  /** After "doslej", before the count: doslej so ga potrdile 3 od 5 navedenih občin. */
} as const satisfies Record<string, PluralForms>;

/**
 * Forms that agree with a list of names rather than a numeral: one name, two names, more (so 101
 * names are still plural). Taken through `listForm()`.
 */
export const listForms = {
  neveljavnaVrednost: { one: 'neveljavna vrednost parametra', two: 'neveljavni vrednosti parametrov', few: 'neveljavne vrednosti parametrov', other: 'neveljavne vrednosti parametrov' },
} as const satisfies Record<string, PluralForms>;

export const f = pluralForms;


export interface PluralForms {
  one: string;
  two: string;
  few: string;
  other: string;
}

const pluralRules = new Intl.PluralRules('sl');

/** Slovenian has four forms: 1 pripomba, 2 pripombi, 3 pripombe, 5 pripomb (also 101, 102, 103…). */
export function plural(count: number, forms: PluralForms): string {
  return forms[pluralRules.select(count) as keyof PluralForms] ?? forms.other;
}

/** Forms that agree with a list of n names: one, two, and the plural for three or more. */
export function listForm(n: number, forms: PluralForms): string {
  return n === 1 ? forms.one : n === 2 ? forms.two : forms.few;
}

export { formatNumber };

/** "3 pripombe": the number and the noun in the form it takes. */
export function counted(n: number, forms: PluralForms): string {
  return `${formatNumber(n)} ${plural(n, forms)}`;
}

/**
 * A version's label in the case the sentence needs: "k Osnutku 1" (dative), "besedilo Osnutka 1"
 * (genitive), "v Osnutku 1" (locative). A label of another shape is named as the version: "k
 * različici „Delovna verzija“".
 */
export function versionCase(label: string, grammaticalCase: 'dative' | 'genitive' | 'locative'): string {
  const draft = /^Osnutek(\s.*)?$/.exec(label);
  if (draft) return `${grammaticalCase === 'genitive' ? 'Osnutka' : 'Osnutku'}${draft[1] ?? ''}`;
  return `${grammaticalCase === 'genitive' ? 'različice' : 'različici'} „${label}“`;
}
