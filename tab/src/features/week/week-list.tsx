import type { WeekResponse } from '@confer/contracts';
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { CalendarCheckmarkRegular } from '@fluentui/react-icons';
import { useMemo } from 'react';
import { dateKeyIn } from '../../lib/zoned-date.ts';
import { DaySection } from './day-section.tsx';
import { buildWeekDays } from './week-days.ts';
import type { WeekFormatters } from './week-format.ts';

const useStyles = makeStyles({
  days: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  empty: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    textAlign: 'center',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow2,
  },
  emptyIcon: { fontSize: '48px', color: tokens.colorBrandForeground1 },
  emptyBody: { color: tokens.colorNeutralForeground3, maxWidth: '40ch' },
});

export interface WeekListProps {
  readonly week: WeekResponse;
  readonly formatters: WeekFormatters;
  readonly now: Date;
}

export function WeekList({ week, formatters, now }: WeekListProps) {
  const styles = useStyles();
  const days = useMemo(() => buildWeekDays(week), [week]);
  const todayKey = dateKeyIn(now, week.user.timeZone);
  if (days.every((day) => day.entries.length === 0)) {
    return (
      <section className={styles.empty} aria-labelledby="empty-week">
        <CalendarCheckmarkRegular aria-hidden="true" className={styles.emptyIcon} />
        <Text as="h3" id="empty-week" size={500} weight="semibold">
          Your next 7 days are clear
        </Text>
        <Text className={styles.emptyBody}>
          Nothing is on your Outlook calendar for this week. New meetings show up here as soon as they are booked.
        </Text>
      </section>
    );
  }
  return (
    <div className={styles.days}>
      {days.map((day) => (
        <DaySection key={day.dateKey} day={day} todayKey={todayKey} formatters={formatters} />
      ))}
    </div>
  );
}
