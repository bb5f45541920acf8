import { makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { type ReactNode, useEffect, useRef } from 'react';

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
  task: {
    boxShadow: 'none',
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
  },
  heading: { margin: 0, outline: 'none' },
  description: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

export interface CardFrameProps {
  /** The section's id (a deep-link and skip target); its heading is `${id}-title` and names the section. */
  readonly id: string;
  readonly title: string;
  /** A line under the heading saying what the card is for. */
  readonly description?: string;
  /** Buttons in a row after the content. */
  readonly actions?: ReactNode;
  /**
   * `task`: an inline task (reschedule, cancel, respond) opened by a button. It is outlined, and its heading takes
   * focus and scrolls into view when it opens, so keyboard and screen-reader users land in it.
   */
  readonly kind?: 'section' | 'task';
  readonly testId?: string;
  readonly children: ReactNode;
}

/** Every titled card of the tab: one look, one heading level (h2 under the page's h1), one way to be named. */
export function CardFrame({ id, title, description, actions, kind = 'section', testId, children }: CardFrameProps) {
  const styles = useStyles();
  const heading = useRef<HTMLHeadingElement>(null);
  const task = kind === 'task';
  useEffect(() => {
    if (!task) return;
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: 'nearest' });
  }, [task]);
  return (
    <section
      id={id}
      className={mergeClasses(styles.card, task && styles.task)}
      aria-labelledby={`${id}-title`}
      data-testid={testId}
    >
      <Text
        as="h2"
        id={`${id}-title`}
        size={500}
        weight="semibold"
        className={styles.heading}
        ref={heading}
        tabIndex={task ? -1 : undefined}
      >
        {title}
      </Text>
      {description && <Text className={styles.description}>{description}</Text>}
      {children}
      {actions && <CardActions>{actions}</CardActions>}
    </section>
  );
}

/** A row of buttons inside a card, wrapping on narrow screens. */
export function CardActions({ children }: { children: ReactNode }) {
  const styles = useStyles();
  return <div className={styles.actions}>{children}</div>;
}
