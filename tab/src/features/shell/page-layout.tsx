import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  page: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
  },
  column: {
    boxSizing: 'border-box',
    maxWidth: '880px',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    '@media (max-width: 480px)': {
      padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    },
  },
  main: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

/** The page canvas: Teams' app background and a readable centred column from 320 px up. */
export function PageLayout({ header, children }: { header: ReactNode; children: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.page} data-testid="tab-canvas">
      <div className={styles.column}>
        {header}
        <main className={styles.main}>{children}</main>
      </div>
    </div>
  );
}
