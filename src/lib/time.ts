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
