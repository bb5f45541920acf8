import type { WeekEvent } from '@confer/contracts';
import { describe, expect, it } from 'vitest';
import { englishTranslator } from '../../i18n/catalogues.ts';
import type { DayEntry } from './week-days.ts';
import { createWeekFormatters as createWith, weekLabels } from './week-format.ts';

const createWeekFormatters = (locale: string, zone: string) =>
  createWith(locale, zone, weekLabels(englishTranslator()));

const base: WeekEvent = {
  id: 'e',
  subject: 'Check-in',
  start: '2026-11-20T17:00:00Z',
  end: '2026-11-20T17:30:00Z',
  isAllDay: false,
  showAs: 'busy',
  type: 'singleInstance',
  sensitivity: 'normal',
  location: null,
  isOnlineMeeting: false,
  joinUrl: null,
  organizer: null,
  isOrganizer: true,
  isCancelled: false,
};
const entry = (overrides: Partial<DayEntry> = {}, event: Partial<WeekEvent> = {}): DayEntry => ({
  event: { ...base, ...event },
  continuesFromBefore: false,
  continuesAfter: false,
  ...overrides,
});

describe('createWeekFormatters', () => {
  it("formats times in the mailbox zone with the user's locale", () => {
    expect(createWeekFormatters('en-US', 'America/New_York').timeRange(entry())).toMatch(/^12:00\s*–\s*12:30\sPM$/);
    expect(createWeekFormatters('de-DE', 'Europe/Berlin').timeRange(entry())).toMatch(/^18:00\s*–\s*18:30(\sUhr)?$/);
  });

  it('names all-day and continuing events', () => {
    const f = createWeekFormatters('en-GB', 'Europe/London');
    expect(f.timeRange(entry({}, { isAllDay: true }))).toBe('All day');
    expect(f.timeRange(entry({ continuesAfter: true }))).toBe('From 17:00');
    expect(f.timeRange(entry({ continuesFromBefore: true }))).toBe('Until 17:30');
    expect(f.timeRange(entry({ continuesFromBefore: true, continuesAfter: true }))).toBe('All day');
  });

  it('writes day headings in the locale, independent of the viewer zone', () => {
    expect(createWeekFormatters('en-GB', 'Pacific/Auckland').dayHeading('2026-11-20')).toBe('Friday 20 November');
    expect(createWeekFormatters('fr-FR', 'Europe/Paris').dayHeading('2026-11-20')).toBe('vendredi 20 novembre');
  });

  it('says today and tomorrow in the locale', () => {
    const f = createWeekFormatters('en-US', 'UTC');
    expect(f.relativeDay('2026-11-20', '2026-11-20')).toBe('Today');
    expect(f.relativeDay('2026-11-21', '2026-11-20')).toBe('Tomorrow');
    expect(f.relativeDay('2026-11-22', '2026-11-20')).toBeNull();
    expect(createWeekFormatters('de-DE', 'UTC').relativeDay('2026-11-21', '2026-11-20')).toBe('Morgen');
  });
});
