import type { MeetingDto } from '@confer/contracts';
import { Badge, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useT } from '../../i18n/i18n-context.ts';
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
const addedInOutlookExplanation = 'meeting.details.addedInOutlookWhy';

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
  const { t } = useT();
  return (
    <>
      <CardFrame id="details" title={t('meeting.details.title')}>
        <dl className={styles.facts}>
          <dt className={styles.term}>{t('common.response.organizer')}</dt>
          <dd className={styles.value}>{meeting.organizer.displayName}</dd>
          <dt className={styles.term}>{t('schedule.form.type')}</dt>
          <dd className={styles.value}>{typeName ?? t('meeting.details.noType')}</dd>
          <dt className={styles.term}>{t('schedule.form.where')}</dt>
          <dd className={styles.value}>
            {meeting.online ? t('meeting.details.teams') : (meeting.location ?? t('meeting.details.noPlace'))}
          </dd>
        </dl>
        {meeting.outlookSubject && (
          <Text as="p" className={styles.note} data-testid="outlook-subject">
            {t('meeting.details.outlookSubject', { subject: meeting.outlookSubject })}
          </Text>
        )}
        <Text as="h3" size={400} weight="semibold">
          {t('schedule.form.agenda')}
        </Text>
        {meeting.agenda.trim() ? (
          <p className={styles.agenda} data-testid="agenda">
            {meeting.agenda}
          </p>
        ) : (
          <Text className={styles.none}>{t('meeting.details.noAgenda')}</Text>
        )}
      </CardFrame>
      <CardFrame id="responses" title={t('home.card.responses')} testId="responses">
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
                <Text size={200}>
                  {t('meeting.details.proposed', { when: proposedText(attendee.proposedStart, attendee.proposedEnd) })}
                </Text>
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
            {t('meeting.details.addedInOutlookNote', { why: t(addedInOutlookExplanation) })}
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
  const { t } = useT();
  return (
    <CardFrame id="notes" title={t('meeting.details.notesTitle')} testId="notes-closed">
      <Text as="p">{t('meeting.details.notesClosed')}</Text>
    </CardFrame>
  );
}

/**
 * A word, not a colour, marks someone invited in Outlook only; the explanation is its tooltip for pointer users
 * and the note under the list (which it is described by) for everyone else.
 */
function AddedInOutlookBadge() {
  const { t } = useT();
  return (
    <Badge
      appearance="outline"
      color="informative"
      shape="rounded"
      size="small"
      title={t(addedInOutlookExplanation)}
      aria-describedby="added-in-outlook-note"
      data-testid="added-in-outlook"
    >
      {t('meeting.details.addedInOutlook')}
    </Badge>
  );
}
