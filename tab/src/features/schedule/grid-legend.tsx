import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { PersonView } from './availability-model.ts';
import { useMarkStyles } from './grid-styles.ts';

const useStyles = makeStyles({
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    margin: 0,
    padding: 0,
    listStyle: 'none',
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  item: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  swatch: { display: 'inline-block', width: '18px', height: '12px', boxSizing: 'border-box', borderRadius: '2px' },
});

/** What each mark means; the same classes as the grid, so the legend cannot drift from it. */
export function GridLegend({ people }: { people: readonly PersonView[] }) {
  const styles = useStyles();
  const marks = useMarkStyles();
  const unknown = people.filter((p) => p.status !== 'ok').map((p) => p.name);
  const others = people.length > 1;
  const items: [string, string][] = [
    [marks.own, 'Your events (with titles)'],
    ...(others
      ? ([
          [marks.busy, 'Busy'],
          [marks.tentative, 'Tentative (striped)'],
          [marks.oof, 'Out of office (double edge)'],
        ] as [string, string][])
      : []),
    [marks.outsideHours, 'Outside working hours'],
    [marks.suggestion, 'Suggested'],
    [marks.chosen, 'Your choice'],
  ];
  if (unknown.length) items.push([marks.unknown, `Unknown (hatched): ${unknown.join(', ')}`]);
  return (
    <ul className={styles.legend} aria-label="Legend" data-testid="grid-legend">
      {items.map(([mark, label]) => (
        <li key={label} className={styles.item}>
          <span className={mergeClasses(styles.swatch, mark)} aria-hidden />
          {label}
        </li>
      ))}
      {others && <li className={styles.item}>Left half of each day: you; right half: everyone else, one lane each</li>}
    </ul>
  );
}
