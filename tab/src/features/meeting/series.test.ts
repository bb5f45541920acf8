import type { MeetingDto } from '@confer/contracts';
import { describe, expect, it } from 'vitest';
import { currentOccurrence, neighboursOf, occurrencesOf } from './series.ts';

function meeting(overrides: Partial<MeetingDto>): MeetingDto {
  return {
    id: 'm1',
    title: 'Check-in',
    outlookSubject: null,
    agenda: '',
    typeId: null,
    organizer: { userId: 'o', email: 'alexw@contoso.onmicrosoft.com', displayName: 'Alex Wilber' },
    isOrganizer: true,
    start: '2026-10-19T09:00:00.000Z',
    end: '2026-10-19T09:30:00.000Z',
    timeZone: 'Europe/London',
    recurrence: null,
    online: true,
    joinUrl: null,
    location: null,
    status: 'scheduled',
    attendees: [],
    myResponse: 'organizer',
    version: 1,
    webUrl: '',
    occurrences: [],
    ...overrides,
  };
}

describe('occurrencesOf', () => {
  it('is the meeting itself when it is not a series', () => {
    expect(occurrencesOf(meeting({})).map((o) => o.start)).toEqual(['2026-10-19T09:00:00.000Z']);
  });

  it("lists a series where the contracts' rule puts it, in the meeting's zone", () => {
    // The dates themselves are the table in contracts/src/time/series.test.ts.
    const weekly = meeting({ recurrence: { kind: 'weekly', count: 3 } });
    expect(occurrencesOf(weekly).map((o) => [o.start, o.end])).toEqual([
      ['2026-10-19T09:00:00.000Z', '2026-10-19T09:30:00.000Z'],
      ['2026-10-26T10:00:00.000Z', '2026-10-26T10:30:00.000Z'],
      ['2026-11-02T10:00:00.000Z', '2026-11-02T10:30:00.000Z'],
    ]);
  });

  it('applies moved and cancelled occurrences, keyed by where the series put them', () => {
    const series = meeting({
      recurrence: { kind: 'biweekly', count: 3 },
      start: '2026-11-02T10:00:00.000Z',
      end: '2026-11-02T10:30:00.000Z',
      occurrences: [
        {
          originalStart: '2026-11-16T10:00:00.000Z',
          start: '2026-11-17T14:00:00.000Z',
          end: '2026-11-17T14:30:00.000Z',
          cancelled: false,
        },
        {
          originalStart: '2026-11-30T10:00:00.000Z',
          start: '2026-11-30T10:00:00.000Z',
          end: '2026-11-30T10:30:00.000Z',
          cancelled: true,
        },
      ],
    });
    const [first, second, third] = occurrencesOf(series);
    expect(first).toMatchObject({ moved: false, cancelled: false });
    expect(second).toMatchObject({
      originalStart: '2026-11-16T10:00:00.000Z',
      start: '2026-11-17T14:00:00.000Z',
      moved: true,
    });
    expect(third).toMatchObject({ cancelled: true, moved: false });
    expect(currentOccurrence(occurrencesOf(series), new Date('2026-11-10T00:00:00Z'))?.originalStart).toBe(
      '2026-11-16T10:00:00.000Z',
    );
  });
});

describe('neighboursOf', () => {
  it('bounds an occurrence by the live ones either side, skipping cancelled ones', () => {
    const series = meeting({
      recurrence: { kind: 'weekly', count: 4 },
      occurrences: [
        {
          originalStart: '2026-10-26T10:00:00.000Z',
          start: '2026-10-26T10:00:00.000Z',
          end: '2026-10-26T10:30:00.000Z',
          cancelled: true,
        },
      ],
    });
    const all = occurrencesOf(series);
    const third = all[2];
    if (!third) throw new Error('no third occurrence');
    const { before, after } = neighboursOf(all, third);
    expect(before?.start).toBe('2026-10-19T09:00:00.000Z');
    expect(after?.start).toBe('2026-11-09T10:00:00.000Z');
    const first = all[0];
    if (!first) throw new Error('no first occurrence');
    expect(neighboursOf(all, first).before).toBeNull();
  });
});
