import { describe, expect, it } from 'vitest';
import { toDateTimeTimeZone, toGraphTimeZone, toWorkingHours, workingHoursZone } from './graph-zones.ts';

describe('zones Graph understands', () => {
  it.each([
    ['Europe/London', 'GMT Standard Time'],
    ['America/New_York', 'Eastern Standard Time'],
    ['Asia/Kolkata', 'India Standard Time'],
    ['UTC', 'UTC'],
  ])('sends %s as %s', (iana, windows) => {
    expect(toGraphTimeZone(iana)).toBe(windows);
  });

  it('writes wall-clock time in the event zone, across the London clock change', () => {
    expect(toDateTimeTimeZone(new Date('2027-03-27T10:00:00Z'), 'Europe/London')).toEqual({
      dateTime: '2027-03-27T10:00:00',
      timeZone: 'GMT Standard Time',
    });
    expect(toDateTimeTimeZone(new Date('2027-03-29T09:00:00Z'), 'Europe/London').dateTime).toBe('2027-03-29T10:00:00');
  });
});

describe('working hours from getSchedule', () => {
  it('reads Windows zone names and trims the times', () => {
    expect(
      toWorkingHours({
        daysOfWeek: ['monday', 'Tuesday', 'funday'],
        startTime: '08:30:00.0000000',
        endTime: '17:00:00.0000000',
        timeZone: { name: 'Pacific Standard Time' },
      }),
    ).toEqual({ days: ['monday', 'tuesday'], start: '08:30', end: '17:00', timeZone: 'America/Los_Angeles' });
  });

  it('turns a whole-hour customTimeZone into a fixed Etc zone and gives up on other biases', () => {
    const custom = (bias: number) => ({
      '@odata.type': '#microsoft.graph.customTimeZone',
      name: 'Customized Time Zone',
      bias,
      standardOffset: { time: '02:00:00.0000000', dayOccurrence: 1, dayOfWeek: 'sunday', month: 11, year: 0 },
      daylightOffset: { daylightBias: -60, time: '02:00:00.0000000', dayOccurrence: 2, dayOfWeek: 'sunday', month: 3 },
    });
    expect(workingHoursZone(custom(480))).toBe('Etc/GMT+8');
    expect(workingHoursZone(custom(-120))).toBe('Etc/GMT-2');
    expect(workingHoursZone(custom(0))).toBe('UTC');
    expect(workingHoursZone(custom(-330))).toBeNull();
    expect(workingHoursZone(null)).toBeNull();
  });
});
