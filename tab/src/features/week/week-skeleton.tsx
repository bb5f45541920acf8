import { makeStyles, Skeleton, SkeletonItem, tokens } from '@fluentui/react-components';
import { useT } from '../../i18n/i18n-context.ts';
import { useDayStyles } from './day-section.tsx';

const useStyles = makeStyles({
  heading: { width: '180px', height: '16px' },
  card: {
    display: 'grid',
    gridTemplateColumns: '148px minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalL,
    alignItems: 'center',
    minHeight: '64px',
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow2,
  },
  lines: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  short: { width: '40%' },
});

const skeletonDays = [
  { key: 'first', cards: ['a', 'b', 'c'] },
  { key: 'second', cards: ['a', 'b'] },
  { key: 'third', cards: ['a', 'b'] },
];

/** Mirrors the loaded layout (day headings and 64 px cards) so nothing jumps when the week arrives. */
export function WeekSkeleton() {
  const styles = useStyles();
  const day = useDayStyles();
  const { t } = useT();
  return (
    <Skeleton aria-label={t('week.loading')} className={day.section}>
      {skeletonDays.map(({ key, cards }) => (
        <div key={key} className={day.section}>
          <SkeletonItem className={styles.heading} />
          {cards.map((card) => (
            <div key={card} className={styles.card}>
              <SkeletonItem />
              <div className={styles.lines}>
                <SkeletonItem />
                <SkeletonItem className={styles.short} size={12} />
              </div>
            </div>
          ))}
        </div>
      ))}
    </Skeleton>
  );
}
