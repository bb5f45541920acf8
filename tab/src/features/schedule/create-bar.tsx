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
import { CalendarAdd20Regular } from '@fluentui/react-icons';
import { useT } from '../../i18n/i18n-context.ts';
import { errorMessage } from '../shell/error-text.ts';
import { ClashList } from './clash-list.tsx';
import type { ScheduleFormat } from './schedule-format.ts';
import type { CreateState } from './use-create-meeting.ts';

const useStyles = makeStyles({
  bar: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  missing: { color: tokens.colorNeutralForeground3 },
});

export interface CreateBarProps {
  readonly state: CreateState;
  /** What still stops creating ("add at least one person"), empty when ready. */
  readonly missing: readonly string[];
  readonly summary: string | null;
  readonly format: ScheduleFormat;
  readonly organizerEmail: string | null;
  readonly series: boolean;
  onCreate(acceptConflicts: boolean): void;
  onDismiss(): void;
}

export function CreateBar(props: CreateBarProps) {
  const styles = useStyles();
  const i18n = useT();
  const { t } = i18n;
  const { state, missing } = props;
  const busy = state.status === 'creating';
  return (
    <div className={styles.bar}>
      {state.status === 'conflicts' && (
        <MessageBar intent="warning" layout="multiline" role="alert" data-testid="create-conflicts">
          <MessageBarBody>
            <MessageBarTitle>{t('schedule.create.someoneBusy')}</MessageBarTitle>
            <ClashList
              conflicts={state.conflicts}
              format={props.format}
              organizerEmail={props.organizerEmail}
              series={props.series}
            />
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={() => props.onCreate(true)}>
              {t('schedule.create.anyway')}
            </Button>
            <Button onClick={props.onDismiss}>{t('schedule.create.another')}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {state.status === 'error' && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t('schedule.create.failed')}</MessageBarTitle>
            {t('schedule.create.failedBody', { reason: errorMessage(state.error, i18n), code: state.error.code })}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button
          appearance="primary"
          size="large"
          icon={<CalendarAdd20Regular />}
          disabledFocusable={missing.length > 0 || busy || state.status === 'conflicts'}
          onClick={() => props.onCreate(false)}
          aria-describedby="create-summary"
        >
          {busy ? t('schedule.create.creating') : t('schedule.create.create')}
        </Button>
        <Text id="create-summary" className={missing.length ? styles.missing : undefined}>
          {missing.length ? t('schedule.create.missing', { steps: i18n.list(missing) }) : props.summary}
        </Text>
      </div>
    </div>
  );
}
