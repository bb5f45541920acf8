import { describe, expect, it } from 'vitest';
import { aMeeting } from '../../ports/store-fixtures.contract.ts';
import { planReminders, type ReminderPlanOptions } from './plan-reminders.ts';

const now = new Date('2026-11-20T09:00:00.000Z');
const options = (overrides: Partial<ReminderPlanOptions> = {}): ReminderPlanOptions => ({
  typeDefaults: [1440, 15],
  preferencesByUser: new Map(),
  horizon: new Date('2027-01-21T00:00:00.000Z'),
  now,
  ...overrides,
});
const summary = (plan: ReturnType<typeof planReminders>) =>
  plan.map((m) => `${m.userId} ${m.notBefore.toISOString()} ${m.payload.leadMinutes}`).sort();

describe('planReminders', () => {
  it.each([
    {
      name: 'type defaults for everyone with a user id (the external guest has none)',
      prefs: new Map<string, number[]>(),
      expected: [
        'oid-alex 2026-11-22T10:00:00.000Z 1440',
        'oid-alex 2026-11-23T09:45:00.000Z 15',
        'oid-megan 2026-11-22T10:00:00.000Z 1440',
        'oid-megan 2026-11-23T09:45:00.000Z 15',
      ],
    },
    {
      name: "a person's own lead times replace the type's; an empty list keeps them",
      prefs: new Map([
        ['oid-megan', [60, 60, 5]],
        ['oid-alex', []],
      ]),
      expected: [
        'oid-alex 2026-11-22T10:00:00.000Z 1440',
        'oid-alex 2026-11-23T09:45:00.000Z 15',
        'oid-megan 2026-11-23T09:00:00.000Z 60',
        'oid-megan 2026-11-23T09:55:00.000Z 5',
      ],
    },
    {
      name: 'nonsense lead times are ignored',
      prefs: new Map([['oid-megan', [0, -5, 1.5, 99999, 30]]]),
      expected: [
        'oid-alex 2026-11-22T10:00:00.000Z 1440',
        'oid-alex 2026-11-23T09:45:00.000Z 15',
        'oid-megan 2026-11-23T09:30:00.000Z 30',
      ],
    },
  ])('$name', ({ prefs, expected }) => {
    expect(summary(planReminders(aMeeting(), options({ preferencesByUser: prefs })))).toEqual(expected);
  });

  it('skips reminder times already past', () => {
    const late = options({ now: new Date('2026-11-23T09:30:00.000Z') });
    expect(summary(planReminders(aMeeting(), late))).toEqual([
      'oid-alex 2026-11-23T09:45:00.000Z 15',
      'oid-megan 2026-11-23T09:45:00.000Z 15',
    ]);
  });

  it('plans nothing for a cancelled or failed meeting', () => {
    expect(planReminders(aMeeting({ status: 'cancelled' }), options())).toEqual([]);
    expect(planReminders(aMeeting({ status: 'failed' }), options())).toEqual([]);
  });

  it('keys reminders by meeting, occurrence, user and lead, the same on every planning', () => {
    const first = planReminders(aMeeting(), options());
    const again = planReminders(aMeeting({ version: 2, title: 'Renamed' }), options());
    expect(again.map((m) => m.key)).toEqual(first.map((m) => m.key));
    expect(first[0]?.key).toBe('reminder:meeting-1:2026-11-23T10:00:00.000Z:oid-alex:1440');
    expect(first[0]).toMatchObject({ tenantId: 'tenant-a', kind: 'reminder' });
  });

  it('reminds each occurrence of a weekly series at the same London wall-clock time across the clock change', () => {
    const series = aMeeting({
      start: new Date('2027-03-15T09:00:00.000Z'), // 09:00 GMT
      end: new Date('2027-03-15T09:30:00.000Z'),
      recurrence: { kind: 'weekly', count: 3 },
    });
    const plan = planReminders(series, options({ typeDefaults: [15], horizon: new Date('2027-06-01T00:00:00.000Z') }));
    // 28 March 2027 the UK moves to BST: 09:00 local is 08:00 UTC from then on.
    expect([...new Set(plan.map((m) => m.payload.occurrenceStart))]).toEqual([
      '2027-03-15T09:00:00.000Z',
      '2027-03-22T09:00:00.000Z',
      '2027-03-29T08:00:00.000Z',
    ]);
    expect(plan.filter((m) => m.userId === 'oid-megan').map((m) => m.notBefore.toISOString())).toEqual([
      '2027-03-15T08:45:00.000Z',
      '2027-03-22T08:45:00.000Z',
      '2027-03-29T07:45:00.000Z',
    ]);
  });

  it('follows moved occurrences, drops cancelled ones, and stops at the horizon', () => {
    const series = aMeeting({ recurrence: { kind: 'weekly', count: 10 } });
    const plan = planReminders(
      series,
      options({
        typeDefaults: [15],
        horizon: new Date('2026-12-08T00:00:00.000Z'),
        overrides: [
          {
            meetingId: 'meeting-1',
            originalStart: new Date('2026-11-30T10:00:00.000Z'),
            start: new Date('2026-12-01T14:00:00.000Z'),
            end: new Date('2026-12-01T14:45:00.000Z'),
            cancelled: false,
            graphEventId: null,
          },
          {
            meetingId: 'meeting-1',
            originalStart: new Date('2026-12-07T10:00:00.000Z'),
            start: new Date('2026-12-07T10:00:00.000Z'),
            end: new Date('2026-12-07T10:45:00.000Z'),
            cancelled: true,
            graphEventId: null,
          },
        ],
      }),
    );
    // The moved occurrence keeps its original start as its id, and is reminded before its new time.
    expect(
      plan.map((m) => [m.payload.occurrenceStart, m.notBefore.toISOString()]).filter((_, i) => i % 2 === 0),
    ).toEqual([
      ['2026-11-23T10:00:00.000Z', '2026-11-23T09:45:00.000Z'],
      ['2026-11-30T10:00:00.000Z', '2026-12-01T13:45:00.000Z'],
    ]);
  });
});
