import type { ConnectionDto } from '@confer/contracts';
import type { Translator } from '@confer/contracts/i18n';

const statusKeys: Record<ConnectionDto['status'], string> = {
  connected: 'common.connection.connected',
  consent_required: 'common.connection.consentRequired',
  expired: 'common.connection.expired',
  outside_scope: 'common.connection.outsideScope',
  not_connected: 'common.connection.notConnected',
};

/**
 * The sentence under a calendar connection's status, in the person's language. The API words the same sentences
 * in English (`message`); they follow from the status, the connection mode and the admin's restriction alone.
 */
export function connectionMessage(i18n: Translator, connection: ConnectionDto): string {
  if (connection.restriction === 'integration_off') return i18n.t('common.connection.integrationOff');
  if (connection.status === 'connected' && connection.mode === 'tenant') {
    return i18n.t('common.connection.connectedTenant');
  }
  return i18n.t(statusKeys[connection.status]);
}
