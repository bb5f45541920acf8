import {
  MessageBar,
  MessageBarBody,
  makeStyles,
  Skeleton,
  SkeletonItem,
  Switch,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTabServices } from '../../app/tab-services.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { toAppError } from '../../lib/app-error.ts';
import { getCadence } from '../../lib/cadence-api.ts';
import { setNudges } from '../../lib/follow-through-api.ts';
import { useRequest } from '../../lib/use-request.ts';
import { CardFrame } from '../../ui/card-frame.tsx';
import { errorMessage } from '../shell/error-text.ts';
import { RequestError } from '../shell/request-error.tsx';

const useStyles = makeStyles({
  skeleton: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minHeight: '32px' },
});

/**
 * Whether Confer reminds the person in Teams when they are overdue to meet someone they meet regularly. The
 * switch follows the click at once; a refused save puts it back and says why.
 */
export function NudgesSection() {
  const styles = useStyles();
  const { api } = useTabServices();
  const i18n = useT();
  const { t } = i18n;
  const request = useRequest('cadence', () => getCadence(api));
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const cadence = request.data;
  const change = async (enabled: boolean) => {
    if (!cadence || saving) return;
    setSaving(true);
    setOutcome(null);
    request.set({ ...cadence, nudges: enabled });
    try {
      const saved = await setNudges(api, enabled);
      request.set({ ...cadence, nudges: saved });
      setOutcome({
        ok: true,
        text: saved ? t('settings.nudges.on') : t('settings.nudges.off'),
      });
    } catch (error) {
      request.set(cadence);
      setOutcome({ ok: false, text: t('common.notSaved', { reason: errorMessage(toAppError(error), i18n) }) });
    } finally {
      setSaving(false);
    }
  };
  return (
    <CardFrame id="nudges" title={t('settings.nudges.title')} description={t('settings.nudges.description')}>
      {request.state.status === 'error' && !cadence && (
        <RequestError error={request.state.error} onRetry={request.reload} failedTitle={t('settings.nudges.failed')} />
      )}
      {!cadence && request.state.status === 'loading' && (
        <Skeleton aria-label={t('settings.nudges.loading')} className={styles.skeleton}>
          <SkeletonItem size={32} />
        </Skeleton>
      )}
      {cadence && (
        <Switch
          label={t('settings.nudges.label')}
          checked={cadence.nudges}
          onChange={(_, data) => void change(data.checked)}
        />
      )}
      {outcome && (
        <MessageBar intent={outcome.ok ? 'success' : 'error'} role={outcome.ok ? 'status' : 'alert'}>
          <MessageBarBody>{outcome.text}</MessageBarBody>
        </MessageBar>
      )}
    </CardFrame>
  );
}
