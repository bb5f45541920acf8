/**
 * The instant of a wall-clock date and time in an IANA zone (what an attendee picks in Input.Date and
 * Input.Time, in their own zone). Resolved with Intl by correcting the zone offset twice, which settles
 * on either side of a DST change; a time that does not exist (spring forward) lands an hour later, and
 * one that happens twice (fall back) is its first occurrence.
 */
export function zonedInstant(date: string, time: string, timeZone: string): Date | undefined {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})(?::\d{2})?$/.exec(time);
  if (!d || !t || !isZone(timeZone)) return undefined;
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  if (Number.isNaN(wall) || Number(t[1]) > 23 || Number(t[2]) > 59) return undefined;
  let guess = wall - offsetAt(new Date(wall), timeZone);
  guess = wall - offsetAt(new Date(guess), timeZone);
  // A time that happens twice (autumn fall-back) means its first occurrence, as calendars take it.
  const earlier = guess - 3_600_000;
  return new Date(earlier + offsetAt(new Date(earlier), timeZone) === wall ? earlier : guess);
}

function offsetAt(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

function isZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
