/**
 * A calendar date with no zone. Series and working days step through dates (a week is 7 dates, a month
 * the same day of the next month) whatever the clocks do; the zone only matters when a date and a wall
 * time become an instant (local-clock.ts).
 */
export interface CivilDate {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return fromUtcMidnight(Date.UTC(date.year, date.month - 1, date.day + days));
}

/**
 * The same day `months` later; when that month is shorter, its last day (Outlook's absoluteMonthly rule,
 * see series-occurrences.ts).
 */
export function addMonthsClamped(date: CivilDate, months: number): CivilDate {
  const first = fromUtcMidnight(Date.UTC(date.year, date.month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.year, first.month, 0)).getUTCDate();
  return { ...first, day: Math.min(date.day, lastDay) };
}

export function isoOf(date: CivilDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** `utcMidnight` is a UTC midnight standing for a calendar date; it is never an instant of anyone's day. */
function fromUtcMidnight(utcMidnight: number): CivilDate {
  const d = new Date(utcMidnight);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
