/**
 * Every word of the interface, in Slovenian. Components take their text from here, never inline,
 * so that an English dictionary can later sit beside this one with the same shape.
 */
export const sl = {
  site: {
    name: 'Posvet',
    strategy: 'Digitalna Slovenija 2030',
    tagline: 'Javno posvetovanje o strategiji Digitalna Slovenija 2030',
    owner: 'Služba Vlade Republike Slovenije za digitalno preobrazbo',
    skipLink: 'Skoči na vsebino',
    homeLink: 'Posvet — na začetno stran',
    mainNav: 'Glavna navigacija',
    footerNav: 'Noga strani',
    nav: {
      consultation: 'Posvetovanje',
      accessibility: 'Izjava o dostopnosti',
      privacy: 'Varstvo osebnih podatkov',
    },
    dataAttribution: 'Imenik občin — vir: GURS, Register prostorskih enot (CC BY 4.0).',
    footerNote: 'Posvet je portal za javno posvetovanje o osnutkih strategije Digitalna Slovenija 2030.',
  },
  window: {
    openUntil: (date: string) => `Pripombe zbiramo do ${date}.`,
    notYetOpen: (date: string) => `Zbiranje pripomb se začne ${date}.`,
    closed: (date: string) => `Zbiranje pripomb se je končalo ${date}.`,
  },
  home: {
    title: 'Javno posvetovanje o strategiji Digitalna Slovenija 2030',
    lead:
      'Služba Vlade Republike Slovenije za digitalno preobrazbo (SDP) objavlja osnutek prenovljene strategije Digitalna Slovenija 2030 in vabi občine ter njihova združenja, da ga pripombijo — odstavek za odstavkom.',
    whatTitle: 'Kaj je to posvetovanje',
    what:
      'Vlada je strategijo sprejela 23. 3. 2023, leta 2026 pa je na vrsti njen srednjeročni pregled. Osnutek prenovljenega besedila je razdeljen na poglavja in oštevilčene odstavke, da se vsaka pripomba nanaša natanko na besedilo, ki ga obravnava.',
    whoTitle: 'Kdo lahko sodeluje in kako',
    who: [
      'Osnutek lahko bere vsakdo, brez prijave. Objavljene pripombe, odzive in poročilo o upoštevanju pripomb lahko prav tako vidi vsakdo.',
      'Pripombe oddajajo predstavniki občin in združenj občin (ZMOS, SOS, ZOS) v imenu svoje organizacije. Račun dobite s povabilom skrbnika svoje organizacije ali skrbnika portala.',
      'Pripomba se lahko nanaša na posamezen odstavek, na poglavje ali na osnutek kot celoto. Lahko je splošna pripomba, predlog spremembe besedila ali vprašanje.',
      'Vsako pripombo obravnava SDP. Odločitev in odziv sta javna, na koncu pa SDP objavi poročilo o upoštevanju pripomb.',
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
    blocks: (count: number) =>
      `${count} ${plural(count, { one: 'odstavek', two: 'odstavka', few: 'odstavki', other: 'odstavkov' })}`,
  },
  accessibility: {
    title: 'Izjava o dostopnosti',
    intro: (owner: string) =>
      `${owner} se zavezuje, da bo spletišče Posvet dostopno v skladu z Zakonom o dostopnosti spletišč in mobilnih aplikacij (ZDSMA) in standardom SIST EN 301 549, ki povzema smernice WCAG 2.1 na ravni AA.`,
    sections: [
      {
        title: 'Stopnja skladnosti',
        paragraphs: [
          'Spletišče je v celoti skladno z zahtevami ZDSMA. Vsako stran pred objavo preverimo s samodejnimi preizkusi dostopnosti (axe, WCAG 2.1 AA) in jo pregledamo ročno: s tipkovnico, z bralnikom zaslona in pri 200-odstotni povečavi.',
          'Strani za branje osnutka delujejo brez JavaScripta. Vsak obrazec je mogoče izpolniti in oddati s tipkovnico, brez miške in brez JavaScripta.',
        ],
      },
      {
        title: 'Nedostopna vsebina',
        paragraphs: [
          'Trenutno nam ni znana vsebina, ki ne bi bila dostopna. Če jo najdete, nam to sporočite; odgovorimo v osmih dneh.',
        ],
      },
      {
        title: 'Priprava izjave',
        paragraphs: [
          'Izjava je bila pripravljena 25. 11. 2026 na podlagi samoocene in samodejnih preizkusov, ki se izvedejo ob vsaki spremembi spletišča. Pregledamo jo najmanj enkrat letno.',
        ],
      },
      {
        title: 'Povratne informacije in kontakt',
        paragraphs: [
          'Težave z dostopnostjo, prošnje za vsebino v dostopni obliki in predloge nam sporočite po e-pošti. V sporočilu navedite naslov strani in opis težave.',
        ],
      },
      {
        title: 'Izvršilni postopek',
        paragraphs: [
          'Če na svoje sporočilo ne prejmete odgovora v osmih dneh ali z odgovorom niste zadovoljni, lahko vložite prijavo pri Inšpektoratu Republike Slovenije za informacijsko družbo, ki je pristojen za nadzor nad izvajanjem ZDSMA.',
        ],
      },
    ],
    contactLabel: 'E-pošta za sporočila o dostopnosti:',
  },
  privacy: {
    title: 'Varstvo osebnih podatkov',
    intro: (owner: string) =>
      `Upravljavec osebnih podatkov na portalu Posvet je ${owner}. Podatke obdelujemo v skladu s Splošno uredbo o varstvu podatkov (GDPR) in Zakonom o varstvu osebnih podatkov (ZVOP-2).`,
    sections: [
      {
        title: 'Bralci',
        paragraphs: [
          'Za branje osnutka, objavljenih pripomb in poročila se ni treba prijaviti. Ne uporabljamo piškotkov za analitiko ali oglaševanje in ne vključujemo vsebin tretjih oseb.',
        ],
      },
      {
        title: 'Predstavniki organizacij',
        paragraphs: [
          'Za osebe z računom obdelujemo ime in priimek, službeni e-naslov, organizacijo in vlogo. Pripombe so javne in so objavljene z imenom organizacije, nikoli z imenom ali e-naslovom osebe, ki jih je napisala.',
          'Pravna podlaga je izvajanje naloge v javnem interesu (člen 6(1)(e) GDPR): izvedba javnega posvetovanja o strategiji in priprava poročila o upoštevanju pripomb.',
        ],
      },
      {
        title: 'Piškotki in varnostni zapisi',
        paragraphs: [
          'Po prijavi uporabljamo en nujno potreben sejni piškotek, ki vas ohranja prijavljene. Zaradi varnosti beležimo prijave, neuspešne poskuse prijave in dejanja moderatorjev in skrbnikov, skupaj s časom in naslovom IP.',
        ],
      },
      {
        title: 'Hramba',
        paragraphs: [
          'Pripombe in poročilo so del gradiva javnega posvetovanja in se hranijo v skladu s predpisi o dokumentarnem gradivu. Podatke o računu izbrišemo najpozneje eno leto po koncu posvetovanja ali prej na zahtevo organizacije. Varnostne zapise hranimo eno leto.',
        ],
      },
      {
        title: 'Vaše pravice',
        paragraphs: [
          'Imate pravico do dostopa do svojih podatkov, do popravka, do omejitve obdelave in do ugovora. Svoje podatke lahko po prijavi prenesete na strani Moj račun. Pritožbo lahko vložite pri Informacijskem pooblaščencu Republike Slovenije.',
        ],
      },
    ],
    contactLabel: 'Kontakt za vprašanja o varstvu osebnih podatkov:',
  },
  errors: {
    notFoundTitle: 'Strani ni mogoče najti',
    notFound:
      'Strani na tem naslovu ni. Morda je bil naslov napačno vnesen ali pa je bila stran premaknjena.',
    serverErrorTitle: 'Prišlo je do napake',
    serverError:
      'Strani trenutno ni mogoče prikazati. Napako smo zabeležili. Poskusite znova čez nekaj minut; vaši podatki niso bili spremenjeni.',
    backHome: 'Na začetno stran posvetovanja',
  },
} as const;

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
