import { describe, expect, it } from 'vitest';
import { englishTranslator } from '../../i18n/catalogues.ts';
import { applyType, defaultTitle, initialDetails } from './meeting-details.ts';

const types = [
  { id: 'mentoring', name: 'Mentoring session', durationMinutes: 45, agendaPrompts: ['Goals', 'Blockers'] },
  { id: 'checkin', name: '1:1 check-in', durationMinutes: 30, agendaPrompts: ['Wins'] },
];

describe('meeting types prefill the form', () => {
  it('sets the length and agenda prompts', () => {
    const details = applyType(initialDetails, types, 'mentoring');
    expect(details).toMatchObject({ typeId: 'mentoring', durationMinutes: 45, agenda: '• Goals\n• Blockers' });
  });
  it('replaces the previous type’s untouched prompts but keeps an agenda the person wrote', () => {
    const first = applyType(initialDetails, types, 'mentoring');
    expect(applyType(first, types, 'checkin').agenda).toBe('• Wins');
    const written = { ...first, agenda: 'My own plan' };
    expect(applyType(written, types, 'checkin')).toMatchObject({ agenda: 'My own plan', durationMinutes: 30 });
  });
  it('keeps the length when the type is cleared', () => {
    const first = applyType(initialDetails, types, 'mentoring');
    expect(applyType(first, types, null)).toMatchObject({ typeId: null, durationMinutes: 45 });
  });
  it('names the meeting after its type and people', () => {
    expect(defaultTitle(englishTranslator(), types[0], ['Adele Vance'])).toBe('Mentoring session with Adele Vance');
    expect(defaultTitle(englishTranslator(), undefined, ['A', 'B', 'C'])).toBe('Meeting with A and 2 others');
    expect(defaultTitle(englishTranslator(), undefined, [])).toBe('Meeting');
  });
});
