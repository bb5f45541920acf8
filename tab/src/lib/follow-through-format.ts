import type { AttendanceStateDto, OccurrenceAttendanceDto, PairCadenceDto } from '@confer/contracts';

/** How attendance, rhythms and time since the last meeting read in the tab. */

export type UnknownReason = NonNullable<OccurrenceAttendanceDto['unknownReason']>;

export const unknownReasonWords: Readonly<Record<UnknownReason, string>> = {
  no_report: 'Teams made no attendance report',
  not_permitted: "Confer isn't allowed to read attendance reports — ask your admin",
  not_connected: "The organizer's calendar isn't connected to Confer, so the report couldn't be read",
  no_online_meeting: 'Teams has no online meeting for this event',
  not_told: "The organizer didn't say whether it happened",
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
  held: 'Held',
  partly_attended: 'Partly attended',
  no_show: 'No-show',
  unknown: 'Unknown',
};

const tones: Readonly<Record<AttendanceStateDto, StatusTone>> = {
  held: 'success',
  partly_attended: 'warning',
  no_show: 'danger',
  pending: 'informative',
  unknown: 'subtle',
};

/** The status of one ended occurrence, in plain words, for everyone who was invited. */
export function attendanceStatus(occurrence: OccurrenceAttendanceDto): AttendanceStatus {
  const tone = tones[occurrence.state];
  if (occurrence.state === 'pending') {
    return occurrence.online
      ? { label: 'Waiting for the Teams report', tone, detail: 'Teams usually makes it within a few hours.' }
      : {
          label: occurrence.canMark ? 'Did you meet?' : 'Waiting for the organizer',
          tone,
          detail: occurrence.canMark
            ? 'It was in person, so Confer needs your word.'
            : 'It was in person: the organizer says whether it happened.',
        };
  }
  const label = labels[occurrence.state];
  if (occurrence.state === 'unknown') {
    return { label, tone, detail: occurrence.unknownReason ? unknownReasonWords[occurrence.unknownReason] : null };
  }
  if (occurrence.source === 'organizer') return { label, tone, detail: 'As the organizer said.' };
  if (occurrence.source === 'teams') return { label, tone, detail: "From Teams' attendance report." };
  return { label, tone, detail: null };
}

/** "28 minutes", "1 minute", "Less than a minute"; "Didn't join". */
export function presenceText(participant: OccurrenceAttendanceDto['participants'][number]): string {
  if (!participant.joined) return "Didn't join";
  if (participant.minutesPresent === 0) return 'Less than a minute';
  return participant.minutesPresent === 1 ? '1 minute' : `${participant.minutesPresent} minutes`;
}

/** Ended occurrences, the latest first. */
export function newestFirst(occurrences: readonly OccurrenceAttendanceDto[]): OccurrenceAttendanceDto[] {
  return [...occurrences].sort((a, b) => Date.parse(b.occurrenceStart) - Date.parse(a.occurrenceStart));
}

/** "every day", "every week", "every 2 weeks", "every 10 days". */
export function rhythmText(days: number): string {
  if (days === 1) return 'every day';
  if (days === 7) return 'every week';
  if (days % 7 === 0) return `every ${days / 7} weeks`;
  return `every ${days} days`;
}

/** "every 13 days on average" for the average gap between held meetings (whole days). */
export function averageGapText(days: number): string {
  const whole = Math.max(1, Math.round(days));
  return `${whole === 1 ? 'every day' : `every ${whole} days`} on average`;
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

/** "18 days ago", "yesterday", "today" in the locale. */
export function agoText(instant: string, now: Date, locale: string, timeZone: string): string {
  const days = Math.max(0, daysSince(instant, now, timeZone));
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(-days, 'day');
}

/** "Last met 18 days ago, you meet every 2 weeks" (the rhythm left out when there is none). */
export function dueLine(pair: PairCadenceDto, now: Date, locale: string, timeZone: string): string {
  const met = `Last met ${agoText(pair.lastHeldAt, now, locale, timeZone)}`;
  return pair.rhythmDays ? `${met}, you meet ${rhythmText(pair.rhythmDays)}` : met;
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
export function parseRhythmDays(text: string): { days: number } | { error: string } {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return { error: 'Enter a whole number of days.' };
  const days = Number(trimmed);
  if (days < 1 || days > 365) return { error: 'Choose between 1 and 365 days.' };
  return { days };
}

/**
 * What "no rhythm of our own" means for a pair: their meeting type's rhythm, named with its days when known.
 * "The Mentoring rhythm (every 2 weeks)", "No set rhythm".
 */
export function typeRhythmLabel(typeName: string | null, typeDays: number | null | undefined): string {
  if (!typeName) return 'No set rhythm';
  if (typeDays === undefined) return `The ${typeName} rhythm`;
  return `The ${typeName} rhythm (${typeDays === null ? 'none set' : rhythmText(typeDays)})`;
}
