import type { AdminSettingsDto, AdminSettingsInput } from '@confer/contracts';
import type { Translator } from '@confer/contracts/i18n';

export type ConnectionMode = AdminSettingsInput['connectionMode'];

/** Plain words on each connection mode: who consents and what Confer can then do (docs/reference/design.md §4). */
export const modeWords: Record<ConnectionMode, { label: string; hint: string }> = {
  user: { label: 'admin.mode.user', hint: 'admin.mode.userHint' },
  tenant: { label: 'admin.mode.tenant', hint: 'admin.mode.tenantHint' },
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
  i18n: Translator,
  before: AdminSettingsInput,
  after: AdminSettingsInput,
  nameOf: (id: string) => string,
): string[] {
  const { t } = i18n;
  const changes: string[] = [];
  if (before.integrationEnabled !== after.integrationEnabled) {
    changes.push(after.integrationEnabled ? t('admin.change.enabled') : t('admin.change.disabled'));
  }
  if (before.connectionMode !== after.connectionMode) {
    changes.push(t('admin.change.mode', { mode: t(modeWords[after.connectionMode].label) }));
  }
  if (before.allowDisconnect !== after.allowDisconnect) {
    changes.push(after.allowDisconnect ? t('admin.change.disconnectAllowed') : t('admin.change.disconnectLocked'));
  }
  const added = after.integrationOwners.filter((id) => !before.integrationOwners.includes(id));
  const removed = before.integrationOwners.filter((id) => !after.integrationOwners.includes(id));
  if (added.length > 0) changes.push(t('admin.change.ownersAdded', { names: added.map(nameOf).join(', ') }));
  if (removed.length > 0) changes.push(t('admin.change.ownersRemoved', { names: removed.map(nameOf).join(', ') }));
  return changes;
}
