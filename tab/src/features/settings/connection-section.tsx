import type { ConnectionDto } from '@confer/contracts';
import {
  Button,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Skeleton,
  SkeletonItem,
  Text,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkCircleRegular, PlugDisconnectedRegular, WarningRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTabServices } from '../../app/tab-services.ts';
import { toAppError } from '../../lib/app-error.ts';
import { connectWithConsent, realWait } from '../../lib/connect-flow.ts';
import { disconnectCalendar, getConnection } from '../../lib/me-api.ts';
import { useRequest } from '../../lib/use-request.ts';
import { CardActions, CardFrame } from '../../ui/card-frame.tsx';
import { RequestError } from '../shell/request-error.tsx';

const useStyles = makeStyles({
  status: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minHeight: '28px' },
  icon: { fontSize: '24px', flexShrink: 0 },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
  skeleton: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minHeight: '96px' },
});

const statusWords: Record<ConnectionDto['status'], string> = {
  connected: 'Connected',
  consent_required: 'Permission needed',
  expired: 'Connection expired',
  not_connected: 'Not connected',
  outside_scope: 'Not allowed by your admin',
};

export function ConnectionSection() {
  const styles = useStyles();
  const { api, session, reportReady } = useTabServices();
  const request = useRequest('connection', () => getConnection(api), reportReady);
  const [busy, setBusy] = useState<'connect' | 'disconnect' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const run = (kind: 'connect' | 'disconnect') => async () => {
    setBusy(kind);
    setProblem(null);
    try {
      request.set(
        kind === 'connect' ? await connectWithConsent({ api, session, wait: realWait }) : await disconnectCalendar(api),
      );
    } catch (error) {
      setProblem(toAppError(error).message);
    } finally {
      setBusy(null);
    }
  };
  const connection = request.data;
  return (
    <CardFrame
      id="connection"
      title="My calendar connection"
      description="Confer reads free/busy time and creates meetings in your Outlook calendar through Microsoft Graph."
    >
      {request.state.status === 'error' && (
        <RequestError error={request.state.error} onRetry={request.reload} what="your connection status" />
      )}
      {!connection && request.state.status === 'loading' && (
        <Skeleton aria-label="Loading your connection status" className={styles.skeleton}>
          <SkeletonItem size={28} />
          <SkeletonItem size={16} />
          <SkeletonItem size={32} />
        </Skeleton>
      )}
      {connection && (
        <>
          <div className={styles.status} role="status" data-testid="connection-status">
            {connection.status === 'connected' ? (
              <CheckmarkCircleRegular aria-hidden="true" className={`${styles.icon} ${styles.ok}`} />
            ) : connection.status === 'not_connected' ? (
              <PlugDisconnectedRegular aria-hidden="true" className={`${styles.icon} ${styles.warn}`} />
            ) : (
              <WarningRegular aria-hidden="true" className={`${styles.icon} ${styles.warn}`} />
            )}
            <Text weight="semibold">
              {connection.restriction === 'integration_off'
                ? 'Switched off by your organisation'
                : statusWords[connection.status]}
            </Text>
          </div>
          <Text data-testid="connection-message">
            {connection.message}{' '}
            {connection.mode === 'tenant' ? 'Your organisation manages this connection for everyone.' : ''}
          </Text>
          {connection.restriction === 'disconnect_forbidden' && connection.status === 'connected' && (
            <Text data-testid="disconnect-locked">
              Your organisation keeps calendars connected to Confer, so Disconnect is not offered. Ask your admin if you
              need yours disconnected.
            </Text>
          )}
          {problem && (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>{problem}</MessageBarBody>
            </MessageBar>
          )}
          <CardActions>
            {connection.status !== 'outside_scope' &&
              connection.restriction !== 'integration_off' &&
              (connection.mode === 'user' || connection.status !== 'connected') && (
                <Button appearance="primary" disabled={busy !== null} onClick={run('connect')}>
                  {connection.status === 'connected'
                    ? 'Reconnect'
                    : connection.status === 'consent_required'
                      ? 'Grant permission'
                      : 'Connect'}
                </Button>
              )}
            {connection.canDisconnect && (
              <Button disabled={busy !== null} onClick={run('disconnect')}>
                Disconnect
              </Button>
            )}
          </CardActions>
        </>
      )}
    </CardFrame>
  );
}
