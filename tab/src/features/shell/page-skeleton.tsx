import { makeStyles, Skeleton, SkeletonItem, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  title: { width: '220px', height: '32px' },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    minHeight: '112px',
    boxSizing: 'border-box',
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow2,
  },
  short: { width: '45%' },
});

const cards = ['a', 'b', 'c'];

/** A page title (unless `compact`) and three cards, the shape every page starts with, so nothing jumps when data arrives. */
export function PageSkeleton({ label, compact = false }: { label: string; compact?: boolean }) {
  const styles = useStyles();
  return (
    <Skeleton aria-label={label} className={styles.root}>
      {!compact && <SkeletonItem className={styles.title} />}
      {cards.map((card) => (
        <div key={card} className={styles.card}>
          <SkeletonItem size={20} />
          <SkeletonItem className={styles.short} size={16} />
          <SkeletonItem className={styles.short} size={16} />
        </div>
      ))}
    </Skeleton>
  );
}
