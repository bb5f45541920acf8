import type { MeetingDto } from '@confer/contracts';
import { Badge, Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ArrowRepeatAllRegular } from '@fluentui/react-icons';
import { useT } from '../../i18n/i18n-context.ts';
import { describeRecurrence, type MeetingFormatters } from '../../lib/meeting-format.ts';
import { ResponseBadge } from '../../ui/response-badge.tsx';
import { JoinButton } from './join-button.tsx';
import type { Occurrence } from './series.ts';

const useStyles = makeStyles({
  head: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  title: { margin: 0, overflowWrap: 'anywhere' },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    color: tokens.colorNeutralForeground2,
  },
  item: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export type Panel = 'edit' | 'reschedule' | 'cancel' | 'respond' | null;

export interface MeetingSummaryProps {
  readonly meeting: MeetingDto;
  readonly occurrence: Occurrence;
  readonly formatters: MeetingFormatters;
  readonly timeZone: string;
  readonly onOpen: (panel: Panel) => void;
}

/** Title, time in the viewer's zone, status, and the buttons for what this person may do. */
export function MeetingSummary({ meeting, occurrence, formatters, timeZone, onOpen }: MeetingSummaryProps) {
  const styles = useStyles();
  const i18n = useT();
  const { t } = i18n;
  const cancelled = meeting.status === 'cancelled' || occurrence.cancelled;
  const live = meeting.status === 'scheduled' && !occurrence.cancelled && Date.parse(occurrence.end) > Date.now();
  const recurrence = describeRecurrence(i18n, meeting.recurrence);
  // Details belong to the whole meeting (or series), so a cancelled or past occurrence does not hide them.
  const editable = meeting.isOrganizer && meeting.status === 'scheduled';
  return (
    <div className={styles.head}>
      <Text as="h1" size={700} weight="semibold" className={styles.title}>
        {meeting.title}
      </Text>
      <Text className={styles.meta}>
        <time dateTime={occurrence.start} data-testid="meeting-when">
          {formatters.when(occurrence.start, occurrence.end)}
        </time>
        <span>{t('meeting.summary.zone', { zone: formatters.zoneName(), id: timeZone })}</span>
        {recurrence && (
          <span className={styles.item}>
            <ArrowRepeatAllRegular aria-hidden="true" /> {recurrence}
          </span>
        )}
        {cancelled && (
          <Badge appearance="filled" color="danger" shape="rounded" data-testid="cancelled-badge">
            {t('home.card.cancelled')}
          </Badge>
        )}
        {occurrence.moved && !cancelled && (
          <Badge appearance="tint" shape="rounded">
            {t('meeting.summary.moved')}
          </Badge>
        )}
        {!meeting.isOrganizer && (
          <span className={styles.item}>
            {t('meeting.summary.yourAnswer')} <ResponseBadge response={meeting.myResponse} />
          </span>
        )}
      </Text>
      <div className={styles.actions}>
        {meeting.online && meeting.joinUrl && live && (
          <JoinButton joinUrl={meeting.joinUrl}>{t('meeting.summary.join')}</JoinButton>
        )}
        {editable && <Button onClick={() => onOpen('edit')}>{t('meeting.edit.title')}</Button>}
        {live && meeting.isOrganizer && (
          <Button onClick={() => onOpen('reschedule')}>{t('home.actions.reschedule')}</Button>
        )}
        {live && meeting.isOrganizer && <Button onClick={() => onOpen('cancel')}>{t('home.actions.cancel')}</Button>}
        {live && !meeting.isOrganizer && (
          <Button onClick={() => onOpen('respond')}>{t('meeting.respond.title')}</Button>
        )}
      </div>
    </div>
  );
}
