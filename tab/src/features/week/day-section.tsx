import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useT } from '../../i18n/i18n-context.ts';
import { EventCard } from './event-card.tsx';
import type { WeekDay } from './week-days.ts';
import type { WeekFormatters } from './week-format.ts';

export const useDayStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: {
    display: 'flex',
    alignItems: 'baseline',
    gap: tokens.spacingHorizontalS,
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  relative: { color: tokens.colorBrandForeground1 },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  nothing: {
    color: tokens.colorNeutralForeground3,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXL}`,
  },
});

export interface DaySectionProps {
  readonly day: WeekDay;
  readonly todayKey: string;
  readonly formatters: WeekFormatters;
}

export function DaySection({ day, todayKey, formatters }: DaySectionProps) {
  const styles = useDayStyles();
  const { t } = useT();
  const headingId = `day-${day.dateKey}`;
  const relative = formatters.relativeDay(day.dateKey, todayKey);
  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid="day" data-date={day.dateKey}>
      <h3 id={headingId} className={styles.heading}>
        {relative && <span className={styles.relative}>{relative}</span>}
        <span>{formatters.dayHeading(day.dateKey)}</span>
      </h3>
      {day.entries.length > 0 ? (
        <ul className={styles.list}>
          {day.entries.map((entry) => (
            <EventCard key={entry.event.id} entry={entry} timeText={formatters.timeRange(entry)} />
          ))}
        </ul>
      ) : (
        <Text size={200} className={styles.nothing}>
          {t('week.nothing')}
        </Text>
      )}
    </section>
  );
}
