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
import { errorMessage } from '../shell/error-text.ts';
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
      setNote({ ok: false, text: errorMessage(toAppError(error), i18n) });
    } finally {
      setBusy(false);
    }
  };
  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link.url);
      setNote({ ok: true, text: t('admin.consent.copied') });
    } catch {
      // Teams may deny the clipboard to a tab; the link is selected so Ctrl+C copies it.
      urlInput.current?.select();
      setNote({ ok: false, text: t('admin.consent.copyRefused') });
    }
  };
  const latest = status.data?.latest ?? null;
  const names = usePeopleNames(api, latest?.requestedBy ? [latest.requestedBy] : []);
  return (
    <CardFrame id="admin-consent" title={t('admin.consent.title')} description={t('admin.consent.description')}>
      <CardActions>
        <Button appearance="primary" icon={<LinkRegular />} disabled={busy} onClick={create}>
          {link ? t('admin.consent.newLink') : t('admin.consent.createLink')}
        </Button>
      </CardActions>
      {link && (
        <div className={styles.link}>
          <Field
            label={t('admin.consent.link')}
            className={styles.url}
            hint={t('admin.consent.expires', { when: format.stamp(link.expiresAt) })}
          >
            <Input ref={urlInput} readOnly value={link.url} data-testid="consent-link" />
          </Field>
          <Button icon={<CopyRegular />} onClick={copy}>
            {t('admin.consent.copy')}
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
              {status.data ? t('admin.consent.noneYet') : t('admin.consent.loading')}
            </Text>
          ) : latest.outcome === 'granted' ? (
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody className={styles.body}>
                <MessageBarTitle>{t('admin.consent.granted')}</MessageBarTitle>
                {latest.requestedBy
                  ? t('admin.consent.grantedBy', {
                      when: format.stamp(latest.at),
                      name: names.nameOf(latest.requestedBy),
                    })
                  : t('admin.consent.grantedAt', { when: format.stamp(latest.at) })}
              </MessageBarBody>
            </MessageBar>
          ) : (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody className={styles.body}>
                <MessageBarTitle>{t('admin.consent.refused')}</MessageBarTitle>
                {latest.errorDescription
                  ? t('admin.consent.refusedWhy', {
                      when: format.stamp(latest.at),
                      error: latest.error ?? t('admin.consent.anError'),
                      description: latest.errorDescription.replace(/\.+$/, ''),
                    })
                  : t('admin.consent.refusedAt', {
                      when: format.stamp(latest.at),
                      error: latest.error ?? t('admin.consent.anError'),
                    })}
              </MessageBarBody>
            </MessageBar>
          )}
        </div>
      )}
      <CardActions>
        <Button disabled={status.state.status === 'loading'} onClick={status.reload}>
          {t('admin.consent.checkAgain')}
        </Button>
      </CardActions>
    </CardFrame>
  );
}
