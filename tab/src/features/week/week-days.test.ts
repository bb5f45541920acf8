import type { WeekEvent, WeekResponse } from '@confer/contracts';
import { describe, expect, it } from 'vitest';
import { buildWeekDays, eventDayRange } from './week-days.ts';

function event(overrides: Partial<WeekEvent>): WeekEvent {
  return {
    id: overrides.subject ?? 'e',
    subject: 'Event',
    start: '2026-11-20T09:00:00Z',
    end: '2026-11-20T09:30:00Z',
    isAllDay: false,
    showAs: 'busy',
    type: 'singleInstance',
    sensitivity: 'normal',
    location: null,
    isOnlineMeeting: false,
    joinUrl: null,
    organizer: null,
    isOrganizer: true,
    isCancelled: false,
    ...overrides,
  };
}

function week(timeZone: string, start: string, end: string, events: WeekEvent[]): WeekResponse {
  return {
    user: { id: 'u', displayName: 'Megan Bowen', userPrincipalName: 'meganb@contoso.onmicrosoft.com', timeZone },
    window: { start, end },
    events,
  };
}

describe('buildWeekDays', () => {
  it('lists the seven local days of a midnight-aligned window', () => {
    const days = buildWeekDays(week('Europe/London', '2026-11-20T00:00:00Z', '2026-11-27T00:00:00Z', []));
    expect(days.map((d) => d.dateKey)).toEqual([
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
    ]);
  });

  it("puts an event on the user's local day, not the UTC day", () => {
    const late = event({ subject: 'Late call', start: '2026-11-21T06:30:00Z', end: '2026-11-21T07:00:00Z' });
    const days = buildWeekDays(week('America/Los_Angeles', '2026-11-20T08:00:00Z', '2026-11-27T08:00:00Z', [late]));
    expect(days[0]?.dateKey).toBe('2026-11-20');
    expect(days[0]?.entries.map((e) => e.event.subject)).toEqual(['Late call']);
    expect(days[1]?.entries).toEqual([]);
  });

  it('sorts all-day events first, then by start time', () => {
    const events = [
      event({ subject: 'Afternoon', start: '2026-11-20T14:00:00Z', end: '2026-11-20T15:00:00Z' }),
      event({ subject: 'Morning', start: '2026-11-20T09:00:00Z', end: '2026-11-20T10:00:00Z' }),
      event({ subject: 'Holiday', isAllDay: true, start: '2026-11-20T00:00:00Z', end: '2026-11-21T00:00:00Z' }),
    ];
    const [first] = buildWeekDays(week('UTC', '2026-11-20T00:00:00Z', '2026-11-27T00:00:00Z', events));
    expect(first?.entries.map((e) => e.event.subject)).toEqual(['Holiday', 'Morning', 'Afternoon']);
  });

  it('shows an overnight event on both days with continuation flags', () => {
    const overnight = event({ subject: 'Release', start: '2026-11-20T22:00:00Z', end: '2026-11-21T02:00:00Z' });
    const days = buildWeekDays(week('UTC', '2026-11-20T00:00:00Z', '2026-11-27T00:00:00Z', [overnight]));
    expect(days[0]?.entries[0]).toMatchObject({ continuesFromBefore: false, continuesAfter: true });
    expect(days[1]?.entries[0]).toMatchObject({ continuesFromBefore: true, continuesAfter: false });
  });

  it('drops the parts of an event outside the window', () => {
    const trip = event({ subject: 'Trip', isAllDay: true, start: '2026-11-18T00:00:00Z', end: '2026-11-22T00:00:00Z' });
    const days = buildWeekDays(week('UTC', '2026-11-20T00:00:00Z', '2026-11-27T00:00:00Z', [trip]));
    expect(days.filter((d) => d.entries.length > 0).map((d) => d.dateKey)).toEqual(['2026-11-20', '2026-11-21']);
  });
});

describe('eventDayRange', () => {
  it('keeps an all-day event read at local midnight on its local dates', () => {
    const holiday = event({ isAllDay: true, start: '2026-11-26T08:00:00Z', end: '2026-11-27T08:00:00Z' });
    expect(eventDayRange(holiday, 'America/Los_Angeles')).toEqual(['2026-11-26', '2026-11-26']);
  });

  it('keeps an all-day event read at UTC midnight on its UTC dates instead of sliding a day west', () => {
    const holiday = event({ isAllDay: true, start: '2026-11-26T00:00:00Z', end: '2026-11-27T00:00:00Z' });
    expect(eventDayRange(holiday, 'America/Los_Angeles')).toEqual(['2026-11-26', '2026-11-26']);
  });

  it('handles the autumn DST change in London (25-hour day)', () => {
    const allDay = event({ isAllDay: true, start: '2026-10-24T23:00:00Z', end: '2026-10-26T00:00:00Z' });
    expect(eventDayRange(allDay, 'Europe/London')).toEqual(['2026-10-25', '2026-10-25']);
  });

  it('ends a timed event on the day of its last minute (half-open end at midnight)', () => {
    const toMidnight = event({ start: '2026-11-20T23:00:00Z', end: '2026-11-21T00:00:00Z' });
    expect(eventDayRange(toMidnight, 'UTC')).toEqual(['2026-11-20', '2026-11-20']);
  });
});
