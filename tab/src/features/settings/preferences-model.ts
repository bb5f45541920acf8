import type { PreferencesDto } from '@confer/contracts';
import type { Translator } from '@confer/contracts/i18n';
import { WEEKDAYS_FROM_MONDAY, type Weekday, WORKWEEK } from '@confer/contracts/time';

/** The settings list the days Monday first, as Outlook's working-hours settings do. */
export const weekdays = WEEKDAYS_FROM_MONDAY;
export type { Weekday };

/** Lead times offered for reminders; Confer keeps at most five (the API's limit). */
export const reminderChoices = [5, 10, 15, 30, 60, 1440] as const;
export const MAX_REMINDERS = 5;

export interface PreferencesDraft {
  readonly reminderMinutes: readonly number[];
  /** '' = the mailbox zone from Outlook. */
  readonly timeZone: string;
  readonly overrideHours: boolean;
  readonly days: readonly Weekday[];
  readonly start: string;
  readonly end: string;
}

export function draftOf(preferences: PreferencesDto): PreferencesDraft {
  const hours = preferences.workingHoursOverride;
  return {
    reminderMinutes: [...preferences.reminderMinutes].sort((a, b) => a - b),
    timeZone: preferences.timeZoneOverride ?? '',
    overrideHours: hours !== null,
    days: hours?.days ?? WORKWEEK,
    start: hours?.start ?? '09:00',
    end: hours?.end ?? '17:00',
  };
}

export type DraftErrors = Partial<Record<'reminders' | 'days' | 'hours', string>>;

export function validateDraft({ t }: Translator, draft: PreferencesDraft): DraftErrors {
  const errors: DraftErrors = {};
  if (draft.reminderMinutes.length > MAX_REMINDERS) {
    errors.reminders = t('settings.preferences.tooManyReminders', { max: MAX_REMINDERS });
  }
  if (draft.overrideHours && draft.days.length === 0) errors.days = t('settings.preferences.noDays');
  if (draft.overrideHours && !(draft.start < draft.end)) errors.hours = t('settings.preferences.hoursOrder');
  return errors;
}

export function preferencesOf(draft: PreferencesDraft): PreferencesDto {
  return {
    reminderMinutes: [...draft.reminderMinutes],
    timeZoneOverride: draft.timeZone === '' ? null : draft.timeZone,
    workingHoursOverride: draft.overrideHours
      ? { days: weekdays.filter((day) => draft.days.includes(day)), start: draft.start, end: draft.end }
      : null,
  };
}

/** "5 minutes", "1 hour", "1 day" in the locale. */
export function leadTimeText(minutes: number, locale: string): string {
  const [value, unit] =
    minutes % 1440 === 0 ? [minutes / 1440, 'day'] : minutes % 60 === 0 ? [minutes / 60, 'hour'] : [minutes, 'minute'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

/**
 * ICU (and so Chromium's `Intl.supportedValuesOf`) still lists some zones under their old IANA names; Outlook
 * and the IANA database use the current ones, so the list shows those.
 */
const currentNames: Record<string, string> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Rangoon': 'Asia/Yangon',
  'Europe/Kiev': 'Europe/Kyiv',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'America/Godthab': 'America/Nuuk',
  'Pacific/Enderbury': 'Pacific/Kanton',
};

/** Every IANA zone the browser knows, by its current name, plus the stored one whatever the browser knows. */
export function supportedZones(stored: string): string[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone').map((zone) => currentNames[zone] ?? zone));
  if (stored) zones.add(stored);
  return [...zones].sort();
}
