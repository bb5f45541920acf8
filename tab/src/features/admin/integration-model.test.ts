import type { AdminSettingsInput } from '@confer/contracts';
import { describe, expect, it } from 'vitest';
import { englishTranslator } from '../../i18n/catalogues.ts';
import { describeChanges } from './integration-model.ts';

const before: AdminSettingsInput = {
  connectionMode: 'user',
  integrationEnabled: true,
  allowDisconnect: true,
  integrationOwners: ['a'],
};
const names: Record<string, string> = { a: 'Adele Vance', b: 'Megan Bowen' };
const nameOf = (id: string) => names[id] ?? id;

describe('describeChanges', () => {
  it('lists nothing when nothing changed', () => {
    expect(describeChanges(englishTranslator(), before, { ...before, integrationOwners: ['a'] }, nameOf)).toEqual([]);
  });

  it('says switching mode and turning off are safe for meetings already scheduled', () => {
    const changes = describeChanges(
      englishTranslator(),
      before,
      { ...before, connectionMode: 'tenant', integrationEnabled: false },
      nameOf,
    );
    expect(changes).toHaveLength(2);
    for (const line of changes) expect(line).toContain('safe');
  });

  it('names owners added and removed', () => {
    const changes = describeChanges(englishTranslator(), before, { ...before, integrationOwners: ['b'] }, nameOf);
    expect(changes).toEqual(['New integration owners: Megan Bowen.', 'No longer integration owners: Adele Vance.']);
  });

  it('says what locking disconnect does', () => {
    expect(describeChanges(englishTranslator(), before, { ...before, allowDisconnect: false }, nameOf)).toEqual([
      'People can no longer disconnect their calendar; Settings will tell them it is kept connected by you.',
    ]);
  });
});
