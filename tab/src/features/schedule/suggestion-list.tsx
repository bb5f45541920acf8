import { Button, makeStyles, mergeClasses, Skeleton, SkeletonItem, Text, tokens } from '@fluentui/react-components';
import { CheckmarkCircle20Filled, Sparkle20Regular } from '@fluentui/react-icons';
import { useT } from '../../i18n/i18n-context.ts';
import type { Interval } from './grid-geometry.ts';
import type { ScheduleFormat } from './schedule-format.ts';

export interface SuggestionView extends Interval {
  readonly reasons: readonly string[];
}

const useStyles = makeStyles({
  area: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  // One height for every state (loading, error, none, a row of cards), so the grid below never moves when
  // suggestions arrive after availability (no layout shift).
  body: {
    height: '196px',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  fill: { flexGrow: 1, minHeight: 0 },
  list: {
    margin: 0,
    padding: 0,
    paddingBottom: tokens.spacingVerticalXS,
    listStyle: 'none',
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    overflowX: 'auto',
    flexGrow: 1,
    minHeight: 0,
  },
  item: { flex: '0 0 220px' },
  button: {
    width: '100%',
    height: '100%',
    overflow: 'hidden',
    justifyContent: 'flex-start',
    alignItems: 'flex-start',
    textAlign: 'left',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    fontWeight: tokens.fontWeightRegular,
  },
  chosen: { outline: `2px solid ${tokens.colorBrandStroke1}` },
  when: {
    fontWeight: tokens.fontWeightSemibold,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
  },
  reasons: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  note: { color: tokens.colorNeutralForeground3 },
});

export interface SuggestionListProps {
  readonly suggestions: readonly SuggestionView[] | null;
  readonly value: Interval | null;
  readonly format: ScheduleFormat;
  /** People the suggestions could not account for (unreadable calendars). */
  readonly unaccounted: readonly string[];
  readonly error: string | null;
  onPick(suggestion: Interval): void;
}

const same = (a: Interval, b: Interval | null) =>
  b !== null && a.start.getTime() === b.start.getTime() && a.end.getTime() === b.end.getTime();

/** The best times on screen, each with the API's reasons; picking one chooses it on the grid. */
export function SuggestionList({ suggestions, value, format, unaccounted, error, onPick }: SuggestionListProps) {
  const styles = useStyles();
  const i18n = useT();
  const { t } = i18n;
  return (
    <section className={styles.area} aria-labelledby="suggestions-heading" data-testid="suggestions">
      <Text as="h3" id="suggestions-heading" size={300} weight="semibold">
        {t('schedule.suggestions.title')}
      </Text>
      <div className={styles.body}>
        {unaccounted.length > 0 && (
          <Text size={200} className={styles.note} data-testid="suggestions-unaccounted">
            {t('schedule.suggestions.unaccounted', { names: i18n.list(unaccounted) })}
          </Text>
        )}
        {error && <Text size={200}>{t('schedule.suggestions.failed', { reason: error })}</Text>}
        {!suggestions && !error && (
          <Skeleton aria-label={t('schedule.suggestions.loading')} className={styles.fill}>
            <SkeletonItem className={styles.fill} />
          </Skeleton>
        )}
        {suggestions?.length === 0 && (
          <Text size={200} className={styles.note}>
            {t('schedule.suggestions.none')}
          </Text>
        )}
        {suggestions && suggestions.length > 0 && (
          <ol className={styles.list}>
            {suggestions.map((s, i) => (
              <li key={s.start.toISOString()} className={styles.item}>
                <Button
                  className={mergeClasses(styles.button, same(s, value) && styles.chosen)}
                  aria-pressed={same(s, value)}
                  onClick={() => onPick(s)}
                  data-testid="suggestion"
                  data-start={s.start.toISOString()}
                  data-end={s.end.toISOString()}
                >
                  <span className={styles.when}>
                    {same(s, value) ? <CheckmarkCircle20Filled aria-hidden /> : <Sparkle20Regular aria-hidden />}
                    {t('schedule.suggestions.item', { n: i + 1, when: format.when(s.start, s.end) })}
                  </span>
                  <ul className={styles.reasons}>
                    {s.reasons.slice(0, 3).map((reason) => (
                      <li key={reason}>{reason}</li>
                    ))}
                  </ul>
                </Button>
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
