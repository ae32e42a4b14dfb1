/**
 * Every word of the interface, in Slovenian. Components take their text from here, never inline,
 * so that an English dictionary can later sit beside this one with the same shape.
 */
import type { Statement } from './statement.ts';

/** "23. 3. 2023" with no-break spaces after the dots, so a date in the text never splits across lines. */
const nb = (text: string) => text.replace(/(\d)\. (?=\d)/g, '$1.\u00A0');

/** The ministry's signature under every e-mail the portal sends. */
const mailSignature = ['', 'Lep pozdrav,', '', 'Ministrstvo za digitalno preobrazbo'];

/**
 * Every word that changes with a count, in its four forms: 1 (also 101, 201…), 2 (102…), 3 and 4
 * (103, 104…) and the rest. Counted phrases take them through `counted()` or `plural()`; the unit
 * test renders each with 1, 2, 3, 5, 101 and 102.
 */
export const pluralForms = {
  pripomba: { one: 'pripomba', two: 'pripombi', few: 'pripombe', other: 'pripomb' },
  javnaPripomba: { one: 'javna pripomba', two: 'javni pripombi', few: 'javne pripombe', other: 'javnih pripomb' },
  odstavek: { one: 'odstavek', two: 'odstavka', few: 'odstavki', other: 'odstavkov' },
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
  potrdila: { one: 'Potrdila je', two: 'Potrdili sta', few: 'Potrdile so', other: 'Potrdilo je' },
  zavrnila: { one: 'Zavrnila je', two: 'Zavrnili sta', few: 'Zavrnile so', other: 'Zavrnilo je' },
  seNiOdgovorila: { one: 'Še ni odgovorila', two: 'Še nista odgovorili', few: 'Še niso odgovorile', other: 'Še ni odgovorilo' },
  /** After "doslej", before the count: doslej so ga potrdile 3 od 5 navedenih občin. */
  gaJePotrdila: { one: 'ga je potrdila', two: 'sta ga potrdili', few: 'so ga potrdile', other: 'ga je potrdilo' },
} as const satisfies Record<string, PluralForms>;

/**
 * Forms that agree with a list of names rather than a numeral: one name, two names, more (so 101
 * names are still plural). Taken through `listForm()`.
 */
export const listForms = {
  neveljavnaVrednost: { one: 'neveljavna vrednost parametra', two: 'neveljavni vrednosti parametrov', few: 'neveljavne vrednosti parametrov', other: 'neveljavne vrednosti parametrov' },
} as const satisfies Record<string, PluralForms>;

const f = pluralForms;

export const sl = {
  site: {
    name: 'Posvet',
    strategy: 'Digitalna Slovenija 2030',
    tagline: 'Posvetovanje Ministrstva za digitalno preobrazbo z občinami o spremembah in dopolnitvah strategije Digitalna Slovenija 2030',
    owner: 'Ministrstvo za digitalno preobrazbo',
    ownerAddress: 'Masarykova cesta 16, 1000 Ljubljana',
    country: 'Republika Slovenija',
    skipLink: 'Skoči na vsebino',
    mainNav: 'Glavna navigacija',
    footerNav: 'Informacije o spletišču',
    nav: {
      consultation: 'Posvetovanje',
      report: 'Poročilo',
      versions: 'Različice',
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
      'Posvet je spletišče Ministrstva za digitalno preobrazbo za posvetovanje z občinami in združenji občin o osnutku sprememb in dopolnitev strategije Digitalna Slovenija 2030.',
  },
  window: {
    openUntil: (date: string) => `Pripombe zbiramo do ${date}.`,
    notYetOpen: (date: string) => `Zbiranje pripomb se začne ${date}.`,
    closed: (date: string) => `Zbiranje pripomb se je končalo ${date}.`,
  },
  home: {
    title: 'Posvetovanje z občinami o spremembah in dopolnitvah strategije Digitalna Slovenija 2030',
    lead:
      'Ministrstvo za digitalno preobrazbo (MDP) vabi občine in njihova združenja, da odstavek za odstavkom podajo pripombe k osnutku sprememb in dopolnitev strategije Digitalna Slovenija 2030 – vmesni pregled 2026.',
    whatTitle: 'Kaj je to posvetovanje',
    what: nb(
      'Vlada je 23. 3. 2023 sprejela strategijo „Digitalna Slovenija 2030 – krovna strategija digitalne preobrazbe Slovenije do leta 2030“ in v njej predvidela vmesni pregled v letu 2026. Ministrstvo za digitalno preobrazbo je ob vmesnem pregledu pripravilo osnutek sprememb in dopolnitev strategije ter se o njem posvetuje z občinami in njihovimi združenji. Osnutek je razdeljen na poglavja in oštevilčene odstavke, da se vsaka pripomba nanaša natanko na besedilo, ki ga obravnava.',
    ),
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
  },
  accessibility: {
    title: 'Izjava o dostopnosti',
    contentsLabel: 'Vsebina izjave',
    lead: ({ publicUrl }) =>
      `Ministrstvo za digitalno preobrazbo se zavezuje, da bo spletišče Posvet dostopno v skladu z Zakonom o dostopnosti spletišč in mobilnih aplikacij (ZDSMA; Uradni list RS, št. 30/18, 95/21 – ZInfV-A, 189/21 – ZDU-1M in 18/23 – ZDU-1O). Izjava velja za spletišče Posvet (${publicUrl}) z vsemi stranmi in z datotekami, ki jih ponuja za prenos.`,
    sections: ({ contactEmail }) => [
      {
        title: 'Stopnja skladnosti',
        blocks: [
          'Spletišče je delno skladno z ZDSMA zaradi neskladnosti, navedenih v nadaljevanju.',
          'Spletišče izpolnjuje zahteve ZDSMA, če je skladno s standardom SIST EN 301 549 V3.2.1, ki za spletne vsebine povzema smernice WCAG 2.1 na ravni AA. Ocena skladnosti temelji na samooceni ministrstva; zunanja presoja dostopnosti še ni bila opravljena.',
        ],
      },
      {
        title: 'Nedostopna vsebina',
        blocks: [
          'Ta vsebina ni v celoti dostopna, ker ni skladna z ZDSMA:',
          {
            list: [
              'Prijava poteče po osmih urah nedejavnosti in najpozneje 30 dni po prijavi. Portal pred tem ne opozori in časa ni mogoče podaljšati (WCAG 2.1, merilo uspešnosti 2.2.1). Če prijava poteče med pisanjem pripombe, se ob oddaji besedilo, ki še ni shranjeno, izgubi. Daljšo pripombo zato vmes shranite kot neoddano pripombo.',
              'Pri dvostopenjski prijavi je treba kodo vpisati v petih minutah po vpisu gesla (merilo uspešnosti 2.2.1). Rok je varnostni ukrep; ko poteče, se lahko takoj znova prijavite.',
              'Datoteka XLSX s poročilom o upoštevanju pripomb nima vpisanega naslova dokumenta, na listu „Povzetek“ pa sta dve preglednici druga pod drugo, ločeni le s prazno vrstico, kar bralniki zaslona težje razberejo (merili uspešnosti 2.4.2 in 1.3.1, kot ju za dokumente uporablja standard SIST EN 301 549). Seštevki so tudi na spletni strani poročila.',
            ],
          },
          'Na spletišču ni vsebine, za katero ZDSMA ne velja, in se ne sklicujemo na nesorazmerno breme.',
        ],
      },
      {
        title: 'Nadomestne oblike in datoteke za prenos',
        blocks: [
          'Izjava velja tudi za datoteke, ki jih spletišče ponuja za prenos:',
          {
            list: [
              'Poročilo o upoštevanju pripomb je na voljo kot spletna stran ter kot datoteki CSV in XLSX. Datoteka CSV je navadno besedilo z vrstico imen stolpcev; v datoteki XLSX je vrstica imen stolpcev na listu s pripombami zamrznjena, da ostane vidna med pomikanjem.',
              'Odprti podatki o pripombah so na voljo v strojno berljivih oblikah JSON in CSV.',
              'Prenos lastnih podatkov na strani Moj račun je datoteka JSON, namenjena strojni obdelavi. Če podatke potrebujete v drugi obliki, nam pišite in poslali vam jih bomo.',
              'Spletišče ne objavlja datotek PDF ali DOCX. Poročilo lahko natisnete ali shranite kot PDF z ukazom za tiskanje v brskalniku; dostopnost tako nastale datoteke je odvisna od brskalnika, dostopna oblika poročila pa je spletna stran.',
            ],
          },
          'Za vsebino, ki ni besedilo, so na voljo nadomestne oblike:',
          {
            list: [
              'Grafikoni na strani s statistiko so slike SVG, ki jih bralniki zaslona preskočijo; enake podatke vsebuje preglednica pod vsakim grafikonom.',
              'V toplotni karti odstavkov na strani s statistiko je število pripomb izpisano v vsakem polju, barva ga le poudari. Vsako polje je povezava, katere ime pove številko odstavka in število pripomb, številka odstavka pa na zaslonu ni izpisana. Pripombe k posameznemu odstavku so dosegljive tudi v čakalni vrsti s filtrom po odstavku.',
              'Kodo QR za nastavitev dvostopenjske prijave spremlja ključ v besedilni obliki, ki ga lahko v aplikacijo vpišete ročno.',
            ],
          },
        ],
      },
      {
        title: 'Priprava izjave',
        blocks: [
          'Izjava je bila pripravljena 30.\u00a011.\u00a02026. Uporabljena metoda je samoocena ministrstva, ki obsega:',
          {
            list: [
              'samodejne preizkuse z orodjem axe (pravila WCAG 2.1 ravni A in AA), ki se izvedejo ob vsaki gradnji spletišča, na javnih straneh in na straneh za prijavljene uporabnike;',
              'preizkuse uporabe s tipkovnico: preskočna povezava, vrstni red in vidnost fokusa, izpolnjevanje obrazcev brez miške;',
              'preizkus, da se strani pri širini zaslona 360 slikovnih pik berejo brez vodoravnega pomikanja;',
              'preizkus, da strani za branje osnutka in obrazci delujejo brez JavaScripta.',
            ],
          },
          'Izjava je bila nazadnje pregledana 30.\u00a011.\u00a02026. Pregledamo jo ob vsaki večji spremembi spletišča in najmanj enkrat na leto.',
        ],
      },
      {
        title: 'Povratne informacije in kontaktni podatki',
        blocks: [
          [
            'Obvestila o neskladnostih, zahteve za vsebino v dostopni obliki in vprašanja o vsebini, za katero ZDSMA ne velja, pošljite na ',
            { email: contactEmail },
            '. V sporočilu navedite naslov strani in opišite težavo.',
          ],
          'Odgovorimo najpozneje v osmih dneh od prejema. Če v tem roku ne moremo odgovoriti ali zagotoviti zahtevane vsebine, vam v osmih dneh sporočimo razlog in rok, do katerega bomo to storili.',
          'Pišete nam lahko tudi po pošti:',
          { address: ['Ministrstvo za digitalno preobrazbo', 'Masarykova cesta 16', '1000 Ljubljana'] },
        ],
      },
      {
        title: 'Izvršilni postopek',
        blocks: [
          'Nadzor nad izvajanjem ZDSMA opravlja Inšpektorat Republike Slovenije za informacijsko družbo (IRSID). Če na obvestilo ali zahtevo ne prejmete odgovora v roku ali z odgovorom niste zadovoljni, lahko inšpektoratu podate prijavo po pošti ali e-pošti:',
          { address: ['Inšpektorat Republike Slovenije za informacijsko družbo', 'Masarykova cesta 16', '1000 Ljubljana', [{ email: 'gp.irsid@gov.si' }]] },
        ],
      },
    ],
  } satisfies Statement,
  privacy: {
    title: 'Varstvo osebnih podatkov',
    contentsLabel: 'Vsebina pojasnila',
    lead: () =>
      'Ministrstvo za digitalno preobrazbo obdeluje osebne podatke na portalu Posvet v skladu s Splošno uredbo o varstvu podatkov (Uredba (EU) 2016/679) in z Zakonom o varstvu osebnih podatkov (ZVOP-2; Uradni list RS, št. 163/22). Na tej strani so informacije iz 13. in 14. člena Splošne uredbe o varstvu podatkov: katere podatke obdelujemo, za kaj in na kateri pravni podlagi, komu jih posredujemo, koliko časa jih hranimo in katere pravice imate.',
    sections: ({ contactEmail }) => [
      {
        title: 'Upravljavec',
        blocks: [
          'Upravljavec osebnih podatkov je:',
          { address: ['Ministrstvo za digitalno preobrazbo', 'Masarykova cesta 16', '1000 Ljubljana', [{ email: contactEmail }]] },
        ],
      },
      {
        title: 'Pooblaščena oseba za varstvo podatkov',
        blocks: [
          [
            'Pooblaščeno osebo za varstvo podatkov ministrstva dosežete na ',
            // The officer's address is TO BE CONFIRMED by the ministry.
            { email: 'dpo.mdp@gov.si' },
            ' ali po pošti na naslov ministrstva s pripisom „za pooblaščeno osebo za varstvo podatkov“.',
          ],
        ],
      },
      {
        title: 'Katere podatke obdelujemo',
        blocks: [],
        subsections: [
          {
            title: 'Bralci',
            blocks: [
              'Za branje osnutka, objavljenih pripomb in poročila se ni treba prijaviti. Bralcem portal ne nastavi piškotkov, ne uporablja orodij za analitiko ali oglaševanje in ne nalaga vsebin z drugih spletišč. Naslov IP vašega računalnika strežnik potrebuje, da vam pošlje stran, vendar ga portal med branjem ne zapisuje.',
            ],
          },
          {
            title: 'Osebe z računom',
            blocks: [
              'Račun imajo predstavniki občin in združenj občin ter javni uslužbenci ministrstva, ki posvetovanje vodijo. O njih obdelujemo:',
              {
                list: [
                  'ime in priimek, službeni e-naslov, organizacijo, vlogo na portalu in stanje računa;',
                  'geslo, shranjeno samo v obliki, iz katere ga ni mogoče razbrati;',
                  'seje: čas prijave, naslov IP in vrsto brskalnika, kot jo sporoči brskalnik;',
                  'pripombe in neoddane pripombe, ki jih napišete, podpore pripombam drugih organizacij in potrditve skupnih stališč;',
                  'pri moderatorjih in skrbnikih ministrstva tudi dodeljene pripombe, interne zaznamke in stališča do pripomb.',
                ],
              },
            ],
          },
          {
            title: 'Pripombe',
            blocks: [
              'Oddane pripombe so javne. Objavimo jih z imenom organizacije, nikoli z imenom ali e-naslovom osebe, ki jih je napisala. Stališče do pripombe in obrazložitev objavi ministrstvo v svojem imenu. V pripombe ne pišite osebnih podatkov drugih ljudi; pripombo, ki jih vsebuje, moderator skrije.',
            ],
          },
          {
            title: 'Dvostopenjska prijava',
            blocks: [
              'Če vklopite dvostopenjsko prijavo, hranimo skrivni ključ, iz katerega aplikacija za preverjanje pristnosti ustvarja kode, kode za obnovitev (samo v obliki, iz katere jih ni mogoče razbrati) ter čas in izid vpisov kod.',
            ],
          },
          {
            title: 'Varnostni zapisi',
            blocks: [
              'Zaradi varnosti portala beležimo:',
              {
                list: [
                  'poskuse prijave: vpisani e-naslov, naslov IP, čas in ali je bila prijava uspešna;',
                  'dnevnik dejanj: prijave, spremembe gesla in dvostopenjske prijave, vabila ter dejanja moderatorjev in skrbnikov, vsako s časom, osebo, ki je dejanje izvedla, in njenim naslovom IP.',
                ],
              },
            ],
          },
          {
            title: 'Piškotki',
            blocks: [
              'Po prijavi portal nastavi sejni piškotek posvet_seja, ki vas ohranja prijavljene, med prijavo z dvostopenjsko prijavo pa še piškotek posvet_prijava_koda, ki velja pet minut. Oba sta nujno potrebna za prijavo, zato zanju ne potrebujemo privolitve. Drugih piškotkov portal ne uporablja.',
            ],
          },
          {
            title: 'E-pošta',
            blocks: [
              'Portal pošilja vabila, povezave za ponastavitev gesla in obvestila o obravnavi pripomb vaše organizacije. Besedila poslanih sporočil hranimo kot dokaz, da so bila poslana; povezave za ponastavitev gesla ali sprejem vabila po pošiljanju iz njih izbrišemo.',
            ],
          },
        ],
      },
      {
        title: 'Nameni in pravne podlage',
        blocks: [
          {
            list: [
              'Izvedba posvetovanja z občinami in združenji občin o osnutku sprememb in dopolnitev strategije (računi, pripombe, stališča do pripomb, obvestila po e-pošti, poročilo o upoštevanju pripomb): točka (e) prvega odstavka 6. člena Splošne uredbe o varstvu podatkov – obdelava je potrebna za opravljanje naloge v javnem interesu ali pri izvajanju javne oblasti, dodeljene upravljavcu. Podlaga v nacionalnem pravu po tretjem odstavku 6. člena je Zakon o državni upravi (ZDU-1), ki določa delovno področje ministrstva; posvetovanje izvajamo po pravilih o sodelovanju javnosti pri pripravi predpisov in drugih aktov (Poslovnik Vlade Republike Slovenije, Resolucija o normativni dejavnosti).',
              'Varnost portala (seje, omejevanje poskusov prijave, dvostopenjska prijava, varnostni zapisi in dnevnik dejanj): točka (e) prvega odstavka 6. člena v povezavi z 32. členom Splošne uredbe o varstvu podatkov, ki upravljavcu nalaga, da z ustreznimi ukrepi zagotovi varnost obdelave. Zakoniti interes (točka (f) prvega odstavka 6. člena) ni podlaga, ker ga javni organi pri opravljanju svojih nalog ne smejo uporabiti (drugi pododstavek prvega odstavka 6. člena).',
              'Hramba pripomb, stališč do pripomb in poročila kot dokumentarnega gradiva: točka (c) prvega odstavka 6. člena Splošne uredbe o varstvu podatkov v povezavi s predpisi o varstvu dokumentarnega in arhivskega gradiva.',
            ],
          },
          'Posredovanje podatkov ni zakonska ali pogodbena obveznost, brez imena in e-naslova pa računa ni mogoče odpreti. Organizacija lahko pripombe ministrstvu pošlje tudi po e-pošti ali pošti.',
          'Avtomatiziranega sprejemanja odločitev in oblikovanja profilov ne izvajamo.',
        ],
      },
      {
        title: 'Podatki, ki jih nismo dobili od vas',
        blocks: [
          'Ime in priimek, službeni e-naslov, organizacijo in vlogo osebe, ki jo povabimo k sodelovanju, vnese skrbnik njene organizacije na portalu ali skrbnik portala na ministrstvu, ko pošlje vabilo. Ime lahko pozneje popravite sami.',
          'Pripombe, ki jih organizacija pošlje po e-pošti ali pošti, vnese v portal moderator ministrstva v imenu te organizacije.',
        ],
      },
      {
        title: 'Komu posredujemo podatke',
        blocks: [
          {
            list: [
              'Javnosti: oddane pripombe, stališča do pripomb z obrazložitvami in poročilo o upoštevanju pripomb so objavljeni na portalu in kot odprti podatki, z imenom organizacije in brez osebnih podatkov oseb, ki so jih napisale.',
              'Znotraj portala: skrbnik organizacije vidi imena, e-naslove in vloge članov svoje organizacije; moderatorji in skrbniki ministrstva vidijo podatke, ki jih potrebujejo za obravnavo pripomb in upravljanje računov.',
              'Obdelovalcem: ponudniku gostovanja in ponudniku pošiljanja e-pošte, ki podatke obdelujeta po pogodbi o obdelavi osebnih podatkov (28. člen Splošne uredbe o varstvu podatkov) in samo po navodilih ministrstva.',
              'Drugim organom le, kadar to določa zakon.',
            ],
          },
          'Osebnih podatkov ne prenašamo iz Evropske unije v tretje države ali mednarodnim organizacijam.',
        ],
      },
      {
        title: 'Koliko časa hranimo podatke',
        blocks: [
          {
            list: [
              'Podatki o računu: dokler je račun odprt. Ko je račun onemogočen, ostaneta ime in e-naslov v evidenci posvetovanja, ker iz nje izhaja, kdo je v imenu organizacije oddal pripombo ali sprejel odločitev; hranimo ju skupaj z gradivom posvetovanja. Pripombe ostanejo pripisane organizaciji.',
              'Seje: do odjave oziroma do izteka – po osmih urah nedejavnosti, najpozneje pa 30 dni po prijavi. Potekle seje se izbrišejo samodejno.',
              'Ključ in kode za dvostopenjsko prijavo: dokler je dvostopenjska prijava vklopljena; ob izklopu ali ponastavitvi se izbrišejo.',
              'Zapisi o poskusih prijave (z naslovi IP) in o vpisih kod dvostopenjske prijave: eno leto.',
              'Dnevnik dejanj (kdo je kdaj kaj spremenil, z naslovom IP): je del uradne evidence posvetovanja, ki se ne spreminja; hranimo ga skupaj z gradivom posvetovanja.',
              'Poslana e-poštna sporočila: eno leto.',
              'Pripombe, stališča do pripomb z obrazložitvami in poročilo: trajno, kot del gradiva posvetovanja v skladu s predpisi o varstvu dokumentarnega in arhivskega gradiva. Ostanejo javni.',
            ],
          },
        ],
      },
      {
        title: 'Vaše pravice',
        blocks: [
          'Glede podatkov, ki jih obdelujemo o vas, imate pravico:',
          {
            list: [
              ['do dostopa (15. člen Splošne uredbe o varstvu podatkov): kopijo podatkov, ki jih hrani portal, prenesete sami na strani ', { href: '/moj-racun', text: 'Moj račun' }, ';'],
              'do popravka (16. člen): ime popravite sami na strani Moj račun, druge podatke popravi skrbnik vaše organizacije ali ministrstvo;',
              'do izbrisa (17. člen), kadar podatki niso več potrebni ali se obdelujejo nezakonito; pravica ne velja za pripombe in zapise, ki jih moramo hraniti kot gradivo posvetovanja (točki (b) in (d) tretjega odstavka 17. člena);',
              'do omejitve obdelave (18. člen);',
              'do ugovora (21. člen): obdelavi na podlagi točke (e) prvega odstavka 6. člena lahko kadar koli ugovarjate iz razlogov, povezanih z vašim posebnim položajem.',
            ],
          },
          'Pravica do prenosljivosti podatkov (20. člen) se ne uporablja, ker podatke obdelujemo na podlagi točke (e) prvega odstavka 6. člena (tretji odstavek 20. člena). Datoteko s svojimi podatki lahko kljub temu prenesete na strani Moj račun.',
          [
            'Zahtevo pošljite na ',
            { email: contactEmail },
            ' ali pooblaščeni osebi za varstvo podatkov. Odgovorimo brez nepotrebnega odlašanja, najpozneje v enem mesecu od prejema zahteve (tretji odstavek 12. člena Splošne uredbe o varstvu podatkov).',
          ],
        ],
      },
      {
        title: 'Nadzorni organ',
        blocks: [
          'Če menite, da obdelava vaših osebnih podatkov krši predpise, lahko vložite pritožbo pri nadzornem organu:',
          { address: ['Informacijski pooblaščenec Republike Slovenije', 'Dunajska cesta 22', '1000 Ljubljana', [{ email: 'gp.ip@ip-rs.si' }]] },
        ],
      },
      {
        title: 'Spremembe',
        blocks: ['Pojasnilo je bilo nazadnje posodobljeno 30.\u00a011.\u00a02026.'],
      },
    ],
  } satisfies Statement,
  forms: {
    errorSummaryTitle: 'Prišlo je do težave',
    errorPrefix: 'Napaka: ',
    tooLarge: 'Zahteva je prevelika (največ 1\u00A0MB).',
    /** A list of names, not a numeral: 1, 2 and then more than two (so never the "101 = 1" rule). */
    invalidQuery: (fields: string[]) =>
      `Neveljavna poizvedba: ${listForm(fields.length, listForms.neveljavnaVrednost)} ${fields.join(', ')}.`,
    required: '(obvezno)',
    save: 'Shrani',
  },
  access: {
    forbiddenTitle: 'Dostop zavrnjen',
    forbidden: 'Za to stran nimate pravic. Če menite, da bi jih morali imeti, se obrnite na skrbnika svoje organizacije.',
    notAllowed: 'Tega dejanja ne smete izvesti.',
    signInFirst: 'Za to stran se morate prijaviti.',
    signInTitle: 'Potrebna je prijava',
    signInFirstAction:
      'Za to dejanje se morate prijaviti. Če ste bili prijavljeni, je vaša seja medtem potekla; prijavite se znova in ponovite dejanje.',
  },
  account: {
    roles: {
      member: 'član',
      org_admin: 'skrbnik organizacije',
      moderator: 'moderator',
      admin: 'skrbnik portala',
    } as Record<'member' | 'org_admin' | 'moderator' | 'admin', string>,
    statuses: { active: 'aktiven', disabled: 'onemogočen' } as Record<'active' | 'disabled', string>,
    organisationKinds: {
      municipality: 'občina',
      association: 'združenje občin',
      government: 'državni organ',
      other: 'drugo',
    } as Record<string, string>,
    fields: {
      email: 'E-naslov',
      password: 'Geslo',
      newPassword: 'Novo geslo',
      passwordConfirm: 'Ponovite novo geslo',
      currentPassword: 'Trenutno geslo',
      name: 'Ime in priimek',
      role: 'Vloga',
      organisation: 'Organizacija',
    },
    passwordHint: (min: number) =>
      `Najmanj ${counted(min, f.znakov)}. Priporočamo geslo iz več besed. Ne uporabljajte gesla, ki ga uporabljate drugje, in vanj ne vključujte svojega e-naslova.`,
    passwordRules: {
      tooShort: (min: number) => `Geslo mora imeti najmanj ${counted(min, f.znakov)}.`,
      tooLong: (max: number) => `Geslo je predolgo (največ ${counted(max, f.znakov)}).`,
      containsEmail: 'Geslo ne sme vsebovati vašega e-naslova.',
      tooCommon: 'To geslo je preveč pogosto ali predvidljivo. Izberite drugo.',
    },
    errors: {
      emailRequired: 'Vpišite e-naslov.',
      emailInvalid: 'Vpišite veljaven e-naslov, na primer ime.priimek@obcina.si.',
      emailTaken: 'Oseba s tem e-naslovom že ima račun.',
      passwordRequired: 'Vpišite geslo.',
      newPasswordRequired: 'Vpišite novo geslo.',
      passwordsDiffer: 'Gesli se ne ujemata.',
      currentPasswordRequired: 'Vpišite trenutno geslo.',
      currentPasswordWrong: 'Trenutno geslo ni pravilno.',
      loginFailed: 'E-naslov ali geslo ni pravilno.',
      nameRequired: 'Vpišite ime in priimek.',
      nameTooLong: 'Ime in priimek sta predolga (največ 120 znakov).',
      organisationRequired: 'Izberite organizacijo.',
      roleRequired: 'Izberite vlogo.',
      roleNotForOrganisation: 'Te vloge ni mogoče dodeliti v tej organizaciji.',
      disabledByAdmin: 'Račun je onemogočil skrbnik portala, zato ga lahko ponovno omogoči ali spremeni le skrbnik portala.',
      invitationByAdmin: 'To povabilo je poslal skrbnik portala, zato ga lahko prekliče le skrbnik portala.',
    },
    throttled: (minutes: number) => `Preveč neuspešnih poskusov prijave. Poskusite znova čez ${counted(minutes, f.minuto)}.`,
    passwordCheckThrottled: (minutes: number) => `Preveč napačnih vnosov trenutnega gesla. Poskusite znova čez ${counted(minutes, f.minuto)}.`,
    /** Replaces the secret part of a link in mail that has been sent (the outbox keeps no usable token). */
    mailLinkRemoved: '[povezava odstranjena po pošiljanju]',
    /** Who did something, in the personal-data export, besides role names. */
    dataExport: { self: 'vi', anonymous: 'neprijavljena oseba' },
    login: {
      title: 'Prijava',
      lead: 'Prijavijo se povabljeni predstavniki občin in združenj občin ter zaposleni na ministrstvu. Za branje osnutka prijava ni potrebna.',
      submit: 'Prijava',
      forgot: 'Ste pozabili geslo?',
      noAccount: 'Računa si ne morete ustvariti sami. Povabilo vam pošlje skrbnik vaše organizacije ali skrbnik portala.',
      signedOut: 'Odjavljeni ste.',
      passwordReset: 'Geslo je spremenjeno. Prijavite se z novim geslom.',
    },
    logout: {
      title: 'Odjava',
      lead: 'Ali se želite odjaviti?',
      submit: 'Odjava',
    },
    forgot: {
      title: 'Pozabljeno geslo',
      lead: 'Vpišite e-naslov svojega računa. Poslali vam bomo povezavo za nastavitev novega gesla, ki velja eno uro.',
      submit: 'Pošlji povezavo',
      sent: 'Če za ta e-naslov obstaja račun, smo nanj poslali povezavo za nastavitev novega gesla. Povezava velja eno uro. Preverite tudi mapo z neželeno pošto.',
    },
    reset: {
      title: 'Nastavitev novega gesla',
      lead: (email: string) => `Nastavite novo geslo za račun ${email}. Po spremembi boste odjavljeni na vseh napravah.`,
      submit: 'Nastavi novo geslo',
      expiredTitle: 'Povezava ni več veljavna',
      expired: 'Povezava za nastavitev gesla je potekla ali je bila že uporabljena. Zahtevajte novo.',
      requestNew: 'Zahtevaj novo povezavo',
    },
    invitation: {
      title: 'Sprejem povabila',
      lead: (organisation: string, role: string) => `Vabljeni ste, da na portalu Posvet sodelujete kot ${role} v organizaciji ${organisation}.`,
      emailNote: (email: string) => `Vaš račun bo vezan na e-naslov ${email}.`,
      submit: 'Ustvari račun',
      expiredTitle: 'Povabilo ni več veljavno',
      expired: 'Povabilo je poteklo, je bilo preklicano ali je bilo že sprejeto. Za novo povabilo se obrnite na osebo, ki vas je povabila.',
    },
    me: {
      title: 'Moj račun',
      profile: 'Podatki o računu',
      organisation: 'Organizacija',
      role: 'Vloga',
      nameSaved: 'Ime je shranjeno.',
      saveName: 'Shrani ime',
      passwordTitle: 'Sprememba gesla',
      passwordSubmit: 'Spremeni geslo',
      passwordChanged: 'Geslo je spremenjeno. Vse druge seje so končane.',
      sessionsTitle: 'Aktivne seje',
      sessionsLead: 'Naprave, na katerih ste trenutno prijavljeni.',
      sessionStarted: 'Začetek',
      sessionExpires: 'Velja do',
      sessionDevice: 'Naprava',
      sessionAddress: 'Naslov IP',
      thisSession: 'ta seja',
      endOthers: 'Odjavi vse druge seje',
      othersEnded: 'Vse druge seje so končane.',
      noOtherSessions: 'Drugih aktivnih sej nimate.',
      dataTitle: 'Moji podatki',
      dataLead: 'Prenesete lahko vse podatke, ki jih portal hrani o vas (pravica do dostopa po 15. členu Splošne uredbe o varstvu podatkov).',
      dataDownload: 'Prenesi moje podatke (JSON)',
      unknownDevice: 'neznana naprava',
    },
    organisationPage: {
      title: 'Moja organizacija',
      members: 'Člani',
      invite: 'Povabi osebo',
      inviteLead: 'Povabljena oseba prejme e-pošto s povezavo, ki velja 14 dni.',
      inviteSubmit: 'Pošlji povabilo',
      invited: 'Povabilo je poslano. Povezava v njem velja 14 dni.',
      pending: 'Odprta povabila',
      noPending: 'Ni odprtih povabil.',
      revoke: 'Prekliči',
      revoked: 'Povabilo je preklicano.',
      changeRole: 'Spremeni vlogo',
      roleChanged: 'Vloga je spremenjena.',
      disable: 'Odstrani iz organizacije',
      enable: 'Ponovno omogoči',
      disabled: 'Račun je onemogočen; seje osebe so končane.',
      enabled: 'Račun je ponovno omogočen.',
      disabledByAdmin: 'onemogočil skrbnik portala',
      sentByAdmin: 'poslal skrbnik portala',
      you: '(vi)',
      readOnly: 'Člane organizacije upravlja skrbnik organizacije.',
      roleFor: (name: string) => `Vloga osebe ${name}`,
      memberships: 'Članstvo v združenjih',
      noMemberships: 'Organizacija ni vpisana kot članica nobenega združenja.',
      associationMembers: 'Članice združenja',
      noAssociationMembers: 'Združenje še nima vpisanih članic.',
    },
    invitationMail: {
      subject: 'Povabilo na portal Posvet – Digitalna Slovenija 2030',
      body: (inviter: string, organisation: string, role: string, link: string) =>
        [
          'Pozdravljeni,',
          '',
          `${inviter} vas vabi, da kot ${role} v organizaciji ${organisation} na portalu Posvet sodelujete pri posvetovanju Ministrstva za digitalno preobrazbo z občinami in njihovimi združenji o osnutku sprememb in dopolnitev strategije Digitalna Slovenija 2030.`,
          '',
          'Račun ustvarite na tej povezavi (velja 14 dni):',
          link,
          '',
          'Če povabila niste pričakovali, to sporočilo prezrite.',
          ...mailSignature,
        ].join('\n'),
    },
    resetMail: {
      subject: 'Nastavitev novega gesla – Posvet',
      body: (name: string, link: string) =>
        [
          `Pozdravljeni, ${name},`,
          '',
          'zahtevali ste nastavitev novega gesla za portal Posvet. Novo geslo nastavite na tej povezavi (velja eno uro in jo lahko uporabite enkrat):',
          link,
          '',
          'Če tega niste zahtevali vi, sporočilo prezrite; vaše geslo ostane nespremenjeno.',
          ...mailSignature,
        ].join('\n'),
    },
  },
  twoFactor: {
    title: 'Dvostopenjska prijava',
    on: (date: string) => `Dvostopenjska prijava je vklopljena od ${date}. Ob prijavi poleg gesla vpišete še kodo iz aplikacije za preverjanje pristnosti.`,
    off: 'Dvostopenjska prijava ni vklopljena. Z njo ob prijavi poleg gesla vpišete še kodo iz aplikacije za preverjanje pristnosti na telefonu; kdor izve vaše geslo, se brez telefona ne more prijaviti.',
    required: 'Za vašo vlogo je dvostopenjska prijava obvezna.',
    requiredFirst: 'Za vašo vlogo je dvostopenjska prijava obvezna. Portal boste lahko uporabljali, ko jo vklopite.',
    manage: 'Upravljaj dvostopenjsko prijavo',
    setUp: 'Vklopi dvostopenjsko prijavo',
    setupLead:
      'Potrebujete aplikacijo za preverjanje pristnosti na telefonu (na primer FreeOTP, Google Authenticator ali Microsoft Authenticator). Vsakih 30 sekund pokaže novo šestmestno kodo.',
    step1: '1. Dodajte račun v aplikacijo',
    step1Lead: 'V aplikaciji izberite dodajanje računa in skenirajte kodo QR.',
    qrCaption: 'Koda QR za aplikacijo za preverjanje pristnosti',
    manualLead: 'Če kode QR ne morete skenirati, v aplikacijo ročno vpišite ta ključ (presledki niso pomembni; vrsta: časovna koda, TOTP):',
    keyLabel: 'Ključ',
    accountLabel: 'Račun',
    step2: '2. Potrdite s kodo',
    codeLabel: 'Koda iz aplikacije',
    codeHint: 'Šest številk, ki jih aplikacija trenutno kaže.',
    confirm: 'Potrdi in vklopi',
    enabled: 'Dvostopenjska prijava je vklopljena. Vse vaše druge seje so končane.',
    recoveryTitle: 'Kode za obnovitev',
    recoveryLead:
      'Če izgubite telefon, se prijavite s kodo za obnovitev. Vsako kodo lahko uporabite le enkrat. Shranite jih zdaj na varno mesto (natisnite jih ali jih shranite v upravitelj gesel) – prikazane so samo tokrat.',
    continue: 'Nadaljuj',
    recoveryLeft: (n: number) =>
      n === 0
        ? 'Vse kode za obnovitev so porabljene. Ustvarite nove.'
        : `Imate še ${counted(n, f.neuporabljenaKoda)} za obnovitev.`,
    renewTitle: 'Nove kode za obnovitev',
    renewLead: 'Nove kode nadomestijo vse dosedanje. Za potrditev vpišite kodo iz aplikacije.',
    renew: 'Ustvari nove kode za obnovitev',
    renewed: 'Nove kode za obnovitev so ustvarjene; dosedanje ne veljajo več.',
    disableTitle: 'Izklop dvostopenjske prijave',
    disableLead: 'Za izklop vpišite trenutno geslo in kodo iz aplikacije ali kodo za obnovitev.',
    disableRequired: 'Za vašo vlogo je dvostopenjska prijava obvezna: po izklopu jo boste morali takoj nastaviti znova, na primer na novem telefonu.',
    codeOrRecoveryLabel: 'Koda iz aplikacije ali koda za obnovitev',
    disable: 'Izklopi dvostopenjsko prijavo',
    disabled: 'Dvostopenjska prijava je izklopljena.',
    login: {
      title: 'Koda za prijavo',
      lead: 'Vaš račun ima vklopljeno dvostopenjsko prijavo. Vpišite šestmestno kodo, ki jo kaže aplikacija za preverjanje pristnosti na vašem telefonu.',
      submit: 'Potrdi kodo',
      useRecovery: 'Nimate telefona? Prijavite se s kodo za obnovitev',
      recoveryLabel: 'Koda za obnovitev',
      recoveryHint: 'Na primer abcd-efgh-jkmn-pqrs. Vsako kodo lahko uporabite le enkrat.',
      recoverySubmit: 'Prijava s kodo za obnovitev',
      otherAccount: 'Prijava z drugim računom',
      expired: 'Čas za vpis kode je potekel. Prijavite se znova.',
      lockedOut: 'Preveč napačnih kod. Prijavite se znova z e-naslovom in geslom.',
      recoveryUsed: 'Prijavili ste se s kodo za obnovitev, ki je zdaj porabljena. Če ste izgubili telefon, izklopite dvostopenjsko prijavo in jo nastavite znova.',
    },
    errors: {
      codeRequired: 'Vpišite kodo iz aplikacije.',
      codeFormat: 'Koda iz aplikacije ima šest številk.',
      codeWrong: 'Koda ni pravilna. Vpišite kodo, ki jo aplikacija kaže zdaj, in preverite, ali je ura na telefonu pravilno nastavljena.',
      codeReused: 'Ta koda je že bila uporabljena. Počakajte, da aplikacija pokaže novo kodo.',
      recoveryRequired: 'Vpišite kodo za obnovitev.',
      recoveryWrong: 'Koda za obnovitev ni pravilna ali je že bila uporabljena.',
      codeOrRecoveryRequired: 'Vpišite kodo iz aplikacije ali kodo za obnovitev.',
      throttled: (minutes: number) => `Preveč napačnih kod. Poskusite znova čez ${counted(minutes, f.minuto)}.`,
      alreadyEnabled: 'Dvostopenjska prijava je že vklopljena.',
      notEnabled: 'Dvostopenjska prijava ni vklopljena.',
    },
    admin: {
      title: 'Dvostopenjska prijava',
      lead: 'Osebe z vklopljeno dvostopenjsko prijavo. Osebi, ki je izgubila telefon in kode za obnovitev, jo lahko ponastavite: njene seje se končajo, nato se prijavi z geslom in dvostopenjsko prijavo nastavi znova.',
      none: 'Nihče nima vklopljene dvostopenjske prijave.',
      since: 'Vklopljena',
      reset: 'Ponastavi',
      resetFor: (name: string) => ` dvostopenjsko prijavo osebe ${name}`,
      done: 'Dvostopenjska prijava je ponastavljena; seje osebe so končane.',
      notYourself: 'Svoje dvostopenjske prijave ne morete ponastaviti tukaj; izklopite jo v Mojem računu.',
      notEnabled: 'Ta oseba nima vklopljene dvostopenjske prijave.',
    },
  },
  admin: {
    title: 'Skrbništvo portala',
    organisations: 'Organizacije',
    users: 'Uporabniki',
    invitations: 'Odprta povabila',
    filter: 'Filtriraj',
    filterText: 'Iskanje',
    filterKind: 'Vrsta',
    allKinds: 'vse vrste',
    allRoles: 'vse vloge',
    allStatuses: 'vsa stanja',
    status: 'Stanje',
    members: 'Članice',
    addMember: 'Dodaj članico',
    removeMember: 'Odstrani',
    memberAdded: 'Članica je dodana.',
    memberRemoved: 'Članica je odstranjena.',
    inviteTitle: 'Povabi osebo v organizacijo',
    shown: (count: number) => `${plural(count, f.prikazana)} ${counted(count, f.organizacija)}.`,
    audit: 'Dnevnik dogodkov',
    code: 'Šifra',
    name: 'Ime',
    kind: 'Vrsta',
    municipalityOf: (association: string) => `Občina, ki jo dodate v ${association}`,
  },
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
    myComments: 'Pripombe moje organizacije',
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
      versionGone: 'Besedila, h kateremu je pripomba napisana, ni več na portalu, zato je ni mogoče spreminjati.',
      notADraft: 'Pripomba je že oddana in je ni več mogoče spreminjati.',
      notSubmitted: 'Umakniti je mogoče le oddano pripombo.',
      notPublic: 'Te pripombe ni mogoče podpreti.',
      ownComment: 'Pripombe svoje organizacije ni treba podpreti.',
      notAMember: 'Izbrane so lahko le občine, ki so članice vašega združenja.',
      conflict: 'Obrazec je bil že uporabljen. Osvežite stran in poskusite znova.',
    },
  },
  moderation: {
    title: 'Moderacija',
    queueTitle: 'Čakalna vrsta',
    lead: 'Oddane pripombe, ki jih obravnava ministrstvo. Filtrirajte, izberite in obravnavajte; vsako dejanje se zabeleži v dnevnik.',
    nav: { queue: 'Čakalna vrsta', record: 'Vnos prejete pripombe', stats: 'Statistika', report: 'Poročilo' },
    shortcuts: 'Bližnjice: j in k za premik po čakalni vrsti, Enter za odprtje pripombe.',
    filters: {
      legend: 'Filtri',
      chapter: 'Poglavje',
      block: 'Odstavek (npr. 3.14)',
      organisation: 'Organizacija',
      orgKind: 'Vrsta organizacije',
      kind: 'Vrsta pripombe',
      status: 'Stanje',
      assignee: 'Dodeljena',
      tag: 'Oznaka',
      late: 'Samo prejete po roku',
      hidden: 'Samo skrite',
      text: 'Besedilo vsebuje',
      sort: 'Razvrsti',
      apply: 'Uporabi filtre',
      clear: 'Počisti filtre',
      all: 'vse',
      allMasc: 'vsi',
      nobody: 'nikomur',
      me: 'meni',
    },
    sorts: {
      '-submitted': 'najnovejše najprej',
      submitted: 'najstarejše najprej',
      block: 'po odstavkih',
      organisation: 'po organizacijah',
      status: 'po stanju',
    } as Record<string, string>,
    found: (n: number) => `${plural(n, f.najdena)} ${counted(n, f.pripomba)}.`,
    pageOf: (page: number, count: number) => `Stran ${page} od ${count}`,
    previousPage: 'Prejšnja stran',
    nextPage: 'Naslednja stran',
    pagination: 'Strani',
    select: (id: number) => `Izberi pripombo št. ${id}`,
    columns: { select: 'Izbira', comment: 'Pripomba', block: 'Odstavek', organisation: 'Organizacija', kind: 'Vrsta', status: 'Stanje', assignee: 'Dodeljena', submitted: 'Oddana' },
    bulk: {
      legend: 'Dejanje za izbrane pripombe',
      action: 'Dejanje',
      assign: 'Dodeli',
      tag: 'Dodaj oznako',
      inReview: 'Označi „v obravnavi“',
      assignee: 'Komu',
      tagValue: 'Oznaka',
      apply: 'Izvedi',
      done: (n: number) => `${plural(n, f.spremenjena)} ${counted(n, f.pripomba)}.`,
    },
    empty: 'Nobena pripomba ne ustreza filtrom.',
    hiddenTag: 'skrita',
    receivedVia: { portal: 'portal', email: 'e-pošta', post: 'pošta' } as Record<string, string>,
    detail: {
      title: (id: number) => `Obravnava pripombe št. ${id}`,
      context: 'Odstavek v kontekstu',
      comment: 'Pripomba',
      organisation: 'Organizacija',
      receivedVia: 'Prejeta prek',
      recordedBy: 'Vnesel',
      joint: 'Skupno stališče',
      decisionTitle: 'Stališče do pripombe',
      decisionLegend: 'Stanje obravnave ali stališče do pripombe',
      response: 'Obrazložitev stališča (javna)',
      responseHint: 'Obrazložitev je javna in je obvezna pri vseh stališčih razen „upoštevana“. Pojasnite, zakaj in kako je bila pripomba upoštevana ali zakaj ni bila.',
      saveDecision: 'Shrani stališče',
      notesTitle: 'Interne opombe',
      notesHint: 'Opombe vidijo samo moderatorji in skrbniki; nikoli niso javne.',
      noteLabel: 'Nova opomba',
      addNote: 'Dodaj opombo',
      noNotes: 'Ni opomb.',
      tagsTitle: 'Oznake in dodelitev',
      tagsLabel: 'Oznake (ločene z vejicami)',
      saveTags: 'Shrani oznake',
      assigneeLabel: 'Dodeljena',
      saveAssignee: 'Dodeli',
      visibilityTitle: 'Vidnost',
      hiddenNow: (reason: string) => `Pripomba je skrita (razlog: ${reason}). Javnost je ne vidi.`,
      visibleNow: 'Pripomba je javna.',
      reasonLabel: 'Razlog za skritje',
      hide: 'Skrij pripombo',
      unhide: 'Ponovno objavi',
      siblings: 'Druge pripombe k istemu odstavku',
      noSiblings: 'K temu odstavku ni drugih pripomb.',
      history: 'Zgodovina',
      noHistory: 'Ni zabeleženih dejanj.',
      saved: 'Spremembe so shranjene.',
      hiddenPermalink: 'Stalna povezava (skrita pripomba javno ni dostopna)',
    },
    hideReasons: { spam: 'neželena vsebina', offensive: 'žaljiva vsebina', personal_data: 'vsebuje osebne podatke', duplicate: 'podvojena pripomba' } as Record<string, string>,
    record: {
      title: 'Vnos pripombe, prejete po e-pošti ali pošti',
      lead: 'Pripombo vnesete v imenu organizacije, ki jo je poslala. Objavi se takoj; če je bila prejeta po roku, je označena kot prejeta po roku.',
      organisation: 'Organizacija pošiljateljica',
      receivedVia: 'Prejeta prek',
      receivedOn: 'Datum prejema',
      receivedOnHint: nb('Dan, mesec in leto, na primer 3. 2. 2027.'),
      chapter: 'Poglavje',
      block: 'Odstavek',
      blockHint: 'Številka odstavka v poglavju, na primer 14 za odstavek 3.14.',
      submit: 'Vnesi pripombo',
      recorded: 'Pripomba je vnesena.',
    },
    actions: {
      'comment.decided': 'sprejeto stališče',
      'comment.status_changed': 'sprememba stanja',
      'comment.assigned': 'dodelitev',
      'comment.tagged': 'oznaka',
      'comment.tags_set': 'oznake',
      'comment.note_added': 'interna opomba',
      'comment.hidden': 'skritje',
      'comment.unhidden': 'ponovna objava',
      'comment.recorded': 'vnos prejete pripombe',
    } as Record<string, string>,
    errors: {
      nothingSelected: 'Izberite vsaj eno pripombo.',
      actionRequired: 'Izberite dejanje.',
      assigneeRequired: 'Izberite moderatorja.',
      tagInvalid: 'Oznaka sme vsebovati črke, številke, presledke in vezaje (največ 40 znakov).',
      decisionRequired: 'Izberite stališče ali stanje obravnave.',
      responseRequired: 'Vpišite obrazložitev: pri vseh stališčih razen „upoštevana“ je obvezna.',
      responseTooLong: (max: number) => `Obrazložitev je predolga (največ ${counted(max, f.znakov)}).`,
      noteRequired: 'Vpišite besedilo opombe.',
      noteTooLong: (max: number) => `Opomba je predolga (največ ${counted(max, f.znakov)}).`,
      reasonRequired: 'Izberite razlog za skritje.',
      notFound: 'Pripomba ne obstaja ali ni oddana.',
      organisationRequired: 'Izberite organizacijo, ki je pripombo poslala.',
      receivedViaRequired: 'Izberite, kako je bila pripomba prejeta.',
      receivedOnRequired: nb('Vpišite datum prejema kot dan, mesec in leto, na primer 3. 2. 2027.'),
      receivedOnInvalid: nb('Datum prejema ni pravilen. Vpišite ga kot dan, mesec in leto, na primer 3. 2. 2027.'),
      receivedOnFuture: 'Datum prejema ne sme biti v prihodnosti.',
      blockRequired: 'Izberite poglavje in obstoječi odstavek.',
    },
    mail: {
      decisionSubject: (id: number) => `Stališče do pripombe št. ${id} – Posvet`,
      decisionBody: (id: number, decision: string, response: string | null, link: string) =>
        [
          'Pozdravljeni,',
          '',
          `Ministrstvo za digitalno preobrazbo je sprejelo stališče do pripombe št. ${id}, ki jo je oddala vaša organizacija: ${decision}.`,
          ...(response ? ['', 'Obrazložitev:', response] : []),
          '',
          `Pripomba in stališče: ${link}`,
          ...mailSignature,
        ].join('\n'),
      hiddenSubject: (id: number) => `Pripomba št. ${id} je bila skrita – Posvet`,
      hiddenBody: (id: number, reason: string, link: string) =>
        [
          'Pozdravljeni,',
          '',
          `moderator je pripombo št. ${id}, ki jo je oddala vaša organizacija, skril pred javnostjo. Razlog: ${reason}.`,
          'Če menite, da je bila skrita po pomoti, odgovorite na to sporočilo ali se obrnite na ministrstvo.',
          '',
          link,
          ...mailSignature,
        ].join('\n'),
    },
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
  statistics: {
    title: 'Statistika pripomb',
    perChapter: 'Pripombe po poglavjih',
    perOrganisationKind: 'Pripombe po vrsti organizacije',
    perStatus: 'Pripombe po stanju obravnave',
    perDay: 'Oddane pripombe po dnevih',
    chapter: 'Poglavje',
    organisationKind: 'Vrsta organizacije',
    status: 'Stanje',
    day: 'Dan',
    count: 'Število pripomb',
    heatMap: 'Toplotna karta odstavkov',
    heatMapLead: 'Vsako polje je odstavek; število pove, koliko pripomb ima. Polje vodi v čakalno vrsto, filtrirano na ta odstavek.',
    blockCount: (block: string, n: number) => `Odstavek ${block}: ${counted(n, f.pripomba)}`,
  },
  audit: {
    title: 'Dnevnik dogodkov',
    lead: 'Vsa dejanja, pomembna za varnost, moderacijo in skrbništvo. Dnevnika ni mogoče spreminjati.',
    action: 'Dejanje',
    actor: 'Kdo',
    target: 'Predmet',
    change: 'Sprememba',
    time: 'Čas',
    ip: 'Naslov IP',
    allActions: 'vsa dejanja',
    actorFilter: 'E-naslov izvajalca',
    from: 'Od dne',
    to: 'Do dne',
    dateHint: nb('Na primer 3. 2. 2027.'),
    dateInvalid: nb('Datum vpišite kot dan, mesec in leto, na primer 3. 2. 2027.'),
    total: (n: number) => counted(n, f.vpis),
    empty: 'Ni vpisov, ki bi ustrezali filtrom.',
  },
  report: {
    title: 'Poročilo o upoštevanju pripomb',
    lead: (version: string) =>
      `Poročilo zajema vse javne pripombe k osnutku sprememb in dopolnitev strategije Digitalna Slovenija 2030 in stališča Ministrstva za digitalno preobrazbo do njih, razvrščene po odstavkih aktualnega besedila (${version}). Pripravljeno je samodejno iz podatkov portala in je vedno ažurno.`,
    generatedAt: (date: string, time: string) => `Stanje na dan ${date} ob ${time}.`,
    downloads: 'Prenosi',
    csv: 'Prenesi kot CSV',
    xlsx: 'Prenesi kot XLSX (Excel)',
    print: 'Za tiskanje ali PDF uporabite ukaz za tiskanje v brskalniku; stran je prilagojena tisku.',
    totals: 'Povzetek',
    byStatus: 'Po stališčih',
    byOrganisationKind: 'Po vrsti organizacije',
    count: 'Število',
    totalLabel: 'Skupaj',
    total: (n: number) => `Skupaj ${counted(n, f.javnaPripomba)}.`,
    byChapter: 'Pripombe po poglavjih in odstavkih',
    noComments: 'Javnih pripomb še ni.',
    wholeDraft: 'Osnutek kot celota',
    wholeChapter: 'Poglavje kot celota',
    blockRemoved: 'odstavka ni več',
    removedBlocks: 'Pripombe k odstavkom, ki jih v aktualnem osnutku ni več',
    writtenOn: (version: string, block: string) => `napisana k ${versionCase(version, 'dative')}${block ? `, odstavek ${block}` : ''}`,
    block: (n: string) => `Odstavek ${n}`,
    yes: 'da',
    no: 'ne',
    sheetComments: 'Pripombe',
    sheetTotals: 'Povzetek',
    columns: {
      id: 'Št.',
      chapter: 'Poglavje',
      block: 'Odstavek',
      version: 'Osnutek',
      blockNow: 'Odstavek v aktualnem osnutku',
      organisation: 'Organizacija',
      organisationKind: 'Vrsta organizacije',
      kind: 'Vrsta pripombe',
      text: 'Besedilo pripombe',
      proposedText: 'Predlagano besedilo',
      rationale: 'Obrazložitev predlagatelja',
      onBehalfOf: 'V imenu občin',
      supporters: 'Podpore',
      decision: 'Stališče',
      response: 'Obrazložitev stališča',
      submittedAt: 'Oddana',
      late: 'Po roku',
      url: 'Povezava',
    },
  },
  /** The consultation's particulars, as a ministry's invitation to comment states them. */
  consultationFacts: {
    title: 'Podatki o posvetovanju',
    proposer: 'Predlagatelj',
    proposerName: 'Ministrstvo za digitalno preobrazbo',
    caseNumber: 'Številka zadeve',
    draft: 'Besedilo',
    window: 'Rok za pripombe',
    windowRange: (from: string, to: string) => `od ${from} do ${to}`,
    invited: 'Vabljeni k sodelovanju',
    invitedWho: 'občine ter Združenje mestnih občin Slovenije (ZMOS), Skupnost občin Slovenije (SOS) in Združenje občin Slovenije (ZOS), prek povabljenih predstavnikov',
    readers: 'Kdo lahko bere',
    readersWho: 'vsakdo, brez prijave',
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

const numberFormat = new Intl.NumberFormat('sl', { useGrouping: 'always' });

/** 5.000, 12.345: a dot between thousands, always (also in four-digit numbers), one style everywhere. */
export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

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
