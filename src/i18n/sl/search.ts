/** Full-text search: the queue filter and the public search (issue 15, search helper). */
import { counted, f, formatNumber, plural, type PluralForms } from './shared.ts';

/** „Najden je 1 odstavek“, „Najdena sta 2 odstavka“, „Najdeni so 3 odstavki“, „Najdenih je 5 odstavkov“. */
const najden: PluralForms = { one: 'Najden je', two: 'Najdena sta', few: 'Najdeni so', other: 'Najdenih je' };

export const search = {
  search: {
    nav: 'Iskanje',
    title: 'Iskanje',
    titleFor: (query: string) => `Iskanje: „${query}“`,
    label: 'Iskanje po osnutku in objavljenih pripombah',
    hint: 'Najde tudi druge oblike besed in dele besed, s šumniki ali brez. Če vpišete več besed, morajo biti vse v istem zadetku.',
    submit: 'Išči',
    /** The small box on the consultation's page. */
    boxLabel: 'Iskanje po tem posvetovanju',
    tooShort: 'Vpišite vsaj tri črke.',
    prompt: 'Vpišite besedo ali več besed.',
    paragraphsTitle: 'Besedilo osnutka',
    paragraphsFound: (n: number) => `${plural(n, najden)} ${counted(n, f.odstavek)}.`,
    paragraphsShown: (shown: number) => `Prikazanih je prvih ${formatNumber(shown)}; za natančnejše zadetke dodajte besedo.`,
    noParagraphs: 'V besedilu osnutka ni zadetkov.',
    commentsTitle: 'Objavljene pripombe',
    commentsFound: (n: number, capped: boolean) => (capped ? `Najdenih je več kot ${counted(n, f.pripomba)}; prikazanih je prvih ${formatNumber(n)}.` : `${plural(n, f.najdena)} ${counted(n, f.pripomba)}.`),
    noComments: 'Med objavljenimi pripombami ni zadetkov.',
    paragraph: (chapter: number, title: string, number: string) => `${chapter}. ${title}, odstavek ${number}`,
    commentPlace: {
      block: (number: string) => `k odstavku ${number}`,
      earlierBlock: (number: string) => `k odstavku ${number} prejšnjega osnutka`,
      chapter: (number: number | null) => (number ? `k ${number}. poglavju kot celoti` : 'k poglavju kot celoti'),
      draft: 'k osnutku kot celoti',
    },
    commentLink: (id: number) => `Pripomba št. ${id}`,
  },
} as const;
