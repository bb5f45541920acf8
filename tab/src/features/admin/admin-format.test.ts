import { describe, expect, it } from 'vitest';
import { createAdminFormatters, dayRange } from './admin-format.ts';

describe('admin dates', () => {
  it('shows an instant in the viewer zone, and a dash for none', () => {
    const format = createAdminFormatters('en-GB', 'America/Los_Angeles');
    expect(format.stamp('2026-12-02T07:30:00Z')).toBe('1 Dec 2026, 23:30');
    expect(format.stamp(null)).toBe('—');
  });

  it.each([
    ['Europe/London in winter', 'Europe/London', '2026-12-01T00:00:00.000Z', '2026-12-03T00:00:00.000Z'],
    ['Tokyo', 'Asia/Tokyo', '2026-11-30T15:00:00.000Z', '2026-12-02T15:00:00.000Z'],
    ['Los Angeles', 'America/Los_Angeles', '2026-12-01T08:00:00.000Z', '2026-12-03T08:00:00.000Z'],
  ])('turns whole days in %s into the audit filter instants', (_name, zone, since, until) => {
    expect(dayRange('2026-12-01', '2026-12-02', zone)).toEqual({ since, until });
  });

  it('counts a day that ends a DST change whole (25 hours in London)', () => {
    const range = dayRange('2026-10-25', '2026-10-25', 'Europe/London');
    expect(Date.parse(range.until) - Date.parse(range.since)).toBe(25 * 3_600_000);
  });

  it('leaves out an empty or malformed day', () => {
    expect(dayRange('', 'not-a-day', 'UTC')).toEqual({ since: '', until: '' });
  });
});
