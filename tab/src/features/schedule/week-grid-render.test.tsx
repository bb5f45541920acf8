// @vitest-environment happy-dom
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, Profiler, useCallback, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { englishTranslator } from '../../i18n/catalogues.ts';
import type { PersonView } from './availability-model.ts';
import type { Cell, GridSpec, Interval } from './grid-geometry.ts';
import { GUTTER_PX, ROW_PX } from './grid-styles.ts';
import { createScheduleFormat, timeSpanWords } from './schedule-format.ts';
import { WeekGrid } from './week-grid.tsx';

// Counts how often each cell of the grid renders: the grid has 140 of them in a week, and the pointer crosses one
// every few milliseconds, so a hover or a focus move must render the cells it changes, not all of them.
const renders = vi.hoisted(() => ({ cells: 0 }));
vi.mock('./grid-cell.tsx', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./grid-cell.tsx')>();
  return {
    ...actual,
    SlotCell(props: Parameters<typeof actual.SlotCell>[0]) {
      renders.cells++;
      return actual.SlotCell(props);
    },
  };
});

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const DAYS = ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-12', '2026-12-13'];
const spec: GridSpec = { days: DAYS, timeZone: 'UTC', startMinute: 8 * 60, endMinute: 18 * 60, slotMinutes: 30 };
const ROWS = 20;
const COLUMN_PX = 100;
const now = new Date('2026-12-07T09:00:00Z');
const at = (iso: string) => new Date(iso);
const people: PersonView[] = [
  {
    email: 'adelev@contoso.onmicrosoft.com',
    name: 'Adele Vance',
    isOrganizer: true,
    status: 'ok',
    message: null,
    timeZone: 'UTC',
    working: DAYS.slice(0, 5).map((day) => ({ start: at(`${day}T09:00:00Z`), end: at(`${day}T17:00:00Z`) })),
    blocks: [
      { start: at('2026-12-08T10:00:00Z'), end: at('2026-12-08T10:10:00Z'), status: 'busy', subject: 'Stand-up' },
    ],
  },
  {
    email: 'alexw@contoso.onmicrosoft.com',
    name: 'Alex Wilber',
    isOrganizer: false,
    status: 'ok',
    message: null,
    timeZone: 'UTC',
    working: null,
    blocks: [{ start: at('2026-12-09T13:00:00Z'), end: at('2026-12-09T14:00:00Z'), status: 'tentative' }],
  },
];
const suggestions: Interval[] = [{ start: at('2026-12-08T11:00:00Z'), end: at('2026-12-08T11:30:00Z') }];
const format = createScheduleFormat('en-GB', 'UTC', timeSpanWords(englishTranslator('en-GB')));

/** The grid as the time picker holds it: the chosen time and the inspected slot live in the page above it. */
function Picker(props: { onInspected(cell: Cell | null): void }) {
  const [value, setValue] = useState<Interval | null>(null);
  const [inspected, setInspected] = useState<Cell | null>(null);
  const { onInspected } = props;
  const onInspect = useCallback(
    (cell: Cell | null) => {
      setInspected(cell);
      onInspected(cell);
    },
    [onInspected],
  );
  return (
    <>
      <WeekGrid
        spec={spec}
        people={people}
        suggestions={suggestions}
        value={value}
        durationMinutes={30}
        format={format}
        todayKey={DAYS[0] ?? ''}
        now={now}
        onChoose={setValue}
        onInspect={onInspect}
      />
      <output data-testid="inspected">{inspected ? `${inspected.day}:${inspected.row}` : ''}</output>
    </>
  );
}

interface Mounted {
  readonly container: HTMLElement;
  readonly commits: number[];
  cell(day: number, row: number): HTMLElement;
  pointer(type: 'pointerdown' | 'pointermove' | 'pointerup', day: number, row: number): void;
  key(key: string, shiftKey?: boolean): void;
  count(action: () => void): number;
}

let unmount: (() => void) | null = null;
beforeEach(() => {
  renders.cells = 0;
});
afterEach(() => {
  unmount?.();
  unmount = null;
});

function mount(): Mounted {
  const container = document.createElement('main');
  document.body.append(container);
  const root = createRoot(container);
  const commits: number[] = [];
  act(() => {
    root.render(
      <FluentProvider theme={webLightTheme}>
        <Profiler id="grid" onRender={(_id, _phase, duration) => commits.push(duration)}>
          <Picker onInspected={() => undefined} />
        </Profiler>
      </FluentProvider>,
    );
  });
  unmount = () => {
    act(() => root.unmount());
    container.remove();
  };
  // happy-dom lays nothing out: the grid body gets the size a browser would give it.
  const body = container.querySelector<HTMLElement>('[role="rowgroup"]:not(:first-child)');
  if (!body) throw new Error('no grid body');
  const width = GUTTER_PX + DAYS.length * COLUMN_PX;
  const height = ROWS * ROW_PX;
  body.getBoundingClientRect = () => DOMRect.fromRect({ x: 0, y: 0, width, height });
  const grid = container.querySelector<HTMLElement>('[role="grid"]');
  const cell = (day: number, row: number) => {
    const found = container.querySelector<HTMLElement>(`[data-day="${day}"][data-row="${row}"]`);
    if (!found) throw new Error(`no cell ${day}:${row}`);
    return found;
  };
  return {
    container,
    commits,
    cell,
    pointer(type, day, row) {
      const init = {
        bubbles: true,
        button: 0,
        pointerId: 1,
        clientX: GUTTER_PX + day * COLUMN_PX + COLUMN_PX / 2,
        clientY: row * ROW_PX + ROW_PX / 2,
      };
      act(() => {
        cell(day, row).dispatchEvent(new PointerEvent(type, init));
      });
    },
    key(key, shiftKey = false) {
      act(() => {
        (document.activeElement ?? grid)?.dispatchEvent(new KeyboardEvent('keydown', { key, shiftKey, bubbles: true }));
      });
    },
    count(action) {
      const before = renders.cells;
      action();
      return renders.cells - before;
    },
  };
}

const CELLS = DAYS.length * ROWS;

describe('week grid: what renders when the pointer or the focus moves', () => {
  it('renders every cell once when it mounts', () => {
    const grid = mount();
    expect(grid.container.querySelectorAll('[role="gridcell"]')).toHaveLength(CELLS);
    expect(renders.cells).toBe(CELLS);
  });

  it('renders no cell while the pointer moves over the grid, and still tells the page which slot is under it', () => {
    const grid = mount();
    const inspected = () => grid.container.querySelector('[data-testid="inspected"]')?.textContent;
    expect(grid.count(() => grid.pointer('pointermove', 1, 4))).toBe(0);
    expect(inspected()).toBe('1:4');
    expect(grid.count(() => grid.pointer('pointermove', 1, 4))).toBe(0);
    expect(grid.count(() => grid.pointer('pointermove', 2, 5))).toBe(0);
    expect(inspected()).toBe('2:5');
  });

  it('renders only the two cells that trade the focus when an arrow key moves it', () => {
    const grid = mount();
    act(() => grid.cell(1, 4).focus());
    expect(grid.count(() => grid.key('ArrowDown'))).toBeLessThanOrEqual(2);
    expect(document.activeElement).toBe(grid.cell(1, 5));
    expect(grid.cell(1, 5).tabIndex).toBe(0);
    expect(grid.cell(1, 4).tabIndex).toBe(-1);
    expect(grid.count(() => grid.key('ArrowRight'))).toBeLessThanOrEqual(2);
    expect(document.activeElement).toBe(grid.cell(2, 5));
  });

  it('renders only the cells whose selection changes as Shift+Down lengthens the chosen time', () => {
    const grid = mount();
    act(() => grid.cell(1, 4).focus());
    grid.key('Enter');
    expect(grid.cell(1, 4).getAttribute('aria-selected')).toBe('true');
    const changed = grid.count(() => grid.key('ArrowDown', true));
    expect(grid.cell(1, 5).getAttribute('aria-selected')).toBe('true');
    expect(grid.cell(1, 4).getAttribute('aria-selected')).toBe('true');
    // The newly selected cell, and the focus moving from the anchor to it.
    expect(changed).toBeLessThanOrEqual(2);
  });

  it('renders only the cells the dragged range reaches, and selects the dragged range on release', () => {
    const grid = mount();
    expect(grid.count(() => grid.pointer('pointerdown', 3, 6))).toBeLessThanOrEqual(2);
    expect(grid.count(() => grid.pointer('pointermove', 3, 7))).toBeLessThanOrEqual(1);
    expect(grid.count(() => grid.pointer('pointermove', 3, 8))).toBeLessThanOrEqual(1);
    grid.pointer('pointerup', 3, 8);
    const selected = [...grid.container.querySelectorAll('[aria-selected="true"]')].map(
      (cell) => `${cell.getAttribute('data-day')}:${cell.getAttribute('data-row')}`,
    );
    expect(selected).toEqual(['3:6', '3:7', '3:8']);
  });
});
