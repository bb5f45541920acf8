import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, Spinner } from '@fluentui/react-components';
import { useT } from '../../i18n/i18n-context.ts';
import { ClashList, groupByOccurrence } from './clash-list.tsx';
import type { ScheduleFormat } from './schedule-format.ts';
import type { ClashState } from './use-clash-check.ts';

const useStyles = makeStyles({ area: { minHeight: '52px' } });

export interface ClashNoticeProps {
  readonly state: ClashState;
  readonly format: ScheduleFormat;
  readonly organizerEmail: string | null;
  readonly occurrences: number;
}

/** The inline clash check under the grid: before anything is created, who clashes with the chosen time. */
export function ClashNotice({ state, format, organizerEmail, occurrences }: ClashNoticeProps) {
  const styles = useStyles();
  const { t } = useT();
  const series = occurrences > 1;
  return (
    <div className={styles.area} aria-live="polite" data-testid="clash-check" data-state={stateName(state)}>
      {state.status === 'checking' && (
        <Spinner size="tiny" label={t('schedule.clash.checking')} labelPosition="after" />
      )}
      {state.status === 'error' && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{t('schedule.clash.failed')}</MessageBarTitle>
            {state.message}{' '}
            <Button size="small" onClick={state.retry}>
              {t('schedule.clash.checkAgain')}
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'checked' && <Verdict {...{ state, format, organizerEmail, series, occurrences }} />}
    </div>
  );
}

function Verdict(props: {
  state: Extract<ClashState, { status: 'checked' }>;
  format: ScheduleFormat;
  organizerEmail: string | null;
  series: boolean;
  occurrences: number;
}) {
  const { state, format, organizerEmail, series, occurrences } = props;
  const { t } = useT();
  const busy = state.conflicts.filter((c) => c.status !== 'unreadable');
  const unchecked = state.conflicts.filter((c) => c.status === 'unreadable');
  if (!busy.length && !unchecked.length) {
    return (
      <MessageBar intent="success">
        <MessageBarBody>
          {series ? t('schedule.clash.noneInSeries', { count: occurrences }) : t('schedule.clash.none')}
        </MessageBarBody>
      </MessageBar>
    );
  }
  const clashing = groupByOccurrence(busy).length;
  const title = busy.length
    ? series
      ? t('schedule.clash.someOccurrences', { clashing, count: occurrences })
      : t('schedule.clash.thisTime')
    : t('schedule.clash.someUnchecked');
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <ClashList
          conflicts={[...busy, ...unchecked]}
          format={format}
          organizerEmail={organizerEmail}
          series={series}
        />
      </MessageBarBody>
    </MessageBar>
  );
}

function stateName(state: ClashState): string {
  if (state.status !== 'checked') return state.status;
  return state.conflicts.some((c) => c.status !== 'unreadable') ? 'clash' : 'clear';
}
