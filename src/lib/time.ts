/** Time zone of every date and deadline the portal shows or accepts. */
export const TIME_ZONE = 'Europe/Ljubljana';

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Minutes by which Ljubljana's wall clock is ahead of UTC at the given instant (60 or 120). */
function offsetMinutes(instant: Date): number {
  const parts = Object.fromEntries(partsFormatter.formatToParts(instant).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/**
 * "2027-01-31T23:59" read as Ljubljana wall-clock time → the instant it denotes. A whole-minute
 * value means the end of that minute is still inside it for deadlines (see `closesAt`).
 */
export function ljubljanaTimeToInstant(local: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) throw new Error(`Invalid local time: ${local}`);
  const [, y, mo, d, h, mi] = match.map(Number);
  const naive = Date.UTC(y, mo - 1, d, h, mi);
  // Correct by the offset in force at that moment; a second pass settles the DST change days.
  let instant = naive - offsetMinutes(new Date(naive)) * 60000;
  instant = naive - offsetMinutes(new Date(instant)) * 60000;
  return new Date(instant);
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date as people write it in Slovenian — "3. 2. 2027" (also "3.2.2027", "03. 02. 2027.") — or in
 * ISO form "2027-02-03" → "2027-02-03"; undefined when it is neither or names no real day
 * (30. 2. 2027).
 */
export function parseDate(text: string): string | undefined {
  const value = text.replace(/[\s\u00A0]+/g, ' ').trim();
  const local = /^(\d{1,2}) ?\. ?(\d{1,2}) ?\. ?(\d{4})\.?$/.exec(value);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const [y, m, d] = local ? [local[3], local[2], local[1]].map(Number) : iso ? [iso[1], iso[2], iso[3]].map(Number) : [];
  if (y === undefined) return undefined;
  const day = new Date(Date.UTC(y, m - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** "2027-02-03" → "3. 2. 2027", to show a parsed date back in the form people type it. */
export function isoDateToLocal(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d}. ${m}. ${y}`;
}

/** Today in Ljubljana, as "2027-02-03". */
export function ljubljanaToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(now);
}

/** The first instant of a Ljubljana calendar day ("2027-02-03") and the first instant of the next. */
export function ljubljanaDayBounds(iso: string): { start: Date; end: Date } {
  const [y, m, d] = iso.split('-').map(Number);
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return {
    start: ljubljanaTimeToInstant(`${iso}T00:00`),
    end: ljubljanaTimeToInstant(`${next.getUTCFullYear()}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}T00:00`),
  };
}
