import type { MeetingDto } from '@confer/contracts';
import { Button, Card, CardHeader, Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import { CalendarCheckmark24Regular, Open20Regular, Video20Regular } from '@fluentui/react-icons';
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
  const names = meeting.attendees.map((a) => a.displayName).join(', ');
  return (
    <Card data-testid="created-meeting" role="status" aria-live="polite">
      <CardHeader
        image={<CalendarCheckmark24Regular aria-hidden />}
        header={
          <Text as="h2" size={500} weight="semibold">
            Scheduled: {meeting.title}
          </Text>
        }
        description={<Text>{format.when(new Date(meeting.start), new Date(meeting.end))}</Text>}
      />
      <div className={styles.body}>
        <Text>Invitations went to {names}.</Text>
        {meeting.recurrence && <Text>{describeRecurrence(meeting.recurrence)}.</Text>}
        {meeting.joinUrl ? (
          <Link href={meeting.joinUrl} target="_blank" rel="noreferrer" data-testid="join-link">
            <Video20Regular aria-hidden /> Join the Teams meeting
          </Link>
        ) : (
          meeting.location && <Text>Where: {meeting.location}</Text>
        )}
        <div className={styles.actions}>
          <Button appearance="primary" icon={<Open20Regular />} onClick={props.onOpen}>
            Open meeting
          </Button>
          <Button onClick={props.onAnother}>Schedule another</Button>
        </div>
      </div>
    </Card>
  );
}
