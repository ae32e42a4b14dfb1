/**
 * The audit log as people read it (/admin/dnevnik, its CSV, a comment's history on its moderation
 * page): every recorded action's name, the names of the fields a change touched and the words for
 * their values. An action missing here is shown by its code (src/lib/audit-text.ts).
 */
import { nb } from './shared.ts';
import { stances } from './stances.ts';

export const audit = {
  auditLog: {
    /** Every action recorded anywhere, by area (the areas group the filter's choices). */
    groups: [
      {
        label: 'Pripombe',
        actions: {
          'comment.submitted': 'oddaja pripombe',
          'comment.recorded': 'vnos prejete pripombe',
          'comment.withdrawn': 'umik pripombe',
          'comment.supported': 'podpora pripombi',
          'comment.support_withdrawn': 'umik podpore pripombi',
          'joint.confirmed': 'potrditev skupnega stališča',
          'joint.declined': 'zavrnitev skupnega stališča',
          'comment.status_changed': 'sprememba stanja obravnave',
          'comment.assigned': 'dodelitev moderatorju',
          'comment.tagged': 'dodana oznaka',
          'comment.tags_set': 'sprememba oznak',
          'comment.note_added': 'interna opomba',
          'comment.hidden': 'skritje pripombe',
          'comment.shown': 'ponovna objava pripombe',
          'comment.unhidden': 'ponovna objava pripombe',
        },
      },
      {
        label: 'Stališča',
        actions: {
          'stance.drafted': 'predlog stališča',
          'stance.returned': 'stališče vrnjeno v dopolnitev',
          'stance.approved': 'odobritev stališča',
          'stance.published': 'objava stališča',
          'comment.decided': 'sprejeto stališče (pred uvedbo odobritve)',
        },
      },
      {
        label: 'Predloge odgovorov',
        actions: {
          'template.created': 'nova predloga odgovora',
          'template.updated': 'sprememba predloge odgovora',
          'template.deleted': 'izbris predloge odgovora',
        },
      },
      {
        label: 'Računi in prijava',
        actions: {
          'invitation.created': 'poslano povabilo',
          'invitation.accepted': 'sprejeto povabilo (nov račun)',
          'invitation.revoked': 'preklicano povabilo',
          'user.role_changed': 'sprememba vloge',
          'user.disabled': 'onemogočen račun',
          'user.enabled': 'ponovno omogočen račun',
          'user.name_changed': 'sprememba imena',
          'password.changed': 'sprememba gesla',
          'password.reset_requested': 'zahteva za novo geslo',
          'password.reset': 'nastavitev novega gesla',
          'login.succeeded': 'prijava',
          'login.failed': 'neuspešna prijava',
          'login.two_factor_succeeded': 'prijava z drugim korakom',
          logout: 'odjava',
          'sessions.ended_others': 'odjava na drugih napravah',
          'personal_data.exported': 'prenos osebnih podatkov',
        },
      },
      {
        label: 'Dvostopenjska prijava',
        actions: {
          'two_factor.enabled': 'vklop dvostopenjske prijave',
          'two_factor.disabled': 'izklop dvostopenjske prijave',
          'two_factor.reset': 'ponastavitev dvostopenjske prijave',
          'two_factor.challenged': 'zahtevana koda drugega koraka',
          'two_factor.failed': 'napačna koda drugega koraka',
          'two_factor.pending_login_voided': 'prijava zaustavljena po napačnih kodah',
          'two_factor.recovery_code_used': 'uporabljena obnovitvena koda',
          'two_factor.recovery_codes_renewed': 'nove obnovitvene kode',
        },
      },
      {
        label: 'Organizacije',
        actions: {
          'association.member_added': 'nova članica združenja',
          'association.member_removed': 'odstranjena članica združenja',
        },
      },
      {
        label: 'Posvetovanja',
        actions: {
          'consultation.create': 'novo posvetovanje',
          'consultation.update': 'sprememba podatkov posvetovanja',
          'consultation.status': 'sprememba stanja posvetovanja',
          'consultation.archive': 'arhiviranje posvetovanja',
          'consultation.unarchive': 'vrnitev posvetovanja iz arhiva',
          'consultation.moderator.assign': 'dodeljen moderator posvetovanja',
          'consultation.moderator.unassign': 'odvzet moderator posvetovanja',
          'report.published': 'objava poročila o upoštevanju pripomb',
        },
      },
    ] as ReadonlyArray<{ label: string; actions: Record<string, string> }>,
    /** The group of actions recorded but named nowhere above. */
    otherGroup: 'Drugo',
    /** Names of the fields a change touches. */
    fields: {
      status: 'Stanje',
      state: 'Stanje',
      stance: 'Stališče',
      decision: 'Stališče',
      response: 'Obrazložitev',
      reason: 'Razlog',
      reviewNote: 'Opomba pregledovalca',
      review_note: 'Opomba pregledovalca',
      note: 'Opomba',
      noteId: 'Opomba',
      hidden: 'Skrita',
      assignee: 'Dodeljena',
      tag: 'Oznaka',
      tags: 'Oznake',
      organisationId: 'Organizacija',
      organisation: 'Organizacija',
      owner_organisation_id: 'Lastnik',
      receivedVia: 'Prejeta prek',
      receivedOn: 'Prejeta dne',
      late: 'Prejeta po roku',
      jointMembers: 'Imenovane občine',
      role: 'Vloga',
      email: 'E-naslov',
      name: 'Ime',
      member: 'Članica',
      userId: 'Oseba',
      during: 'Pri',
      kind: 'Vrsta kode',
      slug: 'Kratko ime',
      title: 'Naslov',
      short_title: 'Kratki naslov',
      case_number: 'Številka zadeve',
      number: 'Verzija poročila',
      documentNumber: 'Številka dokumenta',
      documentDate: 'Datum dokumenta',
      comments: 'Pripombe v poročilu',
      description: 'Opis',
      invited: 'Vabljeni',
      archivedAt: 'Arhivirano',
      source: 'Vir',
      revision: 'Različica',
      chapter: 'Poglavje',
      chapterSlug: 'Poglavje',
      body: 'Besedilo',
      count: 'Število',
    } as Record<string, string>,
    /** Words for the values of fields that are codes. */
    values: {
      yes: 'da',
      no: 'ne',
      none: '–',
      nobody: 'nihče',
      stanceStates: stances.stances.states,
      during: { setup: 'vklopu', login: 'prijavi', disable: 'izklopu', renew_recovery_codes: 'novih obnovitvenih kodah' } as Record<string, string>,
      codeKinds: { totp: 'koda iz aplikacije', recovery: 'obnovitvena koda' } as Record<string, string>,
      codeReasons: { wrong: 'napačna', reused: 'že uporabljena' } as Record<string, string>,
      sources: { content: 'mapa content/' } as Record<string, string>,
      allChapters: 'vsa poglavja',
    },
    /** One field's change: „prej → potem“, or only what it became or what it was. */
    changed: (label: string, before: string, after: string) => `${label}: ${before} → ${after}`,
    set: (label: string, value: string) => `${label}: ${value}`,
    removed: (label: string, value: string) => `${label}: ${value} → –`,
    /** A long text's opening in the row; the whole text opens below it. */
    showAll: 'Celotno besedilo',
    before: 'Prej',
    after: 'Potem',
    /** How a target is named in the log. */
    targets: {
      comment: (id: string) => `pripomba št. ${id}`,
      user: (name: string) => `oseba ${name}`,
      organisation: (name: string) => `organizacija ${name}`,
      consultation: (title: string) => `posvetovanje ${title}`,
      invitation: (email: string) => `povabilo za ${email}`,
      template: (name: string) => `predloga ${name}`,
      other: (type: string, id: string) => `${type} ${id}`,
    },
    /** The page's filters (besides the days of t.audit). */
    filters: {
      who: 'Kdo (e-naslov ali ime)',
      what: 'Dejanje',
      target: 'Pripomba (številka)',
      targetInvalid: 'Vpišite številko pripombe, na primer 12.',
      allActions: 'vsa dejanja',
      apply: 'Filtriraj',
      clear: 'Počisti filtre',
    },
    csv: {
      link: 'Prenesi dnevnik (CSV)',
      linkHint: 'Z enakimi filtri; ločilo je podpičje, časi so po ljubljanskem času.',
      headers: ['Št. vpisa', 'Čas', 'Dejanje', 'Koda dejanja', 'Kdo', 'E-naslov', 'Predmet', 'Sprememba', 'Naslov IP'],
      fileName: (day: string) => `posvet-dnevnik-${day}.csv`,
    },
    /** A comment's history on its moderation page. */
    history: {
      title: 'Zgodovina',
      empty: 'Ni zabeleženih dejanj.',
      by: (who: string, when: string) => `${who}, ${when}`,
      system: 'sistem',
    },
    /** The moderation page of a comment the organisation withdrew. */
    withdrawn: {
      notice: (date: string, time: string) => nb(`Organizacija je pripombo umaknila ${date} ob ${time}.`),
      reason: (reason: string) => `Razlog: ${reason}`,
      noReason: 'Razloga ni navedla.',
      readOnly: 'Umaknjene pripombe ni mogoče obravnavati; stran je samo za branje.',
      tag: 'umaknjena',
      tags: (list: string) => `Oznake: ${list}`,
      assignee: (name: string) => `Dodeljena: ${name}`,
      visibility: 'Organizacija je pripombo umaknila; njena stalna povezava to navaja.',
    },
    /** The text the comment was written on beside the paragraph's text now. */
    quote: {
      title: 'Besedilo, na katero se pripomba nanaša',
      written: (version: string, block: string) => `Ob oddaji (${version}, odstavek ${block})`,
      current: (version: string, block: string) => `Zdaj (${version}, odstavek ${block})`,
      currentRemoved: (version: string) => `Zdaj (${version})`,
      status: {
        unchanged: 'Odstavek je v aktualnem osnutku nespremenjen.',
        changed: 'Odstavek je bil v aktualnem osnutku spremenjen; spremembe glede na besedilo ob oddaji so označene.',
        removed: 'Odstavka v aktualnem osnutku ni več.',
      } as Record<'unchanged' | 'changed' | 'removed', string>,
    },
  },
} as const;
