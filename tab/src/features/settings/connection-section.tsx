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
import { useT } from '../../i18n/i18n-context.ts';
import { toAppError } from '../../lib/app-error.ts';
import { connectWithConsent, realWait } from '../../lib/connect-flow.ts';
import { connectionMessage } from '../../lib/connection-text.ts';
import { disconnectCalendar, getConnection } from '../../lib/me-api.ts';
import { useRequest } from '../../lib/use-request.ts';
import { CardActions, CardFrame } from '../../ui/card-frame.tsx';
import { errorMessage } from '../shell/error-text.ts';
import { RequestError } from '../shell/request-error.tsx';

const useStyles = makeStyles({
  status: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minHeight: '28px' },
  icon: { fontSize: '24px', flexShrink: 0 },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
  skeleton: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minHeight: '96px' },
});

const statusWords: Record<ConnectionDto['status'], string> = {
  connected: 'settings.connection.connected',
  consent_required: 'settings.connection.consentRequired',
  expired: 'settings.connection.expired',
  not_connected: 'settings.connection.notConnected',
  outside_scope: 'settings.connection.outsideScope',
};

export function ConnectionSection() {
  const styles = useStyles();
  const { api, session, reportReady } = useTabServices();
  const i18n = useT();
  const { t } = i18n;
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
      setProblem(errorMessage(toAppError(error), i18n));
    } finally {
      setBusy(null);
    }
  };
  const connection = request.data;
  return (
    <CardFrame
      id="connection"
      title={t('settings.connection.title')}
      description={t('settings.connection.description')}
    >
      {request.state.status === 'error' && (
        <RequestError
          error={request.state.error}
          onRetry={request.reload}
          failedTitle={t('settings.connection.failed')}
        />
      )}
      {!connection && request.state.status === 'loading' && (
        <Skeleton aria-label={t('settings.connection.loading')} className={styles.skeleton}>
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
                ? t('settings.connection.switchedOff')
                : t(statusWords[connection.status])}
            </Text>
          </div>
          <Text data-testid="connection-message">
            {connectionMessage(i18n, connection)}{' '}
            {connection.mode === 'tenant' ? t('settings.connection.tenantManaged') : ''}
          </Text>
          {connection.restriction === 'disconnect_forbidden' && connection.status === 'connected' && (
            <Text data-testid="disconnect-locked">{t('settings.connection.disconnectLocked')}</Text>
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
                    ? t('common.connection.reconnect')
                    : connection.status === 'consent_required'
                      ? t('shell.grantPermission')
                      : t('common.connection.connect')}
                </Button>
              )}
            {connection.canDisconnect && (
              <Button disabled={busy !== null} onClick={run('disconnect')}>
                {t('settings.connection.disconnect')}
              </Button>
            )}
          </CardActions>
        </>
      )}
    </CardFrame>
  );
}
