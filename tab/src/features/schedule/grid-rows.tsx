import { mergeClasses } from '@fluentui/react-components';
import { memo } from 'react';
import { useT } from '../../i18n/i18n-context.ts';
import { SlotCell } from './grid-cell.tsx';
import { cellInterval, type GridSpec, rowStartMinute } from './grid-geometry.ts';
import { useGridStyles } from './grid-styles.ts';
import type { ScheduleFormat } from './schedule-format.ts';

// The grid follows the ARIA grid pattern on divs (rows are CSS grids lined up with the drawing under them;
// table layout cannot do that), so the semantic-element and focusable-role lint rules do not apply here.

export const HeaderRow = memo(function HeaderRow(props: {
  days: readonly string[];
  todayKey: string;
  columns: string;
  format: ScheduleFormat;
}) {
  const styles = useGridStyles();
  const { t } = useT();
  return (
    // biome-ignore lint/a11y/useSemanticElements: ARIA grid pattern (see above).
    <div role="rowgroup">
      {/* biome-ignore lint/a11y/useSemanticElements: ARIA grid pattern (see above). */}
      {/* biome-ignore lint/a11y/useFocusableInteractive: a header row is not focusable in a grid. */}
      <div role="row" className={styles.header} style={{ gridTemplateColumns: props.columns }}>
        {/* biome-ignore lint/a11y/useSemanticElements: ARIA grid pattern (see above). */}
        {/* biome-ignore lint/a11y/useFocusableInteractive: headers are not focusable in a grid. */}
        <div role="columnheader">
          <span className={styles.visuallyHidden}>{t('schedule.grid.time')}</span>
        </div>
        {props.days.map((dateKey) => (
          <DayHeader key={dateKey} dateKey={dateKey} today={dateKey === props.todayKey} format={props.format} />
        ))}
      </div>
    </div>
  );
});

function DayHeader({ dateKey, today, format }: { dateKey: string; today: boolean; format: ScheduleFormat }) {
  const styles = useGridStyles();
  return (
    // biome-ignore lint/a11y/useSemanticElements: ARIA grid pattern (see above).
    // biome-ignore lint/a11y/useFocusableInteractive: headers are not focusable in a grid.
    <div
      role="columnheader"
      aria-label={format.dayLong(dateKey)}
      className={mergeClasses(styles.dayHeader, today && styles.today)}
    >
      {format.dayShort(dateKey)}
    </div>
  );
}

/** Days as bits of a number (bit `day` set): what a row needs to know about a week, as one primitive prop. */
export const dayBit = (day: number) => 1 << day;
const hasDay = (mask: number, day: number) => (mask & dayBit(day)) !== 0;

const MemoCell = memo(SlotCell);

export interface SlotRowProps {
  readonly spec: GridSpec;
  readonly row: number;
  readonly first: boolean;
  readonly columns: string;
  readonly format: ScheduleFormat;
  /** Each day's cell name in this row (the same array while nothing it says changes). */
  readonly labels: readonly string[];
  /** The day whose cell holds the keyboard focus in this row, or -1. */
  readonly focusDay: number;
  readonly selectedDays: number;
  readonly pastDays: number;
}

/**
 * One row of slots. Memoised on primitive props: moving the focus or a dragged range renders the rows it touches,
 * and inside them only the cells that change.
 */
export const SlotRow = memo(function SlotRow(props: SlotRowProps) {
  const { spec, row, labels, focusDay, selectedDays, pastDays } = props;
  const styles = useGridStyles();
  const minute = rowStartMinute(spec, row);
  const label = props.format.clock(minute);
  return (
    // biome-ignore lint/a11y/useSemanticElements: ARIA grid pattern (see above).
    // biome-ignore lint/a11y/useFocusableInteractive: rows are not focusable; their cells are.
    <div role="row" className={styles.row} style={{ gridTemplateColumns: props.columns }}>
      {/* biome-ignore lint/a11y/useSemanticElements: ARIA grid pattern (see above). */}
      {/* biome-ignore lint/a11y/useFocusableInteractive: row headers are not focusable in this grid. */}
      <div role="rowheader" className={mergeClasses(styles.rowHeader, props.first && styles.firstRowHeader)}>
        {minute % 60 === 0 ? label : <span className={styles.visuallyHidden}>{label}</span>}
      </div>
      {spec.days.map((dateKey, day) => (
        <MemoCell
          key={dateKey}
          day={day}
          row={row}
          start={cellInterval(spec, { day, row }).start.toISOString()}
          label={labels[day] ?? ''}
          focused={focusDay === day}
          selected={hasDay(selectedDays, day)}
          past={hasDay(pastDays, day)}
          hourLine={minute % 60 === 0}
        />
      ))}
    </div>
  );
});
