import { isBlocking } from '@confer/contracts';
import { DateTime } from 'luxon';
import { expect } from 'vitest';
import type { Interval, PersonAvailability, SlotRequest, Suggestion } from '../model.ts';
import { expandSeries } from '../series-occurrences.ts';
import { insideWorkingHours } from './oracles.ts';

/**
 * The laws every answer of `findSlots` obeys, checked without the finder's code, for the property tests:
 * a meeting at a suggested time is acceptable to everyone whose calendar can be read.
 */
const MINUTE = 60_000;

export function fitsEveryone(request: SlotRequest, slot: Interval): boolean {
  return request.people
    .filter((p) => p.status === 'ok')
    .every((p) => insideWorkingHours(slot, p) && clearOfBlocks(request, p, slot) && underCap(request, p, slot));
}

/** No blocking block within the buffers around the slot, and no all-day absence on its local date. */
export function clearOfBlocks(request: SlotRequest, p: PersonAvailability, slot: Interval): boolean {
  const from = slot.start.getTime() - request.bufferBeforeMinutes * MINUTE;
  const to = slot.end.getTime() + request.bufferAfterMinutes * MINUTE;
  const zone = p.workingHours?.timeZone ?? p.timeZone;
  const slotDate = localDate(slot.start, zone);
  return p.blocks.every((b) => {
    if (!isBlocking(b.status, request.tentativeIsBusy)) return true;
    if (b.start.getTime() < to && b.end.getTime() > from) return false;
    const allDayOof = b.status === 'oof' && b.end.getTime() - b.start.getTime() >= 23 * 3_600_000;
    return (
      !allDayOof || slotDate < localDate(b.start, zone) || slotDate > localDate(new Date(b.end.getTime() - 1), zone)
    );
  });
}

export function underCap(request: SlotRequest, p: PersonAvailability, slot: Interval): boolean {
  if (request.maxMeetingsPerDay === null) return true;
  const zone = p.workingHours?.timeZone ?? p.timeZone;
  const date = localDate(slot.start, zone);
  const count = p.blocks.filter(
    (b) => b.isConferMeeting && b.status !== 'free' && localDate(b.start, zone) === date,
  ).length;
  return count < request.maxMeetingsPerDay;
}

export function localDate(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISODate() ?? '';
}

/** Starts lie on the step grid, counted from the hour in the organizer's zone. */
export function onGrid(request: SlotRequest, start: Date): boolean {
  return DateTime.fromJSDate(start, { zone: request.people[0]!.timeZone }).minute % request.stepMinutes === 0;
}

/** Every occurrence of a series that ends inside the window fits everyone too. */
export function seriesFits(request: SlotRequest, slot: Interval): boolean {
  if (!request.recurrence) return true;
  const occurrences = expandSeries(
    slot.start,
    slot.end,
    request.people[0]!.timeZone,
    request.recurrence,
    request.window,
  );
  return occurrences.filter((o) => o.end <= request.window.end).every((o) => fitsEveryone(request, o));
}

/** Sorted by score, ties by the earlier start. */
export function expectRanked(suggestions: readonly Suggestion[]): void {
  for (let i = 1; i < suggestions.length; i++) {
    const [a, b] = [suggestions[i - 1]!, suggestions[i]!];
    expect(a.score > b.score || (a.score === b.score && a.start < b.start)).toBe(true);
  }
}

/** No two suggestions start less than one meeting length apart (so no two are the same time either). */
export function expectApart(suggestions: readonly Suggestion[], gap: number): void {
  for (const a of suggestions) {
    for (const b of suggestions) {
      if (a !== b) expect(Math.abs(a.start.getTime() - b.start.getTime())).toBeGreaterThanOrEqual(gap);
    }
  }
}
