/**
 * Every address the portal builds, in one place: pages, forms and mails link through these, never
 * by typing a path. The page files under src/pages/ are the other side of each route.
 */

const enc = encodeURIComponent;

/** `?name=value&…` for the given parameters (empty and undefined ones left out), or ''. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(name, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const routes = {
  home: '/',
  accessibility: '/dostopnost',
  privacy: '/zasebnost',

  // Consultations and their texts. `c` is the consultation's slug ("ds2030").
  /** A consultation's own page: what it is about, its window, the chapters of its current draft. */
  consultation: (c: string) => `/posvetovanja/${enc(c)}`,
  /** The list of consultations on the home page. */
  consultationList: '/#posvetovanja',
  /** A chapter; with `paragraph` ("odstavek-3-14") the page opens that paragraph's comments in place. */
  chapter: (c: string, slug: string, paragraph?: string) =>
    `/posvetovanja/${enc(c)}/osnutek/${enc(slug)}${paragraph ? `${query({ odstavek: paragraph })}#${paragraph}` : ''}`,
  /** A paragraph's place in its chapter (fragment only). */
  paragraphInChapter: (c: string, slug: string, anchor: string) => `/posvetovanja/${enc(c)}/osnutek/${enc(slug)}#${anchor}`,
  /** A paragraph's own page with all its comments. */
  block: (c: string, slug: string, position: number | string, page?: number) =>
    `/posvetovanja/${enc(c)}/osnutek/${enc(slug)}/${position}${page && page > 1 ? query({ stran: page }) : ''}`,
  chapterComment: (c: string, slug: string) => `/posvetovanja/${enc(c)}/osnutek/${enc(slug)}/pripomba`,
  /** The list of the current draft's chapters on the consultation's page. */
  chapterList: (c: string) => `/posvetovanja/${enc(c)}#poglavja`,
  /** Where every address of a consultation starts (the navigation marks "Posvetovanja" under it). */
  consultationsPrefix: '/posvetovanja',
  versions: (c: string) => `/posvetovanja/${enc(c)}/verzije`,
  version: (c: string, id: string) => `/posvetovanja/${enc(c)}/verzije/${enc(id)}`,
  /** A chapter of an older version, read-only. */
  versionChapter: (c: string, id: string, slug: string) => `/posvetovanja/${enc(c)}/verzije/${enc(id)}/${enc(slug)}`,
  /** A version compared with another; with `chapterSlug`, at that chapter's changes. */
  versionDiff: (c: string, from: string, to: string, chapterSlug?: string) =>
    `/posvetovanja/${enc(c)}/verzije/${enc(from)}/${enc(to)}${chapterSlug ? `#poglavje-${chapterSlug}` : ''}`,
  report: (c: string) => `/posvetovanja/${enc(c)}/porocilo`,
  /** The latest published version's downloads (a redirect to them; 404 before the first one). */
  reportCsv: (c: string) => `/posvetovanja/${enc(c)}/porocilo.csv`,
  reportXlsx: (c: string) => `/posvetovanja/${enc(c)}/porocilo.xlsx`,

  // The report as a published document (issue 14)
  /** A published version: its first page (header, introduction, contents). */
  reportVersion: (c: string, n: number) => `/posvetovanja/${enc(c)}/porocilo/${n}`,
  /**
   * A part of a published version: a chapter (its slug), `osnutek` (the draft as a whole), `pozne`
   * (late comments), `udelezenci` (the annex of participants); `page` from 2 on.
   */
  reportPart: (c: string, n: number, part: string, page?: number) => `/posvetovanja/${enc(c)}/porocilo/${n}/${enc(part)}${page && page > 1 ? query({ stran: page }) : ''}`,
  /** A published version's download in a format (pdf, docx, xlsx, csv). */
  reportFile: (c: string, n: number, format: string) => `/posvetovanja/${enc(c)}/porocilo/${n}/prenos/${enc(format)}`,
  /** The moderators' preview of the live data (not published), and its parts. */
  reportPreview: (c: string) => `/posvetovanja/${enc(c)}/porocilo/predogled`,
  reportPreviewPart: (c: string, part: string, page?: number) => `/posvetovanja/${enc(c)}/porocilo/predogled/${enc(part)}${page && page > 1 ? query({ stran: page }) : ''}`,
  /** The administrators' page that publishes a version of the report and lists every one. */
  adminReport: (c: string) => `/admin/posvetovanja/${enc(c)}/porocilo`,

  // Open data as a publication (issue 14)
  openDataPage: '/odprti-podatki',
  openApi: '/api/v1/openapi.json',
  /** The whole open data as one streamed file: JSON Lines or CSV. */
  openDataExport: (format: 'jsonl' | 'csv', consultation?: string) => `/api/v1/comments/export.${format}${consultation ? query({ consultation }) : ''}`,

  // Comments
  comment: (id: number | string) => `/pripombe/${id}`,
  commentEdit: (id: number | string) => `/pripombe/${id}/uredi`,
  // The record of a comment (issue 13: withdrawal, receipt, one comment's open data)
  /** The organisation confirms withdrawing its comment (with an optional reason). */
  commentWithdraw: (id: number | string) => `/pripombe/${id}/umik`,
  /** The printable potrdilo o prejemu. */
  commentReceipt: (id: number | string) => `/pripombe/${id}/potrdilo`,
  /** One public comment as open data (JSON). */
  commentJson: (id: number | string) => `/api/v1/comments/${id}`,
  /** The open data; with `consultation`, that consultation's comments only. */
  openData: (consultation?: string) => `/api/v1/comments${consultation ? query({ consultation }) : ''}`,

  // Accounts
  signIn: (returnTo?: string) => `/prijava${returnTo ? query({ vrnitev: returnTo }) : ''}`,
  signInCode: '/prijava/koda',
  signOut: '/odjava',
  forgotPassword: '/pozabljeno-geslo',
  resetPassword: (token: string) => `/ponastavi-geslo/${enc(token)}`,
  invitation: (token: string) => `/povabilo/${enc(token)}`,
  account: '/moj-racun',
  accountData: '/moj-racun/podatki.json',
  twoFactorSetup: (returnTo?: string) => `/moj-racun/dvostopenjska-prijava${returnTo ? query({ vrnitev: returnTo }) : ''}`,

  // An organisation's own pages
  organisation: '/organizacija',
  organisationComments: '/organizacija/pripombe',
  /** A page of the organisation's record (from 2 on; the first is organisationComments). */
  organisationCommentsPage: (page: number) => `/organizacija/pripombe${page > 1 ? query({ stran: page }) : ''}`,

  // Moderation
  moderation: (filter?: Record<string, string | number | undefined>) => `/moderacija${filter ? query(filter) : ''}`,
  moderationComment: (id: number | string, params?: Record<string, string | number | undefined>) => `/moderacija/pripombe/${id}${params ? query(params) : ''}`,
  moderationNew: '/moderacija/nova',
  moderationStatistics: '/moderacija/statistika',

  // Stances (issue 13, helper C1): the administrators' page that publishes approved stances.
  /** `posvetovanje`, and `objavi` (vse | poglavje | osnutek) with `poglavje` for the confirmation; `objavljeno` after publishing. */
  moderationPublish: (params?: Record<string, string | number | undefined>) => `/moderacija/objava${params ? query(params) : ''}`,
  // Answer templates (issue 13, helper C2): the moderators' page of a consultation's templates.
  /** With `posvetovanje` the consultation; `uredi`/`izbrisi` open a template's edit form or delete confirmation. */
  moderationTemplates: (params?: Record<string, string | number | undefined>) => `/moderacija/predloge${params ? query(params) : ''}`,

  // Moderation at national scale (issue 15).
  /** Near-duplicate groups of a consultation (`posvetovanje`), and one group with its comments. */
  moderationGroups: (params?: Record<string, string | number | undefined>) => `/moderacija/skupine${params ? query(params) : ''}`,
  moderationGroup: (id: number | string, params?: Record<string, string | number | undefined>) => `/moderacija/skupine/${id}${params ? query(params) : ''}`,
  /** Suggested and accepted themes of a consultation (`posvetovanje`, `poglavje`), and one theme with its comments. */
  moderationThemes: (params?: Record<string, string | number | undefined>) => `/moderacija/teme${params ? query(params) : ''}`,
  moderationTheme: (id: number | string, params?: Record<string, string | number | undefined>) => `/moderacija/teme/${id}${params ? query(params) : ''}`,
  /** The public search of a consultation's published comments and its strategy text (`q`, `stran`). */
  search: (c: string, params?: Record<string, string | number | undefined>) => `/posvetovanja/${enc(c)}/iskanje${params ? query(params) : ''}`,

  // Transparency and participation (issue 16). Each block belongs to one helper until it lands.
  /** Every published comment, filtered (`posvetovanje`, `organizacija`, `vrsta`, `poglavje`, `odstavek`, `stalisce`, …), sorted and paged. */
  publicComments: (params?: Record<string, string | number | undefined>) => `/pripombe${params ? query(params) : ''}`,
  /** The participating organisations, and one organisation's page with its comments, co-signatures and joint positions. */
  organisations: (params?: Record<string, string | number | undefined>) => `/organizacije${params ? query(params) : ''}`,
  organisationPage: (slug: string, params?: Record<string, string | number | undefined>) => `/organizacije/${enc(slug)}${params ? query(params) : ''}`,
  /** Who took part: the municipalities by association, region and size, the map, submissions over time (`posvetovanje`). */
  participation: (params?: Record<string, string | number | undefined>) => `/udelezba${params ? query(params) : ''}`,
  /** An attachment's download (its name in the address is only for the person saving it). */
  attachment: (id: number | string, name: string) => `/priloge/${id}/${enc(name)}`,
  /** A comment's attachments: the upload (multipart POST) and removal form, for its organisation and moderators. */
  commentAttachments: (id: number | string) => `/pripombe/${id}/priloge`,
  /** The Atom feed of a chapter's published comments and stances. */
  chapterFeed: (c: string, slug: string) => `/posvetovanja/${enc(c)}/osnutek/${enc(slug)}/novosti.atom`,
  /** Subscriptions by e-mail to a consultation's new draft versions and published report: the form, confirmation, one-click unsubscribe. */
  subscribe: (params?: Record<string, string | number | undefined>) => `/obvestila${params ? query(params) : ''}`,
  subscriptionConfirm: (token: string) => `/obvestila/potrditev/${enc(token)}`,
  unsubscribe: (token: string) => `/obvestila/odjava/${enc(token)}`,
  /** An administrator's import of invitations from a CSV file: upload, preview, send. */
  adminInvitationImport: '/admin/uvoz-povabil',

  // Administration
  admin: '/admin',
  adminOrganisations: '/admin/organizacije',
  adminOrganisation: (slug: string) => `/admin/organizacije/${enc(slug)}`,
  adminAudit: (params?: Record<string, string | number | undefined>) => `/admin/dnevnik${params ? query(params) : ''}`,
  adminTwoFactor: '/admin/dvostopenjska-prijava',
  // The audit log (issue 13: readable record and CSV export)
  /** The audit log as CSV, with the page's filters. */
  adminAuditCsv: (params?: Record<string, string | number | undefined>) => `/admin/dnevnik.csv${params ? query(params) : ''}`,
  adminConsultations: '/admin/posvetovanja',
  adminConsultation: (c: string) => `/admin/posvetovanja/${enc(c)}`,
} as const;

/** A route as an absolute address under PUBLIC_URL, for mails and feeds. */
export function absolute(publicUrl: string, path: string): string {
  return new URL(path, publicUrl).href;
}

/** The first version's addresses (/osnutek/…, /verzije/…, /porocilo…), which went out in mails and minutes. */
const LEGACY = /^\/(?:osnutek|verzije)(?:\/|$)|^\/porocilo(?:\.csv|\.xlsx)?$/;

/**
 * Where an address of the first version now lives — the same page of the given consultation (the
 * first one, DS2030) — or undefined for any other address. Query and fragment are kept by the caller.
 */
export function legacyTarget(pathname: string, consultation: string): string | undefined {
  if (!LEGACY.test(pathname)) return undefined;
  return `/posvetovanja/${enc(consultation)}${pathname}`;
}
