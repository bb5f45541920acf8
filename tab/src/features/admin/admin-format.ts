import { addDays, isDateKey, startOfDay } from '@confer/contracts/time';

/** Dates on the admin pages, in the viewer's locale and zone (the zone the shell resolved for them). */
export interface AdminFormatters {
  /** "2 Dec 2026, 14:05", or "—" for none. */
  stamp(instant: string | null): string;
}

export function createAdminFormatters(locale: string, timeZone: string): AdminFormatters {
  const format = new Intl.DateTimeFormat(locale, {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  });
  return {
    stamp: (instant) => {
      if (!instant) return '—';
      const date = new Date(instant);
      return Number.isNaN(date.getTime()) ? instant : format.format(date);
    },
  };
}

/**
 * A "from" and "to" day picked in the viewer's zone as the instants the audit filter takes: from the start of the
 * first day to the start of the day after the last, so the last day counts whole. An empty or bad day is no bound.
 */
export function dayRange(from: string, to: string, timeZone: string): { since: string; until: string } {
  return {
    since: isDateKey(from) ? startOfDay(from, timeZone).toISOString() : '',
    until: isDateKey(to) ? startOfDay(addDays(to, 1), timeZone).toISOString() : '',
  };
}
