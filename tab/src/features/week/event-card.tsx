import { Button, makeStyles, mergeClasses, shorthands, Text, tokens } from '@fluentui/react-components';
import { ArrowRepeatAllRegular, LocationRegular, LockClosedRegular, VideoRegular } from '@fluentui/react-icons';
import { useT } from '../../i18n/i18n-context.ts';
import { showAsStyles } from './show-as.ts';
import { ShowAsLabel } from './show-as-label.tsx';
import type { DayEntry } from './week-days.ts';

const useStyles = makeStyles({
  card: {
    position: 'relative',
    display: 'grid',
    gridTemplateColumns: '148px minmax(0, 1fr) auto',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    minHeight: '64px',
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow2,
    outline: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
    '@media (max-width: 560px)': { gridTemplateColumns: 'minmax(0, 1fr) auto' },
  },
  accent: {
    position: 'absolute',
    left: '6px',
    top: '8px',
    bottom: '8px',
    width: '4px',
    borderRadius: tokens.borderRadiusCircular,
    ...shorthands.borderWidth(tokens.strokeWidthThin),
    ...shorthands.borderStyle('solid'),
    boxSizing: 'border-box',
  },
  time: {
    color: tokens.colorNeutralForeground2,
    fontVariantNumeric: 'tabular-nums',
    '@media (max-width: 560px)': { gridColumn: '1 / -1' },
  },
  main: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  subject: { overflowWrap: 'anywhere' },
  cancelled: { textDecorationLine: 'line-through', color: tokens.colorNeutralForeground3 },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    color: tokens.colorNeutralForeground3,
  },
  metaItem: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS, minWidth: 0 },
  side: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, justifySelf: 'end' },
});

export interface EventCardProps {
  readonly entry: DayEntry;
  readonly timeText: string;
}

export function EventCard({ entry, timeText }: EventCardProps) {
  const styles = useStyles();
  const { t } = useT();
  const { event } = entry;
  const showAs = showAsStyles[event.showAs];
  const isPrivate = event.sensitivity === 'private' || event.sensitivity === 'confidential';
  const recurring = event.type === 'occurrence' || event.type === 'exception';
  return (
    <li className={styles.card} data-testid="event">
      <span className={styles.accent} style={{ background: showAs.background, borderColor: showAs.border }} />
      <Text className={styles.time} size={300}>
        <time dateTime={event.start}>{timeText}</time>
      </Text>
      <div className={styles.main}>
        <Text
          weight="semibold"
          data-part="subject"
          className={mergeClasses(styles.subject, event.isCancelled && styles.cancelled)}
        >
          {event.subject || t('week.noTitle')}
        </Text>
        <Text size={200} className={styles.meta}>
          <ShowAsLabel showAs={event.showAs} />
          {event.isCancelled && <span className={styles.metaItem}>{t('home.card.cancelled')}</span>}
          {isPrivate && (
            <span className={styles.metaItem}>
              <LockClosedRegular aria-hidden="true" /> {t('week.private')}
            </span>
          )}
          {recurring && (
            <span className={styles.metaItem}>
              <ArrowRepeatAllRegular aria-hidden="true" /> {t('week.recurring')}
            </span>
          )}
          {event.location && (
            <span className={styles.metaItem}>
              <LocationRegular aria-hidden="true" /> {event.location}
            </span>
          )}
          {event.organizer && !event.isOrganizer && (
            <span className={styles.metaItem}>{t('week.fromOrganizer', { name: event.organizer })}</span>
          )}
        </Text>
      </div>
      <div className={styles.side}>
        {event.isOnlineMeeting && event.joinUrl && !event.isCancelled && (
          <Button
            as="a"
            href={event.joinUrl}
            target="_blank"
            rel="noreferrer"
            appearance="primary"
            size="small"
            icon={<VideoRegular aria-hidden="true" />}
            aria-label={t('home.card.joinLabel', { title: event.subject || t('week.meeting') })}
          >
            {t('home.card.join')}
          </Button>
        )}
      </div>
    </li>
  );
}
