import type { Translator } from '@confer/contracts/i18n';
import { addDays, noonOf, zoneDisplayName } from '@confer/contracts/time';
import type { DayEntry } from './week-days.ts';

export interface WeekFormatters {
  /** "Friday, 20 November" in the user's locale. */
  dayHeading(dateKey: string): string;
  /** "Today" / "Tomorrow" (locale-aware) or null. */
  relativeDay(dateKey: string, todayKey: string): string | null;
  /** "09:00 – 09:30", "All day", "From 22:00", "Until 02:00". */
  timeRange(entry: DayEntry): string;
  /** The zone's display name, e.g. "Pacific Time". */
  zoneName(): string;
}

export interface FormatterLabels {
  readonly allDay: string;
  readonly from: (time: string) => string;
  readonly until: (time: string) => string;
}

/** The words around the times, from the person's catalogue. */
export function weekLabels({ t }: Translator): FormatterLabels {
  return {
    allDay: t('week.allDay'),
    from: (time) => t('week.from', { time }),
    until: (time) => t('week.until', { time }),
  };
}

export function createWeekFormatters(locale: string, timeZone: string, labels: FormatterLabels): WeekFormatters {
  const heading = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
  const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  return {
    dayHeading: (dateKey) => heading.format(noonOf(dateKey)),
    relativeDay(dateKey, todayKey) {
      const offset = dateKey === todayKey ? 0 : dateKey === addDays(todayKey, 1) ? 1 : null;
      return offset === null ? null : capitalize(relative.format(offset, 'day'), locale);
    },
    timeRange(entry) {
      const { event, continuesFromBefore, continuesAfter } = entry;
      if (event.isAllDay || (continuesFromBefore && continuesAfter)) return labels.allDay;
      const start = new Date(event.start);
      const end = new Date(event.end);
      if (continuesAfter) return labels.from(time.format(start));
      if (continuesFromBefore) return labels.until(time.format(end));
      return time.formatRange(start, end);
    },
    zoneName: () => zoneDisplayName(locale, timeZone),
  };
}

function capitalize(text: string, locale: string): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}
