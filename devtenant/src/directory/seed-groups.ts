import { SEED_PEOPLE } from './seed-people.ts';

export interface DirectoryGroup {
  id: string;
  displayName: string;
  description: string;
  mail: string | null;
  mailEnabled: boolean;
  securityEnabled: boolean;
  groupTypes: readonly string[];
  memberIds: readonly string[];
}

/**
 * Mail-enabled security group that scopes Confer's Exchange Application Access Policy
 * (docs/reference/graph-calendar.md §8).
 */
export const CONFER_USERS_GROUP_ID = '7a1e4c52-3b9d-4f60-8c2a-5d0e1f3a9b01';

const byAlias = (aliases: readonly string[]): string[] =>
  aliases.map((alias) => {
    const person = SEED_PEOPLE.find((p) => p.alias === alias);
    if (!person) throw new Error(`Seed group member ${alias} is not a seed person.`);
    return person.id;
  });

export const SEED_GROUPS: readonly DirectoryGroup[] = [
  {
    id: CONFER_USERS_GROUP_ID,
    displayName: 'Confer Users',
    description: 'People whose calendars Confer may read and write with application permissions.',
    mail: 'conferusers@contoso.onmicrosoft.com',
    mailEnabled: true,
    securityEnabled: true,
    groupTypes: [],
    memberIds: byAlias([
      'alexw',
      'meganb',
      'adelev',
      'isaiahl',
      'pattif',
      'lynner',
      'diegos',
      'oliverb',
      'hannahc',
      'sofiar',
      'priyar',
      'arjunm',
      'chloen',
      'johannal',
    ]),
  },
  {
    id: '7a1e4c52-3b9d-4f60-8c2a-5d0e1f3a9b02',
    displayName: 'All Company',
    description: 'Everyone at Contoso.',
    mail: 'allcompany@contoso.onmicrosoft.com',
    mailEnabled: true,
    securityEnabled: false,
    groupTypes: ['Unified'],
    memberIds: SEED_PEOPLE.filter((p) => p.hasMailbox !== false).map((p) => p.id),
  },
  {
    id: '7a1e4c52-3b9d-4f60-8c2a-5d0e1f3a9b03',
    displayName: 'Engineering',
    description: 'Engineering and R&D.',
    mail: null,
    mailEnabled: false,
    securityEnabled: true,
    groupTypes: [],
    memberIds: SEED_PEOPLE.filter(
      (p) => p.department === 'Engineering' || p.department === 'Research & Development',
    ).map((p) => p.id),
  },
  {
    id: '7a1e4c52-3b9d-4f60-8c2a-5d0e1f3a9b04',
    displayName: 'People Managers',
    description: 'Managers running check-ins and performance conversations.',
    mail: 'peoplemanagers@contoso.onmicrosoft.com',
    mailEnabled: true,
    securityEnabled: true,
    groupTypes: [],
    memberIds: byAlias(['meganb', 'adelev', 'pattif', 'diegos', 'miriamg', 'nestorw', 'priyar', 'leeg']),
  },
];
