import type { ConsentLinkDto } from '@confer/contracts';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import { CopyRegular, LinkRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import { useTabServices } from '../../app/tab-services.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { toAppError } from '../../lib/app-error.ts';
import { useRequest } from '../../lib/use-request.ts';
import { CardActions, CardFrame } from '../../ui/card-frame.tsx';
import { createConsentLink, getConsentStatus } from './admin-api.ts';
import { createAdminFormatters } from './admin-format.ts';
import { AdminRequestError } from './admin-request-error.tsx';
import { usePeopleNames } from './people-names.ts';

const useStyles = makeStyles({
  link: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  url: { flexGrow: 1, minWidth: '240px' },
  muted: { color: tokens.colorNeutralForeground2 },
  // Entra's error description is a long sentence: it wraps inside the bar.
  body: { whiteSpace: 'normal', overflowWrap: 'anywhere' },
});

/** The admin-consent link for a Microsoft administrator, and what Entra answered the last time one was used. */
export function ConsentCard() {
  const styles = useStyles();
  const { api, locale, timeZone } = useTabServices();
  const i18n = useT();
  const { t } = i18n;
  const format = createAdminFormatters(locale, timeZone);
  const status = useRequest('admin-consent', () => getConsentStatus(api));
  const [link, setLink] = useState<ConsentLinkDto | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const urlInput = useRef<HTMLInputElement>(null);
  const create = async () => {
    setBusy(true);
    setNote(null);
    try {
      setLink(await createConsentLink(api));
    } catch (error) {
      setNote({ ok: false, text: toAppError(error).message });
    } finally {
      setBusy(false);
    }
  };
  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link.url);
      setNote({ ok: true, text: 'The link is copied.' });
    } catch {
      // Teams may deny the clipboard to a tab; the link is selected so Ctrl+C copies it.
      urlInput.current?.select();
      setNote({ ok: false, text: 'Copying is not allowed here: the link is selected, press Ctrl+C to copy it.' });
    }
  };
  const latest = status.data?.latest ?? null;
  const names = usePeopleNames(api, latest?.requestedBy ? [latest.requestedBy] : []);
  return (
    <CardFrame
      id="admin-consent"
      title="Admin consent"
      description="A Microsoft administrator of your organisation opens this link to grant Confer its permissions for everyone. Each link works once, for 24 hours."
    >
      <CardActions>
        <Button appearance="primary" icon={<LinkRegular />} disabled={busy} onClick={create}>
          {link ? 'Create a new link' : 'Create link'}
        </Button>
      </CardActions>
      {link && (
        <div className={styles.link}>
          <Field label="Admin consent link" className={styles.url} hint={`Expires ${format.stamp(link.expiresAt)}`}>
            <Input ref={urlInput} readOnly value={link.url} data-testid="consent-link" />
          </Field>
          <Button icon={<CopyRegular />} onClick={copy}>
            Copy link
          </Button>
        </div>
      )}
      {note && (
        <MessageBar intent={note.ok ? 'success' : 'warning'} role={note.ok ? 'status' : 'alert'}>
          <MessageBarBody>{note.text}</MessageBarBody>
        </MessageBar>
      )}
      {status.state.status === 'error' && (
        <AdminRequestError error={status.state.error} onRetry={status.reload} failedTitle={t('admin.consent.failed')} />
      )}
      {status.state.status !== 'error' && (
        <div data-testid="consent-outcome" aria-live="polite">
          {latest === null ? (
            <Text className={styles.muted}>
              {status.data ? 'No consent has been recorded yet.' : 'Loading the latest outcome…'}
            </Text>
          ) : latest.outcome === 'granted' ? (
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody className={styles.body}>
                <MessageBarTitle>Consent granted</MessageBarTitle>
                {format.stamp(latest.at)}
                {latest.requestedBy ? ` (link created by ${names.nameOf(latest.requestedBy)})` : ''}.
              </MessageBarBody>
            </MessageBar>
          ) : (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody className={styles.body}>
                <MessageBarTitle>Consent refused</MessageBarTitle>
                {format.stamp(latest.at)}: Entra answered {latest.error ?? 'an error'}
                {latest.errorDescription ? ` — ${latest.errorDescription.replace(/\.+$/, '')}` : ''}.
              </MessageBarBody>
            </MessageBar>
          )}
        </div>
      )}
      <CardActions>
        <Button disabled={status.state.status === 'loading'} onClick={status.reload}>
          Check the outcome again
        </Button>
      </CardActions>
    </CardFrame>
  );
}
