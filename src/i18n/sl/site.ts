/** The site part of the Slovenian dictionary (site, window, home, chapter, versions, consultationFacts, forms, errors). */
import { f, counted, listForm, versionCase, listForms, plural, formatNumber } from './shared.ts';

/** The character count's words; # is the number. */
const charactersLeft = { one: 'Na voljo imate še # znak.', two: 'Na voljo imate še # znaka.', few: 'Na voljo imate še # znake.', other: 'Na voljo imate še # znakov.' } as const;
const charactersOver = { one: '# znak preveč.', two: '# znaka preveč.', few: '# znaki preveč.', other: '# znakov preveč.' } as const;

export const site = {
  site: {
    name: 'Posvet',
    subtitle: 'Posvetovanja z občinami',
    tagline: 'Posvetovanja Ministrstva za digitalno preobrazbo z občinami in njihovimi združenji o osnutkih strategij in drugih dokumentov, odstavek za odstavkom',
    owner: 'Ministrstvo za digitalno preobrazbo',
    ownerAddress: 'Masarykova cesta 16, 1000 Ljubljana',
    country: 'Republika Slovenija',
    skipLink: 'Skoči na vsebino',
    mainNav: 'Glavna navigacija',
    footerNav: 'Informacije o spletišču',
    footerComments: 'Vse pripombe',
    footerOrganisations: 'Sodelujoče organizacije',
    footerParticipation: 'Udeležba občin',
    footerSubscribe: 'Obvestila po e-pošti',
    nav: {
      consultation: 'Posvetovanja',
      accessibility: 'Izjava o dostopnosti',
      privacy: 'Varstvo osebnih podatkov',
      signIn: 'Prijava',
      signOut: 'Odjava',
      account: 'Moj račun',
      organisation: 'Organizacija',
      moderation: 'Moderacija',
      admin: 'Skrbništvo',
    },
    signedInAs: (name: string, organisation: string) => `Prijavljeni ste kot ${name} (${organisation}).`,
    dataAttribution: 'Imenik občin – vir: GURS, Register prostorskih enot (CC BY 4.0).',
    footerNote:
      'Posvet je spletišče Ministrstva za digitalno preobrazbo za posvetovanja z občinami in združenji občin o osnutkih strategij in drugih dokumentov.',
  },
  window: {
    preparation: 'Posvetovanje je v pripravi; pripomb še ne zbiramo.',
    closedByMinistry: 'Ministrstvo je posvetovanje zaključilo; pripomb ne zbiramo več.',
    openUntil: (date: string) => `Pripombe zbiramo do ${date}.`,
    notYetOpen: (date: string) => `Zbiranje pripomb se začne ${date}.`,
    closed: (date: string) => `Zbiranje pripomb se je končalo ${date}.`,
  },
  consultations: {
    title: 'Posvetovanja z občinami',
    lead:
      'Ministrstvo za digitalno preobrazbo (MDP) se na tem portalu posvetuje z občinami in njihovimi združenji o osnutkih strategij in drugih dokumentov. Vsak osnutek je objavljen po odstavkih, tako da se vsaka pripomba nanaša natanko na besedilo, ki ga obravnava.',
    openTitle: 'Odprta posvetovanja',
    closedTitle: 'Zaključena posvetovanja',
    noneOpen: 'Trenutno ni odprtega posvetovanja.',
    status: {
      preparation: 'V pripravi',
      open: 'Odprto',
      closed: 'Zaključeno',
      report_published: 'Poročilo objavljeno',
    } as const,
    caseNumber: (number: string) => `Številka zadeve: ${number}`,
    window: (from: string, to: string) => `Pripombe od ${from} do ${to}`,
    readReport: (title: string) => `Poročilo o upoštevanju pripomb: ${title}`,
    noDraftYet: 'Osnutek še ni objavljen.',
    nav: 'Posvetovanje',
    draft: 'Osnutek',
    versions: 'Različice',
    report: 'Poročilo',
    comments: 'Pripombe',
    participation: 'Udeležba',
  },
  home: {
    whatTitle: 'Kaj je to posvetovanje',
    whoTitle: 'Kdo lahko sodeluje in kako',
    who: [
      'Osnutek, objavljene pripombe, stališča ministrstva do njih in poročilo o upoštevanju pripomb lahko bere vsakdo, brez prijave.',
      'Pripombe podajajo občine in združenja občin (ZMOS, SOS, ZOS), in sicer prek svojih predstavnikov, ki jih na portal povabi skrbnik njihove organizacije ali skrbnik portala. Posamezniki v svojem imenu pripomb na portalu ne oddajajo.',
      'Pripomba se lahko nanaša na posamezen odstavek, na poglavje ali na osnutek kot celoto. Lahko je splošna pripomba, predlog spremembe besedila ali vprašanje.',
      'Vsako pripombo obravnava ministrstvo in do nje zavzame stališče z obrazložitvijo. Stališča so javna; ob koncu posvetovanja ministrstvo objavi poročilo o upoštevanju pripomb.',
    ],
    chaptersTitle: 'Poglavja osnutka',
    versionPublished: (label: string, date: string) => `${label}, objavljen ${date}`,
  },
  chapter: {
    contents: 'Vsebina poglavja',
    chapterNav: 'Poglavja',
    previous: 'Prejšnje poglavje',
    next: 'Naslednje poglavje',
    breadcrumb: 'Drobtinice',
    blockLink: (number: string) => `Odstavek ${number}`,
    backToTop: 'Na vrh poglavja',
    version: (label: string) => `Besedilo: ${label}`,
    blocks: (count: number) => counted(count, f.odstavek),
    chapters: (count: number) => counted(count, f.poglavje),
  },
  /** For the authors of content/: why a chapter cannot be published as written. */
  contentErrors: {
    invalidKey: (chapter: number, key: string) => `Poglavje ${chapter}: neveljaven ključ bloka „${key}“ (dovoljeni so a–z, 0–9 in vezaji).`,
    duplicateKey: (chapter: number, key: string) => `Poglavje ${chapter}: ključ bloka „${key}“ je uporabljen dvakrat.`,
    pinWithoutBlock: (chapter: number, key: string) => `Poglavje ${chapter}: oznaki „${key}“ ne sledi blok.`,
  },
  versions: {
    title: 'Različice osnutka',
    lead: 'Strategija nastaja v več osnutkih. Vsak osnutek ostane berljiv, primerjava pa pokaže, kaj se je spremenilo in katere pripombe so do sprememb vodile.',
    current: 'aktualni osnutek',
    published: (date: string) => `Objavljen ${date}`,
    window: (from: string, to: string) => `Pripombe: od ${from} do ${to}`,
    read: (label: string) => `Preberi ${label}`,
    compare: (a: string, b: string) => `Primerjava: ${a} → ${b}`,
    chapters: 'Poglavja',
    oldVersionNotice: (label: string) => `To je besedilo ${versionCase(label, 'genitive')}, ki ni aktualni osnutek. Pripombe oddajate k aktualnemu osnutku.`,
    readCurrent: 'Preberi aktualni osnutek',
    comparisonTitle: (a: string, b: string) => `Kaj se je spremenilo: ${a} → ${b}`,
    comparisonLead: 'Po poglavjih in odstavkih: dodano besedilo je podčrtano in zeleno, izbrisano prečrtano in rdeče. Ob vsakem spremenjenem odstavku so pripombe, ki so se nanj nanašale, in stališča ministrstva do njih.',
    summary: (changed: number, added: number, removed: number) =>
      `Spremenjenih odstavkov: ${changed}, dodanih: ${added}, odstranjenih: ${removed}.`,
    unchangedRun: (from: string, to: string) => (from === to ? `Odstavek ${from} je nespremenjen.` : `Odstavki ${from}–${to} so nespremenjeni.`),
    changedBlock: (was: string, now: string) => (was === now ? `Odstavek ${now} – spremenjen` : `Odstavek ${was} → ${now} – spremenjen`),
    addedBlock: (now: string) => `Odstavek ${now} – nov`,
    removedBlock: (was: string) => `Odstavek ${was} – odstranjen`,
    commentsOnBlock: 'Pripombe k prejšnjemu besedilu',
    noChangesInChapter: 'V tem poglavju ni sprememb.',
    notFound: 'Te različice ni.',
  },
  consultationFacts: {
    title: 'Podatki o posvetovanju',
    proposer: 'Predlagatelj',
    caseNumber: 'Številka zadeve',
    draft: 'Besedilo',
    window: 'Rok za pripombe',
    windowRange: (from: string, to: string) => `od ${from} do ${to}`,
    invited: 'Vabljeni k sodelovanju',
    invitedWho: 'občine ter Združenje mestnih občin Slovenije (ZMOS), Skupnost občin Slovenije (SOS) in Združenje občin Slovenije (ZOS), prek povabljenih predstavnikov',
    readers: 'Kdo lahko bere',
    readersWho: 'vsakdo, brez prijave',
  },
  forms: {
    errorSummaryTitle: 'Prišlo je do težave',
    errorPrefix: 'Napaka: ',
    tooLarge: 'Zahteva je prevelika (največ 1\u00A0MB).',
    /** A list of names, not a numeral: 1, 2 and then more than two (so never the "101 = 1" rule). */
    invalidQuery: (fields: string[]) =>
      `Neveljavna poizvedba: ${listForm(fields.length, listForms.neveljavnaVrednost)} ${fields.join(', ')}.`,
    required: '(obvezno)',
    save: 'Shrani',
    /** The page title of a form with errors starts so (GOV.UK): a screen reader says it first. */
    errorTitle: (title: string) => `Napaka: ${title}`,
    /** The character count under a textarea; # is the number (chosen by the browser as one types). */
    charactersLeft,
    charactersOver,
    characterCount: (remaining: number) =>
      plural(Math.abs(remaining), remaining >= 0 ? charactersLeft : charactersOver).replace('#', formatNumber(Math.abs(remaining))),
  },
  errors: {
    notFoundTitle: 'Strani ni mogoče najti',
    notFound:
      'Strani na tem naslovu ni. Morda je bil naslov napačno vnesen ali pa je bila stran premaknjena.',
    serverErrorTitle: 'Prišlo je do napake',
    serverError:
      'Strani trenutno ni mogoče prikazati. Napako smo zabeležili. Poskusite znova čez nekaj minut; vaši podatki niso bili spremenjeni.',
    backHome: 'Na začetno stran posvetovanja',
    /** Answers of the server itself, before any page is involved (plain text). */
    badRequest: 'Zahteve ni mogoče prebrati: ni v obliki, ki jo pričakuje spletni strežnik.',
    headersTooLarge: 'Glave zahteve so prevelike.',
    requestTimeout: 'Zahteva ni prispela pravočasno.',
    methodNotAllowed: 'Ta način zahteve na tem naslovu ni podprt.',
    crossSite: 'Obrazca ni mogoče oddati z drugega spletnega mesta. Odprite stran portala in ga oddajte znova.',
  },
} as const;
