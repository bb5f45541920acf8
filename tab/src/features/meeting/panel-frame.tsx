import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { type ReactNode, useEffect, useRef } from 'react';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    minWidth: 0,
  },
  heading: { margin: 0, outline: 'none' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** An inline task (reschedule, cancel, respond): its heading takes focus when it opens, for keyboard users. */
export function PanelFrame({
  id,
  title,
  children,
  actions,
}: {
  id: string;
  title: string;
  children: ReactNode;
  actions: ReactNode;
}) {
  const styles = useStyles();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  return (
    <section className={styles.panel} aria-labelledby={`${id}-title`} data-testid={`${id}-panel`}>
      <Text
        as="h2"
        id={`${id}-title`}
        size={500}
        weight="semibold"
        className={styles.heading}
        ref={heading}
        tabIndex={-1}
      >
        {title}
      </Text>
      {children}
      <div className={styles.actions}>{actions}</div>
    </section>
  );
}
