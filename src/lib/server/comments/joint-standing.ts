import { collator, formatDate, type Dictionary } from '../../../i18n/index.ts';
import type { JointStatus } from '../../enums.ts';

/**
 * What a joint position says — the one rule, used by the public pages, the moderation page, the
 * report and the open data. Pure: no database, no clock of its own.
 *
 * While some named municipality has not answered and its deadline has not passed, the position is
 * being agreed (*v usklajevanju*). Afterwards it speaks only for those who confirmed; those who
 * declined and those who did not answer are listed apart.
 */

const DAY = 24 * 60 * 60 * 1000;

/**
 * Until when the named municipalities answer: `days` after the submission, but never after the
 * window of the comment's version closes (`closesAt` is the first instant after it).
 */
export function jointDeadline(submittedAt: Date, closesAt: Date, days: number): Date {
  const byDays = submittedAt.getTime() + days * DAY;
  return new Date(Math.min(byDays, closesAt.getTime()));
}

/**
 * The deadline a stored joint position has: its own, or — for one stored without it (before the
 * deadline existed, or demo data) — `days` after its submission, as the migration set it.
 */
export function storedJointDeadline(row: { joint_deadline: string | null; submitted_at: string | null }, days: number): Date | null {
  if (row.joint_deadline) return new Date(row.joint_deadline);
  return row.submitted_at ? new Date(new Date(row.submitted_at).getTime() + days * DAY) : null;
}

export interface JointMember {
  name: string;
  shortName: string;
  code: string;
  status: JointStatus;
}

export type JointState = 'coordinating' | 'agreed';

export interface JointStanding {
  state: JointState;
  /** Until when answers are taken (null only for a position without a submission time). */
  deadline: Date | null;
  /** How many municipalities the association named. */
  named: number;
  /** Each list sorted as Slovenian sorts (by the short name). */
  confirmed: JointMember[];
  declined: JointMember[];
  noAnswer: JointMember[];
}

/**
 * Where a joint position stands at `now`. `open` is false when answers can no longer come whatever
 * the deadline says (the ministry closed the consultation): the position is then settled too.
 */
export function jointStanding(members: readonly JointMember[], deadline: Date | null, now: Date, open = true): JointStanding {
  const sorted = [...members].sort((a, b) => collator.compare(a.shortName, b.shortName));
  const by = (status: JointStatus) => sorted.filter((m) => m.status === status);
  const noAnswer = by('pending');
  const answersMayCome = open && noAnswer.length > 0 && (deadline === null || now < deadline);
  return {
    state: answersMayCome ? 'coordinating' : 'agreed',
    deadline,
    named: members.length,
    confirmed: by('confirmed'),
    declined: by('declined'),
    noAnswer,
  };
}

export interface JointStandingText {
  /** „Skupno stališče v usklajevanju – …, rok 7. 12. 2026“ or „ZMOS v imenu 3 od 5 navedenih občin: Bled, Bohinj, Kranj“. */
  headline: string;
  /** The other lists, each with its label: „Zavrnile“, „Niso odgovorile“ (while agreeing, „Potrdile“ too). */
  lists: Array<{ label: string; names: string[] }>;
  /** Everything in one line, for a spreadsheet cell. */
  line: string;
}

/** What a joint position says, in words: the same on the card, the moderation page, the report and the files. */
export function describeJoint(t: Dictionary, association: string, standing: JointStanding): JointStandingText {
  const m = t.joint;
  const names = (list: JointMember[]) => list.map((member) => member.shortName);
  const settled = standing.state === 'agreed';
  let headline: string;
  const lists: JointStandingText['lists'] = [];
  if (settled) {
    headline = m.agreed(association, standing.confirmed.length, standing.named);
    if (standing.confirmed.length) headline += `: ${names(standing.confirmed).join(', ')}`;
  } else {
    const answered = standing.confirmed.length + standing.declined.length;
    headline = m.coordinating(answered, standing.named, standing.deadline ? formatDate(standing.deadline) : '–');
    if (standing.confirmed.length) lists.push({ label: m.confirmedList(standing.confirmed.length), names: names(standing.confirmed) });
  }
  if (standing.declined.length) lists.push({ label: m.declinedList(standing.declined.length), names: names(standing.declined) });
  if (standing.noAnswer.length) lists.push({ label: m.noAnswerList(standing.noAnswer.length, settled), names: names(standing.noAnswer) });
  const line = [headline, ...lists.map((l) => `${l.label}: ${l.names.join(', ')}`)].join('; ').replaceAll('\u00A0', ' ');
  return { headline, lists, line };
}
