import { mergeClasses } from '@fluentui/react-components';
import type { Cell, Interval } from './grid-geometry.ts';
import { useGridStyles } from './grid-styles.ts';
import type { ScheduleFormat } from './schedule-format.ts';

// The grid follows the ARIA grid pattern on divs (rows are CSS grids lined up with the drawing under them;
// table layout cannot do that), so the semantic-element and focusable-role lint rules do not apply here.

export function HeaderRow(props: {
  days: readonly string[];
  todayKey: string;
  columns: string;
  format: ScheduleFormat;
}) {
  const styles = useGridStyles();
  return (
    // biome-ignore lint/a11y/useSemanticElements: ARIA grid pattern (see above).
    <div role="rowgroup">
      {/* biome-ignore lint/a11y/useSemanticElements: ARIA grid pattern (see above). */}
      {/* biome-ignore lint/a11y/useFocusableInteractive: a header row is not focusable in a grid. */}
      <div role="row" className={styles.header} style={{ gridTemplateColumns: props.columns }}>
        {/* biome-ignore lint/a11y/useSemanticElements: ARIA grid pattern (see above). */}
        {/* biome-ignore lint/a11y/useFocusableInteractive: headers are not focusable in a grid. */}
        <div role="columnheader">
          <span className={styles.visuallyHidden}>Time</span>
        </div>
        {props.days.map((dateKey) => (
          <DayHeader key={dateKey} dateKey={dateKey} today={dateKey === props.todayKey} format={props.format} />
        ))}
      </div>
    </div>
  );
}

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

export function SlotRow(props: {
  minute: number;
  first: boolean;
  columns: string;
  format: ScheduleFormat;
  children: React.ReactNode;
}) {
  const styles = useGridStyles();
  const label = props.format.clock(props.minute);
  return (
    // biome-ignore lint/a11y/useSemanticElements: ARIA grid pattern (see above).
    // biome-ignore lint/a11y/useFocusableInteractive: rows are not focusable; their cells are.
    <div role="row" className={styles.row} style={{ gridTemplateColumns: props.columns }}>
      {/* biome-ignore lint/a11y/useSemanticElements: ARIA grid pattern (see above). */}
      {/* biome-ignore lint/a11y/useFocusableInteractive: row headers are not focusable in this grid. */}
      <div role="rowheader" className={mergeClasses(styles.rowHeader, props.first && styles.firstRowHeader)}>
        {props.minute % 60 === 0 ? label : <span className={styles.visuallyHidden}>{label}</span>}
      </div>
      {props.children}
    </div>
  );
}

export interface SlotCellProps {
  readonly cell: Cell;
  readonly slot: Interval;
  readonly label: string;
  readonly focused: boolean;
  readonly selected: boolean;
  readonly past: boolean;
  readonly hourLine: boolean;
  onFocus(cell: Cell): void;
}

export function SlotCell({ cell, slot, label, focused, selected, past, hourLine, onFocus }: SlotCellProps) {
  const styles = useGridStyles();
  return (
    // biome-ignore lint/a11y/useSemanticElements: ARIA grid pattern (see above).
    <div
      role="gridcell"
      data-day={cell.day}
      data-row={cell.row}
      data-start={slot.start.toISOString()}
      tabIndex={focused ? 0 : -1}
      aria-label={label}
      aria-selected={selected}
      aria-disabled={past || undefined}
      className={mergeClasses(styles.cell, hourLine && styles.hourLine, past && styles.pastCell)}
      onFocus={() => onFocus(cell)}
    />
  );
}
