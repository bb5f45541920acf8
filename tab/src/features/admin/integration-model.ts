import type { AdminSettingsDto, AdminSettingsInput } from '@confer/contracts';

export type ConnectionMode = AdminSettingsInput['connectionMode'];

/** Plain words on each connection mode: who consents and what Confer can then do (docs/reference/design.md §4). */
export const modeWords: Record<ConnectionMode, { label: string; hint: string }> = {
  user: {
    label: 'Each person connects their own calendar (per-user)',
    hint:
      'Each person agrees once in Teams, for themselves (or you grant consent for everyone so no one is asked). ' +
      'Confer reads free/busy time and creates meetings only in the calendars of people who connected, with their ' +
      'own permission.',
  },
  tenant: {
    label: 'Confer uses everyone’s calendar (tenant-wide)',
    hint:
      'A Microsoft administrator consents once for the whole organisation with the link below. Confer can then ' +
      'read free/busy time and create meetings in every calendar your Exchange application access policy allows; ' +
      'nobody connects or disconnects themselves.',
  },
};

export function draftOf(settings: AdminSettingsDto): AdminSettingsInput {
  return {
    connectionMode: settings.connectionMode,
    integrationEnabled: settings.integrationEnabled,
    allowDisconnect: settings.allowDisconnect,
    integrationOwners: [...settings.integrationOwners],
  };
}

/**
 * What saving would change, one line each, with a word on meetings already scheduled where a change could make an
 * admin fear for them (switching mode or turning the integration off leaves them in everyone's calendar).
 */
export function describeChanges(
  before: AdminSettingsInput,
  after: AdminSettingsInput,
  nameOf: (id: string) => string,
): string[] {
  const changes: string[] = [];
  if (before.integrationEnabled !== after.integrationEnabled) {
    changes.push(
      after.integrationEnabled
        ? 'People can connect their Outlook calendar again, and Confer uses calendars again.'
        : 'Confer stops using Outlook calendars for everyone: no free/busy, no new meetings, no sync. ' +
            'Meetings already scheduled stay in everyone’s calendar; this is safe for them.',
    );
  }
  if (before.connectionMode !== after.connectionMode) {
    changes.push(
      `Connection mode becomes “${modeWords[after.connectionMode].label}”. ` +
        'Meetings already scheduled are safe: they stay in everyone’s calendar and Confer keeps them.',
    );
  }
  if (before.allowDisconnect !== after.allowDisconnect) {
    changes.push(
      after.allowDisconnect
        ? 'People may disconnect their own calendar.'
        : 'People can no longer disconnect their calendar; Settings will tell them it is kept connected by you.',
    );
  }
  const added = after.integrationOwners.filter((id) => !before.integrationOwners.includes(id));
  const removed = before.integrationOwners.filter((id) => !after.integrationOwners.includes(id));
  if (added.length > 0) changes.push(`New integration owners: ${added.map(nameOf).join(', ')}.`);
  if (removed.length > 0) changes.push(`No longer integration owners: ${removed.map(nameOf).join(', ')}.`);
  return changes;
}
