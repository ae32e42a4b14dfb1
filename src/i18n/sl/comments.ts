/** The comments part of the Slovenian dictionary (comments). */
import { f, counted, plural, formatNumber, versionCase } from './shared.ts';

export const comments = {
  comments: {
    count: (n: number) => counted(n, f.pripomba),
    commentOn: (number: string) => `Komentiraj odstavek ${number}`,
    showComments: (number: string, n: number) => `Pripombe k odstavku ${number} (${formatNumber(n)})`,
    allComments: (number: string, n: number) => `Vse pripombe k odstavku ${number} (${formatNumber(n)})`,
    newestShown: (shown: number) => `Prikazane so najnovejše (${shown}).`,
    kinds: { comment: 'pripomba', amendment: 'predlog spremembe', question: 'vprašanje' } as Record<'comment' | 'amendment' | 'question', string>,
    kindLabels: {
      comment: 'Pripomba',
      amendment: 'Predlog spremembe besedila',
      question: 'Vprašanje',
    } as Record<'comment' | 'amendment' | 'question', string>,
    states: { draft: 'neoddana', submitted: 'oddana', withdrawn: 'umaknjena' } as Record<'draft' | 'submitted' | 'withdrawn', string>,
    statuses: {
      new: 'nova',
      in_review: 'v obravnavi',
      accepted: 'upoštevana',
      partially_accepted: 'delno upoštevana',
      rejected: 'ni upoštevana',
      noted: 'vzeta na znanje',
    } as Record<string, string>,
    /** What the public reads: no stance yet is "še v obravnavi", whatever the moderators' own stage. */
    publicStatuses: {
      pending: 'še v obravnavi',
      accepted: 'upoštevana',
      partially_accepted: 'delno upoštevana',
      rejected: 'ni upoštevana',
      noted: 'vzeta na znanje',
    } as Record<string, string>,
    jointStatuses: { pending: 'še ni odgovorila', confirmed: 'potrdila', declined: 'zavrnila' } as Record<'pending' | 'confirmed' | 'declined', string>,
    /** The named municipality's own answer, as its page shows it. */
    jointOwnAnswers: { pending: 'še niste odgovorili', confirmed: 'potrjujemo', declined: 'zavračamo' } as Record<'pending' | 'confirmed' | 'declined', string>,
    fields: {
      kind: 'Vrsta pripombe',
      body: 'Besedilo pripombe',
      bodyHint: (max: number) => `Navadno besedilo, največ ${counted(max, f.znakov)}. Prazna vrstica začne nov odstavek; spletni naslovi postanejo povezave.`,
      proposedText: 'Predlagano besedilo odstavka',
      proposedHint: 'Besedilo je vnaprej izpolnjeno z aktualnim besedilom odstavka. Spremenite ga, kot predlagate; spodaj je prikaz sprememb.',
      rationale: 'Obrazložitev (neobvezno)',
      rationaleHint: (max: number) => `Zakaj predlagate spremembo ali na kaj se pripomba opira (največ ${counted(max, f.znakov)}).`,
      onBehalfOf: 'Skupno stališče v imenu občin članic (neobvezno)',
      onBehalfOfHint: 'Izbrane občine bodo stališče videle na svoji strani in ga lahko potrdijo ali zavrnejo.',
    },
    saveDraft: 'Shrani za pozneje',
    submit: 'Oddaj pripombo',
    cancel: 'Prekliči',
    preview: 'Prikaz sprememb',
    noChanges: 'Predlagano besedilo je enako aktualnemu.',
    inserted: 'dodano',
    deleted: 'izbrisano',
    onBehalfOfOrg: (organisation: string) => `Pripombo oddajate v imenu organizacije ${organisation}.`,
    signInToComment: 'Za oddajo pripombe se prijavite.',
    signInLink: 'Prijava za predstavnike občin in združenj',
    cannotComment: 'Pripombe oddajajo predstavniki občin in združenj. Vaša vloga ne omogoča oddaje pripomb.',
    blockPageTitle: (number: string) => `Pripomba k odstavku ${number}`,
    chapterPageTitle: (chapter: string) => `Pripombe k poglavju ${chapter} kot celoti`,
    chapterLead: 'Tu oddate pripombo, ki se nanaša na poglavje kot celoto (na primer na njegovo zgradbo ali manjkajočo vsebino). Pripombo k posameznemu odstavku oddate pri odstavku.',
    commentOnChapter: 'Komentiraj poglavje kot celoto',
    chapterComments: 'Pripombe k poglavju kot celoti',
    noChapterComments: 'K temu poglavju kot celoti še ni objavljenih pripomb.',
    blockText: 'Besedilo odstavka',
    publicComments: 'Objavljene pripombe',
    noComments: 'K temu odstavku še ni objavljenih pripomb.',
    backToChapter: 'Nazaj na poglavje',
    draftSaved: 'Pripomba je shranjena, a še ni oddana. Vidijo jo samo člani vaše organizacije.',
    submitted: 'Pripomba je oddana in objavljena. Do konca posvetovanja jo lahko umaknete.',
    withdrawn: 'Pripomba je umaknjena.',
    draftDeleted: 'Neoddana pripomba je izbrisana.',
    supportAdded: 'Vaša organizacija podpira to pripombo.',
    supportRemoved: 'Podpora je umaknjena.',
    jointAnswered: 'Odgovor je shranjen.',
    permalinkTitle: (id: number) => `Pripomba št. ${id}`,
    versionNotes: {
      unchanged: (version: string, was: string, now: string) =>
        `Napisana k ${versionCase(version, 'dative')} (odstavek ${was}). Odstavek je v aktualnem osnutku nespremenjen${now && now !== was ? ` in je zdaj ${now}` : ''}.`,
      changed: (version: string, was: string, now: string) =>
        `Napisana k ${versionCase(version, 'dative')} (odstavek ${was}). Odstavek je bil v aktualnem osnutku spremenjen${now && now !== was ? ` (zdaj ${now})` : ''}.`,
      removed: (version: string, was: string) =>
        `Napisana k ${versionCase(version, 'dative')} (odstavek ${was}). Odstavka v aktualnem osnutku ni več.`,
      compare: 'Primerjava osnutkov',
    },
    removedSectionTitle: 'Pripombe k odstavkom, ki jih v aktualnem osnutku ni več',
    removedSectionLead: 'Te pripombe se nanašajo na besedilo prejšnjega osnutka, ki ga v aktualnem osnutku ni več. Ohranjene so s svojim citatom.',
    writtenOn: (number: string) => `k odstavku ${number}`,
    writtenOnChapter: (chapter: string) => `k poglavju ${chapter}`,
    writtenOnDraft: 'k osnutku kot celoti',
    submittedAt: (date: string) => `Oddana ${date}`,
    quote: 'Besedilo, na katero se pripomba nanaša',
    proposal: 'Predlagana sprememba',
    rationale: 'Obrazložitev predlagatelja',
    decision: 'Stališče ministrstva',
    response: 'Obrazložitev stališča',
    support: 'Podpiramo',
    supportFor: (id: number) => `Podpiramo pripombo št. ${id}`,
    removeSupport: 'Umakni podporo',
    /** Podpirajo jo 3 organizacije (the names follow after a colon). */
    supportedBy: (n: number) => `${plural(n, f.podpira)} jo ${counted(n, f.organizacija)}`,
    /**
     * A joint position speaks only for the municipalities that confirmed it: "ZMOS v imenu 3 od 5
     * navedenih občin". While answers may still come (the window is open and some have not
     * answered), it says it is being agreed.
     */
    jointPosition: (association: string, confirmed: number, named: number, settled: boolean) =>
      settled
        ? confirmed === 0
          ? `${association}: skupnega stališča ni potrdila nobena od ${counted(named, f.navedenihObcin)}`
          : `${association} v imenu ${formatNumber(confirmed)} od ${counted(named, f.navedenihObcin)}`
        : confirmed === 0
          ? `${association} (skupno stališče v usklajevanju): potrdila ga še ni nobena od ${counted(named, f.navedenihObcin)}`
          : `${association} (skupno stališče v usklajevanju): doslej ${plural(confirmed, f.gaJePotrdila)} ${formatNumber(confirmed)} od ${counted(named, f.navedenihObcin)}`,
    confirmedBy: (n: number) => `${plural(n, f.potrdila)} ${counted(n, f.obcina)}`,
    pendingBy: (n: number) => `${plural(n, f.seNiOdgovorila)} ${counted(n, f.obcina)}`,
    declinedBy: (n: number) => `${plural(n, f.zavrnila)} ${counted(n, f.obcina)}`,
    late: 'prejeta po roku',
    permalink: 'Stalna povezava',
    /** The open data CSV's yes and no (the `late` column). */
    openData: { yes: 'da', no: 'ne', unknownConsultation: (slug: string) => `Posvetovanja „${slug}“ ni.` },
    myComments: 'Pripombe moje organizacije',
    myCommentsIn: (consultation: string) => `Pripombe moje organizacije k posvetovanju „${consultation}“`,
    myCommentsLead: 'Neoddane pripombe vidijo samo člani vaše organizacije. Oddane pripombe lahko umaknete do konca posvetovanja.',
    noOwnComments: 'Vaša organizacija še nima pripomb.',
    edit: 'Uredi',
    delete: 'Izbriši neoddano pripombo',
    withdraw: 'Umakni pripombo',
    view: 'Poglej',
    editTitle: (id: number) => `Urejanje neoddane pripombe št. ${id}`,
    jointPending: 'Skupna stališča v imenu vaše občine',
    jointLead: 'Združenje je navedlo vašo občino kot sopodpisnico stališča. Potrdite ali zavrnite.',
    noJoint: 'Ni skupnih stališč, ki bi navajala vašo občino.',
    confirm: 'Potrjujemo',
    decline: 'Zavračamo',
    columns: { comment: 'Pripomba', where: 'Odstavek', kind: 'Vrsta', state: 'Stanje', date: 'Zadnja sprememba', actions: 'Dejanja', association: 'Združenje', answer: 'Vaš odgovor' },
    errors: {
      kindRequired: 'Izberite vrsto pripombe.',
      bodyRequired: 'Vpišite besedilo pripombe.',
      bodyTooLong: (max: number) => `Besedilo pripombe je predolgo (največ ${counted(max, f.znakov)}).`,
      proposedRequired: 'Pri predlogu spremembe vpišite predlagano besedilo odstavka.',
      proposedTooLong: (max: number) => `Predlagano besedilo je predolgo (največ ${counted(max, f.znakov)}).`,
      rationaleTooLong: (max: number) => `Obrazložitev je predolga (največ ${counted(max, f.znakov)}).`,
      notOpen: (date: string) => `Zbiranje pripomb se še ni začelo; pripombe lahko oddate od ${date}. Pripombo lahko shranite in jo oddate pozneje.`,
      closed: (date: string) =>
        `Rok za oddajo pripomb je potekel ${date}. Pripombe ni mogoče oddati. Če imate upravičen razlog, se obrnite na ministrstvo, ki lahko vnese pripombo, prejeto po roku.`,
      withdrawClosed: (date: string) => `Posvetovanje se je končalo ${date}; oddanih pripomb ni več mogoče umakniti.`,
      draftClosed: (version: string, date: string) =>
        `Ta neoddana pripomba je napisana k ${versionCase(version, 'dative')}. Rok za oddajo pripomb k temu besedilu je potekel ${date}, zato je ni mogoče oddati; ostaja shranjena med pripombami vaše organizacije.`,
      supportClosed: (date: string) => `Rok za pripombe k temu besedilu je potekel ${date}; podpore ni več mogoče dodati ali umakniti.`,
      jointClosed: (date: string) => `Rok za pripombe k temu besedilu je potekel ${date}; skupnega stališča ni več mogoče potrditi ali zavrniti.`,
      consultationNotOpen: 'To posvetovanje je še v pripravi; pripomb k njemu še ni mogoče oddajati.',
      consultationClosed: 'Ministrstvo je to posvetovanje zaključilo; pripomb k njemu ni več mogoče oddajati, umikati ali podpirati.',
      versionGone: 'Besedila, h kateremu je pripomba napisana, ni več na portalu, zato je ni mogoče spreminjati.',
      notADraft: 'Pripomba je že oddana in je ni več mogoče spreminjati.',
      notSubmitted: 'Umakniti je mogoče le oddano pripombo.',
      notPublic: 'Te pripombe ni mogoče podpreti.',
      ownComment: 'Pripombe svoje organizacije ni treba podpreti.',
      notAMember: 'Izbrane so lahko le občine, ki so članice vašega združenja.',
      conflict: 'Obrazec je bil že uporabljen. Osvežite stran in poskusite znova.',
    },
  },
} as const;
