import type { AdminSettingsDto, AdminSettingsInput } from '@confer/contracts';
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Radio,
  RadioGroup,
  Skeleton,
  SkeletonItem,
  Switch,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTabServices } from '../../app/tab-services.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { toAppError } from '../../lib/app-error.ts';
import { useRequest } from '../../lib/use-request.ts';
import { CardActions, CardFrame } from '../../ui/card-frame.tsx';
import { errorMessage } from '../shell/error-text.ts';
import { getAdminSettings, saveAdminSettings } from './admin-api.ts';
import { createAdminFormatters } from './admin-format.ts';
import { AdminRequestError } from './admin-request-error.tsx';
import { describeChanges, draftOf, modeWords } from './integration-model.ts';
import { OwnersPicker } from './owners-picker.tsx';
import { usePeopleNames } from './people-names.ts';
import { SaveConfirmation } from './save-confirmation.tsx';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  hint: { display: 'block', color: tokens.colorNeutralForeground2 },
  radio: { alignItems: 'flex-start' },
  skeleton: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minHeight: '320px' },
});

export function IntegrationSettings() {
  const styles = useStyles();
  const { api, locale, timeZone } = useTabServices();
  const i18n = useT();
  const { t } = i18n;
  const request = useRequest('admin-settings', () => getAdminSettings(api));
  const [draft, setDraft] = useState<AdminSettingsInput | null>(null);
  const [confirming, setConfirming] = useState<string[] | null>(null);
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const names = usePeopleNames(api, draft?.integrationOwners ?? []);
  useEffect(() => {
    if (request.state.status === 'loaded') setDraft(draftOf(request.state.data));
  }, [request.state]);
  const stored = request.data;
  const update = (change: Partial<AdminSettingsInput>) => {
    setOutcome(null);
    setDraft((was) => (was ? { ...was, ...change } : was));
  };
  const changes = stored && draft ? describeChanges(i18n, draftOf(stored), draft, names.nameOf) : [];
  const save = async () => {
    if (!draft) return;
    setSaving(true);
    try {
      const saved: AdminSettingsDto = await saveAdminSettings(api, draft);
      request.set(saved);
      setOutcome({ ok: true, text: t('admin.integration.saved') });
    } catch (error) {
      setOutcome({ ok: false, text: errorMessage(toAppError(error), i18n) });
    } finally {
      setSaving(false);
      setConfirming(null);
    }
  };
  return (
    <CardFrame
      id="integration-settings"
      title={t('admin.integration.title')}
      description={t('admin.integration.description')}
    >
      {request.state.status === 'error' && (
        <AdminRequestError
          error={request.state.error}
          onRetry={request.reload}
          failedTitle={t('admin.integration.failed')}
        />
      )}
      {!draft && request.state.status === 'loading' && (
        <Skeleton aria-label={t('admin.integration.loading')} className={styles.skeleton}>
          <SkeletonItem size={28} />
          <SkeletonItem size={16} />
          <SkeletonItem size={48} />
          <SkeletonItem size={48} />
          <SkeletonItem size={32} />
        </Skeleton>
      )}
      {draft && (
        <div className={styles.form}>
          <Field hint={t('admin.integration.enabledHint')}>
            <Switch
              label={t('admin.integration.enabled')}
              checked={draft.integrationEnabled}
              onChange={(_, data) => update({ integrationEnabled: data.checked })}
            />
          </Field>
          <Field label={t('admin.integration.mode')}>
            <RadioGroup
              value={draft.connectionMode}
              onChange={(_, data) => update({ connectionMode: data.value === 'tenant' ? 'tenant' : 'user' })}
            >
              {(['user', 'tenant'] as const).map((mode) => (
                <Radio
                  key={mode}
                  value={mode}
                  className={styles.radio}
                  aria-describedby={`mode-${mode}-hint`}
                  label={
                    <>
                      {t(modeWords[mode].label)}
                      <Text size={200} id={`mode-${mode}-hint`} className={styles.hint}>
                        {t(modeWords[mode].hint)}
                      </Text>
                    </>
                  }
                />
              ))}
            </RadioGroup>
          </Field>
          <Field hint={t('admin.integration.disconnectHint')}>
            <Switch
              label={t('admin.integration.disconnect')}
              checked={draft.allowDisconnect}
              onChange={(_, data) => update({ allowDisconnect: data.checked })}
            />
          </Field>
          <OwnersPicker
            api={api}
            owners={draft.integrationOwners}
            names={names}
            onChange={(owners) => update({ integrationOwners: owners })}
          />
          {outcome && (
            <MessageBar intent={outcome.ok ? 'success' : 'error'} role={outcome.ok ? 'status' : 'alert'}>
              <MessageBarBody>{outcome.text}</MessageBarBody>
            </MessageBar>
          )}
          <CardActions>
            <Button
              appearance="primary"
              disabled={saving || changes.length === 0}
              onClick={() => setConfirming(changes)}
            >
              {t('admin.integration.save')}
            </Button>
            <Button disabled={saving || changes.length === 0} onClick={() => stored && setDraft(draftOf(stored))}>
              {t('meeting.edit.discard')}
            </Button>
            <Text size={200} className={styles.hint} data-testid="settings-updated">
              {stored?.updatedAt
                ? t('admin.integration.lastSaved', {
                    when: createAdminFormatters(locale, timeZone).stamp(stored.updatedAt),
                  })
                : t('admin.integration.defaults')}
            </Text>
          </CardActions>
        </div>
      )}
      <SaveConfirmation changes={confirming} saving={saving} onConfirm={save} onCancel={() => setConfirming(null)} />
    </CardFrame>
  );
}
