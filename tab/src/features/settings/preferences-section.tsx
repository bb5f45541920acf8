import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Select,
  Skeleton,
  SkeletonItem,
  Switch,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { useTabServices } from '../../app/tab-services.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { toAppError } from '../../lib/app-error.ts';
import { getPreferences, savePreferences } from '../../lib/me-api.ts';
import { useRequest } from '../../lib/use-request.ts';
import { CardActions, CardFrame } from '../../ui/card-frame.tsx';
import { ChoiceGroup } from '../../ui/choice-group.tsx';
import { errorMessage } from '../shell/error-text.ts';
import { RequestError } from '../shell/request-error.tsx';
import {
  draftOf,
  leadTimeText,
  type PreferencesDraft,
  preferencesOf,
  reminderChoices,
  supportedZones,
  validateDraft,
  weekdays,
} from './preferences-model.ts';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  hours: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
  zone: { maxWidth: '420px' },
  skeleton: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minHeight: '320px' },
});

export function PreferencesSection() {
  const styles = useStyles();
  const { api, locale, refreshTimeZone } = useTabServices();
  const i18n = useT();
  const { t } = i18n;
  const request = useRequest('preferences', () => getPreferences(api));
  const [draft, setDraft] = useState<PreferencesDraft | null>(null);
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const storedZone = request.data?.timeZoneOverride ?? '';
  const zones = useMemo(() => supportedZones(storedZone), [storedZone]);
  const dayName = useMemo(() => new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }), [locale]);
  useEffect(() => {
    if (request.state.status === 'loaded') setDraft(draftOf(request.state.data));
  }, [request.state]);
  const update = (change: Partial<PreferencesDraft>) => {
    setOutcome(null);
    setDraft((was) => (was ? { ...was, ...change } : was));
  };
  const errors = draft ? validateDraft(i18n, draft) : {};
  const save = async () => {
    if (!draft || Object.keys(errors).length > 0) return;
    setSaving(true);
    try {
      const saved = await savePreferences(api, preferencesOf(draft));
      request.set(saved);
      refreshTimeZone();
      setOutcome({ ok: true, text: t('settings.preferences.saved') });
    } catch (error) {
      setOutcome({ ok: false, text: t('common.notSaved', { reason: errorMessage(toAppError(error), i18n) }) });
    } finally {
      setSaving(false);
    }
  };
  const toggle = <T,>(list: readonly T[], value: T, on: boolean) =>
    on ? [...list, value] : list.filter((v) => v !== value);
  return (
    <CardFrame
      id="preferences"
      title={t('settings.preferences.title')}
      description={t('settings.preferences.description')}
    >
      {request.state.status === 'error' && (
        <RequestError
          error={request.state.error}
          onRetry={request.reload}
          failedTitle={t('settings.preferences.failed')}
        />
      )}
      {!draft && request.state.status === 'loading' && (
        <Skeleton aria-label={t('settings.preferences.loading')} className={styles.skeleton}>
          <SkeletonItem size={24} />
          <SkeletonItem size={32} />
          <SkeletonItem size={32} />
          <SkeletonItem size={32} />
        </Skeleton>
      )}
      {draft && (
        <form
          className={styles.form}
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <ChoiceGroup
            legend={t('settings.preferences.reminders')}
            hint={t('settings.preferences.remindersHint')}
            error={errors.reminders}
          >
            {reminderChoices.map((minutes) => (
              <Checkbox
                key={minutes}
                label={leadTimeText(minutes, locale)}
                checked={draft.reminderMinutes.includes(minutes)}
                onChange={(_, data) =>
                  update({
                    reminderMinutes: toggle(draft.reminderMinutes, minutes, data.checked === true).sort(
                      (a, b) => a - b,
                    ),
                  })
                }
              />
            ))}
          </ChoiceGroup>
          <Field
            label={t('settings.preferences.zone')}
            hint={t('settings.preferences.zoneHint')}
            className={styles.zone}
          >
            <Select value={draft.timeZone} onChange={(_, data) => update({ timeZone: data.value })}>
              <option value="">{t('settings.preferences.outlookZone')}</option>
              {zones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone.replaceAll('_', ' ')}
                </option>
              ))}
            </Select>
          </Field>
          <Switch
            label={t('settings.preferences.overrideHours')}
            checked={draft.overrideHours}
            onChange={(_, data) => update({ overrideHours: data.checked })}
          />
          {draft.overrideHours && (
            <>
              <ChoiceGroup legend={t('settings.preferences.days')} error={errors.days}>
                {weekdays.map((day, index) => (
                  <Checkbox
                    key={day}
                    // 2024-01-01 was a Monday: index days from there for the locale's weekday names.
                    label={dayName.format(new Date(Date.UTC(2024, 0, 1 + index)))}
                    checked={draft.days.includes(day)}
                    onChange={(_, data) => update({ days: toggle(draft.days, day, data.checked === true) })}
                  />
                ))}
              </ChoiceGroup>
              <div className={styles.hours}>
                <Field label={t('settings.preferences.start')} validationMessage={errors.hours}>
                  <Input type="time" value={draft.start} onChange={(_, data) => update({ start: data.value })} />
                </Field>
                <Field label={t('settings.preferences.end')}>
                  <Input type="time" value={draft.end} onChange={(_, data) => update({ end: data.value })} />
                </Field>
              </div>
            </>
          )}
          {outcome && (
            <MessageBar intent={outcome.ok ? 'success' : 'error'} role={outcome.ok ? 'status' : 'alert'}>
              <MessageBarBody>{outcome.text}</MessageBarBody>
            </MessageBar>
          )}
          <CardActions>
            <Button type="submit" appearance="primary" disabled={saving || Object.keys(errors).length > 0}>
              {saving ? t('common.saving') : t('settings.preferences.save')}
            </Button>
          </CardActions>
        </form>
      )}
    </CardFrame>
  );
}
