import { mergeClasses } from '@fluentui/react-components';
import { useGridStyles } from './grid-styles.ts';

export interface SlotCellProps {
  readonly day: number;
  readonly row: number;
  /** The slot's start as an ISO instant (a string, so an unchanged cell keeps equal props). */
  readonly start: string;
  readonly label: string;
  readonly focused: boolean;
  readonly selected: boolean;
  readonly past: boolean;
  readonly hourLine: boolean;
}

/**
 * One slot of the grid. Every prop is a primitive, so a row renders only the cells whose state changed; hover is
 * CSS only, and focus and pointer events are handled once on the grid (see week-grid.tsx), not per cell.
 */
export function SlotCell({ day, row, start, label, focused, selected, past, hourLine }: SlotCellProps) {
  const styles = useGridStyles();
  return (
    // biome-ignore lint/a11y/useSemanticElements: ARIA grid pattern on divs (see grid-rows.tsx).
    <div
      role="gridcell"
      data-day={day}
      data-row={row}
      data-start={start}
      tabIndex={focused ? 0 : -1}
      aria-label={label}
      aria-selected={selected}
      aria-disabled={past || undefined}
      className={mergeClasses(styles.cell, hourLine && styles.hourLine, past && styles.pastCell)}
    />
  );
}
