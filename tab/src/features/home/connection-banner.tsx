import type { ConnectionDto } from '@confer/contracts';
import {
  Button,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTabServices } from '../../app/tab-services.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { toAppError } from '../../lib/app-error.ts';
import { connectWithConsent, realWait } from '../../lib/connect-flow.ts';
import { connectionMessage } from '../../lib/connection-text.ts';
import { useRequest } from '../../lib/use-request.ts';
import { errorMessage } from '../shell/error-text.ts';
import { readConnection } from './home-reads.ts';

const titles: Record<Exclude<ConnectionDto['status'], 'connected'>, string> = {
  consent_required: 'shell.error.consentRequired',
  expired: 'shell.error.connectionExpired',
  not_connected: 'home.connection.connectToStart',
  outside_scope: 'shell.error.outsideAccessPolicy',
};

/**
 * Home's first lesson when the calendar is not usable yet: what is wrong and the one button that fixes it.
 * Nothing is shown while the status loads or when it cannot be read (Settings shows that error).
 */
export function ConnectionBanner() {
  const { api, session } = useTabServices();
  const i18n = useT();
  const { t } = i18n;
  const request = useRequest('connection', () => readConnection(api));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const connection = request.data;
  if (!connection || connection.status === 'connected') return null;
  const connect = async () => {
    setBusy(true);
    setProblem(null);
    try {
      request.set(await connectWithConsent({ api, session, wait: realWait }));
    } catch (error) {
      setProblem(errorMessage(toAppError(error), i18n));
    } finally {
      setBusy(false);
    }
  };
  if (connection.restriction === 'integration_off') {
    return (
      <MessageBar intent="info" layout="multiline" data-testid="connection-banner">
        <MessageBarBody>
          <MessageBarTitle>{t('shell.error.integrationOff')}</MessageBarTitle>
          {connectionMessage(i18n, connection)}
        </MessageBarBody>
      </MessageBar>
    );
  }
  const action =
    connection.status === 'consent_required'
      ? t('shell.grantPermission')
      : connection.status === 'expired'
        ? t('common.connection.reconnect')
        : t('common.connection.connect');
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="connection-banner">
      <MessageBarBody>
        <MessageBarTitle>{t(titles[connection.status])}</MessageBarTitle>
        {connectionMessage(i18n, connection)} {problem}{' '}
        <Link href="#/settings">{t('home.connection.settingsLink')}</Link>
      </MessageBarBody>
      {connection.status !== 'outside_scope' && (
        <MessageBarActions>
          <Button appearance="primary" disabled={busy} onClick={connect}>
            {action}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
