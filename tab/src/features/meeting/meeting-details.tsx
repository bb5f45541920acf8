import type { MeetingDto } from '@confer/contracts';
import { Badge, makeStyles, Text, tokens } from '@fluentui/react-components';
import { CardFrame } from '../../ui/card-frame.tsx';
import { ResponseBadge } from '../../ui/response-badge.tsx';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    margin: 0,
    '@media (max-width: 480px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  term: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, overflowWrap: 'anywhere' },
  agenda: { whiteSpace: 'pre-wrap', margin: 0, overflowWrap: 'anywhere' },
  none: { color: tokens.colorNeutralForeground2 },
  people: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  person: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: tokens.spacingHorizontalM },
  email: { color: tokens.colorNeutralForeground2 },
  note: { color: tokens.colorNeutralForeground2, margin: 0 },
});

/** Why someone carries the "Added in Outlook" badge: shown as its tooltip and, once, under the list for everyone. */
export const addedInOutlookExplanation =
  'Invited in Outlook, not in Confer: they see the meeting, but not its notes and actions until the organizer adds them in Confer.';

export function MeetingDetails({
  meeting,
  typeName,
  proposedText,
}: {
  meeting: MeetingDto;
  typeName: string | null;
  proposedText: (start: string, end: string) => string;
}) {
  const styles = useStyles();
  return (
    <>
      <CardFrame id="details" title="Details and agenda">
        <dl className={styles.facts}>
          <dt className={styles.term}>Organizer</dt>
          <dd className={styles.value}>{meeting.organizer.displayName}</dd>
          <dt className={styles.term}>Meeting type</dt>
          <dd className={styles.value}>{typeName ?? 'None'}</dd>
          <dt className={styles.term}>Where</dt>
          <dd className={styles.value}>
            {meeting.online ? 'Microsoft Teams meeting' : (meeting.location ?? 'No place given')}
          </dd>
        </dl>
        {meeting.outlookSubject && (
          <Text as="p" className={styles.note} data-testid="outlook-subject">
            In Outlook this meeting is called “{meeting.outlookSubject}”
          </Text>
        )}
        <Text as="h3" size={400} weight="semibold">
          Agenda
        </Text>
        {meeting.agenda.trim() ? (
          <p className={styles.agenda} data-testid="agenda">
            {meeting.agenda}
          </p>
        ) : (
          <Text className={styles.none}>No agenda yet.</Text>
        )}
      </CardFrame>
      <CardFrame id="responses" title="Responses" testId="responses">
        <ul className={styles.people}>
          <li className={styles.person}>
            <Text weight="semibold">{meeting.organizer.displayName}</Text>
            <ResponseBadge response="organizer" />
          </li>
          {meeting.attendees.map((attendee) => (
            <li key={attendee.email} className={styles.person} data-testid="attendee" data-email={attendee.email}>
              <Text weight="semibold">{attendee.displayName}</Text>
              <Text size={200} className={styles.email}>
                {attendee.email}
              </Text>
              <ResponseBadge response={attendee.response} />
              {attendee.addedInOutlook && <AddedInOutlookBadge />}
              {attendee.proposedStart && attendee.proposedEnd && (
                <Text size={200}>Proposed {proposedText(attendee.proposedStart, attendee.proposedEnd)}</Text>
              )}
            </li>
          ))}
        </ul>
        {meeting.attendees.some((attendee) => attendee.addedInOutlook) && (
          <Text
            as="p"
            size={200}
            className={styles.note}
            id="added-in-outlook-note"
            data-testid="added-in-outlook-note"
          >
            Added in Outlook: {addedInOutlookExplanation}
          </Text>
        )}
      </CardFrame>
    </>
  );
}

/** Whether the viewer is an attendee invited in Outlook only: the meeting's notes and actions are closed to them. */
export function invitedInOutlookOnly(meeting: MeetingDto, myId: string | null): boolean {
  return (
    !meeting.isOrganizer && meeting.attendees.some((a) => a.userId !== null && a.userId === myId && a.addedInOutlook)
  );
}

/** In place of the notes and actions for someone invited in Outlook only: why they are closed, instead of an error. */
export function NotesClosed() {
  return (
    <CardFrame id="notes" title="Notes and actions" testId="notes-closed">
      <Text as="p">
        You were invited to this meeting in Outlook. Its notes and actions open to you once the organizer adds you in
        Confer.
      </Text>
    </CardFrame>
  );
}

/**
 * A word, not a colour, marks someone invited in Outlook only; the explanation is its tooltip for pointer users
 * and the note under the list (which it is described by) for everyone else.
 */
function AddedInOutlookBadge() {
  return (
    <Badge
      appearance="outline"
      color="informative"
      shape="rounded"
      size="small"
      title={addedInOutlookExplanation}
      aria-describedby="added-in-outlook-note"
      data-testid="added-in-outlook"
    >
      Added in Outlook
    </Badge>
  );
}
