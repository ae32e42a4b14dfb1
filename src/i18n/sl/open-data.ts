/** Open data as a publication (issue 14): /odprti-podatki and the API's messages. */

const ATTRIBUTION = 'Vir: Ministrstvo za digitalno preobrazbo, portal Posvet';

/** What each field of an item says (the table on /odprti-podatki and the OpenAPI descriptions). */
const fields = {
  id: 'Številka pripombe; se ne spremeni. Nova pripomba dobi večjo številko.',
  consultation: 'Kratko ime (slug) posvetovanja, npr. ds2030.',
  url: 'Stalna povezava na pripombo na portalu.',
  version: 'Različica osnutka, na katero je bila pripomba napisana (oznake se ponavljajo med posvetovanji: berite jih skupaj s consultation).',
  chapter: 'Poglavje, na katero je bila pripomba napisana; null za pripombo na osnutek kot celoto.',
  block: 'Številka odstavka (npr. 3.2), na katerega je bila napisana; null za pripombo na poglavje ali osnutek.',
  blockKey: 'Trajni ključ tega odstavka.',
  anchorStatus: 'Kaj se je z odstavkom zgodilo v veljavnem osnutku: unchanged (nespremenjen), changed (spremenjen), removed (črtan).',
  currentChapter: 'Poglavje, v katerem je odstavek v veljavnem osnutku; null, če je črtan.',
  currentBlock: 'Številka odstavka v veljavnem osnutku; null, če je črtan.',
  kind: 'Vrsta: comment (pripomba), amendment (predlog spremembe besedila), question (vprašanje).',
  organisation: 'Predlagatelj: { name, kind (municipality, association, government, other), code }.',
  onBehalfOf: 'Pri skupnem stališču združenja: imenovane občine in odgovor vsake (confirmation: pending, confirmed, declined).',
  jointPosition:
    'Stanje skupnega stališča ali null: state coordinating (občine še odgovarjajo do deadline) ali agreed (velja le za confirmed); declined in noAnswer sta navedena posebej.',
  body: 'Besedilo pripombe.',
  proposedText: 'Predlagano besedilo (pri predlogu spremembe besedila) ali null.',
  rationale: 'Utemeljitev predlagatelja ali null.',
  submittedAt: 'Kdaj je bila oddana (ISO 8601, UTC).',
  late: 'Ali je bila prejeta po roku.',
  status: 'Objavljeno stališče: accepted, partially_accepted, rejected, noted; new ali in_review, dokler stališče ni objavljeno.',
  response: 'Obrazložitev objavljenega stališča ali null.',
  supporters: 'Organizacije, ki pripombo podpirajo: [{ name, code }].',
  changedAt: 'Kdaj so se javni podatki pripombe nazadnje spremenili (ISO 8601, UTC); po tem polju bere since.',
  attachments:
    'Priložene datoteke PDF: [{ url, name, size, sha256 }] – naslov za prenos, ime, velikost v bajtih, SHA-256 (šestnajstiško). V CSV ena priloga na vrstico celice: „ime.pdf (velikost B, SHA-256 …): naslov“.',
};

export const openData = {
  openDataApi: {
    fields,
    errors: {
      limit: (max: number) => `Parameter limit mora biti celo število od 1 do ${max}.`,
      after: 'Parameter after ni veljaven kazalec. Uporabite vrednost next ali povezavo iz glave Link prejšnje strani (z enakim since).',
      since: 'Parameter since mora biti trenutek v zapisu ISO 8601 s časovnim pasom, npr. 2026-12-01T08:00:00Z.',
      exportPaging: 'Izvoz vsebuje vse izbrane pripombe naenkrat: parametrov limit in after nima.',
    },
    openApi: {
      title: 'Posvet – odprti podatki o pripombah',
      description: `Javne pripombe posvetovanj Ministrstva za digitalno preobrazbo s stališči in obrazložitvami. Licenca CC BY 4.0; navedite: „${ATTRIBUTION}“. Opis za ljudi: /odprti-podatki.`,
      list: 'Stran javnih pripomb (po številki naraščajoče ali, s since, po času spremembe)',
      one: 'Ena javna pripomba',
      exportJsonl: 'Vse izbrane pripombe kot JSON Lines (en objekt v vrstici)',
      exportCsv: 'Vse izbrane pripombe kot CSV (RFC 4180, vejice, UTF-8 z BOM)',
      params: {
        consultation: 'Kratko ime posvetovanja (npr. ds2030): samo njegove pripombe. Neznano posvetovanje: 404.',
        chapter: 'Poglavje, na katero so bile pripombe napisane.',
        status: 'Stališče (ali new, in_review).',
        organisation: 'Šifra ali kratko ime organizacije predlagateljice.',
        since: 'Samo pripombe, katerih javni podatki so se spremenili ob tem trenutku ali pozneje (ISO 8601 s časovnim pasom); urejene po (changedAt, id).',
        limit: 'Koliko pripomb na stran (privzeto 100, največ 1000).',
        after: 'Kazalec: vrednost next prejšnje strani.',
        format: 'csv preusmeri (308) na /api/v1/comments/export.csv z enakimi filtri.',
      },
      responses: {
        page: 'Stran: items in next (kazalec naslednje strani ali null na zadnji).',
        link: 'Naslov naslednje strani (RFC 8288, rel next); na zadnji strani ga ni.',
        csvRedirect: 'Preusmeritev na izvoz CSV.',
        badRequest: 'Neveljaven parameter; error ga imenuje.',
        unknownConsultation: 'Posvetovanja s tem imenom ni.',
        comment: 'Javna pripomba.',
        badId: 'Številka ni pozitivno celo število.',
        notPublic: 'Pripombe ni ali ni javna (osnutek, skrita).',
        withdrawn: 'Predlagatelj je pripombo umaknil (withdrawnAt: kdaj).',
        jsonl: 'JSON Lines, pretočno; prenos kot datoteka.',
        csv: 'CSV, pretočno; prenos kot datoteka.',
      },
    },
  },
  openDataPage: {
    title: 'Odprti podatki',
    footerLink: 'Odprti podatki',
    lead: 'Javne pripombe vseh posvetovanj na portalu Posvet – s predlagatelji, stališči ministrstva in obrazložitvami – so odprti podatki: prosto jih prenesite, uporabite in objavite pod pogoji licence CC BY 4.0.',
    contents: 'Vsebina strani',
    published: {
      title: 'Kaj je objavljeno',
      yes: 'Vse oddane pripombe vseh posvetovanj, tudi arhiviranih: besedilo, predlagano besedilo in utemeljitev, organizacija predlagateljica, podporniki, skupna stališča, odstavek in njegovo mesto v veljavnem osnutku ter stališče in obrazložitev, ko ju ministrstvo objavi.',
      never: 'Nikoli niso objavljeni: neoddani osnutki pripomb, umaknjene pripombe, pripombe, ki jih je moderator skril (npr. zaradi osebnih podatkov), neobjavljeni predlogi stališč ter imena in e-naslovi oseb – pripombe oddajajo organizacije.',
    },
    downloads: {
      title: 'Prenosi',
      lead: 'Celoten izvoz je ena datoteka z vsemi izbranimi pripombami, ustvarjena ob prenosu (vedno sveža). Poročilo o upoštevanju pripomb je uradni dokument posvetovanja z oštevilčenimi različicami (PDF, DOCX, XLSX, CSV).',
      consultation: 'Posvetovanje',
      data: 'Pripombe',
      report: 'Poročilo',
      all: 'Vsa posvetovanja',
      reportLink: (title: string) => `Poročilo o upoštevanju pripomb – ${title}`,
      reportShort: 'poročilo',
      jsonl: 'JSON Lines',
      csv: 'CSV',
      jsonlOf: (title: string) => `${title}: JSON Lines`,
      csvOf: (title: string) => `${title}: CSV`,
    },
    formats: {
      title: 'Oblike',
      items: [
        'JSON (/api/v1/comments): strani z items in next, za programe, ki berejo po delih.',
        'JSON Lines (export.jsonl): en objekt JSON v vsaki vrstici, enak elementu items; primeren za velike količine.',
        'CSV (export.csv): RFC 4180, ločilo vejica, UTF-8 z BOM, časi v UTC (ISO 8601), imena stolpcev kot polja JSON (jointPosition razčlenjen v jointState, jointDeadline, jointConfirmed, jointDeclined, jointNoAnswer; seznami ločeni z „; “). Za preglednice v slovenščini je primernejši CSV poročila (podpičja, lokalni čas).',
      ],
    },
    api: {
      title: 'Programski vmesnik (API)',
      lead: 'Vsi naslovi so dostopni brez prijave, odgovarjajo v JSON in dovoljujejo dostop z drugih spletišč (CORS). Natančen opis je v zapisu OpenAPI 3.1:',
      openApi: 'opis OpenAPI (openapi.json)',
      endpoints: [
        ['GET /api/v1/comments', 'Stran pripomb (privzeto 100, največ 1000 z limit) in kazalec naslednje strani.'],
        ['GET /api/v1/comments/{id}', 'Eno pripombo; 410, če jo je predlagatelj umaknil, 404, če ni javna.'],
        ['GET /api/v1/comments/export.jsonl', 'Vse izbrane pripombe kot JSON Lines.'],
        ['GET /api/v1/comments/export.csv', 'Vse izbrane pripombe kot CSV.'],
        ['GET /api/v1/openapi.json', 'Opis vmesnika v zapisu OpenAPI 3.1.'],
      ],
      filters: 'Filtri (pri seznamu in izvozih): consultation (kratko ime posvetovanja), chapter (poglavje), status (stališče), organisation (šifra organizacije), since (glej spodaj). Neveljavna vrednost vrne 400 z opisom napake v polju error.',
    },
    paging: {
      title: 'Branje po straneh',
      lead: 'Pripombe so urejene po številki (id) naraščajoče; številke se ne spreminjajo, nova pripomba se pojavi na eni od poznejših strani, nobena se ne ponovi. Vsak odgovor ima kazalec next; naslednjo stran dobite z after=<next> ali po povezavi iz glave Link (RFC 8288). Na zadnji strani je next null in glave Link ni.',
      example: 'Primer',
    },
    since: {
      title: 'Sprotno zajemanje sprememb (since)',
      items: [
        'S since=<trenutek> (ISO 8601 s časovnim pasom, npr. 2026-12-01T08:00:00Z) dobite le pripombe, katerih javni podatki so se spremenili ob tem trenutku ali pozneje: oddaja, objava stališča, podpora, odgovor občine pri skupnem stališču, ponovna objava skrite pripombe. Urejene so po (changedAt, id).',
        'Zajemanje: ob začetku si zapomnite čas, preberite vse strani in ga ob naslednjem zajemanju podajte kot since. Pripomba, ki se spremeni med branjem, se pojavi še enkrat na poznejši strani: obdržite zadnjo različico vsake številke.',
        'Umaknjene in skrite pripombe iz odgovorov izginejo. Da jih odstranite iz svoje kopije, občasno primerjajte številke s celotnim izvozom ali preverite /api/v1/comments/{id} (410 za umaknjeno, 404 za skrito).',
        'Mesto v veljavnem osnutku (anchorStatus, currentChapter, currentBlock) se spremeni z objavo nove različice osnutka, ne da bi se spremenil changedAt, prav tako stanje skupnega stališča po roku (deadline) in imena organizacij: po objavi nove različice osnutka podatke zajemite v celoti.',
      ],
    },
    fieldsTable: {
      title: 'Polja',
      lead: 'Vsak element items (in vsaka vrstica JSON Lines) ima ta polja; polja, ki so lahko prazna, imajo vrednost null.',
      name: 'Polje',
      type: 'Vrsta',
      meaning: 'Pomen',
    },
    licence: {
      title: 'Licenca in navajanje vira',
      text: 'Podatki so objavljeni pod licenco Creative Commons Priznanje avtorstva 4.0 (CC BY 4.0): uporabite jih lahko za kateri koli namen, tudi komercialni, če navedete vir.',
      licenceLink: 'Besedilo licence CC BY 4.0',
      attributionLabel: 'Vir navedite tako:',
      attribution: ATTRIBUTION,
      contents: 'Besedila pripomb so prispevki organizacij, ki so jih oddale; ministrstvo jih objavlja nespremenjena.',
    },
    updates: {
      title: 'Pogostost posodabljanja',
      text: 'Sprotno: nova pripomba ali objavljeno stališče je v podatkih takoj. Odgovori seznama so lahko stari do 30 sekund (Cache-Control: max-age=30); izvozi so vedno sveži.',
    },
    changes: {
      title: 'Spremembe vmesnika',
      text: 'Decembra 2026 je /api/v1/comments namesto enega seznama vseh pripomb začel vračati strani { items, next } z glavo Link; celoten seznam je na voljo kot export.jsonl. Naslov ?format=csv ostaja in preusmeri na export.csv. Dodano je polje changedAt in stolpec changedAt na koncu CSV.',
    },
  },
} as const;
