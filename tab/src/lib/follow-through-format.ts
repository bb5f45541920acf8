import type { AttendanceStateDto, OccurrenceAttendanceDto, PairCadenceDto } from '@confer/contracts';
import type { Translator } from '@confer/contracts/i18n';

/** How attendance, rhythms and time since the last meeting read in the tab. */

export type UnknownReason = NonNullable<OccurrenceAttendanceDto['unknownReason']>;

export const unknownReasonWords: Readonly<Record<UnknownReason, string>> = {
  no_report: 'common.attendance.unknown.noReport',
  not_permitted: 'common.attendance.unknown.notPermitted',
  not_connected: 'common.attendance.unknown.notConnected',
  no_online_meeting: 'common.attendance.unknown.noOnlineMeeting',
  not_told: 'common.attendance.unknown.notTold',
};

export type StatusTone = 'success' | 'warning' | 'danger' | 'informative' | 'subtle';

export interface AttendanceStatus {
  /** "Held", "No-show", "Waiting for the Teams report". */
  readonly label: string;
  readonly tone: StatusTone;
  /** Why, or who said so, in a sentence; null when the label says it all. */
  readonly detail: string | null;
}

const labels: Readonly<Record<Exclude<AttendanceStateDto, 'pending'>, string>> = {
  held: 'common.attendance.held',
  partly_attended: 'common.attendance.partlyAttended',
  no_show: 'common.attendance.noShow',
  unknown: 'common.attendance.unknown',
};

const tones: Readonly<Record<AttendanceStateDto, StatusTone>> = {
  held: 'success',
  partly_attended: 'warning',
  no_show: 'danger',
  pending: 'informative',
  unknown: 'subtle',
};

/** The status of one ended occurrence, in plain words, for everyone who was invited. */
export function attendanceStatus(i18n: Translator, occurrence: OccurrenceAttendanceDto): AttendanceStatus {
  const { t } = i18n;
  const tone = tones[occurrence.state];
  if (occurrence.state === 'pending') {
    return occurrence.online
      ? { label: t('common.attendance.waitingTeams'), tone, detail: t('common.attendance.waitingTeamsDetail') }
      : {
          label: occurrence.canMark ? t('common.attendance.didYouMeet') : t('common.attendance.waitingOrganizer'),
          tone,
          detail: occurrence.canMark
            ? t('common.attendance.inPersonYourWord')
            : t('common.attendance.inPersonOrganizer'),
        };
  }
  const label = t(labels[occurrence.state]);
  if (occurrence.state === 'unknown') {
    return { label, tone, detail: occurrence.unknownReason ? t(unknownReasonWords[occurrence.unknownReason]) : null };
  }
  if (occurrence.source === 'organizer') return { label, tone, detail: t('common.attendance.organizerSaid') };
  if (occurrence.source === 'teams') return { label, tone, detail: t('common.attendance.fromTeams') };
  return { label, tone, detail: null };
}

/** "28 minutes", "1 minute", "Less than a minute"; "Didn't join". */
export function presenceText(i18n: Translator, participant: OccurrenceAttendanceDto['participants'][number]): string {
  if (!participant.joined) return i18n.t('common.attendance.didNotJoin');
  if (participant.minutesPresent === 0) return i18n.t('common.attendance.underAMinute');
  return i18n.t('common.attendance.minutes', { count: participant.minutesPresent });
}

/** Ended occurrences, the latest first. */
export function newestFirst(occurrences: readonly OccurrenceAttendanceDto[]): OccurrenceAttendanceDto[] {
  return [...occurrences].sort((a, b) => Date.parse(b.occurrenceStart) - Date.parse(a.occurrenceStart));
}

/** "every day", "every week", "every 2 weeks", "every 10 days". */
export function rhythmText(i18n: Translator, days: number): string {
  if (days % 7 === 0) return i18n.t('common.rhythm.weeks', { count: days / 7 });
  return i18n.t('common.rhythm.days', { count: days });
}

/** "every 13 days on average" for the average gap between held meetings (whole days). */
export function averageGapText(i18n: Translator, days: number): string {
  return i18n.t('common.rhythm.averageGap', { count: Math.max(1, Math.round(days)) });
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The instant's calendar date in a zone, as a day number (days since 1970-01-01), for counting days between. */
function dayNumber(instant: Date, timeZone: string): number {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(timeZone, format);
  }
  const parts = format
    .formatToParts(instant)
    .reduce<Record<string, string>>((all, part) => Object.assign(all, { [part.type]: part.value }), {});
  return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day)) / 86_400_000;
}

/** Calendar days from `instant` to `now` in the viewer's zone (0: the same day). */
export function daysSince(instant: string, now: Date, timeZone: string): number {
  return dayNumber(now, timeZone) - dayNumber(new Date(instant), timeZone);
}

/** "18 days ago", "yesterday", "today" in the locale (`locale` is the translator's format locale). */
export function agoText(instant: string, now: Date, locale: string, timeZone: string): string {
  const days = Math.max(0, daysSince(instant, now, timeZone));
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(-days, 'day');
}

/** "Last met 18 days ago, you meet every 2 weeks" (the rhythm left out when there is none). */
export function dueLine(i18n: Translator, pair: PairCadenceDto, now: Date, timeZone: string): string {
  const ago = agoText(pair.lastHeldAt, now, i18n.locale.formatLocale, timeZone);
  return pair.rhythmDays
    ? i18n.t('common.rhythm.lastMetRhythm', { ago, rhythm: rhythmText(i18n, pair.rhythmDays) })
    : i18n.t('common.rhythm.lastMet', { ago });
}

/** The pairs Home lists under "Due to meet": overdue first, then due; the longest waiting first within each. */
export function dueToMeet(pairs: readonly PairCadenceDto[]): PairCadenceDto[] {
  const rank = { overdue: 0, due: 1 } as const;
  return pairs
    .filter((pair): pair is PairCadenceDto & { status: 'overdue' | 'due' } => pair.status !== 'on_track')
    .sort(
      (a, b) =>
        rank[a.status] - rank[b.status] || Date.parse(a.dueAt ?? a.lastHeldAt) - Date.parse(b.dueAt ?? b.lastHeldAt),
    );
}

/** The preset rhythms offered wherever a rhythm is chosen. */
export const RHYTHM_PRESETS = [7, 14, 28] as const;

/** The choice a rhythm shows as: none (''), a preset, or a custom number of days. */
export type RhythmChoice = '' | `${(typeof RHYTHM_PRESETS)[number]}` | 'custom';

export function choiceOf(days: number | null): RhythmChoice {
  if (days === null) return '';
  return (RHYTHM_PRESETS as readonly number[]).includes(days) ? (String(days) as RhythmChoice) : 'custom';
}

/** A custom rhythm as typed: whole days from 1 to 365, or why not. */
export function parseRhythmDays(i18n: Translator, text: string): { days: number } | { error: string } {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return { error: i18n.t('common.rhythm.wholeDays') };
  const days = Number(trimmed);
  if (days < 1 || days > 365) return { error: i18n.t('common.rhythm.dayRange', { min: 1, max: 365 }) };
  return { days };
}

/**
 * What "no rhythm of our own" means for a pair: their meeting type's rhythm, named with its days when known.
 * "The Mentoring rhythm (every 2 weeks)", "No set rhythm".
 */
export function typeRhythmLabel(
  i18n: Translator,
  typeName: string | null,
  typeDays: number | null | undefined,
): string {
  if (!typeName) return i18n.t('common.rhythm.noneSet');
  if (typeDays === undefined) return i18n.t('common.rhythm.typeRhythm', { type: typeName });
  const rhythm = typeDays === null ? i18n.t('common.rhythm.typeNone') : rhythmText(i18n, typeDays);
  return i18n.t('common.rhythm.typeRhythmWith', { type: typeName, rhythm });
}
