import type { Translator } from '@confer/contracts/i18n';

/**
 * Dates, times, lengths of time and rhythms in a recipient's locale: `Intl` gives the parts in their own
 * order and digits (a range collapses a shared day, as "Tue, 14 Jul 2026, 10:00–10:30" in en-GB), the
 * catalogue the words around them.
 */
export interface BotFormats {
  /** "Tue 14 Jul, 10:00–10:30" in `timeZone`, with the zone named. */
  when(start: Date, end: Date, timeZone: string): string;
  /** A date and time alone, e.g. for suggested slots. */
  slot(start: Date, end: Date, timeZone: string): string;
  /** A day alone, e.g. "Mon, 9 Nov 2026", in `timeZone`. */
  date(instant: Date, timeZone: string): string;
  /** A calendar day given as `YYYY-MM-DD` (an action's due date), e.g. "22 Nov 2026". */
  day(dateKey: string): string;
  /** A length of time: "1 minute", "42 minutes", "1 hour 30 minutes". */
  duration(minutes: number): string;
  /** How often people meet: "every day", "every week", "every 2 weeks", "every 10 days". */
  every(days: number): string;
  /** Names joined for a sentence: "Megan", "Megan and Adele", "Megan, Adele and Alex". */
  list(names: readonly string[]): string;
  /** A count in the reader's digits. */
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
