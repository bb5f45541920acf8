import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { consentScopesOf } from '../../lib/app-error.ts';
import type { HostSession } from '../../lib/session.ts';
import { Icon } from '../../ui/icons.tsx';
import { AppHeader } from '../shell/app-header.tsx';
import { ErrorPanel } from '../shell/error-panel.tsx';
import { PageLayout } from '../shell/page-layout.tsx';
import { useWeek, type WeekDeps } from './use-week.ts';
import { createWeekFormatters } from './week-format.ts';
import { WeekList } from './week-list.tsx';
import { WeekSkeleton } from './week-skeleton.tsx';

const useStyles = makeStyles({
  titleRow: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minHeight: '52px' },
  title: { margin: 0 },
  zone: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorNeutralForeground3,
    minHeight: '20px',
  },
});

export interface WeekPageProps {
  readonly session: HostSession;
  readonly deps: WeekDeps;
}

export function WeekPage({ session, deps }: WeekPageProps) {
  const styles = useStyles();
  const { state, reload } = useWeek(session, deps);
  const week = state.status === 'loaded' ? state.week : state.status === 'loading' ? state.previous : null;
  const formatters = useMemo(
    () => (week ? createWeekFormatters(session.locale, week.user.timeZone) : null),
    [session.locale, week],
  );
  const consent = async () => {
    if (state.status !== 'error') return;
    await session.requestConsent(consentScopesOf(state.error));
    reload();
  };
  return (
    <PageLayout
      header={
        <AppHeader
          user={week?.user ?? (state.status === 'error' ? session.account : null)}
          loading={state.status === 'loading'}
          onRefresh={state.status === 'loading' ? null : reload}
          onSignOut={session.signOut}
        />
      }
    >
      <div className={styles.titleRow}>
        <Text as="h1" size={600} weight="semibold" className={styles.title}>
          Your next 7 days
        </Text>
        {week && formatters && (
          <Text size={200} className={styles.zone} data-testid="time-zone-note">
            <Icon name="globe" /> Times in {formatters.zoneName()} ({week.user.timeZone})
          </Text>
        )}
      </div>
      {state.status === 'error' && (
        <ErrorPanel error={state.error} onRetry={reload} onConsent={consent} onSignIn={() => session.signInAgain()} />
      )}
      {state.status === 'loading' && <WeekSkeleton />}
      {state.status === 'loaded' && formatters && (
        <WeekList week={state.week} formatters={formatters} now={state.loadedAt} />
      )}
    </PageLayout>
  );
}
