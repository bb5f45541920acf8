import { describe, expect, it } from 'vitest';
import { AppError } from '../app-error.ts';
import type { SlotRequest } from './model.ts';
import { findSlots } from './slot-finder.ts';
import { person, slotRequest, utc } from './test-support/people.ts';

const window = { start: utc('2026-11-02T00:00'), end: utc('2026-11-16T00:00') };
const base = slotRequest({ window, people: [person('Megan Bowen', 'Europe/London')] });
const twentyOne = Array.from({ length: 21 }, (_, i) => person(`Person ${i}`, 'Europe/London'));

describe('findSlots refuses bad requests with a code and the field at fault', () => {
  it.each<[string, Partial<SlotRequest>, string]>([
    ['end before start', { window: { start: window.end, end: window.start } }, 'window'],
    ['a window over 62 days', { window: { start: window.start, end: utc('2027-01-04T00:00') } }, 'window'],
    ['a duration of 0', { durationMinutes: 0 }, 'durationMinutes'],
    ['a duration over 8 hours', { durationMinutes: 481 }, 'durationMinutes'],
    ['a fractional duration', { durationMinutes: 30.5 }, 'durationMinutes'],
    ['a step that does not divide an hour', { stepMinutes: 25 }, 'stepMinutes'],
    ['a negative buffer', { bufferBeforeMinutes: -5 }, 'bufferBeforeMinutes'],
    ['zero suggestions', { maxSuggestions: 0 }, 'maxSuggestions'],
    ['a cap of 0', { maxMeetingsPerDay: 0 }, 'maxMeetingsPerDay'],
    ['no people', { people: [] }, 'people'],
    ['21 people', { people: twentyOne }, 'people'],
    ['an unknown zone', { people: [person('Megan Bowen', 'Europe/Atlantis')] }, 'people.0.timeZone'],
    ['an invalid notice', { notBefore: new Date(Number.NaN) }, 'notBefore'],
    ['a series of 0', { recurrence: { kind: 'weekly', count: 0 } }, 'recurrence.count'],
  ])('%s', (_name, change, field) => {
    const run = () => findSlots({ ...base, ...change });
    expect(run).toThrow(AppError);
    try {
      run();
    } catch (error) {
      expect(error).toMatchObject({ code: 'validation_failed', details: { field } });
    }
  });

  it('accepts the edges: 62 days, 8 hours, 20 people, a cap of 1', () => {
    const edge: SlotRequest = {
      ...base,
      window: { start: window.start, end: new Date(window.start.getTime() + 62 * 86_400_000) },
      durationMinutes: 480,
      people: twentyOne.slice(0, 20),
      maxMeetingsPerDay: 1,
    };
    // Eight hours fill a 09:00–17:00 day exactly: one suggestion per weekday, each at 09:00.
    const suggestions = findSlots(edge);
    expect(suggestions.length).toBe(5);
    for (const s of suggestions) expect(s.start.toISOString().slice(11, 16)).toBe('09:00');
  });
});
