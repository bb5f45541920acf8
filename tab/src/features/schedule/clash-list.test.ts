import { describe, expect, it } from 'vitest';
import { englishTranslator } from '../../i18n/catalogues.ts';
import { describeConflict, groupByOccurrence } from './clash-list.tsx';
import type { Conflict } from './schedule-api.ts';

const occurrence = (day: number) => ({ start: `2026-11-${day}T10:00:00Z`, end: `2026-11-${day}T10:30:00Z` });
const adele = { userId: '22', email: 'adelev@contoso.onmicrosoft.com', displayName: 'Adele Vance' };
const me = { userId: '20', email: 'alexw@contoso.onmicrosoft.com', displayName: 'Alex Wilber' };
const nora = { userId: '52', email: 'noraf@contoso.onmicrosoft.com', displayName: 'Nora Field' };

const conflicts: Conflict[] = [
  { occurrence: occurrence(23), person: me, status: 'busy', subject: 'Team sync' },
  { occurrence: occurrence(23), person: adele, status: 'tentative' },
  { occurrence: occurrence(30), person: nora, status: 'unreadable' },
];

describe('clashes in words', () => {
  it('names the organizer as "You" with their own title, others by status, unreadable calendars as unchecked', () => {
    expect(conflicts.map((c) => describeConflict(englishTranslator(), c, 'AlexW@contoso.onmicrosoft.com'))).toEqual([
      'You: Team sync',
      'Adele Vance: tentatively busy',
      'Nora Field: calendar could not be checked',
    ]);
  });
  it('groups a series’ clashes by occurrence', () => {
    expect(groupByOccurrence(conflicts).map(([, items]) => items.length)).toEqual([2, 1]);
  });
});
