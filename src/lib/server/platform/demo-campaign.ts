import type { DemoComment } from './demo.ts';

/**
 * A demo campaign for the near-duplicate groups (issue 15): nine small municipalities send one
 * association's template on the municipalities' role in the gigabit infrastructure, nearly
 * unchanged — each signs with its own name, some shorten or reword a sentence — and three of them
 * send it to the chapter's targets too. The moderators' „Skupine“ page shows them as one group of
 * twelve, nine organisations.
 */

const TEMPLATE = (name: string, edit = 0) =>
  [
    `Občina ${name} predlaga, da država v ukrepu za gigabitno infrastrukturo zagotovi sofinanciranje gradnje omrežij tudi v odročnih naseljih, kjer operaterji ne gradijo, ker naložba ni donosna.`,
    edit === 1
      ? 'Majhne občine nimamo dovolj sredstev, da bi gradnjo plačale same, zato naj država pokrije vsaj dve tretjini stroškov.'
      : 'Majhne občine nimamo sredstev, da bi gradnjo plačale same, zato naj država pokrije vsaj dve tretjini upravičenih stroškov.',
    edit === 2
      ? 'Prosimo, da se v strategiji izrecno navede rok, do katerega bodo vsa gospodinjstva v odročnih naseljih priključena.'
      : 'Predlagamo, da se v strategiji izrecno navede rok, do katerega bodo vsa gospodinjstva v odročnih naseljih priključena na gigabitno omrežje.',
  ].join(' ');

/** Municipality codes (GURS) and names. */
const SENDERS: Array<[code: string, name: string, edit?: number]> = [
  ['4', 'Bohinj'],
  ['6', 'Bovec', 1],
  ['7', 'Brda'],
  ['14', 'Cerkno', 2],
  ['16', 'Črna na Koroškem'],
  ['19', 'Divača', 1],
  ['30', 'Gornji Grad'],
  ['36', 'Idrija', 2],
  ['38', 'Ilirska Bistrica'],
];

export const campaignDemoComments: DemoComment[] = [
  ...SENDERS.map(([code, name, edit], i): DemoComment => ({
    key: `demo-kampanja-gigabit-${code}`,
    organisation: code,
    chapter: 'gigabitna-infrastruktura',
    block: 'vloga-obcin-gigabit',
    kind: 'comment',
    body: TEMPLATE(name, edit),
    at: `2026-10-${String(12 + Math.floor(i / 3)).padStart(2, '0')}T0${7 + (i % 3)}:${String(10 + i * 4).padStart(2, '0')}:00Z`,
  })),
  ...SENDERS.slice(0, 3).map(([code, name], i): DemoComment => ({
    key: `demo-kampanja-gigabit-cilji-${code}`,
    organisation: code,
    chapter: 'gigabitna-infrastruktura',
    block: 'cilji-gigabit-2030',
    kind: 'comment',
    body: TEMPLATE(name),
    at: `2026-10-16T1${i}:05:00Z`,
  })),
];
