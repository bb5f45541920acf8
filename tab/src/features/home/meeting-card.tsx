import type { MeetingDto } from '@confer/contracts';
import { Badge, Link, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { ArrowRepeatAllRegular, LocationRegular } from '@fluentui/react-icons';
import { hrefOf } from '../../app/routes.ts';
import { useT } from '../../i18n/i18n-context.ts';
import type { MeetingFormatters } from '../../lib/meeting-format.ts';
import { ResponseBadge } from '../../ui/response-badge.tsx';
import { JoinButton } from '../meeting/join-button.tsx';
import { QuickActions } from './quick-actions.tsx';

const useStyles = makeStyles({
  card: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    boxSizing: 'border-box',
    minHeight: '112px',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow2,
    outline: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
    '@media (max-width: 480px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  main: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  cancelled: { textDecorationLine: 'line-through' },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    color: tokens.colorNeutralForeground2,
  },
  item: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS, minWidth: 0 },
  people: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXXS,
  },
  person: { display: 'inline-flex', gap: tokens.spacingHorizontalXS, alignItems: 'baseline', minWidth: 0 },
  side: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export interface MeetingCardProps {
  readonly meeting: MeetingDto;
  readonly typeName: string | null;
  readonly formatters: MeetingFormatters;
  readonly past: boolean;
  readonly onChanged: (meeting: MeetingDto) => void;
}

export function MeetingCard({ meeting, typeName, formatters, past, onChanged }: MeetingCardProps) {
  const styles = useStyles();
  const { t } = useT();
  const cancelled = meeting.status === 'cancelled';
  const canJoin = meeting.online && meeting.joinUrl && !cancelled && !past;
  const others = meeting.attendees;
  return (
    <li className={styles.card} data-testid="meeting-card" data-meeting-id={meeting.id}>
      <div className={styles.main}>
        <Link
          href={hrefOf({ page: 'meeting', id: meeting.id })}
          className={mergeClasses(styles.title, cancelled && styles.cancelled)}
        >
          {meeting.title}
        </Link>
        <Text size={300} className={styles.meta}>
          <time dateTime={meeting.start}>{formatters.when(meeting.start, meeting.end)}</time>
          {typeName && (
            <Badge appearance="tint" color="brand" shape="rounded">
              {typeName}
            </Badge>
          )}
          {meeting.recurrence && (
            <span className={styles.item}>
              <ArrowRepeatAllRegular aria-hidden="true" /> {t('home.card.series')}
            </span>
          )}
          {!meeting.online && meeting.location && (
            <span className={styles.item}>
              <LocationRegular aria-hidden="true" /> {meeting.location}
            </span>
          )}
          {cancelled && (
            <Badge appearance="filled" color="danger" shape="rounded">
              {t('home.card.cancelled')}
            </Badge>
          )}
        </Text>
        {!meeting.isOrganizer && (
          <Text size={200} className={styles.meta}>
            {t('home.card.fromYou', { name: meeting.organizer.displayName })}{' '}
            <ResponseBadge response={meeting.myResponse} />
          </Text>
        )}
        <ul className={styles.people} aria-label={t('home.card.responses')}>
          {others.map((attendee) => (
            <li key={attendee.email} className={styles.person}>
              <Text size={200}>{attendee.displayName}</Text>
              <ResponseBadge response={attendee.response} />
            </li>
          ))}
        </ul>
      </div>
      <div className={styles.side}>
        {canJoin && meeting.joinUrl && (
          <JoinButton joinUrl={meeting.joinUrl} ariaLabel={t('home.card.joinLabel', { title: meeting.title })}>
            {t('home.card.join')}
          </JoinButton>
        )}
        <QuickActions meeting={meeting} past={past} onChanged={onChanged} />
      </div>
    </li>
  );
}
