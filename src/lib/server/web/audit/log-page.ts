import { actionOptions } from '../../../audit-text.ts';
import { routes } from '../../../routes.ts';
import { isoDateToLocal, parseDate } from '../../../time.ts';
import { auditActions, listAudit, type AuditFilter, type AuditPage } from '../../platform/audit.ts';
import { getDb } from '../../platform/db.ts';
import type { Dictionary } from '../../../../i18n/index.ts';

/**
 * /admin/dnevnik and its CSV: the filters read from the address (the same for both), the page of
 * entries and what the form shows back. Days are typed as people write them ("3. 2. 2027") and
 * mean Ljubljana calendar days; a comment is named by its number ("12", "št. 12", "#12").
 */

export interface AuditQuery {
  filter: AuditFilter;
  /** What the form shows back: what was typed, or the parsed value as people write it. */
  shown: { action: string; who: string; from: string; to: string; target: string };
  errors: { from?: string; to?: string; target?: string };
}

const COMMENT_NUMBER = /^(?:št\.?\s*|#)?(\d{1,9})$/i;

export function readAuditQuery(params: URLSearchParams, recorded: readonly string[], t: Dictionary): AuditQuery {
  const text = (name: string, max: number) => (params.get(name) ?? '').trim().slice(0, max);
  const typed = { action: text('dejanje', 100), who: text('izvajalec', 254), from: text('od', 40), to: text('do', 40), target: text('pripomba', 40) };
  const known = new Set([...actionOptions(t, recorded).flatMap((g) => g.options.map((o) => o.value))]);
  const action = known.has(typed.action) ? typed.action : undefined;
  const from = typed.from ? parseDate(typed.from) : undefined;
  const to = typed.to ? parseDate(typed.to) : undefined;
  const number = COMMENT_NUMBER.exec(typed.target)?.[1];
  const page = /^\d{1,6}$/.test(params.get('stran') ?? '') ? Number(params.get('stran')) : 1;
  return {
    filter: { action, who: typed.who || undefined, from, to, commentId: number ? Number(number) : undefined, page },
    shown: { action: action ?? '', who: typed.who, from: from ? isoDateToLocal(from) : typed.from, to: to ? isoDateToLocal(to) : typed.to, target: number ?? typed.target },
    errors: {
      from: typed.from && !from ? t.audit.dateInvalid : undefined,
      to: typed.to && !to ? t.audit.dateInvalid : undefined,
      target: typed.target && !number ? t.auditLog.filters.targetInvalid : undefined,
    },
  };
}

/** The filters as the address's parameters (for the page links and the CSV link). */
export function auditParams(query: AuditQuery): Record<string, string | undefined> {
  const f = query.filter;
  return { dejanje: f.action, izvajalec: f.who, od: f.from, do: f.to, pripomba: f.commentId === undefined ? undefined : String(f.commentId) };
}

export interface AuditLogView {
  log: AuditPage;
  query: AuditQuery;
  actions: ReturnType<typeof actionOptions>;
  pageLink: (page: number) => string;
  csvLink: string;
}

export async function auditLogPage(url: URL, t: Dictionary): Promise<AuditLogView> {
  const db = getDb();
  const recorded = await auditActions(db);
  const query = readAuditQuery(url.searchParams, recorded, t);
  const log = await listAudit(db, query.filter);
  const params = auditParams(query);
  return {
    log,
    query,
    actions: actionOptions(t, recorded),
    pageLink: (page) => routes.adminAudit({ ...params, stran: page }),
    csvLink: routes.adminAuditCsv(params),
  };
}

/** The CSV's filters: those of the page (a typo in one of them leaves that one out, as on the page). */
export async function auditCsvFilter(url: URL, t: Dictionary): Promise<AuditFilter> {
  const { filter } = readAuditQuery(url.searchParams, await auditActions(getDb()), t);
  return { ...filter, page: undefined };
}
