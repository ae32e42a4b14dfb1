/**
 * Demo comments on the first draft of Strategija digitalnih javnih storitev 2030 (content/sdjs2030/osnutek-1).
 * Each refers to a chapter slug and a block key pinned with <!-- blok: … --> in that chapter.
 */
import type { DemoComment } from './demo.ts';

export const sdjsDemoComments: DemoComment[] = [
  {
    key: 'demo-sdjs-ljubljana-vmesniki',
    organisation: '61',
    chapter: 'obcinske-e-storitve',
    block: 'povezovanje-obstojecih-sistemov',
    kind: 'comment',
    body:
      'Mestna občina Ljubljana podpira odprte vmesnike, saj ima lasten dokumentarni sistem in portal e-storitev, ki ju prebivalci dobro sprejemajo. Zamenjava teh rešitev s skupno platformo za nas ne bi bila smiselna.\n\nOpozarjamo, da bodo prilagoditve pri ponudnikih zahtevale čas in sredstva. Predlagamo, da MDP tehnične zahteve pripravi skupaj z občinami, ki imajo lastne rešitve, in da se za povezovanje določi prehodno obdobje najmanj 18 mesecev po objavi zahtev.',
    at: '2026-11-24T08:12:00Z',
    supporters: ['70', 'ZMOS'],
  },
  {
    key: 'demo-sdjs-bled-starejsi',
    organisation: '3',
    chapter: 'digitalna-identiteta',
    block: 'identiteta-starejsi',
    kind: 'question',
    body:
      'Kdo bo financiral delo oseb, ki bodo v občinskih točkah pomagale starejšim pri aktivaciji osebne izkaznice z eID in pri prvi prijavi? Občina Bled lahko zagotovi prostor, na primer v knjižnici ali krajevni skupnosti, ne more pa trajno zaposliti svetovalca.\n\nZanima nas tudi, ali bo aktivacija mogoča zunaj upravne enote, saj je najbližja upravna enota v Radovljici in je za starejše brez prevoza težko dostopna.',
    at: '2026-11-24T13:40:00Z',
  },
  {
    key: 'demo-sdjs-koper-dvojezicnost',
    organisation: '50',
    chapter: 'uporabniku-prijazne-storitve',
    block: 'obcinske-storitve-euprava',
    kind: 'question',
    body:
      'Mestna občina Koper na narodnostno mešanem območju posluje dvojezično, v slovenskem in italijanskem jeziku. Ali bodo eUprava in skupna platforma za občinske e-storitve omogočale dvojezične obrazce, obvestila in odločbe?\n\nČe tega ne bosta omogočali, občine na narodnostno mešanih območjih platforme ne bodo mogle uporabljati.',
    at: '2026-11-25T08:45:00Z',
    supporters: ['90'],
  },
  {
    key: 'demo-sdjs-maribor-pilot',
    organisation: '70',
    chapter: 'obcinske-e-storitve',
    block: 'terminski-nacrt-platforma',
    kind: 'comment',
    body:
      'Pilotna uvedba naj vključuje tudi vsaj dve mestni občini z lastnimi rešitvami, da se že v letu 2027 preizkusijo vmesniki za povezovanje, ne le standardne storitve na platformi. Mestna občina Maribor je pripravljena sodelovati kot pilotna občina.\n\nRok za vključitev vseh 212 občin je ambiciozen; predlagamo, da se v terminski načrt doda vmesni mejnik za manjše občine.',
    at: '2026-11-25T10:05:00Z',
  },
  {
    key: 'demo-sdjs-cerknica-kadri',
    organisation: '13',
    chapter: 'obcinske-e-storitve',
    block: 'majhne-obcine',
    kind: 'comment',
    body:
      'V Občini Cerknica se z informatiko ukvarja en sodelavec, ki ima poleg tega še druge naloge. Paket za hitro uvedbo pozdravljamo, vendar bo vključitev brez dodatnih zaposlitev mogoča le, če bo regionalni center zagotovil tudi podporo po uvedbi, ne le ob njej.\n\nPredlagamo, da se izrecno zapiše, da je podpora regionalnega centra za manjše občine brezplačna.',
    at: '2026-11-25T12:20:00Z',
    supporters: ['SOS'],
  },
  {
    key: 'demo-sdjs-sos-financiranje-platforme',
    organisation: 'SOS',
    chapter: 'obcinske-e-storitve',
    block: 'skupna-platforma',
    kind: 'amendment',
    body:
      'Skupnost občin Slovenije podpira skupno platformo, nasprotuje pa delitvi stroškov delovanja po letu 2028 po modelu, ki še ni znan. Občine se ne morejo odločiti za platformo, če ne vedo, koliko jih bo stala čez nekaj let.\n\nSkupno stališče smo uskladili s članicami, ki so se odzvale na naše vabilo.',
    amend: [
      'po letu 2028 pa se stroški delovanja in vzdrževanja delijo med državo in občinami po modelu, ki ga MDP določi v dogovoru z združenji občin',
      'država pa krije tudi stroške delovanja in vzdrževanja po letu 2028, medtem ko se dodatne storitve za posamezne občine financirajo po modelu, ki ga MDP določi v dogovoru z združenji občin',
    ],
    rationale:
      'Skupna platforma izvaja naloge, ki jih občinam nalagajo državni predpisi. Predvidljivo financiranje je pogoj, da se občine odpovejo lastnim rešitvam, zlasti manjše občine z omejenimi proračuni.',
    at: '2026-11-26T09:30:00Z',
    supporters: ['ZOS'],
    onBehalfOf: [
      ['1', 'confirmed'],
      ['13', 'confirmed'],
      ['3', 'confirmed'],
      ['90', 'pending'],
    ],
  },
  {
    key: 'demo-sdjs-novomesto-dostopnost',
    organisation: '85',
    chapter: 'uporabniku-prijazne-storitve',
    block: 'dostopnost',
    kind: 'comment',
    body:
      'Mestna občina Novo mesto se strinja, da mora biti dostopnost zagotovljena že v zasnovi skupnih rešitev. Občinska spletišča pa vsebujejo tudi veliko dokumentov, kot so odloki, razpisi in obrazci v PDF, ki jih pripravljajo različni oddelki.\n\nPredlagamo, da MDP občinam zagotovi vzorčne dostopne predloge dokumentov in brezplačen pregled dostopnosti spletišč, saj si zunanjih presoj večina občin ne more privoščiti.',
    at: '2026-11-26T14:15:00Z',
  },
  {
    key: 'demo-sdjs-celje-evidence',
    organisation: '11',
    chapter: 'obcinske-e-storitve',
    block: 'obcine-evidence',
    kind: 'amendment',
    body:
      'Brez dostopa do centralnega registra prebivalstva in registra prostorskih enot standardnih storitev v pilotnih občinah ni mogoče vnaprej izpolniti, zato bo stranka podatke še vedno vnašala sama. Dostop do teh dveh evidenc mora biti zagotovljen pred pilotno uvedbo platforme.',
    amend: [
      'do konca leta 2028',
      'do konca leta 2028, do centralnega registra prebivalstva in registra prostorskih enot pa že do sredine leta 2027',
    ],
    rationale: 'Rok za dostop do evidenc mora biti usklajen s terminskim načrtom platforme, ki predvideva pilotno uvedbo v drugi polovici leta 2027.',
    at: '2026-11-27T09:00:00Z',
  },
  {
    key: 'demo-sdjs-zmos-programski-odbor',
    organisation: 'ZMOS',
    chapter: 'izvajanje-in-spremljanje',
    block: 'upravljanje',
    kind: 'amendment',
    body:
      'Združenje mestnih občin Slovenije meni, da morajo imeti občine, ki bodo platformo uporabljale in sofinancirale, pri odločitvah o njenem razvoju enakovreden glas kot država. Zgolj sodelovanje v programskem odboru tega ne zagotavlja.',
    amend: [
      'v katerem bodo sodelovala tudi združenja občin',
      'v katerem bodo imela reprezentativna združenja občin najmanj polovico članov',
    ],
    rationale: 'Uravnotežena sestava programskega odbora je pogoj za zaupanje občin v skupno platformo in za upoštevanje potreb mestnih in manjših občin.',
    at: '2026-11-27T07:50:00Z',
    supporters: ['61', '11', '52'],
  },
  {
    key: 'demo-sdjs-ptuj-cilji',
    organisation: '96',
    chapter: 'vizija-in-cilji',
    block: 'cilji-2030',
    kind: 'comment',
    body:
      'Mestna občina Ptuj cilje podpira, vendar predlaga, da se delež digitalno opravljenih postopkov spremlja ločeno za državne in za občinske storitve. Pri občinskih storitvah, kot je najem groba, bo del prebivalcev še dolgo raje prišel osebno.\n\nSkupni kazalnik bi lahko prikrival, da občinske storitve zaostajajo, ali pa občinam postavil nerealno pričakovanje.',
    at: '2026-11-28T07:30:00Z',
  },
  {
    key: 'demo-sdjs-zos-financiranje-obcin',
    organisation: 'ZOS',
    chapter: 'izvajanje-in-spremljanje',
    block: 'financiranje-obcin',
    kind: 'comment',
    body:
      'Združenje občin Slovenije opozarja, da javni razpisi niso primeren način financiranja povezovanja obstoječih rešitev, saj manjše občine za pripravo vlog nimajo kadrov. Predlagamo, da se sredstva občinam dodelijo po vnaprej znanih merilih, na primer glede na število prebivalcev, brez razpisnega postopka.\n\nStroški povezovanja naj se upoštevajo tudi pri izračunu primerne porabe občin.',
    at: '2026-11-28T11:10:00Z',
    supporters: ['SOS', '1'],
  },
  {
    key: 'demo-sdjs-kranj-tocke-pomoci',
    organisation: '52',
    chapter: 'digitalna-identiteta',
    block: 'vloga-obcin-identiteta',
    kind: 'amendment',
    body:
      'Mestna občina Kranj je pripravljena vzpostaviti točko pomoči pri digitalni identiteti v vložišču občine, vendar gre za nalogo države, ki jo bodo občine opravljale namesto upravnih enot. Stroški dela naj bodo zato povrnjeni.',
    amend: [
      'MDP jim bo zagotovilo usposabljanje in gradiva',
      'MDP jim bo zagotovilo usposabljanje, gradiva in povračilo stroškov dela zaposlenih, ki bodo pomoč izvajali',
    ],
    rationale: 'Brez povračila stroškov se bodo v mrežo vključile le občine z dovolj zaposlenimi, pomoč pa je najbolj potrebna prav v manjših občinah.',
    at: '2026-11-29T08:20:00Z',
    supporters: ['85'],
  },
];
