import { counted, letter, nb, plural } from './shared.ts';

/** Issue 16, items 4–6: invitations from a CSV, re-inviting, reminders, subscriptions (the onboarding helper's words). */

const vrstica = { one: 'vrstica', two: 'vrstici', few: 'vrstice', other: 'vrstic' };
const povabilo = { one: 'povabilo', two: 'povabili', few: 'povabila', other: 'povabil' };
const boPovabljena = { one: 'bo povabljena', two: 'bosta povabljeni', few: 'bodo povabljene', other: 'bo povabljenih' };

export const onboarding = {
  onboarding: {
    reinvite: {
      question: (role: string, date: string) => nb(`Za ta naslov že obstaja povabilo (vloga ${role}, poslano ${date}). Ga nadomestim?`),
      confirm: 'Da, nadomesti povabilo',
      cancel: 'Ne, pusti obstoječe povabilo',
      lead: 'Novo povabilo bo prejšnje preklicalo; povezava iz prejšnjega sporočila ne bo več veljala.',
    },
    importMail: {
      /** The invitation mail of an import, addressed to the person the CSV names. */
      addressed: (name: string, body: string) => String(body).replace(/^Spoštovani,/, `Spoštovani, ${name},`),
    },
    import: {
      title: 'Uvoz povabil iz datoteke CSV',
      navLabel: 'Uvoz povabil',
      adminLink: 'Povabi več oseb hkrati iz datoteke CSV',
      lead: 'Naložite datoteko CSV z vrstico z imeni stolpcev in stolpci: šifra organizacije, e-naslov, ime in priimek, vloga. Najprej boste videli predogled; povabila se pošljejo šele, ko ga potrdite.',
      format:
        'Ločilo je vejica ali podpičje, kodiranje UTF-8 (z oznako BOM ali brez) ali Windows-1250. Šifra organizacije je šifra občine iz registra (npr. 61) ali kratica združenja (npr. ZMOS). Vloga: član, skrbnik organizacije, moderator ali skrbnik portala (ali member, org_admin, moderator, admin).',
      example: 'Primer',
      pager: { previous: 'Prejšnja stran', next: 'Naslednja stran', pageOf: (page: number, pages: number) => `Stran ${page} od ${pages}` },
      pagerLabel: 'Strani vrstic',
      file: 'Datoteka CSV',
      fileHint: 'Največ 10.000 vrstic (1 MB).',
      upload: 'Naloži in pokaži predogled',
      previewTitle: 'Predogled uvoza',
      fileFacts: (name: string, encoding: string, separator: string, date: string) =>
        nb(`Datoteka „${name}“, prebrana kot ${encoding}, ločilo ${separator === ';' ? 'podpičje' : 'vejica'}; naložena ${date}.`),
      counts: (valid: number, pending: number, refused: number) =>
        `${counted(valid, vrstica)} ${plural(valid, boPovabljena)}; ${counted(pending, vrstica)} z obstoječim povabilom; ${counted(refused, vrstica)} z napako.`,
      summaryCaption: 'Vrstice po izidu',
      outcome: 'Izid',
      rowsCount: 'Vrstic',
      show: 'Prikaži',
      showAll: 'vse vrstice',
      showProblems: 'samo vrstice z napako',
      showPending: 'samo vrstice z obstoječim povabilom',
      showValid: 'samo vrstice, ki bodo povabljene',
      tableCaption: (shown: number, total: number) => `Vrstice datoteke (prikazanih ${shown} od ${total})`,
      line: 'Vrstica',
      code: 'Šifra',
      organisation: 'Organizacija',
      email: 'E-naslov',
      name: 'Ime',
      role: 'Vloga',
      status: 'Izid',
      willInvite: 'bo povabljen',
      formulaNote: 'začne se z =, +, - ali @; prikazano kot besedilo',
      replaceRow: (line: number) => `Nadomesti obstoječe povabilo (vrstica ${line})`,
      replaceAll: 'Nadomesti obstoječa povabila v vseh takih vrsticah',
      replaceShort: 'nadomesti obstoječe povabilo',
      replaceCapped: (shown: number, total: number) => `Posamezno lahko izberete prvih ${shown} od ${total} vrstic z obstoječim povabilom; ostale le vse hkrati.`,
      sendTitle: 'Pošiljanje',
      sendLead: (n: number) =>
        n === 0
          ? 'Nobena vrstica ne bo povabljena. Popravite datoteko in jo naložite znova.'
          : `Poslali boste ${counted(n, povabilo)} (in nadomestna povabila, ki jih izberete zgoraj). Vse se shrani naenkrat: če se med predogledom in pošiljanjem kaj spremeni (nekdo na primer medtem ustvari račun), se ne pošlje nobeno povabilo.`,
      send: 'Pošlji povabila',
      again: 'Naloži drugo datoteko',
      uploadTitle: 'Naloži datoteko',
      sent: (n: number, date: string) => nb(`Povabila so poslana (${date}): ${counted(n, povabilo)}. Sporočila odhajajo prek čakalne vrste pošte.`),
      expiredImport: 'Predogled je potekel ali ga ni. Datoteko naložite znova.',
      changed: (lines: string) => `Nobeno povabilo ni bilo poslano: od predogleda so se spremenile vrstice ${lines}. Datoteko naložite znova za nov predogled.`,
      problems: {
        columns: 'vrstica nima štirih stolpcev',
        email: 'neveljaven e-naslov',
        name: 'manjka ime ali je predolgo (največ 120 znakov)',
        role: 'neznana vloga',
        organisation: 'neznana šifra organizacije',
        roleKind: 'te vloge ni mogoče dodeliti v organizaciji te vrste',
        duplicate: 'e-naslov se v datoteki ponovi',
        account: 'oseba s tem e-naslovom že ima račun',
        pending: (role: string, date: string) => nb(`za naslov že obstaja povabilo (vloga ${role}, poslano ${date})`),
      },
      errors: {
        file: 'Izberite datoteko CSV.',
        empty: 'Datoteka je prazna.',
        utf16: 'Datoteka je shranjena v kodiranju UTF-16. Shranite jo kot „CSV UTF-8“ in jo naložite znova.',
        noRows: 'V datoteki ni nobene vrstice s podatki pod vrstico z imeni stolpcev.',
        tooMany: (max: number) => `Datoteka ima preveč vrstic: največ ${max.toLocaleString('sl-SI')} naenkrat. Razdelite jo na več datotek.`,
        tooLarge: 'Datoteka je prevelika (največ 1 MB).',
      },
    },
    reminders: {
      title: 'Opomniki pred iztekom roka',
      lead: (days: number) =>
        `Organizacija, ki v posvetovanje še ni oddala nobene pripombe, ${days} ${days === 1 ? 'dan' : days === 2 ? 'dneva' : days < 5 ? 'dneve' : 'dni'} pred iztekom roka prejme en opomnik (skrbnikom organizacije; če ga nima, vsem članom).`,
      optOut: 'Naša organizacija ne želi opomnikov pred iztekom roka',
      save: 'Shrani',
      off: 'Opomniki so izklopljeni.',
      on: 'Opomniki so vklopljeni.',
      disabled: 'Opomniki so na portalu izklopljeni.',
      mail: {
        subject: (consultation: string) => `Opomnik: rok za pripombe – ${consultation}`,
        body: (organisation: string, consultation: string, lastDay: string, link: string) =>
          letter([
            nb(`organizacija ${organisation} v javno posvetovanje „${consultation}“ še ni oddala nobene pripombe. Rok za pripombe se izteče ${lastDay}.`),
            '',
            'Osnutek in obrazec za pripombe:',
            link,
            '',
            'To je edini opomnik za to posvetovanje. Skrbnik organizacije lahko opomnike izklopi na strani organizacije na portalu Posvet.',
          ]),
      },
    },
    subscriptions: {
      title: 'Obvestila po e-pošti',
      lead: 'Prejmite sporočilo, ko je objavljena nova različica osnutka ali poročilo o posvetovanju. Naročilo potrdite s povezavo, ki jo prejmete po e-pošti; prej vam ne pošljemo ničesar. Vsako obvestilo ima povezavo za odjavo.',
      email: 'E-naslov',
      consultation: 'Posvetovanje',
      topics: 'Obvestite me, ko',
      topicLabels: { version: 'je objavljena nova različica osnutka', report: 'je objavljeno poročilo o posvetovanju' } as Record<'version' | 'report', string>,
      topicNames: { version: 'nova različica osnutka', report: 'objava poročila' } as Record<'version' | 'report', string>,
      submit: 'Naroči se',
      privacy: 'E-naslov uporabimo le za ta obvestila in ga izbrišemo ob odjavi.',
      requested: (email: string) => `Če naslov ${email} lahko prejema obvestila, smo nanj poslali sporočilo s povezavo za potrditev. Naročilo velja, ko ga potrdite (povezava velja 7 dni).`,
      throttled: 'Z vašega naslova je bilo v kratkem času poslanih preveč naročil. Poskusite znova čez eno uro.',
      errors: {
        topics: 'Izberite vsaj eno obvestilo.',
        consultation: 'Izberite posvetovanje.',
      },
      confirmTitle: 'Potrditev naročila',
      confirmLead: (email: string, consultation: string) => `Potrdite naročilo obvestil za ${email} o posvetovanju „${consultation}“.`,
      confirm: 'Potrdi naročilo',
      confirmed: (consultation: string) => `Naročilo je potrjeno. Obvestila o posvetovanju „${consultation}“ boste prejemali na ta naslov.`,
      invalidLink: 'Povezava ne velja več (potekla je ali je bila že uporabljena). Naročite se znova.',
      unsubscribeNow: 'Odjava od teh obvestil',
      unsubscribeTitle: 'Odjava od obvestil',
      unsubscribeLead: (email: string, consultation: string) => `Odjavite ${email} od obvestil o posvetovanju „${consultation}“?`,
      unsubscribe: 'Odjavi me',
      unsubscribed: 'Odjavljeni ste. Ne bomo vam več pošiljali obvestil o tem posvetovanju.',
      confirmMail: {
        subject: (consultation: string) => `Potrdite naročilo obvestil – ${consultation}`,
        body: (consultation: string, topics: string, link: string) =>
          letter([
            `za ta e-naslov je bilo na portalu Posvet zahtevano naročilo obvestil o javnem posvetovanju „${consultation}“: ${topics}.`,
            '',
            'Naročilo potrdite na tej povezavi (velja 7 dni):',
            link,
            '',
            'Če naročila niste zahtevali vi, sporočilo prezrite; brez potrditve vam ne bomo pošiljali ničesar.',
          ]),
      },
      versionMail: {
        subject: (consultation: string, label: string) => `Nova različica osnutka: ${label} – ${consultation}`,
        body: (consultation: string, label: string, link: string, unsubscribe: string) =>
          letter([`v javnem posvetovanju „${consultation}“ je objavljena nova različica osnutka: ${label}.`, '', link, '', 'Odjava od teh obvestil:', unsubscribe]),
      },
      reportMail: {
        subject: (consultation: string) => `Objavljeno poročilo o posvetovanju – ${consultation}`,
        body: (consultation: string, label: string, link: string, unsubscribe: string) =>
          letter([`objavljeno je poročilo o javnem posvetovanju „${consultation}“ (${label}).`, '', link, '', 'Odjava od teh obvestil:', unsubscribe]),
      },
      reportLabel: (n: number) => `${n}. različica poročila`,
    },
  },
} as const;
