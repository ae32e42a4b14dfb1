import { formatDate, type Message } from '../../../i18n/index.ts';
import type { ConsultationStatus } from '../../enums.ts';

/**
 * The consultation window — the one rule of when comments may be submitted, withdrawn, co-signed
 * and joint positions answered. Whatever is done with a comment, the window that rules is the one
 * of the version the comment was written on (its version_id), never that of the page it is posted
 * through. Pages show the same state (WindowNotice), so what they offer and what is accepted agree.
 */

export interface ConsultationWindow {
  /** The consultation the version belongs to (comments.consultation_id). */
  consultationId: number;
  versionId: string;
  /** The version's name for messages, e.g. "Osnutek 1". */
  label?: string;
  opensAt: Date;
  /** First instant after the window. */
  closesAt: Date;
  /** The last minute of the window, for messages. */
  lastDay: Date;
  /**
   * Where the consultation stands: only an open one takes comments; one in preparation has not
   * opened, and one the ministry closed takes nothing more, whatever its dates say.
   */
  consultationStatus: ConsultationStatus;
}

/**
 * The window of a consultation's version; undefined for a version that is not (or no longer) in
 * content/. Whether the consultation itself still takes comments is the caller's (its status).
 */
export type WindowLookup = (consultationId: number, versionId: string) => ConsultationWindow | undefined;

export type WindowState = 'not-open' | 'open' | 'closed';

/** What is done with a comment. Submitting needs an open window; the rest may happen until it closes. */
export type WindowAct = 'submit' | 'submit-draft' | 'withdraw' | 'support' | 'answer';

export function windowState(window: { opensAt: Date; closesAt: Date; consultationStatus?: ConsultationStatus }, now = new Date()): WindowState {
  if (window.consultationStatus === 'preparation') return 'not-open';
  if (window.consultationStatus === 'closed' || window.consultationStatus === 'report_published') return 'closed';
  if (now < window.opensAt) return 'not-open';
  return now < window.closesAt ? 'open' : 'closed';
}

/** Why the act is refused at this moment — or undefined when the window allows it. */
export function windowRefusal(window: ConsultationWindow | undefined, act: WindowAct, now = new Date()): Message | undefined {
  if (!window) return (t) => t.comments.errors.versionGone;
  if (window.consultationStatus === 'preparation') return (t) => t.comments.errors.consultationNotOpen;
  if (window.consultationStatus !== 'open') return (t) => t.comments.errors.consultationClosed;
  const state = windowState(window, now);
  if (state === 'open') return undefined;
  const lastDay = formatDate(window.lastDay);
  const opens = formatDate(window.opensAt);
  switch (act) {
    case 'submit':
      return state === 'not-open' ? (t) => t.comments.errors.notOpen(opens) : (t) => t.comments.errors.closed(lastDay);
    case 'submit-draft':
      return state === 'not-open' ? (t) => t.comments.errors.notOpen(opens) : (t) => t.comments.errors.draftClosed(window.label ?? window.versionId, lastDay);
    case 'withdraw':
      return state === 'closed' ? (t) => t.comments.errors.withdrawClosed(lastDay) : undefined;
    case 'support':
      return state === 'closed' ? (t) => t.comments.errors.supportClosed(lastDay) : undefined;
    case 'answer':
      return state === 'closed' ? (t) => t.comments.errors.jointClosed(lastDay) : undefined;
  }
}

/** A lookup over the given windows (content.ts builds one over every version). */
export function windowLookup(windows: readonly ConsultationWindow[]): WindowLookup {
  const byId = new Map(windows.map((w) => [`${w.consultationId}/${w.versionId}`, w]));
  return (consultationId, versionId) => byId.get(`${consultationId}/${versionId}`);
}
