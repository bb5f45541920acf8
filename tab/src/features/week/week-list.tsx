import type { WeekResponse } from '@confer/contracts';
import { dateKeyIn } from '@confer/contracts/time';
import { makeStyles, tokens } from '@fluentui/react-components';
import { CalendarCheckmarkRegular } from '@fluentui/react-icons';
import { useMemo } from 'react';
import { useT } from '../../i18n/i18n-context.ts';
import { EmptyState } from '../../ui/empty-state.tsx';
import { DaySection } from './day-section.tsx';
import { buildWeekDays } from './week-days.ts';
import type { WeekFormatters } from './week-format.ts';

const useStyles = makeStyles({
  days: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
});

export interface WeekListProps {
  readonly week: WeekResponse;
  readonly formatters: WeekFormatters;
  readonly now: Date;
}

export function WeekList({ week, formatters, now }: WeekListProps) {
  const styles = useStyles();
  const { t } = useT();
  const days = useMemo(() => buildWeekDays(week), [week]);
  const todayKey = dateKeyIn(now, week.user.timeZone);
  if (days.every((day) => day.entries.length === 0)) {
    return (
      <EmptyState
        id="empty-week"
        icon={CalendarCheckmarkRegular}
        heading="h3"
        title={t('week.clearTitle')}
        body={t('week.clearBody')}
      />
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
