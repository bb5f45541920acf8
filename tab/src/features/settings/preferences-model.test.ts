import { describe, expect, it } from 'vitest';
import { englishTranslator } from '../../i18n/catalogues.ts';
import { draftOf, leadTimeText, preferencesOf, supportedZones, validateDraft } from './preferences-model.ts';

describe('preferences draft', () => {
  it('round-trips stored preferences, days in week order', () => {
    const stored = {
      reminderMinutes: [30, 10],
      timeZoneOverride: 'Asia/Kolkata',
      workingHoursOverride: { days: ['monday', 'friday'] as ('monday' | 'friday')[], start: '08:00', end: '16:30' },
    };
    const draft = draftOf(stored);
    expect(draft.reminderMinutes).toEqual([10, 30]);
    expect(preferencesOf({ ...draft, days: ['friday', 'monday'] })).toEqual({ ...stored, reminderMinutes: [10, 30] });
  });

  it('means "use Outlook" with an empty zone and no hours override', () => {
    const draft = draftOf({ reminderMinutes: [], timeZoneOverride: null, workingHoursOverride: null });
    expect(draft.overrideHours).toBe(false);
    expect(preferencesOf(draft)).toEqual({ reminderMinutes: [], timeZoneOverride: null, workingHoursOverride: null });
  });

  it('refuses no working days, hours that end before they start and more than five reminders', () => {
    const draft = draftOf({ reminderMinutes: [], timeZoneOverride: null, workingHoursOverride: null });
    expect(validateDraft(englishTranslator(), { ...draft, overrideHours: true, days: [] }).days).toBeDefined();
    expect(
      validateDraft(englishTranslator(), { ...draft, overrideHours: true, start: '17:00', end: '09:00' }).hours,
    ).toBeDefined();
    expect(
      validateDraft(englishTranslator(), { ...draft, reminderMinutes: [5, 10, 15, 30, 60, 1440] }).reminders,
    ).toBeDefined();
    expect(validateDraft(englishTranslator(), draft)).toEqual({});
  });

  it('names lead times in the locale', () => {
    expect(leadTimeText(15, 'en-GB')).toBe('15 minutes');
    expect(leadTimeText(60, 'en-GB')).toBe('1 hour');
    expect(leadTimeText(1440, 'de-DE')).toBe('1 Tag');
  });
});

describe('supportedZones', () => {
  it('offers current IANA names (Asia/Kolkata, Europe/Kyiv), never the old ICU ones', () => {
    const zones = supportedZones('');
    expect(zones).toContain('Asia/Kolkata');
    expect(zones).toContain('Europe/Kyiv');
    expect(zones).not.toContain('Asia/Calcutta');
  });

  it('keeps a stored zone the browser does not list', () => {
    expect(supportedZones('Etc/GMT-14')).toContain('Etc/GMT-14');
  });
});
