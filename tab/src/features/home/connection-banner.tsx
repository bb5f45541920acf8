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
import { toAppError } from '../../lib/app-error.ts';
import { connectWithConsent, realWait } from '../../lib/connect-flow.ts';
import { useRequest } from '../../lib/use-request.ts';
import { readConnection } from './home-reads.ts';

const titles: Record<Exclude<ConnectionDto['status'], 'connected'>, string> = {
  consent_required: 'Confer needs your permission',
  expired: 'Reconnect your calendar',
  not_connected: 'Connect your calendar to start',
  outside_scope: "Your calendar is outside Confer's access",
};

/**
 * Home's first lesson when the calendar is not usable yet: what is wrong and the one button that fixes it.
 * Nothing is shown while the status loads or when it cannot be read (Settings shows that error).
 */
export function ConnectionBanner() {
  const { api, session } = useTabServices();
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
      setProblem(toAppError(error).message);
    } finally {
      setBusy(false);
    }
  };
  if (connection.restriction === 'integration_off') {
    return (
      <MessageBar intent="info" layout="multiline" data-testid="connection-banner">
        <MessageBarBody>
          <MessageBarTitle>Outlook integration is switched off</MessageBarTitle>
          {connection.message}
        </MessageBarBody>
      </MessageBar>
    );
  }
  const action =
    connection.status === 'consent_required'
      ? 'Grant permission'
      : connection.status === 'expired'
        ? 'Reconnect'
        : 'Connect';
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="connection-banner">
      <MessageBarBody>
        <MessageBarTitle>{titles[connection.status]}</MessageBarTitle>
        {connection.message} {problem} <Link href="#/settings">Calendar settings</Link>
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
