import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useT } from '../../i18n/i18n-context.ts';
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
  const i18n = useT();
  const { t } = i18n;
  const unknown = people.filter((p) => p.status !== 'ok').map((p) => p.name);
  const others = people.length > 1;
  const items: [string, string][] = [
    [marks.own, t('schedule.legend.own')],
    ...(others
      ? ([
          [marks.busy, t('schedule.legend.busy')],
          [marks.tentative, t('schedule.legend.tentative')],
          [marks.oof, t('schedule.legend.oof')],
        ] as [string, string][])
      : []),
    [marks.outsideHours, t('schedule.legend.outsideHours')],
    [marks.suggestion, t('schedule.legend.suggested')],
    [marks.chosen, t('schedule.legend.chosen')],
  ];
  if (unknown.length) items.push([marks.unknown, t('schedule.legend.unknown', { names: i18n.list(unknown) })]);
  return (
    <ul className={styles.legend} aria-label={t('schedule.legend.label')} data-testid="grid-legend">
      {items.map(([mark, label]) => (
        <li key={label} className={styles.item}>
          <span className={mergeClasses(styles.swatch, mark)} aria-hidden />
          {label}
        </li>
      ))}
      {others && <li className={styles.item}>{t('schedule.legend.lanes')}</li>}
    </ul>
  );
}
