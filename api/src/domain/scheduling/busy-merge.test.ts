import { describe, expect, it } from 'vitest';
import { mergeBusyBlocks } from './busy-merge.ts';
import type { BusyBlock, FreeBusyStatus } from './model.ts';
import { block, utc } from './test-support/people.ts';

const at = (hour: number) => utc(`2026-03-10T${String(hour).padStart(2, '0')}:00`);
const span = (from: number, to: number) => [at(from).toISOString(), at(to).toISOString()];

describe('mergeBusyBlocks', () => {
  it.each<[FreeBusyStatus, boolean, boolean]>([
    ['busy', true, true],
    ['oof', true, true],
    ['unknown', true, true],
    ['tentative', true, true],
    ['tentative', false, false],
    ['busy', false, true],
    ['workingElsewhere', true, false],
    ['free', true, false],
  ])('%s with tentativeIsBusy=%s blocks: %s', (status, tentativeIsBusy, blocks) => {
    const result = mergeBusyBlocks([block(at(9), at(10), status)], { tentativeIsBusy, timeZone: 'UTC' });
    expect(result.length).toBe(blocks ? 1 : 0);
  });

  it('merges overlapping and touching blocks of any order into disjoint intervals', () => {
    const blocks: BusyBlock[] = [
      block(at(13), at(14)),
      block(at(9), at(10)),
      block(at(10), at(11), 'oof'),
      block(at(9), at(9)),
    ];
    const result = mergeBusyBlocks(blocks, { tentativeIsBusy: true, timeZone: 'UTC' });
    expect(result.map((i) => [i.start.toISOString(), i.end.toISOString()])).toEqual([span(9, 11), span(13, 14)]);
  });

  it.each([
    // An all-day absence reported in UTC covers 05:30–05:30 in Kolkata: the whole two local days are blocked.
    [
      'Kolkata, given in UTC',
      'Asia/Kolkata',
      '2026-03-10T00:00Z',
      '2026-03-11T00:00Z',
      '2026-03-09T18:30:00.000Z',
      '2026-03-11T18:30:00.000Z',
    ],
    [
      'New York, given in UTC',
      'America/New_York',
      '2026-03-10T00:00Z',
      '2026-03-11T00:00Z',
      '2026-03-09T04:00:00.000Z',
      '2026-03-11T04:00:00.000Z',
    ],
    [
      'London, local midnights',
      'Europe/London',
      '2026-03-10T00:00Z',
      '2026-03-11T00:00Z',
      '2026-03-10T00:00:00.000Z',
      '2026-03-11T00:00:00.000Z',
    ],
    // 29 March 2026 is 23 hours long in London and still an all-day absence.
    [
      'London spring-forward day',
      'Europe/London',
      '2026-03-29T00:00Z',
      '2026-03-29T23:00Z',
      '2026-03-29T00:00:00.000Z',
      '2026-03-29T23:00:00.000Z',
    ],
  ])('an all-day out-of-office blocks whole local days: %s', (_name, zone, start, end, expectedStart, expectedEnd) => {
    const result = mergeBusyBlocks([block(new Date(start), new Date(end), 'oof')], {
      tentativeIsBusy: true,
      timeZone: zone,
    });
    expect(result.map((i) => [i.start.toISOString(), i.end.toISOString()])).toEqual([[expectedStart, expectedEnd]]);
  });

  it('leaves a short out-of-office and an all-day busy item as they are', () => {
    const shortOof = block(at(13), at(17), 'oof');
    const allDayBusy = block(utc('2026-03-12T00:00'), utc('2026-03-13T00:00'), 'busy');
    const result = mergeBusyBlocks([shortOof, allDayBusy], { tentativeIsBusy: true, timeZone: 'Asia/Kolkata' });
    expect(result.map((i) => i.start.toISOString())).toEqual([at(13).toISOString(), '2026-03-12T00:00:00.000Z']);
    expect(result.map((i) => i.end.toISOString())).toEqual([at(17).toISOString(), '2026-03-13T00:00:00.000Z']);
  });
});
