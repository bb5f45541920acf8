import { makeStyles, Skeleton, SkeletonItem, tokens } from '@fluentui/react-components';
import { useT } from '../../i18n/i18n-context.ts';
import { useGridStyles } from './grid-styles.ts';

const useStyles = makeStyles({
  inner: { display: 'grid', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM },
});

/** The grid's own box while availability loads: same size as the grid, so nothing moves when it arrives. */
export function GridSkeleton() {
  const grid = useGridStyles();
  const styles = useStyles();
  const { t } = useT();
  return (
    <div className={grid.scroller} data-testid="schedule-grid-loading">
      <Skeleton aria-label={t('schedule.grid.loading')} className={styles.inner}>
        {Array.from({ length: 10 }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: fixed placeholder rows.
          <SkeletonItem key={i} size={28} />
        ))}
      </Skeleton>
    </div>
  );
}
