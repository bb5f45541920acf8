import type { Translator } from '@confer/contracts/i18n';
import { memo, useEffect, useMemo, useRef } from 'react';
import { useT } from '../../i18n/i18n-context.ts';
import { type PersonView, stateAt } from './availability-model.ts';
import { summarize } from './cell-summary.ts';
import { type Cell, cellInterval, type GridSpec, type Interval, rowCount, rowStartMinute } from './grid-geometry.ts';
import { lanesOf } from './grid-layers.ts';
import { GridOverlay } from './grid-overlay.tsx';
import { dayBit, HeaderRow, SlotRow } from './grid-rows.tsx';
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

/** Per row, the days (as bits) whose slot matches: one number per row, so unchanged rows keep equal props. */
function rowMasks(spec: GridSpec, rows: number, test: (slot: Interval) => boolean): number[] {
  return Array.from({ length: rows }, (_, row) =>
    spec.days.reduce((mask, _key, day) => (test(cellInterval(spec, { day, row })) ? mask | dayBit(day) : mask), 0),
  );
}

/**
 * The picker grid. Memoised, and so are its rows, cells and drawing: the page re-renders as the pointer moves (the
 * slot details follow it), and a hover, focus move or dragged row renders only what it changes.
 */
export const WeekGrid = memo(function WeekGrid(props: WeekGridProps) {
  const { spec, people, suggestions, value, durationMinutes, format, todayKey, now, onChoose, onInspect } = props;
  const styles = useGridStyles();
  const i18n = useT();
  const bodyRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const interaction = useGridInteraction({ spec, value, durationMinutes, now, bodyRef, onChoose, onInspect });
  const { focus, preview } = interaction;
  const rows = rowCount(spec);
  const columns = `${GUTTER_PX}px repeat(${spec.days.length}, minmax(0, 1fr))`;
  const shown = useMemo(() => (preview ? rangeInterval(spec, preview) : value), [spec, preview, value]);
  const lanes = useMemo(() => lanesOf(people), [people]);
  const labels = useMemo(
    () => cellLabels(spec, people, suggestions, format, now, i18n),
    [spec, people, suggestions, format, now, i18n],
  );
  const selected = useMemo(
    () => rowMasks(spec, rows, (slot) => shown !== null && overlaps(shown, slot)),
    [spec, rows, shown],
  );
  const past = useMemo(() => rowMasks(spec, rows, (slot) => slot.end <= now), [spec, rows, now]);

  // Keep keyboard focus on the focus cell when it moves (roving tabindex).
  useEffect(() => {
    const grid = gridRef.current;
    if (!grid?.contains(document.activeElement)) return;
    grid.querySelector<HTMLElement>(`[data-day="${focus.day}"][data-row="${focus.row}"]`)?.focus();
  }, [focus]);

  return (
    <div className={styles.scroller} data-testid="schedule-grid" data-days={spec.days.length}>
      {/* biome-ignore lint/a11y/useSemanticElements: ARIA grid pattern on divs (see grid-rows.tsx). */}
      <div
        ref={gridRef}
        role="grid"
        aria-label={i18n.t('schedule.grid.label', {
          range: format.daysRange(spec.days[0] ?? todayKey, spec.days.at(-1) ?? todayKey),
        })}
        aria-rowcount={rows + 1}
        aria-colcount={spec.days.length + 1}
        aria-multiselectable="true"
        onKeyDown={interaction.onKeyDown}
        onFocus={interaction.onFocus}
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
          {labels.map((rowLabels, row) => (
            <SlotRow
              key={rowStartMinute(spec, row)}
              spec={spec}
              row={row}
              first={row === 0}
              columns={columns}
              format={format}
              labels={rowLabels}
              focusDay={focus.row === row ? focus.day : -1}
              selectedDays={selected[row] ?? 0}
              pastDays={past[row] ?? 0}
            />
          ))}
        </div>
      </div>
    </div>
  );
});

/** Each cell's accessible name, by row then day: the day, the time, who is taken, suggested, past. */
function cellLabels(
  spec: GridSpec,
  people: readonly PersonView[],
  suggestions: readonly Interval[],
  format: ScheduleFormat,
  now: Date,
  i18n: Translator,
): string[][] {
  return Array.from({ length: rowCount(spec) }, (_, row) =>
    spec.days.map((dateKey, day) => {
      const slot = cellInterval(spec, { day, row });
      const summary = summarize(
        i18n,
        people.map((p) => stateAt(p, slot)),
      );
      const label = i18n.t('schedule.grid.cell', {
        day: format.dayLong(dateKey),
        span: format.timeSpan(slot.start, slot.end),
        summary: summary.text,
      });
      const suggested = suggestions.some((s) => overlaps(s, slot)) ? i18n.t('schedule.grid.suggested') : '';
      const pastText = slot.end <= now ? i18n.t('schedule.grid.past') : '';
      return `${label}${suggested}${pastText}`;
    }),
  );
}
