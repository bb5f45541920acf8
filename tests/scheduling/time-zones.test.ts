import type { AvailabilityResponse, SuggestionsResponse } from '@confer/contracts';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createControllableClock } from '../../devtenant/src/index.ts';
import { apiAs } from '../support/api-client.ts';
import { PEOPLE, type Stack, startStack } from '../support/stack.ts';
import { devtenantGraph } from './support/devtenant-graph.ts';
import { blockingBlocks, bodyOf, insideWorkingHours, mail, overlaps } from './support/scheduling-api.ts';

/**
 * Adele in London (09:00–17:30), Alex in New York (08:00–17:00), Lynne in Kolkata (09:30–18:30), in 2026:
 * the US moves its clocks on 8 March, the EU on 29 March, India never. Before 8 March the three working
 * days do not meet at all; from 8 March they share 12:00–13:00 UTC (08:00 New York, 12:00 London →
 * 13:00 after 29 March, 17:30 Kolkata).
 */
const SEED_HOURS = [
  { email: mail('adelev'), days: weekdays(), start: '09:00', end: '17:30', timeZone: 'Europe/London' },
  { email: mail('alexw'), days: weekdays(), start: '08:00', end: '17:00', timeZone: 'America/New_York' },
  { email: mail('lynner'), days: weekdays(), start: '09:30', end: '18:30', timeZone: 'Asia/Kolkata' },
];
const ATTENDEES = [mail('alexw'), mail('lynner')];

function weekdays() {
  return ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
}

describe('time zones across the 2026 US and EU clock changes', () => {
  let stack: Stack;

  beforeAll(async () => {
    // The week before the US change; devtenant seeds its calendars around this clock.
    stack = await startStack({ tabDir: null, clock: createControllableClock(new Date('2026-02-28T12:00:00Z')) });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  /** Moves the tenant clock forward and reseeds the calendars around it, as a fresh demo tenant would be. */
  const moveTo = async (instant: string) => {
    expect((await stack.devtenant.control('clock/set', { instant })).status).toBe(200);
    expect((await stack.devtenant.control('reset', {})).status).toBe(200);
  };
  const suggest = async (window: { start: string; end: string }) =>
    bodyOf<SuggestionsResponse>(
      await apiAs(stack, PEOPLE.adele.id).post('/api/suggestions', {
        attendees: ATTENDEES,
        durationMinutes: 30,
        maxSuggestions: 10,
        ...window,
      }),
      200,
    );
  const availability = async (window: { start: string; end: string }) =>
    bodyOf<AvailabilityResponse>(
      await apiAs(stack, PEOPLE.adele.id).post('/api/availability', { attendees: ATTENDEES, ...window }),
      200,
    );
  /** Every suggestion inside each person's hours in their own zone (by the seed, not by the API's word), clear of busy time. */
  const expectFair = (suggestions: SuggestionsResponse['suggestions'], people: AvailabilityResponse['people']) => {
    for (const s of suggestions) {
      const slot = { start: new Date(s.start), end: new Date(s.end) };
      for (const hours of SEED_HOURS) {
        expect(insideWorkingHours(slot.start, slot.end, hours), `${s.start} for ${hours.email}`).toBe(true);
      }
      for (const person of people) {
        for (const block of blockingBlocks(person)) expect(overlaps(slot, block)).toBe(false);
      }
    }
  };

  it('reads each person’s working hours in their own zone', async () => {
    const body = await availability({ start: '2026-03-02T00:00:00Z', end: '2026-03-07T00:00:00Z' });
    expect(body.people.map((p) => [p.person.email, p.timeZone, p.workingHours?.start, p.workingHours?.end])).toEqual(
      SEED_HOURS.map((h) => [h.email, h.timeZone, h.start, h.end]),
    );
  });

  it('suggests nothing in the week before the US change, when the three working days never meet — and says so without error', async () => {
    const body = await suggest({ start: '2026-03-02T00:00:00Z', end: '2026-03-07T00:00:00Z' });
    expect(body.suggestions).toEqual([]);
    expect(body.unreadable).toEqual([]);
    expect(body.window).toEqual({ start: '2026-03-02T00:00:00.000Z', end: '2026-03-07T00:00:00.000Z' });
  });

  it('after the US change and before the EU one, suggests only the shared hour; all-day out-of-office and recurring busy time block it', async () => {
    await moveTo('2026-03-08T12:00:00Z');
    const window = { start: '2026-03-09T00:00:00Z', end: '2026-03-14T00:00:00Z' };
    const first = await suggest(window);
    expect(first.suggestions.length).toBeGreaterThan(0);
    expectFair(first.suggestions, (await availability(window)).people);
    for (const s of first.suggestions) {
      expect(DateTime.fromISO(s.start, { zone: 'UTC' }).hour).toBe(12);
    }
    const days = [...new Set(first.suggestions.map((s) => s.start.slice(0, 10)))];
    expect(days.length).toBeGreaterThanOrEqual(2);
    const [oofDay, recurringDay] = days as [string, string];

    // Alex is out of office all day (an all-day event in his own zone) …
    const graph = devtenantGraph(stack);
    const nextDay = DateTime.fromISO(oofDay).plus({ days: 1 }).toISODate();
    await graph.createEvent(PEOPLE.alex.id, {
      subject: 'Annual leave',
      isAllDay: true,
      showAs: 'oof',
      start: { dateTime: `${oofDay}T00:00:00`, timeZone: 'Eastern Standard Time' },
      end: { dateTime: `${nextDay}T00:00:00`, timeZone: 'Eastern Standard Time' },
    });
    // … and Lynne has a weekly call that started the week before, 17:30–18:30 in Kolkata.
    const seriesStart = DateTime.fromISO(recurringDay, { zone: 'Asia/Kolkata' }).minus({ weeks: 1 });
    await graph.createEvent(PEOPLE.lynne.id, {
      subject: 'Weekly vendor call',
      showAs: 'busy',
      start: { dateTime: `${seriesStart.toISODate()}T17:30:00`, timeZone: 'India Standard Time' },
      end: { dateTime: `${seriesStart.toISODate()}T18:30:00`, timeZone: 'India Standard Time' },
      recurrence: {
        pattern: { type: 'weekly', interval: 1, daysOfWeek: [seriesStart.setLocale('en').weekdayLong?.toLowerCase()] },
        range: { type: 'numbered', startDate: seriesStart.toISODate(), numberOfOccurrences: 4 },
      },
    });
    // Free/busy answers are cached for a minute; changes made in Outlook show after that.
    await stack.devtenant.control('clock/advance', { minutes: 2 });

    const people = (await availability(window)).people;
    const alexOof = people[1]?.blocks.find((b) => b.status === 'oof');
    expect(alexOof).toMatchObject({
      start: DateTime.fromISO(`${oofDay}T00:00:00`, { zone: 'America/New_York' }).toUTC().toISO(),
    });
    const second = await suggest(window);
    const secondDays = second.suggestions.map((s) => s.start.slice(0, 10));
    expect(secondDays).not.toContain(oofDay);
    expect(secondDays).not.toContain(recurringDay);
    expect(second.suggestions.length).toBeGreaterThan(0);
    expectFair(second.suggestions, people);
  });

  it('after the EU change too, the shared hour is still 12:00–13:00 UTC (13:00 in London)', async () => {
    await moveTo('2026-03-29T12:00:00Z');
    const window = { start: '2026-03-30T00:00:00Z', end: '2026-04-04T00:00:00Z' };
    const body = await suggest(window);
    expect(body.suggestions.length).toBeGreaterThan(0);
    expectFair(body.suggestions, (await availability(window)).people);
    for (const s of body.suggestions) {
      expect(DateTime.fromISO(s.start, { zone: 'Europe/London' }).hour).toBe(13);
      expect(DateTime.fromISO(s.start, { zone: 'America/New_York' }).hour).toBe(8);
    }
  });
});
