import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { BusyBlock, FreeBusyStatus, PersonAvailability, SlotRequest, Weekday } from './model.ts';
import { findSlots } from './slot-finder.ts';
import { person, slotRequest } from './test-support/people.ts';
import { expectApart, expectRanked, fitsEveryone, onGrid, seriesFits } from './test-support/slot-laws.ts';

/**
 * The slot finder's laws over calendars, zones and dates drawn by fast-check (slot-finder.property.test.ts
 * covers plausible team calendars around the 2026 clock changes; this file goes after the edges): zones
 * with half-hour and 45-minute offsets and with DST of 30 minutes, windows that start on clock-change days
 * and on 31 December, working hours that start at midnight or run past it, and busy blocks at odd instants.
 * A failure prints its seed and path; rerun with `CONFER_PROPERTY_SEED=<seed>` to replay it.
 */
const SEED = Number(process.env.CONFER_PROPERTY_SEED ?? 20_261_231);
const MINUTE = 60_000;
const DAY = 86_400_000;

const ZONES = [
  'UTC',
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/St_Johns', // −3:30, with DST
  'Asia/Kolkata', // +5:30
  'Asia/Kathmandu', // +5:45
  'Asia/Tehran', // +3:30
  'Australia/Adelaide', // +9:30, DST to +10:30
  'Australia/Lord_Howe', // DST of 30 minutes
  'Pacific/Chatham', // +12:45, DST to +13:45
  'Pacific/Kiritimati', // +14, a day ahead of most
  'Pacific/Pago_Pago', // −11
] as const;

/** Clock-change days (2026–2027) of the zones above, year ends, and a leap day: the dates that break code. */
const EDGE_DATES = [
  '2026-03-08', // US spring forward (and St John's)
  '2026-03-29', // EU spring forward
  '2026-04-05', // Adelaide, Lord Howe and Chatham fall back
  '2026-09-27', // Chatham springs forward
  '2026-10-04', // Adelaide and Lord Howe spring forward
  '2026-10-25', // EU fall back
  '2026-11-01', // US fall back
  '2026-12-31',
  '2027-03-14',
  '2027-10-31',
  '2027-12-31',
  '2028-02-29',
];

const WEEKDAYS: readonly Weekday[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const STATUSES: readonly FreeBusyStatus[] = ['busy', 'busy', 'tentative', 'oof', 'workingElsewhere', 'free', 'unknown'];

const clockText = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** A window of 1 to 10 days starting within two days before an edge date or anywhere in 2026–2027. */
const windowArb = fc
  .record({
    day: fc.oneof(
      fc.constantFrom(...EDGE_DATES).map((d) => Date.parse(`${d}T00:00:00Z`)),
      fc.integer({ min: 0, max: 729 }).map((d) => Date.parse('2026-01-01T00:00:00Z') + d * DAY),
    ),
    shiftMinutes: fc.integer({ min: -2 * 24 * 60, max: 24 * 60 }),
    lengthHours: fc.integer({ min: 24, max: 240 }),
  })
  .map(({ day, shiftMinutes, lengthHours }) => {
    const start = day + shiftMinutes * MINUTE;
    return { start: new Date(start), end: new Date(start + lengthHours * 3_600_000) };
  });

/** Stated hours (sometimes past midnight, sometimes from midnight), or none: the default 08:00–17:00. */
const hoursArb = fc.option(
  fc.record({
    days: fc.subarray([...WEEKDAYS], { minLength: 1 }),
    startMinute: fc.integer({ min: 0, max: 95 }).map((q) => q * 15),
    lengthMinutes: fc.integer({ min: 4, max: 64 }).map((q) => q * 15),
  }),
  { nil: null, freq: 5 },
);

/** Blocks anywhere near the window, at any minute (and the odd second), some all-day absences. */
function blocksArb(window: { start: Date; end: Date }, zone: string) {
  const span = (window.end.getTime() - window.start.getTime()) / MINUTE;
  const timed = fc.record({
    offset: fc.integer({ min: -600, max: span + 600 }),
    seconds: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 59 })),
    length: fc.integer({ min: 1, max: 600 }),
    status: fc.constantFrom(...STATUSES),
    isConferMeeting: fc.boolean(),
  });
  const allDay = fc.record({ day: fc.integer({ min: -1, max: Math.ceil(span / 1440) }), inUtc: fc.boolean() });
  return fc
    .tuple(fc.array(timed, { maxLength: 25 }), fc.array(allDay, { maxLength: 2 }))
    .map(([items, absences]): BusyBlock[] => [
      ...items.map((b) => {
        const start = window.start.getTime() + b.offset * MINUTE + b.seconds * 1000;
        return {
          start: new Date(start),
          end: new Date(start + b.length * MINUTE),
          status: b.status,
          ...(b.isConferMeeting ? { isConferMeeting: true } : {}),
        };
      }),
      ...absences.map((a) => {
        const first = DateTime.fromJSDate(window.start, { zone: a.inUtc ? 'UTC' : zone })
          .startOf('day')
          .plus({ days: a.day });
        return { start: first.toJSDate(), end: first.plus({ days: 1 }).toJSDate(), status: 'oof' as const };
      }),
    ]);
}

function personArb(index: number, window: { start: Date; end: Date }) {
  return fc
    .record({ zone: fc.constantFrom(...ZONES), hours: hoursArb, readable: fc.boolean() })
    .chain(({ zone, hours, readable }) =>
      blocksArb(window, zone).map((blocks): PersonAvailability => {
        const workingHours = hours && {
          days: hours.days,
          start: clockText(hours.startMinute),
          end: clockText((hours.startMinute + hours.lengthMinutes) % 1440),
          timeZone: zone,
        };
        return person(`Person ${index}`, zone, {
          workingHours,
          blocks,
          status: index === 0 || readable ? 'ok' : 'consent_required',
        });
      }),
    );
}

const requestArb: fc.Arbitrary<SlotRequest> = windowArb.chain((window) =>
  fc
    .record({
      people: fc
        .integer({ min: 1, max: 4 })
        .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => personArb(i, window)))),
      durationMinutes: fc.constantFrom(5, 15, 25, 30, 45, 60, 90, 120, 240),
      stepMinutes: fc.constantFrom(5, 10, 15, 20, 30, 60),
      bufferBeforeMinutes: fc.constantFrom(0, 0, 5, 10, 30, 120),
      bufferAfterMinutes: fc.constantFrom(0, 0, 5, 15, 60),
      maxMeetingsPerDay: fc.constantFrom(null, null, 1, 2),
      tentativeIsBusy: fc.boolean(),
      maxSuggestions: fc.integer({ min: 1, max: 12 }),
      noticeMinutes: fc.integer({ min: -24 * 60, max: 3 * 24 * 60 }),
      recurrence: fc.option(
        fc.record({ kind: fc.constantFrom('weekly', 'biweekly', 'monthly'), count: fc.integer({ min: 2, max: 4 }) }),
        { nil: null, freq: 4 },
      ),
    })
    .map(({ noticeMinutes, ...rest }) =>
      slotRequest({ ...rest, window, notBefore: new Date(window.start.getTime() + noticeMinutes * MINUTE) }),
    ),
);

describe('findSlots laws over random zones, dates and calendars (fast-check)', () => {
  it('suggests only times inside everyone’s hours, clear of busy time and buffers, after the notice, inside the window, ranked and distinct', () => {
    fc.assert(
      fc.property(requestArb, (request) => {
        const suggestions = findSlots(request);
        const unknown = request.people.filter((p) => p.status !== 'ok').length;
        expect(suggestions.length).toBeLessThanOrEqual(request.maxSuggestions);
        for (const s of suggestions) {
          expect(s.end.getTime() - s.start.getTime()).toBe(request.durationMinutes * MINUTE);
          expect(s.start >= request.notBefore).toBe(true);
          expect(s.start >= request.window.start && s.end <= request.window.end).toBe(true);
          expect(onGrid(request, s.start)).toBe(true);
          expect(fitsEveryone(request, s)).toBe(true);
          expect(seriesFits(request, s)).toBe(true);
          expect(s.reasons.filter((r) => r.code === 'calendar_unknown')).toHaveLength(unknown);
        }
        expectRanked(suggestions);
        expectApart(suggestions, request.durationMinutes * MINUTE);
        expect(new Set(suggestions.map((s) => s.start.getTime())).size).toBe(suggestions.length);
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it('finds the same answer whatever order the blocks arrive in', () => {
    fc.assert(
      fc.property(requestArb, fc.integer(), (request, salt) => {
        const shuffled = {
          ...request,
          people: request.people.map((p) => ({ ...p, blocks: shuffle(p.blocks, salt) })),
        };
        expect(findSlots(shuffled)).toEqual(findSlots(request));
      }),
      { numRuns: 60, seed: SEED },
    );
  });
});

/** A deterministic reordering (so a failure replays from its seed). */
function shuffle<T>(items: readonly T[], salt: number): T[] {
  return items
    .map((item, i) => ({ item, key: Math.imul(i + 1, 2_654_435_761) ^ salt }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.item);
}
