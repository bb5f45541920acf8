import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useT } from '../../i18n/i18n-context.ts';
import type { AppError } from '../../lib/app-error.ts';
import { describeError } from './error-text.ts';

const useStyles = makeStyles({
  code: { display: 'block', color: tokens.colorNeutralForeground3, marginTop: tokens.spacingVerticalXS },
  body: { whiteSpace: 'normal' },
});

export interface ErrorPanelProps {
  readonly error: AppError;
  readonly onRetry: () => void;
  readonly onConsent: () => Promise<void>;
  readonly onSignIn: () => Promise<void>;
  /** The title of a failure with no more specific one ("Your meetings couldn't be loaded"); the calendar's by default. */
  readonly failedTitle?: string;
}

export function ErrorPanel({ error, onRetry, onConsent, onSignIn, failedTitle }: ErrorPanelProps) {
  const styles = useStyles();
  const i18n = useT();
  const { t } = i18n;
  const text = describeError(error, i18n, failedTitle);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const run = (action: () => Promise<void>) => async () => {
    setBusy(true);
    setActionError(null);
    try {
      await action();
    } catch (cause) {
      setActionError(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setBusy(false);
    }
  };
  const primary =
    text.action === 'consent' ? (
      <Button appearance="primary" disabled={busy} onClick={run(onConsent)}>
        {t('shell.grantPermission')}
      </Button>
    ) : text.action === 'sign-in' ? (
      <Button appearance="primary" disabled={busy} onClick={run(onSignIn)}>
        {t('shell.signInAgain')}
      </Button>
    ) : text.action === 'settings' ? (
      <Button appearance="primary" as="a" href="#/settings">
        {t('shell.openSettings')}
      </Button>
    ) : null;
  return (
    <MessageBar
      intent={text.action === 'consent' || text.action === 'settings' ? 'warning' : 'error'}
      layout="multiline"
      role="alert"
    >
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>{text.title}</MessageBarTitle>
        {text.body}
        {actionError && <Text block>{actionError}</Text>}
        <Text size={200} className={styles.code}>
          {t('shell.errorCode', { code: error.shownCode })}
        </Text>
      </MessageBarBody>
      <MessageBarActions>
        {primary}
        <Button disabled={busy} onClick={onRetry}>
          {t('shell.tryAgain')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
