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
  /** What failed to load, for the title ("your meetings couldn't be loaded"); the calendar by default. */
  readonly what?: string;
}

export function ErrorPanel({ error, onRetry, onConsent, onSignIn, what }: ErrorPanelProps) {
  const styles = useStyles();
  const text = describeError(error, what);
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
        Grant permission
      </Button>
    ) : text.action === 'sign-in' ? (
      <Button appearance="primary" disabled={busy} onClick={run(onSignIn)}>
        Sign in again
      </Button>
    ) : text.action === 'settings' ? (
      <Button appearance="primary" as="a" href="#/settings">
        Open settings
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
          Error code: {error.shownCode}
        </Text>
      </MessageBarBody>
      <MessageBarActions>
        {primary}
        <Button disabled={busy} onClick={onRetry}>
          Try again
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
