import { Button, makeStyles, Text, Tooltip, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular, GlobeRegular } from '@fluentui/react-icons';
import { useMemo } from 'react';
import { useTabServices } from '../../app/tab-services.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { consentScopesOf } from '../../lib/app-error.ts';
import { ErrorPanel } from '../shell/error-panel.tsx';
import { useWeek } from './use-week.ts';
import { createWeekFormatters, weekLabels } from './week-format.ts';
import { WeekList } from './week-list.tsx';
import { WeekSkeleton } from './week-skeleton.tsx';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  titleRow: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS, minHeight: '52px' },
  titles: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, flexGrow: 1 },
  title: { margin: 0 },
  zone: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorNeutralForeground3,
    minHeight: '20px',
  },
});

/** The next 7 days of the person's Outlook calendar, all events (not only Confer's), in their mailbox zone. */
export function WeekView() {
  const styles = useStyles();
  const { session, locale } = useTabServices();
  const i18n = useT();
  const { t } = i18n;
  const { state, data, reload } = useWeek();
  const week = data?.week ?? null;
  const formatters = useMemo(
    () => (week ? createWeekFormatters(locale, week.user.timeZone, weekLabels(i18n)) : null),
    [locale, i18n, week],
  );
  const consent = async () => {
    if (state.status !== 'error') return;
    await session.requestConsent(consentScopesOf(state.error));
    reload();
  };
  return (
    <section className={styles.section} aria-labelledby="week-title">
      <div className={styles.titleRow}>
        <div className={styles.titles}>
          <Text as="h2" id="week-title" size={500} weight="semibold" className={styles.title}>
            {t('week.title')}
          </Text>
          {week && formatters && (
            <Text size={200} className={styles.zone} data-testid="time-zone-note">
              <GlobeRegular aria-hidden="true" />{' '}
              {t('home.list.zoneNote', { zone: formatters.zoneName(), id: week.user.timeZone })}
            </Text>
          )}
        </div>
        <Tooltip content={t('week.refresh')} relationship="label">
          <Button
            appearance="subtle"
            icon={<ArrowClockwiseRegular />}
            disabled={state.status === 'loading'}
            onClick={reload}
          />
        </Tooltip>
      </div>
      {state.status === 'error' && (
        <ErrorPanel error={state.error} onRetry={reload} onConsent={consent} onSignIn={() => session.signInAgain()} />
      )}
      {state.status === 'loading' && <WeekSkeleton />}
      {state.status === 'loaded' && formatters && (
        <WeekList week={state.data.week} formatters={formatters} now={state.data.loadedAt} />
      )}
    </section>
  );
}
