import type { MeetingDto } from '@confer/contracts';
import { Button, Card, CardHeader, Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import { CalendarCheckmark24Regular, Open20Regular, Video20Regular } from '@fluentui/react-icons';
import { useT } from '../../i18n/i18n-context.ts';
import { describeRecurrence } from '../../lib/meeting-format.ts';
import type { ScheduleFormat } from './schedule-format.ts';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** After creating: the meeting as Outlook has it, its Teams join link, and the way to its page. */
export function CreatedPanel(props: {
  meeting: MeetingDto;
  format: ScheduleFormat;
  onOpen(): void;
  onAnother(): void;
}) {
  const { meeting, format } = props;
  const styles = useStyles();
  const i18n = useT();
  const { t } = i18n;
  const names = i18n.list(meeting.attendees.map((a) => a.displayName));
  return (
    <Card data-testid="created-meeting" role="status" aria-live="polite">
      <CardHeader
        image={<CalendarCheckmark24Regular aria-hidden />}
        header={
          <Text as="h2" size={500} weight="semibold">
            {t('schedule.created.title', { title: meeting.title })}
          </Text>
        }
        description={<Text>{format.when(new Date(meeting.start), new Date(meeting.end))}</Text>}
      />
      <div className={styles.body}>
        <Text>{t('schedule.created.invited', { names })}</Text>
        {meeting.recurrence && (
          <Text>{t('schedule.created.series', { series: describeRecurrence(i18n, meeting.recurrence) })}</Text>
        )}
        {meeting.joinUrl ? (
          <Link href={meeting.joinUrl} target="_blank" rel="noreferrer" data-testid="join-link">
            <Video20Regular aria-hidden /> {t('schedule.created.join')}
          </Link>
        ) : (
          meeting.location && <Text>{t('schedule.created.where', { place: meeting.location })}</Text>
        )}
        <div className={styles.actions}>
          <Button appearance="primary" icon={<Open20Regular />} onClick={props.onOpen}>
            {t('schedule.created.open')}
          </Button>
          <Button onClick={props.onAnother}>{t('schedule.created.another')}</Button>
        </div>
      </div>
    </Card>
  );
}
