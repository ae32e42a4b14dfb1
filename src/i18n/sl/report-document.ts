/**
 * The report as a document (issue 14): every text of the published *Poročilo o upoštevanju pripomb*,
 * the same in its HTML pages, PDF and DOCX (report/documents/*.ts, the report pages).
 */
import { counted, f, nb, plural, versionCase } from './shared.ts';

const p = {
  prejeto: { one: 'Prejeta je bila', two: 'Prejeti sta bili', few: 'Prejete so bile', other: 'Prejetih je bilo' },
  predlogSprememb: { one: 'predlog spremembe besedila', two: 'predloga spremembe besedila', few: 'predlogi spremembe besedila', other: 'predlogov spremembe besedila' },
  vprasanje: { one: 'vprašanje', two: 'vprašanji', few: 'vprašanja', other: 'vprašanj' },
  sodelovala: { one: 'Sodelovala je', two: 'Sodelovali sta', few: 'Sodelovale so', other: 'Sodelovalo je' },
} as const;

export const reportDocument = {
  reportDocument: {
    /** The heading of the first page, as on every document of a Slovenian ministry. */
    republic: 'REPUBLIKA SLOVENIJA',
    /** The ministry's name as the heading writes it: in capitals. */
    ministry: (name: string) => name.toLocaleUpperCase('sl'),
    address: 'Masarykova cesta 16, 1000 Ljubljana',
    title: 'POROČILO O UPOŠTEVANJU PRIPOMB',
    /** Under the title: what the report is about. */
    subtitle: (consultation: string) => `k osnutku „${consultation}“`,
    numberLabel: 'Številka',
    dateLabel: 'Datum',
    caseLabel: 'Številka zadeve',
    /** "Ljubljana, 15. 3. 2027" */
    placeAndDate: (place: string, date: string) => `${place}, ${date}`,
    versionLine: (n: number) => `Verzija ${n}`,
    supersedes: (n: number, date: string) => `Nadomešča verzijo ${n} z dne ${date}.`,
    preview: 'PREDOGLED – NI OBJAVLJENO',
    previewNote: (date: string) => `Predogled iz podatkov portala na dan ${date}. Ni uradni dokument: objavi ga administrator.`,
    contents: 'Kazalo',
    page: (n: number, of: number) => `stran ${n} od ${of}`,

    // 1. Introduction
    introduction: 'Uvod',
    subject: (title: string, caseNumber: string) => `Predmet posvetovanja je osnutek „${title}“ (številka zadeve ${caseNumber}).`,
    draftLine: (label: string, published: string, from: string, to: string) =>
      nb(`${label}, objavljen ${published}; pripombe so bile zbrane od ${from} do ${to}.`),
    placedIn: (label: string) => `Pripombe so razvrščene po odstavkih besedila ${versionCase(label, 'genitive')}; pri pripombah k prejšnjim osnutkom je navedeno, h kateremu besedilu so bile dane.`,
    publishedAt: (url: string) => `Osnutek je bil objavljen na portalu Posvet: ${url}.`,
    invitedDefault: 'K sodelovanju so bile povabljene vse slovenske občine in njihova združenja (Združenje mestnih občin Slovenije, Skupnost občin Slovenije, Združenje občin Slovenije).',
    invited: (text: string) => `K sodelovanju so bili povabljeni: ${text}`,
    participation: (municipalities: number, ofAll: number) =>
      `${plural(municipalities, p.sodelovala)} ${counted(municipalities, f.obcina)} od ${ofAll} (s svojimi pripombami ali s potrditvijo skupnega stališča združenja).`,
    associations: (names: string[]) => (names.length ? `Pripombe so poslala združenja: ${names.join(', ')}.` : 'Nobeno združenje ni poslalo pripomb.'),
    received: (total: number, comments: number, amendments: number, questions: number, late: number) =>
      `${plural(total, p.prejeto)} ${counted(total, f.pripomba)}: ${counted(comments, f.pripomba)}, ${counted(amendments, p.predlogSprememb)} in ${counted(questions, p.vprasanje)}` +
      (late ? `; od tega ${counted(late, f.pripomba)} po roku.` : '.'),

    // 2. Method
    method: 'Način obravnave',
    methodText: [
      'Vsako pripombo je obravnaval moderator ministrstva in predlagal stališče z obrazložitvijo. Predlog je pregledal in odobril drug sodelavec (načelo štirih oči); stališče je postalo javno, ko ga je objavil administrator.',
      'Stališča so: sprejeto (besedilo se ustrezno spremeni), delno sprejeto, ni sprejeto in seznanjeni (pripomba je vzeta na znanje). Pripombe brez objavljenega stališča so označene kot še v obravnavi.',
      'Skupno stališče združenja govori v imenu tistih navedenih občin, ki so ga potrdile do roka; občine, ki so ga zavrnile ali niso odgovorile, so navedene posebej.',
    ],

    // 3. Summary
    summary: 'Povzetek stališč',
    byStance: 'Pripombe po stališčih',
    byChapter: 'Pripombe po poglavjih',
    stanceColumn: 'Stališče',
    countColumn: 'Število',
    chapterColumn: 'Poglavje',
    totalRow: 'Skupaj',

    // 4. The comments
    comments: 'Pripombe in stališča po poglavjih',
    chapterHeading: (n: number, title: string) => `${n}. ${title}`,
    wholeDraft: 'Osnutek kot celota in besedilo, ki ga ni več',
    late: 'Pripombe, prejete po roku',
    lateNote: 'Pripombe, ki so prispele po izteku roka za pripombe. Ministrstvo jih je obravnavalo enako kot druge.',
    sectionCount: (n: number) => (n ? `${counted(n, f.pripomba)}` : 'Pripomb k temu poglavju ni bilo.'),
    columns: {
      proposer: 'Predlagatelj',
      paragraph: 'Odstavek',
      comment: 'Pripomba',
      stance: 'Stališče',
      response: 'Obrazložitev',
    },
    commentNumber: (id: number) => `Pripomba št. ${id}`,
    proposedText: 'Predlagano besedilo:',
    rationale: 'Obrazložitev predlagatelja:',
    quote: 'Navedeno besedilo:',
    supporters: 'Podpore:',
    attachments: 'Priloge:',
    receivedBy: { portal: '', email: 'Prejeto po e-pošti.', post: 'Prejeto po pošti.' } as Record<string, string>,
    wholeChapter: 'poglavje kot celota',
    wholeDraftCell: 'osnutek kot celota',
    removed: 'odstavka v aktualnem besedilu ni več',
    changed: 'odstavek je bil pozneje spremenjen',
    writtenOn: (label: string, block: string | null) => `napisana k ${versionCase(label, 'dative')}${block ? `, odstavek ${block}` : ''}`,
    noResponse: '–',

    // The end and the annex
    signature: 'Odgovorna oseba',
    annex: 'Priloga: udeleženci posvetovanja',
    annexColumns: { organisation: 'Organizacija', kind: 'Vrsta', comments: 'Pripombe', confirmed: 'Potrjena skupna stališča' },
    noParticipants: 'Pripomb ni bilo.',

    // DOCX/XLSX/CSV (helper W): the spreadsheets' columns and sheets, the Word document's fields.
    sheetComments: 'Pripombe',
    /** The second, third … sheet of comments beyond a spreadsheet's million rows: "Pripombe (2)". */
    sheetCommentsMore: (n: number) => `Pripombe (${n})`,
    sheetSummary: 'Povzetek',
    sheetColumns: {
      id: 'Št.',
      chapter: 'Poglavje',
      blockNow: 'Odstavek v aktualnem osnutku',
      version: 'Osnutek',
      block: 'Odstavek',
      organisation: 'Organizacija',
      organisationKind: 'Vrsta organizacije',
      kind: 'Vrsta pripombe',
      text: 'Besedilo pripombe',
      proposedText: 'Predlagano besedilo',
      rationale: 'Obrazložitev predlagatelja',
      onBehalfOf: 'V imenu občin',
      supporters: 'Podpore',
      stance: 'Stališče',
      response: 'Obrazložitev stališča',
      submittedAt: 'Oddana',
      late: 'Po roku',
      receivedVia: 'Prejeta prek',
      attachments: 'Priloge',
      url: 'Povezava',
    },
    yes: 'da',
    no: 'ne',
    receivedVia: { portal: 'portal', email: 'e-pošta', post: 'pošta' } as Record<string, string>,
    versionLabel: 'Verzija',
    takenAtLabel: 'Stanje podatkov na dan',
    consultationLabel: 'Posvetovanje',
    /** The footer's page number around Word's PAGE and NUMPAGES fields: "stran 3 od 12". */
    pageField: { before: 'stran ', between: ' od ' },
    /** Shown in Word's table of contents until its fields are updated (Word asks when the file opens). */
    contentsPending: 'Kazalo se izpiše, ko Word posodobi polja (desni klik → Posodobi polje).',

    // PDF (report/documents/pdf.ts)
    pdf: {
      /** The document's title in its properties (what a PDF reader shows in its title bar). */
      title: (consultation: string) => `Poročilo o upoštevanju pripomb k osnutku „${consultation}“`,
      subject: (caseNumber: string) => `Pripombe in stališča javnega posvetovanja (številka zadeve ${caseNumber})`,
      /** A numbered heading of the document: "1 Uvod". */
      heading: (n: number, title: string) => `${n} ${title}`,
      /** The footer's left side: the document's number. */
      footerNumber: (documentNumber: string) => `Številka: ${documentNumber}`,
    },
  },
} as const;
