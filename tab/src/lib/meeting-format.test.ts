import { describe, expect, it } from 'vitest';
import { englishTranslator } from '../i18n/catalogues.ts';
import { createMeetingFormatters, describeRecurrence } from './meeting-format.ts';

describe('createMeetingFormatters', () => {
  it("shows a meeting's time in the viewer's zone and locale, the date once", () => {
    const london = createMeetingFormatters('en-GB', 'Europe/London');
    expect(london.when('2026-11-23T09:00:00Z', '2026-11-23T09:30:00Z')).toMatch(/^Mon 23 Nov, 09:00\s*–\s*09:30$/);
    const kolkata = createMeetingFormatters('en-GB', 'Asia/Kolkata');
    expect(kolkata.when('2026-11-23T09:00:00Z', '2026-11-23T09:30:00Z')).toMatch(/14:30\s*–\s*15:00$/);
  });

  it('formats in the locale (German words and 24-hour clock)', () => {
    const berlin = createMeetingFormatters('de-DE', 'Europe/Berlin');
    expect(berlin.longDate('2026-11-23T09:00:00Z')).toBe('Montag, 23. November 2026');
  });

  it('keeps a due date on its calendar day whatever the zone', () => {
    expect(createMeetingFormatters('en-GB', 'Pacific/Kiritimati').dueDate('2026-11-27')).toBe('Fri, 27 Nov 2026');
    expect(createMeetingFormatters('en-GB', 'Pacific/Pago_Pago').dueDate('2026-11-27')).toBe('Fri, 27 Nov 2026');
  });
});

describe('describeRecurrence', () => {
  it('says how often and how many times', () => {
    expect(describeRecurrence(englishTranslator('en-GB'), { kind: 'biweekly', count: 6 })).toBe(
      'Every two weeks, 6 times',
    );
    expect(describeRecurrence(englishTranslator(), null)).toBeNull();
  });
});
