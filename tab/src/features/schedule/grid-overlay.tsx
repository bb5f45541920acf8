import { mergeClasses } from '@fluentui/react-components';
import { type CSSProperties, memo, useMemo } from 'react';
import type { PersonView } from './availability-model.ts';
import { type GridSpec, type Interval, rowCount } from './grid-geometry.ts';
import { type BlockMark, blockMarks, intervalMarks, type Lane, type Mark, workingMarks } from './grid-layers.ts';
import { ROW_PX, useGridStyles, useMarkStyles } from './grid-styles.ts';
import { useOverlayStyles } from './overlay-styles.ts';

export interface GridOverlayProps {
  readonly spec: GridSpec;
  readonly lanes: readonly Lane[];
  readonly suggestions: readonly Interval[];
  readonly chosen: Interval | null;
  readonly now: Date;
}

const box = (mark: Mark, lane?: Lane): CSSProperties => ({
  top: `${mark.top * 100}%`,
  height: `${mark.height * 100}%`,
  // Logical, so a right-to-left page puts the organizer's lane on the right as well (inline styles are not flipped).
  ...(lane ? { insetInlineStart: `${lane.left}%`, width: `${lane.width}%` } : {}),
});

/**
 * What the grid shows, drawn under the cells (decorative: every cell's accessible name says the same in words).
 * Per person a lane: working hours shaded, blocks marked; unreadable calendars hatched across the whole lane.
 * Memoised in parts: choosing or dragging a time redraws the highlights, not everyone's calendar.
 */
export const GridOverlay = memo(function GridOverlay({ spec, lanes, suggestions, chosen, now }: GridOverlayProps) {
  const grid = useGridStyles();
  const laneMarks = useMemo(
    () =>
      lanes.map((lane) => ({ lane, working: workingMarks(spec, lane.person), blocks: blockMarks(spec, lane.person) })),
    [spec, lanes],
  );
  return (
    <div className={grid.overlay} style={{ gridTemplateColumns: `repeat(${spec.days.length}, 1fr)` }} aria-hidden>
      {spec.days.map((dateKey, day) => (
        <div key={dateKey} className={grid.column}>
          {laneMarks.map((marks) => (
            <PersonLane key={marks.lane.person.email} spec={spec} marks={marks} day={day} />
          ))}
          <PastShade spec={spec} day={day} now={now} />
          <Highlights spec={spec} day={day} suggestions={suggestions} chosen={chosen} />
        </div>
      ))}
    </div>
  );
});

interface LaneMarks {
  readonly lane: Lane;
  readonly working: readonly Mark[];
  readonly blocks: readonly BlockMark[];
}

const PersonLane = memo(function PersonLane(props: { spec: GridSpec; marks: LaneMarks; day: number }) {
  const { spec, marks: laneMarks, day } = props;
  const marks = useMarkStyles();
  const { lane } = laneMarks;
  const styles = useOverlayStyles();
  const person: PersonView = lane.person;
  const laneBox: CSSProperties = { insetInlineStart: `${lane.left}%`, width: `${lane.width}%` };
  if (person.status !== 'ok') {
    return (
      <div
        className={mergeClasses(styles.lane, marks.unknown)}
        style={laneBox}
        data-mark="unknown"
        data-person={person.email}
      >
        <span className={styles.laneLabel}>?</span>
      </div>
    );
  }
  const showTitles = spec.days.length === 1 || lane.width >= 40;
  return (
    <div className={mergeClasses(styles.lane, person.working ? marks.outsideHours : undefined)} style={laneBox}>
      {laneMarks.working
        .filter((mark) => mark.day === day)
        .map((mark) => (
          <div key={mark.key} className={mergeClasses(styles.fill, marks.working)} style={box(mark)} />
        ))}
      {laneMarks.blocks
        .filter((mark) => mark.day === day)
        .map((mark) => {
          const own = person.isOrganizer && mark.block.subject !== undefined;
          const kind = own ? 'own' : mark.block.status === 'workingElsewhere' ? null : mark.block.status;
          if (!kind || kind === 'free') return null;
          const markClass = kind === 'own' ? marks.own : marks[kind === 'unknown' ? 'unknown' : kind];
          const tall = mark.height * rowCount(spec) * ROW_PX >= 16;
          return (
            <div
              key={mark.key}
              className={mergeClasses(styles.block, markClass)}
              style={box(mark)}
              data-mark={kind}
              data-person={person.email}
            >
              {own && showTitles && tall && <span className={styles.blockTitle}>{mark.block.subject}</span>}
            </div>
          );
        })}
    </div>
  );
});

const PastShade = memo(function PastShade({ spec, day, now }: { spec: GridSpec; day: number; now: Date }) {
  const marks = useMarkStyles();
  const styles = useOverlayStyles();
  const [first] = intervalMarks(spec, [{ start: new Date(0), end: now }], 'past').filter((m) => m.day === day);
  if (!first) return null;
  return <div className={mergeClasses(styles.fill, styles.full, marks.past)} style={box(first)} />;
});

function Highlights(props: { spec: GridSpec; day: number; suggestions: readonly Interval[]; chosen: Interval | null }) {
  const marks = useMarkStyles();
  const styles = useOverlayStyles();
  const { spec, day, suggestions, chosen } = props;
  return (
    <>
      {intervalMarks(spec, suggestions, 'suggestion')
        .filter((mark) => mark.day === day)
        .map((mark) => (
          <div
            key={mark.key}
            className={mergeClasses(styles.fill, styles.full, styles.highlight, marks.suggestion)}
            style={box(mark)}
            data-mark="suggestion"
          >
            <span className={styles.rank}>{mark.rank + 1}</span>
          </div>
        ))}
      {chosen &&
        intervalMarks(spec, [chosen], 'chosen')
          .filter((mark) => mark.day === day)
          .map((mark) => (
            <div
              key={mark.key}
              className={mergeClasses(styles.fill, styles.full, styles.highlight, marks.chosen)}
              style={box(mark)}
              data-mark="chosen"
            />
          ))}
    </>
  );
}
