/** Publishing the report and reading its versions (issue 14): the pages' texts and the messages of report/publish.ts. */

export const reportVersions = {
  reportVersions: {
    errors: {
      noDraft: 'Posvetovanje še nima objavljenega osnutka, zato poročila ni mogoče pripraviti.',
      noPublishedStances: 'Poročila ni mogoče objaviti, ker nobena pripomba še nima objavljenega stališča. Najprej objavite odobrena stališča.',
      newerPublished: (n: number) => `Medtem je bila objavljena verzija ${n} poročila. Preverite jo in po potrebi objavite novo.`,
      beingPrepared: 'Poročilo se ta trenutek že pripravlja za objavo. Počakajte, da bo objavljeno, in nato preverite seznam verzij.',
    },
    fieldErrors: {
      required: 'Vpišite vrednost.',
      tooLong: 'Besedilo je predolgo.',
      invalidDate: 'Vpišite datum v obliki 15. 3. 2027.',
    } as Record<string, string>,
  },
} as const;
