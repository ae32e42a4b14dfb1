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

  // The strategy text
  /** A chapter; with `paragraph` ("odstavek-3-14") the page opens that paragraph's comments in place. */
  chapter: (slug: string, paragraph?: string) => `/osnutek/${enc(slug)}${paragraph ? `${query({ odstavek: paragraph })}#${paragraph}` : ''}`,
  /** A paragraph's place in its chapter (fragment only). */
  paragraphInChapter: (slug: string, anchor: string) => `/osnutek/${enc(slug)}#${anchor}`,
  /** A paragraph's own page with all its comments. */
  block: (slug: string, position: number | string, page?: number) => `/osnutek/${enc(slug)}/${position}${page && page > 1 ? query({ stran: page }) : ''}`,
  chapterComment: (slug: string) => `/osnutek/${enc(slug)}/pripomba`,
  /** The list of the current draft's chapters on the home page. */
  chapterList: '/#poglavja',
  /** Where every chapter's address starts (the navigation marks "Posvetovanje" under it). */
  chaptersPrefix: '/osnutek',
  versions: '/verzije',
  version: (id: string) => `/verzije/${enc(id)}`,
  /** A chapter of an older version, read-only. */
  versionChapter: (id: string, slug: string) => `/verzije/${enc(id)}/${enc(slug)}`,
  /** A version compared with another; with `chapterSlug`, at that chapter's changes. */
  versionDiff: (from: string, to: string, chapterSlug?: string) => `/verzije/${enc(from)}/${enc(to)}${chapterSlug ? `#poglavje-${chapterSlug}` : ''}`,

  // Comments
  comment: (id: number | string) => `/pripombe/${id}`,
  commentEdit: (id: number | string) => `/pripombe/${id}/uredi`,
  report: '/porocilo',
  reportCsv: '/porocilo.csv',
  reportXlsx: '/porocilo.xlsx',
  openData: '/api/v1/comments',

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

  // Moderation
  moderation: (filter?: Record<string, string | number | undefined>) => `/moderacija${filter ? query(filter) : ''}`,
  moderationComment: (id: number | string, params?: Record<string, string | number | undefined>) => `/moderacija/pripombe/${id}${params ? query(params) : ''}`,
  moderationNew: '/moderacija/nova',
  moderationStatistics: '/moderacija/statistika',

  // Administration
  admin: '/admin',
  adminOrganisations: '/admin/organizacije',
  adminOrganisation: (slug: string) => `/admin/organizacije/${enc(slug)}`,
  adminAudit: (params?: Record<string, string | number | undefined>) => `/admin/dnevnik${params ? query(params) : ''}`,
  adminTwoFactor: '/admin/dvostopenjska-prijava',
} as const;

/** A route as an absolute address under PUBLIC_URL, for mails and feeds. */
export function absolute(publicUrl: string, path: string): string {
  return new URL(path, publicUrl).href;
}
