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
      signIn: 'Prijava',
      signOut: 'Odjava',
      account: 'Moj račun',
      organisation: 'Organizacija',
      moderation: 'Moderacija',
      admin: 'Skrbništvo',
    },
    signedInAs: (name: string, organisation: string) => `Prijavljeni ste kot ${name} (${organisation}).`,
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
  forms: {
    errorSummaryTitle: 'Prišlo je do težave',
    required: '(obvezno)',
    save: 'Shrani',
  },
  access: {
    forbiddenTitle: 'Dostop zavrnjen',
    forbidden: 'Za to stran nimate pravic. Če menite, da bi jih morali imeti, se obrnite na skrbnika svoje organizacije.',
    notAllowed: 'Tega dejanja ne smete izvesti.',
    signInFirst: 'Za to stran se morate prijaviti.',
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
      government: 'vladna služba',
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
      `Najmanj ${min} znakov. Priporočamo geslo iz več besed. Ne uporabite gesla, ki ga uporabljate drugje, in ne vključite svojega e-naslova.`,
    passwordRules: {
      tooShort: (min: number) => `Geslo mora imeti najmanj ${min} znakov.`,
      tooLong: (max: number) => `Geslo je predolgo (največ ${max} znakov).`,
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
    },
    throttled: (minutes: number) =>
      `Preveč neuspešnih poskusov prijave. Poskusite znova čez ${minutes} ${plural(minutes, { one: 'minuto', two: 'minuti', few: 'minute', other: 'minut' })}.`,
    login: {
      title: 'Prijava',
      lead: 'Prijavijo se predstavniki občin, združenj občin in SDP. Za branje osnutka prijava ni potrebna.',
      submit: 'Prijava',
      forgot: 'Ste pozabili geslo?',
      noAccount:
        'Računa ni mogoče ustvariti sam. Povabilo vam pošlje skrbnik vaše organizacije ali skrbnik portala.',
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
      dataLead: 'Prenesete lahko vse podatke, ki jih portal hrani o vas (GDPR, člen 15 in 20).',
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
      you: '(vi)',
      readOnly: 'Člane organizacije upravlja skrbnik organizacije.',
      roleFor: (name: string) => `Vloga osebe ${name}`,
      memberships: 'Članstvo v združenjih',
      noMemberships: 'Organizacija ni vpisana kot članica nobenega združenja.',
      associationMembers: 'Članice združenja',
      noAssociationMembers: 'Združenje še nima vpisanih članic.',
    },
    invitationMail: {
      subject: 'Povabilo na portal Posvet — Digitalna Slovenija 2030',
      body: (inviter: string, organisation: string, role: string, link: string) =>
        [
          'Pozdravljeni,',
          '',
          `${inviter} vas vabi, da na portalu Posvet sodelujete pri javnem posvetovanju o strategiji Digitalna Slovenija 2030 kot ${role} v organizaciji ${organisation}.`,
          '',
          'Račun ustvarite na tej povezavi (velja 14 dni):',
          link,
          '',
          'Če povabila niste pričakovali, to sporočilo prezrite.',
          '',
          'Posvet — Služba Vlade Republike Slovenije za digitalno preobrazbo',
        ].join('\n'),
    },
    resetMail: {
      subject: 'Nastavitev novega gesla — Posvet',
      body: (name: string, link: string) =>
        [
          `Pozdravljeni, ${name},`,
          '',
          'zahtevali ste nastavitev novega gesla za portal Posvet. Novo geslo nastavite na tej povezavi (velja eno uro in jo lahko uporabite enkrat):',
          link,
          '',
          'Če tega niste zahtevali vi, sporočilo prezrite; vaše geslo ostane nespremenjeno.',
          '',
          'Posvet — Služba Vlade Republike Slovenije za digitalno preobrazbo',
        ].join('\n'),
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
    shown: (count: number) =>
      `${plural(count, { one: 'Prikazana je', two: 'Prikazani sta', few: 'Prikazane so', other: 'Prikazanih je' })} ${count} ${plural(count, { one: 'organizacija', two: 'organizaciji', few: 'organizacije', other: 'organizacij' })}.`,
    audit: 'Dnevnik dogodkov',
    code: 'Šifra',
    name: 'Ime',
    kind: 'Vrsta',
    municipalityOf: (association: string) => `Občina, ki jo dodate v ${association}`,
  },
  moderation: {
    title: 'Moderacija',
    lead: 'Tu bo vrsta pripomb za obravnavo: filtriranje, dodeljevanje, odločitve in odzivi.',
    soon: 'Pripombe bo mogoče oddajati in obravnavati, ko bo vključeno oddajanje pripomb.',
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
