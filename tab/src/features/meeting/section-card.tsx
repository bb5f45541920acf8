import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow2,
    minWidth: 0,
    scrollMarginTop: tokens.spacingVerticalL,
  },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  heading: { margin: 0, flexGrow: 1 },
});

/** One titled part of the meeting page; `id` makes it a deep-link and skip target. */
export function SectionCard({
  id,
  title,
  actions,
  children,
  testId,
}: {
  id: string;
  title: string;
  actions?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  const styles = useStyles();
  return (
    <section id={id} className={styles.card} aria-labelledby={`${id}-title`} data-testid={testId}>
      <div className={styles.head}>
        <Text as="h2" id={`${id}-title`} size={500} weight="semibold" className={styles.heading}>
          {title}
        </Text>
        {actions}
      </div>
      {children}
    </section>
  );
}
