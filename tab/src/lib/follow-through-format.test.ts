import type { OccurrenceAttendanceDto, PairCadenceDto } from '@confer/contracts';
import { describe, expect, it } from 'vitest';
import { englishTranslator } from '../i18n/catalogues.ts';
import {
  agoText,
  attendanceStatus,
  averageGapText,
  choiceOf,
  daysSince,
  dueLine,
  dueToMeet,
  newestFirst,
  parseRhythmDays,
  presenceText,
  rhythmText,
  typeRhythmLabel,
} from './follow-through-format.ts';

const en = englishTranslator('en-GB');

const occurrence = (patch: Partial<OccurrenceAttendanceDto>): OccurrenceAttendanceDto => ({
  occurrenceStart: '2026-11-23T09:00:00.000Z',
  occurrenceEnd: '2026-11-23T09:30:00.000Z',
  online: true,
  state: 'held',
  source: 'teams',
  unknownReason: null,
  participants: [],
  decidedAt: '2026-11-23T10:00:00.000Z',
  canMark: false,
  ...patch,
});

const pair = (patch: Partial<PairCadenceDto>): PairCadenceDto => ({
  partner: { userId: 'megan', displayName: 'Megan Bowen', email: 'meganb@contoso.onmicrosoft.com' },
  rhythmDays: 14,
  rhythmSource: 'pair',
  typeId: null,
  typeName: null,
  lastHeldAt: '2026-11-02T09:00:00.000Z',
  dueAt: '2026-11-16T09:30:00.000Z',
  status: 'overdue',
  upcoming: null,
  usuallyOrganizes: true,
  ...patch,
});

describe('attendance status', () => {
  it('names each outcome and who said so', () => {
    expect(attendanceStatus(en, occurrence({}))).toEqual({
      label: 'Held',
      tone: 'success',
      detail: "From Teams' attendance report.",
    });
    expect(attendanceStatus(en, occurrence({ state: 'partly_attended' })).label).toBe('Partly attended');
    expect(attendanceStatus(en, occurrence({ state: 'no_show', source: 'organizer' }))).toEqual({
      label: 'No-show',
      tone: 'danger',
      detail: 'As the organizer said.',
    });
  });

  it('says what it waits for: the Teams report, or the organizer for a meeting in person', () => {
    expect(attendanceStatus(en, occurrence({ state: 'pending', source: null })).label).toBe(
      'Waiting for the Teams report',
    );
    expect(attendanceStatus(en, occurrence({ state: 'pending', source: null, online: false })).label).toBe(
      'Waiting for the organizer',
    );
    expect(
      attendanceStatus(en, occurrence({ state: 'pending', source: null, online: false, canMark: true })).label,
    ).toBe('Did you meet?');
  });

  it('gives the reason an outcome is unknown in plain words', () => {
    const unknown = (unknownReason: OccurrenceAttendanceDto['unknownReason']) =>
      attendanceStatus(en, occurrence({ state: 'unknown', source: 'timeout', unknownReason }));
    expect(unknown('no_report')).toEqual({
      label: 'Unknown',
      tone: 'subtle',
      detail: 'Teams made no attendance report',
    });
    expect(unknown('not_permitted').detail).toBe("Confer isn't allowed to read attendance reports — ask your admin");
    expect(unknown('not_told').detail).toBe("The organizer didn't say whether it happened");
    expect(unknown(null).detail).toBeNull();
  });

  it('says how long each person stayed', () => {
    const person = { email: 'a@x', userId: null, displayName: 'A', role: 'attendee' as const };
    expect(presenceText(en, { ...person, joined: true, minutesPresent: 28 })).toBe('28 minutes');
    expect(presenceText(en, { ...person, joined: true, minutesPresent: 1 })).toBe('1 minute');
    expect(presenceText(en, { ...person, joined: true, minutesPresent: 0 })).toBe('Less than a minute');
    expect(presenceText(en, { ...person, joined: false, minutesPresent: 0 })).toBe("Didn't join");
  });

  it('lists the latest occurrence first', () => {
    const early = occurrence({ occurrenceStart: '2026-11-02T09:00:00.000Z' });
    const late = occurrence({ occurrenceStart: '2026-11-16T09:00:00.000Z' });
    expect(newestFirst([early, late])).toEqual([late, early]);
  });
});

describe('rhythms and gaps', () => {
  it('reads days as weeks where it can', () => {
    expect(rhythmText(en, 1)).toBe('every day');
    expect(rhythmText(en, 7)).toBe('every week');
    expect(rhythmText(en, 14)).toBe('every 2 weeks');
    expect(rhythmText(en, 28)).toBe('every 4 weeks');
    expect(rhythmText(en, 10)).toBe('every 10 days');
  });

  it('rounds the average gap to whole days', () => {
    expect(averageGapText(en, 13.4)).toBe('every 13 days on average');
    expect(averageGapText(en, 0.6)).toBe('every day on average');
  });

  it('shows a preset as itself and any other number of days as custom', () => {
    expect(choiceOf(null)).toBe('');
    expect(choiceOf(14)).toBe('14');
    expect(choiceOf(10)).toBe('custom');
  });

  it('accepts whole days from 1 to 365 only', () => {
    expect(parseRhythmDays(en, ' 10 ')).toEqual({ days: 10 });
    expect(parseRhythmDays(en, '0')).toEqual({ error: 'Choose between 1 and 365 days.' });
    expect(parseRhythmDays(en, '400')).toEqual({ error: 'Choose between 1 and 365 days.' });
    expect(parseRhythmDays(en, '2.5')).toEqual({ error: 'Enter a whole number of days.' });
    expect(parseRhythmDays(en, '')).toEqual({ error: 'Enter a whole number of days.' });
  });

  it("names the type's rhythm a pair falls back to", () => {
    expect(typeRhythmLabel(en, null, undefined)).toBe('No set rhythm');
    expect(typeRhythmLabel(en, 'Mentoring', 14)).toBe('The Mentoring rhythm (every 2 weeks)');
    expect(typeRhythmLabel(en, 'Mentoring', null)).toBe('The Mentoring rhythm (none set)');
    expect(typeRhythmLabel(en, 'Mentoring', undefined)).toBe('The Mentoring rhythm');
  });
});

describe('time since the last meeting', () => {
  const now = new Date('2026-11-20T08:00:00.000Z');

  it("counts calendar days in the viewer's zone", () => {
    // 23:30 in London on the 19th is already the 20th in Kolkata: a day apart in one zone, the same day in the other.
    expect(daysSince('2026-11-19T23:30:00.000Z', now, 'Europe/London')).toBe(1);
    expect(daysSince('2026-11-19T23:30:00.000Z', now, 'Asia/Kolkata')).toBe(0);
  });

  it('says it in the locale', () => {
    expect(agoText('2026-11-02T09:00:00.000Z', now, 'en-GB', 'Europe/London')).toBe('18 days ago');
    expect(agoText('2026-11-19T09:00:00.000Z', now, 'en-GB', 'Europe/London')).toBe('yesterday');
    expect(agoText('2026-11-20T07:00:00.000Z', now, 'en-GB', 'Europe/London')).toBe('today');
  });

  it('says when they last met and how often they mean to', () => {
    expect(dueLine(en, pair({}), now, 'Europe/London')).toBe('Last met 18 days ago, you meet every 2 weeks');
    expect(dueLine(en, pair({ rhythmDays: null }), now, 'Europe/London')).toBe('Last met 18 days ago');
  });

  it('lists overdue pairs first, then due ones, never those on track', () => {
    const overdueLater = pair({
      partner: { userId: 'a', displayName: 'A', email: 'a@x' },
      dueAt: '2026-11-18T00:00:00Z',
    });
    const overdueEarlier = pair({
      partner: { userId: 'b', displayName: 'B', email: 'b@x' },
      dueAt: '2026-11-10T00:00:00Z',
    });
    const due = pair({ partner: { userId: 'c', displayName: 'C', email: 'c@x' }, status: 'due' });
    const fine = pair({ partner: { userId: 'd', displayName: 'D', email: 'd@x' }, status: 'on_track' });
    expect(dueToMeet([due, fine, overdueLater, overdueEarlier]).map((p) => p.partner.userId)).toEqual(['b', 'a', 'c']);
  });
});
