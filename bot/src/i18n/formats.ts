import type { Translator } from '@confer/contracts/i18n';

/**
 * Dates, times, lengths of time and rhythms in a recipient's locale: `Intl` gives the parts in their own
 * order and digits (a range collapses a shared day, as "Tue, 14 Jul 2026, 10:00–10:30" in en-GB), the
 * catalogue the words around them.
 */
export interface BotFormats {
  when(start: Date, end: Date, timeZone: string): string;
  slot(start: Date, end: Date, timeZone: string): string;
  date(instant: Date, timeZone: string): string;
  /** A calendar day given as `YYYY-MM-DD` (an action's due date), which has no zone. */
  day(dateKey: string): string;
  duration(minutes: number): string;
  every(days: number): string;
  list(names: readonly string[]): string;
  number(value: number): string;
  /** An instant to the minute in UTC, for readers whose zone is unknown. */
  utcMinute(instant: Date): string;
}

const time: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };
const fullDay: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' };
const shortDay: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' };

export function createBotFormats(t: Translator): BotFormats {
  const { formatLocale } = t.locale;
  const formats = new Map<string, Intl.DateTimeFormat>();
  const format = (timeZone: string, options: Intl.DateTimeFormatOptions) => {
    const key = `${timeZone}|${JSON.stringify(options)}`;
    let found = formats.get(key);
    if (!found) {
      found = new Intl.DateTimeFormat(formatLocale, { timeZone, ...options });
      formats.set(key, found);
    }
    return found;
  };
  return {
    when: (start, end, timeZone) =>
      t.t('common.when', { range: format(timeZone, { ...fullDay, ...time }).formatRange(start, end), zone: timeZone }),
    slot: (start, end, timeZone) => format(timeZone, { ...shortDay, ...time }).formatRange(start, end),
    date: (instant, timeZone) => format(timeZone, fullDay).format(instant),
    day: (dateKey) => {
      const instant = new Date(`${dateKey}T12:00:00Z`);
      if (Number.isNaN(instant.getTime())) return dateKey;
      return format('UTC', { day: 'numeric', month: 'short', year: 'numeric' }).format(instant);
    },
    duration(minutes) {
      if (minutes < 60) return t.t('common.minutes', { minutes });
      const hours = t.t('common.hours', { hours: Math.floor(minutes / 60) });
      const rest = minutes % 60;
      return rest ? t.t('common.hoursAndMinutes', { hours, minutes: t.t('common.minutes', { minutes: rest }) }) : hours;
    },
    every: (days) =>
      days % 7 === 0 ? t.t('common.everyWeeks', { weeks: days / 7 }) : t.t('common.everyDays', { days }),
    list: (names) => t.list(names),
    number: (value) => t.number(value),
    utcMinute: (instant) =>
      t.t('incident.utc', {
        time: format('UTC', {
          day: 'numeric',
          month: 'short',
          year: 'numeric',
          hour: '2-digit',
          minute: '2-digit',
        }).format(instant),
      }),
  };
}
