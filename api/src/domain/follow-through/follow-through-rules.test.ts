import { describe, expect, it } from 'vitest';
import { FIRST_CHECK_AFTER_MS, firstCheckAt, GIVE_UP_AFTER_MS, nextCheckAt } from './attendance-schedule.ts';
import { occurrencesEndedBetween } from './ended-occurrences.ts';
import { dueAt, mayNudge, overduePeriod, pairStatus, rhythmOf, usualOrganizer } from './pair-rhythm.ts';

const DAY = 86_400_000;
const end = new Date('2026-03-02T10:45:00Z');

describe('when attendance is read', () => {
  it('first ten minutes after the end, then with doubling gaps, and not after two days', () => {
    expect(firstCheckAt(end).getTime() - end.getTime()).toBe(FIRST_CHECK_AFTER_MS);
    const at = (minutes: number) => new Date(end.getTime() + minutes * 60_000);
    expect(nextCheckAt(end, 1, at(10))?.toISOString()).toBe(at(20).toISOString());
    expect(nextCheckAt(end, 2, at(20))?.toISOString()).toBe(at(40).toISOString());
    expect(nextCheckAt(end, 3, at(40))?.toISOString()).toBe(at(80).toISOString());
    expect(nextCheckAt(end, 12, at(600))?.toISOString()).toBe(at(600 + 360).toISOString());
    const nearlyOver = new Date(end.getTime() + GIVE_UP_AFTER_MS - 60_000);
    expect(nextCheckAt(end, 9, nearlyOver)?.getTime()).toBe(end.getTime() + GIVE_UP_AFTER_MS);
    expect(nextCheckAt(end, 10, new Date(end.getTime() + GIVE_UP_AFTER_MS))).toBeNull();
  });
});

describe('occurrencesEndedBetween', () => {
  const single = { start: new Date('2026-03-02T10:00:00Z'), end, timeZone: 'Europe/London', recurrence: null };
  it('answers a single meeting when its end falls in the window', () => {
    expect(occurrencesEndedBetween(single, [], end, new Date(end.getTime() + 1))).toHaveLength(1);
    expect(occurrencesEndedBetween(single, [], new Date(end.getTime() + 1), new Date(end.getTime() + DAY))).toEqual([]);
  });
  it('expands a series, at moved times and without cancelled occurrences', () => {
    const series = { ...single, recurrence: { kind: 'weekly' as const, count: 4 } };
    const second = new Date(single.start.getTime() + 7 * DAY);
    const third = new Date(single.start.getTime() + 14 * DAY);
    const overrides = [
      {
        meetingId: 'm',
        originalStart: second,
        start: new Date(second.getTime() + DAY),
        end: new Date(second.getTime() + DAY + 45 * 60_000),
        cancelled: false,
        graphEventId: null,
      },
      { meetingId: 'm', originalStart: third, start: third, end: third, cancelled: true, graphEventId: null },
    ];
    const ended = occurrencesEndedBetween(series, overrides, single.start, new Date(single.start.getTime() + 30 * DAY));
    expect(ended.map((o) => [o.originalStart.toISOString(), o.start.toISOString()])).toEqual([
      ['2026-03-02T10:00:00.000Z', '2026-03-02T10:00:00.000Z'],
      ['2026-03-09T10:00:00.000Z', '2026-03-10T10:00:00.000Z'],
      ['2026-03-23T10:00:00.000Z', '2026-03-23T10:00:00.000Z'],
    ]);
  });
});

describe('pair rhythm', () => {
  const pair = {
    personA: 'a',
    personB: 'b',
    organizedByA: 1,
    organizedByB: 1,
    lastHeldEnd: end,
    lastNudgeAt: null as Date | null,
    rhythmDays: null as number | null,
    lastTypeId: 'mentoring-session' as string | null,
  };
  const types = (id: string) => (id === 'mentoring-session' ? 14 : null);

  it("takes the pair's own rhythm over its type's, and none when neither has one", () => {
    expect(rhythmOf(pair, types)).toEqual({ days: 14, source: 'type' });
    expect(rhythmOf({ ...pair, rhythmDays: 7 }, types)).toEqual({ days: 7, source: 'pair' });
    expect(rhythmOf({ ...pair, lastTypeId: null }, types)).toBeNull();
  });

  it('is on track, then due three days ahead, then overdue; booked is always on track', () => {
    const due = dueAt(pair, 14);
    expect(pairStatus(due, new Date(due.getTime() - 4 * DAY), false)).toBe('on_track');
    expect(pairStatus(due, new Date(due.getTime() - 2 * DAY), false)).toBe('due');
    expect(pairStatus(due, due, false)).toBe('overdue');
    expect(pairStatus(due, due, true)).toBe('on_track');
    expect(pairStatus(null, due, false)).toBe('on_track');
  });

  it('nudges at most once per rhythm, and again after a newer held meeting', () => {
    const now = new Date(end.getTime() + 15 * DAY);
    expect(mayNudge(pair, 14, now)).toBe(true);
    const nudged = { ...pair, lastNudgeAt: new Date(end.getTime() + 14 * DAY) };
    expect(mayNudge(nudged, 14, now)).toBe(false);
    expect(mayNudge(nudged, 14, new Date(end.getTime() + 28 * DAY))).toBe(true);
    expect(mayNudge({ ...pair, lastNudgeAt: new Date(end.getTime() - DAY) }, 14, now)).toBe(true);
    expect(overduePeriod(pair, 14, now)).toBe(1);
    expect(overduePeriod(pair, 14, new Date(end.getTime() + 29 * DAY))).toBe(2);
  });

  it('nudges whoever usually organises; on a tie the last organizer', () => {
    expect(usualOrganizer({ ...pair, organizedByB: 3 }, 'a')).toBe('b');
    expect(usualOrganizer(pair, 'b')).toBe('b');
    expect(usualOrganizer(pair, null)).toBe('a');
  });
});
