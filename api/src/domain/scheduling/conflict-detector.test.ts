import { describe, expect, it } from 'vitest';
import { findConflicts } from './conflict-detector.ts';
import type { Interval } from './model.ts';
import { expandSeries } from './series-occurrences.ts';
import { block, local, person, utc } from './test-support/people.ts';

const organizer = person('Megan Bowen', 'Europe/London', {
  email: 'meganb@contoso.onmicrosoft.com',
  blocks: [
    block(utc('2026-03-09T10:00'), utc('2026-03-09T11:00'), 'busy', { subject: 'Budget review' }),
    block(utc('2026-03-09T14:00'), utc('2026-03-09T15:00'), 'tentative', { subject: 'Maybe lunch talk' }),
  ],
});
const alex = person('Alex Wilber', 'America/New_York', {
  email: 'alexw@contoso.onmicrosoft.com',
  blocks: [
    block(utc('2026-03-09T10:30'), utc('2026-03-09T12:00'), 'busy', { subject: 'must never leak' }),
    block(utc('2026-03-09T16:00'), utc('2026-03-09T17:00'), 'workingElsewhere'),
    // All-day absence on 23 March, reported in UTC: still the whole New York day.
    block(utc('2026-03-23T00:00'), utc('2026-03-24T00:00'), 'oof'),
  ],
});
const adele = person('Adele Vance', 'Europe/London', {
  email: 'adelev@contoso.onmicrosoft.com',
  status: 'consent_required',
});
const options = { organizerEmail: 'MeganB@contoso.onmicrosoft.com', tentativeIsBusy: true };
const slot = (from: string, to: string): Interval => ({ start: utc(from), end: utc(to) });

describe('findConflicts', () => {
  it.each([
    [
      'a clash with the organizer shows their own title',
      slot('2026-03-09T09:30', '2026-03-09T10:15'),
      [['meganb', 'busy', 'Budget review']],
    ],
    [
      'both clash: the attendee as a status only',
      slot('2026-03-09T10:45', '2026-03-09T11:15'),
      [
        ['meganb', 'busy', 'Budget review'],
        ['alexw', 'busy', undefined],
      ],
    ],
    ['back to back is no conflict (half-open)', slot('2026-03-09T09:00', '2026-03-09T10:00'), []],
    ['touching the end is no conflict', slot('2026-03-09T12:00', '2026-03-09T13:00'), []],
    ['working elsewhere is free', slot('2026-03-09T16:00', '2026-03-09T16:30'), []],
    [
      'tentative counts as busy by default',
      slot('2026-03-09T14:30', '2026-03-09T15:30'),
      [['meganb', 'tentative', 'Maybe lunch talk']],
    ],
    // Alex's all-day absence (UTC midnights) touches 22 and 23 March in New York: both whole local days block.
    [
      'the absence covers the New York evening of 22 March',
      slot('2026-03-23T02:00', '2026-03-23T03:00'),
      [['alexw', 'oof', undefined]],
    ],
    [
      '…and the New York evening of 23 March',
      slot('2026-03-24T02:00', '2026-03-24T03:00'),
      [['alexw', 'oof', undefined]],
    ],
    ['…but not the small hours of 24 March in New York', slot('2026-03-24T05:00', '2026-03-24T06:00'), []],
  ])('%s', (_name, proposed, expected) => {
    const conflicts = findConflicts([proposed], [organizer, alex], options);
    expect(conflicts.map((c) => [c.person.email.split('@')[0], c.status, c.subject])).toEqual(expected);
    for (const c of conflicts) expect(c.occurrence).toBe(proposed);
  });

  it('ignores tentative holds when the organizer says tentative is free', () => {
    const conflicts = findConflicts([slot('2026-03-09T14:30', '2026-03-09T15:30')], [organizer], {
      ...options,
      tentativeIsBusy: false,
    });
    expect(conflicts).toEqual([]);
  });

  it('reports an unreadable calendar once per occurrence, never as free', () => {
    const proposed = [slot('2026-03-09T09:00', '2026-03-09T09:30'), slot('2026-03-16T09:00', '2026-03-16T09:30')];
    const conflicts = findConflicts(proposed, [organizer, adele], options);
    expect(conflicts.map((c) => [c.occurrence.start.toISOString(), c.person.displayName, c.status])).toEqual([
      ['2026-03-09T09:00:00.000Z', 'Adele Vance', 'unreadable'],
      ['2026-03-16T09:00:00.000Z', 'Adele Vance', 'unreadable'],
    ]);
  });

  it('checks every occurrence of a series: only the clashing ones are reported', () => {
    // Weekly Mondays 06:30 New York, four times: 9, 16, 23 (Alex away all day) and 30 March.
    const first = local('America/New_York', '2026-03-09T06:30');
    const occurrences = expandSeries(
      first,
      new Date(first.getTime() + 30 * 60_000),
      'America/New_York',
      { kind: 'weekly', count: 4 },
      {
        start: utc('2026-03-01T00:00'),
        end: utc('2026-05-01T00:00'),
      },
    );
    const conflicts = findConflicts(occurrences, [organizer, alex], options);
    // 9 March 06:30 New York is 10:30 UTC: Megan's budget review and Alex's busy block.
    expect(conflicts.map((c) => [c.occurrence.start.toISOString(), c.person.displayName, c.status, c.subject])).toEqual(
      [
        ['2026-03-09T10:30:00.000Z', 'Megan Bowen', 'busy', 'Budget review'],
        ['2026-03-09T10:30:00.000Z', 'Alex Wilber', 'busy', undefined],
        ['2026-03-23T10:30:00.000Z', 'Alex Wilber', 'oof', undefined],
      ],
    );
    expect(conflicts[2]?.block).toEqual({ start: utc('2026-03-23T00:00'), end: utc('2026-03-24T00:00') });
  });
});
