/**
 * The audit log as text people read: an action's name, and what an entry changed — field by field,
 * in the reader's language, „prej → potem“ — instead of the codes and JSON the log stores. Pure:
 * it takes the dictionary and the names the entry's ids stand for (looked up by the read model,
 * see `referencedIds`), so the admin page, its CSV and a comment's history all say the same.
 */
import type { Dictionary } from '../i18n/index.ts';
import { formatDateTime } from '../i18n/format.ts';
import { routes } from './routes.ts';
import { isoDateToLocal } from './time.ts';

export interface AuditRecord {
  action: string;
  target_type: string | null;
  target_id: string | null;
  before_json: string | null;
  after_json: string | null;
}

/**
 * What the ids in entries stand for — the people, organisations, consultations, invitations and
 * templates they name or change — looked up once for a page of entries (platform/audit.ts).
 */
export interface AuditNames {
  users: ReadonlyMap<number, { name: string; organisationSlug: string | null }>;
  organisations: ReadonlyMap<number, { name: string; slug: string }>;
  consultations: ReadonlyMap<number, { title: string; slug: string }>;
  invitations: ReadonlyMap<number, { email: string; organisationSlug: string | null }>;
  templates: ReadonlyMap<number, { name: string }>;
}

export const NO_NAMES: AuditNames = { users: new Map(), organisations: new Map(), consultations: new Map(), invitations: new Map(), templates: new Map() };

/** One field an entry changed; `long`: too long to read in a row (the whole text is shown on request). */
export interface FieldChange {
  field: string;
  label: string;
  before?: string;
  after?: string;
  long: boolean;
}

/** Fields holding a person's id, and an organisation's. */
const USER_FIELDS = new Set(['assignee', 'userId', 'draftedBy', 'reviewedBy', 'publishedBy', 'drafted_by', 'reviewed_by', 'published_by']);
const ORGANISATION_FIELDS = new Set(['organisationId', 'owner_organisation_id', 'memberId']);
/** Fields that say nothing to a reader (internal ids of what the page shows anyway). */
const QUIET_FIELDS = new Set(['noteId', 'revision']);
/** Longer than this, or over several lines, a value is shortened in a row. */
export const SHORT_TEXT = 140;

/** Every action the dictionary names, by area. */
export function actionGroups(t: Dictionary): ReadonlyArray<{ label: string; actions: Readonly<Record<string, string>> }> {
  return t.auditLog.groups;
}

/** An action's name; an action the dictionary does not know is shown by its code. */
export function actionLabel(t: Dictionary, action: string): string {
  for (const group of t.auditLog.groups) if (Object.hasOwn(group.actions, action)) return group.actions[action];
  return action;
}

/**
 * The choices of the "what" filter: the dictionary's actions by area (each named once, even where
 * two codes share a name), then any other action the log holds under "Drugo".
 */
export function actionOptions(t: Dictionary, recorded: readonly string[] = []) {
  const known = new Set<string>();
  const groups = t.auditLog.groups.map((group) => ({
    label: group.label,
    options: Object.entries(group.actions).map(([value, label]) => {
      known.add(value);
      return { value, label };
    }),
  }));
  const other = recorded.filter((a) => !known.has(a)).map((value) => ({ value, label: value }));
  return other.length ? [...groups, { label: t.auditLog.otherGroup, options: other }] : groups;
}

function parse(json: string | null): unknown {
  if (json === null) return undefined;
  try {
    return JSON.parse(json);
  } catch {
    return json;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function lookup(map: Readonly<Record<string, string>>, value: string): string {
  return Object.hasOwn(map, value) ? map[value] : value;
}

/** One value in words: codes by the dictionary, ids by name, instants in Ljubljana time. */
export function formatValue(t: Dictionary, entry: Pick<AuditRecord, 'action' | 'target_type'>, field: string, value: unknown, names: AuditNames = NO_NAMES): string {
  const v = t.auditLog.values;
  if (value === null || value === undefined) return USER_FIELDS.has(field) ? v.nobody : v.none;
  if (typeof value === 'boolean') return value ? v.yes : v.no;
  if (Array.isArray(value)) return value.length ? value.map((x) => formatValue(t, entry, field, x, names)).join(', ') : v.none;
  if (isObject(value)) return Object.entries(value).map(([k, x]) => `${fieldLabel(t, k)}: ${formatValue(t, entry, k, x, names)}`).join(', ');
  if (USER_FIELDS.has(field) && typeof value === 'number') return names.users.get(value)?.name ?? `#${value}`;
  if (ORGANISATION_FIELDS.has(field) && typeof value === 'number') return names.organisations.get(value)?.name ?? `#${value}`;
  const text = String(value);
  const action = entry.action;
  switch (field) {
    case 'status':
      if (action.startsWith('consultation.')) return lookup(t.consultations.status, text);
      if (entry.target_type === 'user') return lookup(t.account.statuses, text);
      return lookup(t.comments.statuses, text);
    case 'stance':
    case 'decision':
      return lookup(t.comments.statuses, text);
    case 'state':
      if (action.startsWith('stance.') || (Object.hasOwn(v.stanceStates, text) && !Object.hasOwn(t.comments.states, text))) return lookup(v.stanceStates, text);
      return lookup(t.comments.states, text);
    case 'role':
      return lookup(t.account.roles, text);
    case 'reason':
      if (action === 'two_factor.failed') return lookup(v.codeReasons, text);
      if (action.startsWith('comment.hidden') || action === 'comment.shown' || action === 'comment.unhidden') return lookup(t.moderation.hideReasons, text);
      return text;
    case 'receivedVia':
      return lookup(t.moderation.receivedVia, text);
    case 'during':
      return lookup(v.during, text);
    case 'kind':
      return action.startsWith('two_factor.') ? lookup(v.codeKinds, text) : lookup(t.comments.kinds, text);
    case 'source':
      return lookup(v.sources, text);
    case 'late':
      return value ? v.yes : v.no;
  }
  if (DAY.test(text)) return isoDateToLocal(text);
  if (INSTANT.test(text)) return formatDateTime(new Date(text));
  return text;
}

export function fieldLabel(t: Dictionary, field: string): string {
  return Object.hasOwn(t.auditLog.fields, field) ? t.auditLog.fields[field] : field;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What an entry changed, field by field: both sides where the entry kept them, only the new value
 * where it kept no "before" (and the reverse). Unchanged fields and internal ids are left out.
 */
export function describeChanges(t: Dictionary, entry: AuditRecord, names: AuditNames = NO_NAMES): FieldChange[] {
  let before = parse(entry.before_json);
  let after = parse(entry.after_json);
  // A list (the tags) or a single value stands for one field.
  if (Array.isArray(before) || Array.isArray(after) || (!isObject(before) && before !== undefined && before !== null) || (!isObject(after) && after !== undefined && after !== null)) {
    const field = entry.action.includes('tag') ? 'tags' : 'value';
    before = before === undefined || before === null ? undefined : { [field]: before };
    after = after === undefined || after === null ? undefined : { [field]: after };
  }
  const b = isObject(before) ? before : undefined;
  const a = isObject(after) ? after : undefined;
  const fields = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])].filter((f) => !QUIET_FIELDS.has(f));
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const had = b !== undefined && Object.hasOwn(b, field) && b[field] !== undefined;
    const has = a !== undefined && Object.hasOwn(a, field) && a[field] !== undefined;
    if (had && has && same(b[field], a[field])) continue;
    const beforeText = had ? formatValue(t, entry, field, b[field], names) : undefined;
    const afterText = has ? formatValue(t, entry, field, a[field], names) : undefined;
    const long = [beforeText, afterText].some((x) => x !== undefined && (x.length > SHORT_TEXT || x.includes('\n')));
    // A stance's `status` is the stance itself (its `state` is where it stands).
    const label = field === 'status' && entry.action.startsWith('stance.') ? t.auditLog.fields.stance : fieldLabel(t, field);
    changes.push({ field, label, before: beforeText, after: afterText, long });
  }
  return changes;
}

/** A text's opening, at a word, with an ellipsis; the text itself when short. */
export function shorten(text: string, max = SHORT_TEXT): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')} …`;
}

/** One change as a line: „Stanje: nova → v obravnavi“. `full`: long texts whole (CSV), else shortened. */
export function changeLine(t: Dictionary, change: FieldChange, full = true): string {
  const text = (s: string) => (full ? s : shorten(s));
  if (change.before !== undefined && change.after !== undefined) return t.auditLog.changed(change.label, text(change.before), text(change.after));
  if (change.after !== undefined) return t.auditLog.set(change.label, text(change.after));
  return t.auditLog.removed(change.label, text(change.before ?? ''));
}

/** The whole change of an entry as one text (the CSV's cell): its lines joined by "; ". */
export function changeText(t: Dictionary, entry: AuditRecord, names: AuditNames = NO_NAMES): string {
  return describeChanges(t, entry, names)
    .map((c) => changeLine(t, c))
    .join('; ');
}

/** Target types as the log records them, and the lookup each is found in. */
const TARGET_KINDS = { user: 'users', organisation: 'organisations', consultation: 'consultations', invitation: 'invitations', template: 'templates', answer_template: 'templates' } as const;

export type AuditIds = { [K in keyof AuditNames]: Set<number> };

/** Every id the entries name (their targets, and people and organisations in their changes), to be looked up once for them all. */
export function referencedIds(entries: readonly AuditRecord[]): AuditIds {
  const ids: AuditIds = { users: new Set(), organisations: new Set(), consultations: new Set(), invitations: new Set(), templates: new Set() };
  const visit = (value: unknown) => {
    if (!isObject(value)) return;
    for (const [k, v] of Object.entries(value)) {
      if (typeof v !== 'number') continue;
      if (USER_FIELDS.has(k)) ids.users.add(v);
      if (ORGANISATION_FIELDS.has(k)) ids.organisations.add(v);
    }
  };
  for (const e of entries) {
    visit(parse(e.before_json));
    visit(parse(e.after_json));
    const kind = e.target_type && Object.hasOwn(TARGET_KINDS, e.target_type) ? TARGET_KINDS[e.target_type as keyof typeof TARGET_KINDS] : undefined;
    const id = Number(e.target_id);
    if (kind && Number.isSafeInteger(id)) ids[kind].add(id);
  }
  return ids;
}

/** What an entry is about, named, with a link to it where there is a page for it (routes only from routes.ts). */
export function auditTarget(t: Dictionary, entry: Pick<AuditRecord, 'target_type' | 'target_id'>, names: AuditNames = NO_NAMES): { text: string; href?: string } | undefined {
  const type = entry.target_type;
  const raw = entry.target_id;
  if (!type || raw === null) return undefined;
  const id = Number(raw);
  const n = t.auditLog.targets;
  switch (type) {
    case 'comment':
      return { text: n.comment(raw), href: routes.moderationComment(raw) };
    case 'user': {
      const user = names.users.get(id);
      return user ? { text: n.user(user.name), href: user.organisationSlug ? routes.adminOrganisation(user.organisationSlug) : undefined } : { text: n.other(type, raw) };
    }
    case 'organisation': {
      const org = names.organisations.get(id);
      return org ? { text: n.organisation(org.name), href: routes.adminOrganisation(org.slug) } : { text: n.other(type, raw) };
    }
    case 'consultation': {
      const c = names.consultations.get(id);
      return c ? { text: n.consultation(c.title), href: routes.adminConsultation(c.slug) } : { text: n.other(type, raw) };
    }
    case 'invitation': {
      const invitation = names.invitations.get(id);
      return invitation
        ? { text: n.invitation(invitation.email), href: invitation.organisationSlug ? routes.adminOrganisation(invitation.organisationSlug) : undefined }
        : { text: n.other(type, raw) };
    }
    case 'duplicate_group':
      return { text: n.duplicateGroup(raw), href: routes.moderationGroup(raw) };
    case 'template':
    case 'answer_template': {
      const template = names.templates.get(id);
      return { text: template ? n.template(template.name) : n.other(type, raw) };
    }
  }
  return { text: n.other(type, raw) };
}

/** An entry as people read it: its action's name, what it is about, what it changed. */
export function readableEntry<R extends AuditRecord>(t: Dictionary, entry: R, names: AuditNames = NO_NAMES) {
  return { ...entry, label: actionLabel(t, entry.action), target: auditTarget(t, entry, names), changes: describeChanges(t, entry, names) };
}
export type ReadableEntry<R extends AuditRecord = AuditRecord> = ReturnType<typeof readableEntry<R>>;
