import { useCallback, useEffect, useMemo, useRef } from 'react';
import { type PersonView, stateAt } from './availability-model.ts';
import { summarize } from './cell-summary.ts';
import { type Cell, cellInterval, type GridSpec, type Interval, rowCount, rowStartMinute } from './grid-geometry.ts';
import { lanesOf } from './grid-layers.ts';
import { GridOverlay } from './grid-overlay.tsx';
import { HeaderRow, SlotCell, SlotRow } from './grid-rows.tsx';
import { GUTTER_PX, ROW_PX, useGridStyles } from './grid-styles.ts';
import type { ScheduleFormat } from './schedule-format.ts';
import { rangeInterval } from './selection.ts';
import { useGridInteraction } from './use-grid-interaction.ts';

export interface WeekGridProps {
  readonly spec: GridSpec;
  readonly people: readonly PersonView[];
  readonly suggestions: readonly Interval[];
  readonly value: Interval | null;
  readonly durationMinutes: number;
  readonly format: ScheduleFormat;
  readonly todayKey: string;
  readonly now: Date;
  onChoose(interval: Interval): void;
  /** The slot under the pointer or keyboard focus, for the details beside the grid. */
  onInspect(cell: Cell | null): void;
}

const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;

export function WeekGrid(props: WeekGridProps) {
  const { spec, people, suggestions, value, durationMinutes, format, todayKey, now, onChoose, onInspect } = props;
  const styles = useGridStyles();
  const bodyRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const interaction = useGridInteraction({ spec, value, durationMinutes, now, bodyRef, onChoose });
  const { focus, preview, hover } = interaction;
  const rows = rowCount(spec);
  const columns = `${GUTTER_PX}px repeat(${spec.days.length}, minmax(0, 1fr))`;
  const shown = preview ? rangeInterval(spec, preview) : value;
  const lanes = useMemo(() => lanesOf(people), [people]);

  const labels = useMemo(() => {
    return spec.days.map((dateKey, day) =>
      Array.from({ length: rows }, (_, row) => {
        const slot = cellInterval(spec, { day, row });
        const summary = summarize(people.map((p) => stateAt(p, slot)));
        const suggested = suggestions.some((s) => overlaps(s, slot)) ? ', suggested' : '';
        const past = slot.end <= now ? ', in the past' : '';
        return `${format.dayLong(dateKey)}, ${format.timeSpan(slot.start, slot.end)}, ${summary.text}${suggested}${past}`;
      }),
    );
  }, [spec, people, suggestions, format, now, rows]);

  // Keep keyboard focus on the focus cell when it moves (roving tabindex).
  useEffect(() => {
    const grid = gridRef.current;
    if (!grid?.contains(document.activeElement)) return;
    grid.querySelector<HTMLElement>(`[data-day="${focus.day}"][data-row="${focus.row}"]`)?.focus();
  }, [focus]);
  useEffect(() => onInspect(hover ?? null), [hover, onInspect]);
  const { onFocusCell } = interaction;
  const onCellFocus = useCallback(
    (cell: Cell) => {
      onFocusCell(cell);
      onInspect(cell);
    },
    [onFocusCell, onInspect],
  );

  return (
    <div className={styles.scroller} data-testid="schedule-grid" data-days={spec.days.length}>
      {/* biome-ignore lint/a11y/useSemanticElements: ARIA grid pattern on divs (see grid-rows.tsx). */}
      <div
        ref={gridRef}
        role="grid"
        aria-label={`${format.daysRange(spec.days[0] ?? todayKey, spec.days.at(-1) ?? todayKey)}. Arrow keys move between slots, Enter chooses a slot, Shift with Up or Down arrow changes the length.`}
        aria-rowcount={rows + 1}
        aria-colcount={spec.days.length + 1}
        aria-multiselectable="true"
        onKeyDown={interaction.onKeyDown}
      >
        <HeaderRow days={spec.days} todayKey={todayKey} columns={columns} format={format} />
        {/* biome-ignore lint/a11y/useSemanticElements: ARIA grid pattern on divs (see grid-rows.tsx). */}
        <div
          ref={bodyRef}
          role="rowgroup"
          className={styles.body}
          style={{ height: `${rows * ROW_PX}px` }}
          onPointerDown={interaction.onPointerDown}
          onPointerMove={interaction.onPointerMove}
          onPointerUp={interaction.onPointerUp}
          onPointerLeave={interaction.onPointerLeave}
        >
          <GridOverlay spec={spec} lanes={lanes} suggestions={suggestions} chosen={shown} now={now} />
          {Array.from({ length: rows }, (_, row) => {
            const minute = rowStartMinute(spec, row);
            return (
              <SlotRow key={minute} minute={minute} first={row === 0} columns={columns} format={format}>
                {spec.days.map((dateKey, day) => {
                  const slot = cellInterval(spec, { day, row });
                  return (
                    <SlotCell
                      key={dateKey}
                      cell={{ day, row }}
                      slot={slot}
                      label={labels[day]?.[row] ?? ''}
                      focused={focus.day === day && focus.row === row}
                      selected={shown !== null && overlaps(shown, slot)}
                      past={slot.end <= now}
                      hourLine={minute % 60 === 0}
                      onFocus={onCellFocus}
                    />
                  );
                })}
              </SlotRow>
            );
          })}
        </div>
      </div>
    </div>
  );
}
