import { makeStyles } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({ scroll: { overflowX: 'auto' } });

/**
 * A wide table's frame: in a narrow panel the table scrolls here, not the page. It takes focus so a keyboard can
 * scroll it too (WCAG 2.1.1; axe's scrollable-region-focusable), and its name says what it holds.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it.
    <section className={styles.scroll} tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}
