import { describe, expect, it } from 'vitest';
import { ALEX } from '../test-support/fake-graph-context.ts';
import { buildEventRecord } from './event-factory.ts';
import { cryptoRandomBytes } from './event-ids.ts';
import { renderEvent } from './event-renderer.ts';
import { instancesInWindow, singleInstance } from './instance-expander.ts';

const deps = { random: cryptoRandomBytes, nowMs: Date.parse('2026-03-01T00:00:00Z'), tenantId: ALEX.tenantId };
const options = { bodyType: 'html' as const, includeBody: true };

describe('all-day events (docs/reference/graph-calendar.md §9)', () => {
  const record = buildEventRecord(
    {
      subject: 'Offsite',
      isAllDay: true,
      start: { dateTime: '2026-09-11T00:00:00', timeZone: 'Pacific Standard Time' },
      end: { dateTime: '2026-09-12T00:00:00', timeZone: 'Pacific Standard Time' },
    },
    ALEX,
    deps,
  );

  it('runs midnight to the following midnight in the event zone', () => {
    expect(new Date(record.startMs).toISOString()).toBe('2026-09-11T07:00:00.000Z');
    expect(record.endMs - record.startMs).toBe(86_400_000);
  });

  it('shows the same dates at midnight whatever outlook.timezone asks for', () => {
    for (const zone of ['UTC', 'Tokyo Standard Time', 'Europe/London']) {
      const event = renderEvent(singleInstance(record), { ...options, zone });
      expect(event.start).toEqual({ dateTime: '2026-09-11T00:00:00.0000000', timeZone: zone });
      expect(event.end).toEqual({ dateTime: '2026-09-12T00:00:00.0000000', timeZone: zone });
    }
  });

  it('refuses an all-day event that does not start at midnight', () => {
    expect(() =>
      buildEventRecord(
        {
          isAllDay: true,
          start: { dateTime: '2026-09-11T09:00:00', timeZone: 'UTC' },
          end: { dateTime: '2026-09-12T00:00:00', timeZone: 'UTC' },
        },
        ALEX,
        deps,
      ),
    ).toThrow(expect.objectContaining({ status: 400 }));
  });

  it('calendarView includes a multi-day all-day event on each day it covers (docs/reference/graph-calendar.md §3)', () => {
    const long = buildEventRecord(
      {
        isAllDay: true,
        showAs: 'oof',
        start: { dateTime: '2026-09-14T00:00:00', timeZone: 'UTC' },
        end: { dateTime: '2026-09-17T00:00:00', timeZone: 'UTC' },
      },
      ALEX,
      deps,
    );
    const day = (d: string) =>
      instancesInWindow([long], Date.parse(`${d}T00:00:00Z`), Date.parse(`${d}T23:59:59Z`)).length;
    expect([day('2026-09-13'), day('2026-09-14'), day('2026-09-16'), day('2026-09-17')]).toEqual([0, 1, 1, 0]);
  });

  it('answers TimeZoneNotSupportedException for an abbreviation such as AEST (docs/reference/graph-calendar.md §7)', () => {
    expect(() =>
      buildEventRecord(
        {
          start: { dateTime: '2026-09-11T09:00:00', timeZone: 'AEST' },
          end: { dateTime: '2026-09-11T10:00:00', timeZone: 'AEST' },
        },
        ALEX,
        deps,
      ),
    ).toThrow(expect.objectContaining({ status: 400, code: 'TimeZoneNotSupportedException' }));
  });
});
