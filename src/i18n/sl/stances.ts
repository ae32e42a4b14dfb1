/** Stances (stališča do pripomb): drafted, approved by a second person, published. */
import { counted, formatNumber, letter, plural, type PluralForms } from './shared.ts';

/** 1 stališče, 2 stališči, 3 stališča, 5 stališč. */
const stalisce: PluralForms = { one: 'stališče', two: 'stališči', few: 'stališča', other: 'stališč' };
const objavljeno: PluralForms = { one: 'Objavljeno je', two: 'Objavljeni sta', few: 'Objavljena so', other: 'Objavljenih je' };

export const stances = {
  stances: {
    states: { drafted: 'predlog stališča', returned: 'vrnjeno v dopolnitev', approved: 'odobreno', published: 'objavljeno' } as Record<string, string>,
    /** The queue's and the statistics' short names of a comment's stance state (`none`: no stance yet). */
    stateFilter: { none: 'brez stališča', drafted: 'predlog stališča', returned: 'vrnjeno', approved: 'odobreno', published: 'objavljeno' } as Record<string, string>,
    statistics: {
      perStance: 'Pripombe po stanju stališča',
      state: 'Stanje stališča',
      withdrawn: (n: number) => `Umaknjene pripombe (niso vštete zgoraj): ${formatNumber(n)}`,
    },
    queue: {
      filter: 'Stališče',
      column: 'Stališče',
      withdrawn: 'Umaknjene pripombe (namesto oddanih)',
      withdrawnTag: 'umaknjena',
    },
    /** The stance panel of a comment's moderation page. */
    panel: {
      title: 'Stališče do pripombe',
      published: (decision: string) => `Objavljeno stališče: ${decision}`,
      publishedBy: (who: string, when: string) => `(objava: ${who}, ${when})`,
      publishedResponse: 'Objavljena obrazložitev',
      notPublished: 'Stališče do pripombe še ni objavljeno.',
      working: 'Delovno stališče',
      noStance: 'Predloga stališča še ni.',
      state: 'Stanje',
      drafted: 'Predlog',
      reviewed: 'Pregled',
      who: (who: string, when: string) => `${who}, ${when}`,
      reviewNote: 'Opomba pregledovalca',
      decision: 'Stališče',
      response: 'Obrazložitev',
      noResponse: 'brez obrazložitve',
      unknown: 'neznan uporabnik',
      stillPublic: 'Do objave novega stališča ostane javno dosedanje objavljeno stališče.',
    },
    draft: {
      title: (hasStance: boolean) => (hasStance ? 'Spremeni predlog stališča' : 'Predlog stališča'),
      legend: 'Stališče do pripombe',
      response: 'Obrazložitev stališča (javna po objavi)',
      responseHint: 'Obrazložitev bo javna, ko skrbnik stališče objavi. Obvezna je pri vseh stališčih razen „upoštevana“. Pojasnite, zakaj in kako je bila pripomba upoštevana ali zakaj ni bila.',
      save: 'Shrani predlog stališča',
      reviewNeeded: 'Predlog mora odobriti drug moderator ali skrbnik; nato ga objavi skrbnik.',
    },
    review: {
      title: 'Pregled predloga stališča',
      lead: 'Preverite stališče in obrazložitev. Odobreno stališče postane javno, ko ga objavi skrbnik.',
      note: 'Opomba za predlagatelja',
      noteHint: 'Obvezna, če predlog vrnete v dopolnitev: napišite, kaj naj predlagatelj dopolni ali popravi.',
      approve: 'Odobri',
      return: 'Vrni v dopolnitev',
      own: 'To je vaš predlog stališča. Odobriti ali vrniti ga mora drug moderator ali skrbnik.',
    },
    workflow: {
      now: (status: string) => `Stanje obravnave: ${status}.`,
      toReview: 'Označi „v obravnavi“',
      toNew: 'Vrni med nove',
    },
    /** The publishing page (/moderacija/objava). */
    publish: {
      title: 'Objava stališč',
      nav: 'Objava stališč',
      lead: 'Odobrena stališča postanejo javna, ko jih objavite: na stalni povezavi pripombe, v odprtih podatkih in v poročilu. Ob objavi portal obvesti organizacijo, ki je pripombo oddala, organizacije, ki so jo podprle, in občine, navedene v skupnem stališču.',
      states: 'Stališča po stanju',
      state: 'Stanje',
      count: 'Število pripomb',
      approvedTitle: 'Odobrena stališča, pripravljena za objavo',
      chapter: 'Poglavje',
      wholeDraft: 'osnutek kot celota',
      approvedCount: 'Odobrena stališča',
      none: 'Ni odobrenih stališč, ki bi čakala na objavo.',
      publishAll: (n: number) => `Objavi vsa odobrena stališča (${n})`,
      publishChapter: (n: number) => `Objavi (${n})`,
      publishChapterLabel: (n: number, chapter: string) => `Objavi ${counted(n, stalisce)}: ${chapter}`,
      confirmTitle: 'Potrditev objave',
      confirmAll: (n: number) => `Objavili boste ${counted(n, stalisce)} tega posvetovanja.`,
      confirmChapter: (n: number, chapter: string) => `Objavili boste ${counted(n, stalisce)} k poglavju ${chapter}.`,
      confirmMail: 'Organizacije, ki jih stališča zadevajo, bodo obveščene po e-pošti. Objave ni mogoče preklicati; objavljeno stališče se spremeni le z novim predlogom, ki ga je treba znova odobriti in objaviti.',
      commentNumber: (id: number) => `Pripomba št. ${id}`,
      columns: { comment: 'Pripomba', organisation: 'Organizacija', paragraph: 'Odstavek', decision: 'Stališče', response: 'Obrazložitev' },
      more: (n: number) => `… in še ${counted(n, stalisce)}.`,
      confirm: (n: number) => `Potrjujem objavo (${n})`,
      cancel: 'Nazaj brez objave',
      done: (n: number) => `${plural(n, objavljeno)} ${counted(n, stalisce)}.`,
    },
    /** What a published decision means for the text, in a sentence (said in every mail about it). */
    meaning: {
      accepted: 'Predlog bo upoštevan v naslednji različici besedila.',
      partially_accepted: 'Predlog bo deloma upoštevan v naslednji različici besedila; kako, pojasnjuje obrazložitev.',
      rejected: 'Ministrstvo predloga ne bo upoštevalo; razloge pojasnjuje obrazložitev.',
      noted: 'Ministrstvo se je s pripombo seznanilo; besedila zaradi nje ne spreminja.',
    } as Record<string, string>,
    errors: {
      decisionRequired: 'Izberite stališče.',
      responseRequired: 'Vpišite obrazložitev. Obvezna je za vsa stališča razen „upoštevana“.',
      responseTooLong: (max: string) => `Obrazložitev je predolga (največ ${max} znakov).`,
      noteRequired: 'Napišite, kaj naj predlagatelj stališča dopolni ali popravi.',
      noteTooLong: (max: string) => `Opomba je predolga (največ ${max} znakov).`,
      stale: 'Stališče je medtem spremenil nekdo drug. Preverite trenutno stališče in poskusite znova.',
      ownStance: 'Svojega predloga stališča ne morete odobriti ali vrniti; to stori drug moderator ali skrbnik.',
      notDrafted: 'Odobriti ali vrniti je mogoče le predlog stališča, ki čaka na pregled.',
      noStance: 'Pripomba še nima predloga stališča.',
      publishNotAllowed: 'Stališča objavi skrbnik.',
      notApproved: (ids: string) => `Objaviti je mogoče le odobrena stališča. Neodobrena: ${ids}.`,
      nothingToPublish: 'Ni odobrenih stališč za objavo.',
      hasStance: 'Pripomba že ima predlog stališča, zato je ni mogoče vrniti med nove.',
      verdictRequired: 'Izberite, ali predlog odobrite ali vrnete v dopolnitev.',
      workflowOnly: 'Izberite stanje obravnave „nova“ ali „v obravnavi“. Stališče zapišete s predlogom stališča.',
      decided: 'Stališče do pripombe je že objavljeno; stanja obravnave ni mogoče spremeniti.',
      scopeInvalid: 'Izberite, katera stališča objavite.',
    },
    mail: {
      subject: (id: number) => `Stališče do pripombe št. ${id} – Posvet`,
      /** To whom: the organisation that commented, one that co-signed, or a municipality a joint position names. */
      body: (p: {
        id: number;
        role: 'author' | 'supporter' | 'joint';
        consultation: string;
        paragraph: string;
        organisation: string;
        decision: string;
        meaning: string;
        response: string | null;
        link: string;
      }) =>
        letter([
          p.role === 'author'
            ? `Ministrstvo za digitalno preobrazbo je objavilo stališče do pripombe št. ${p.id}, ki jo je vaša organizacija oddala k besedilu ${p.paragraph} v javnem posvetovanju „${p.consultation}“.`
            : p.role === 'supporter'
              ? `Ministrstvo za digitalno preobrazbo je objavilo stališče do pripombe št. ${p.id} (${p.organisation}) k besedilu ${p.paragraph} v javnem posvetovanju „${p.consultation}“, ki jo je vaša organizacija podprla.`
              : `Ministrstvo za digitalno preobrazbo je objavilo stališče do skupnega stališča št. ${p.id} (${p.organisation}) k besedilu ${p.paragraph} v javnem posvetovanju „${p.consultation}“, v katerem je navedena vaša občina.`,
          '',
          `Stališče: ${p.decision}. ${p.meaning}`,
          ...(p.response ? ['', 'Obrazložitev:', p.response] : []),
          '',
          `Pripomba in stališče: ${p.link}`,
        ]),
      /** Where a comment is anchored, as the mails name it. */
      paragraph: (number: string, chapter: string) => `odstavka ${number} poglavja „${chapter}“`,
      chapter: (chapter: string) => `poglavja „${chapter}“ kot celote`,
      draft: 'osnutka kot celote',
    },
  },
} as const;
