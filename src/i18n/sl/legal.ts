/** The legal part of the Slovenian dictionary (accessibility, privacy). */
import { routes } from '../../lib/routes.ts';
import type { Statement } from '../statement.ts';

export const legal = {
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
              ['do dostopa (15. člen Splošne uredbe o varstvu podatkov): kopijo podatkov, ki jih hrani portal, prenesete sami na strani ', { href: routes.account, text: 'Moj račun' }, ';'],
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
} as const;
