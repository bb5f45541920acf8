import { Button, Link, Text } from '@fluentui/react-components';
import { CalendarLtrRegular } from '@fluentui/react-icons';
import type { AppError } from '../../lib/app-error.ts';
import type { HostKind } from '../../lib/host-detection.ts';
import { useCentredStyles } from './sign-in-screen.tsx';

export function StartupError({ error, host, onRetry }: { error: AppError; host: HostKind; onRetry: () => void }) {
  const styles = useCentredStyles();
  const notTeams = error.code === 'host_unavailable';
  return (
    <main className={styles.page}>
      <div className={styles.card} role="alert">
        <CalendarLtrRegular aria-hidden="true" className={styles.logo} />
        <Text as="h1" size={500} weight="semibold" className={styles.title}>
          {notTeams ? 'Open Confer in Microsoft Teams' : "Confer couldn't start"}
        </Text>
        <Text className={styles.body}>
          {notTeams
            ? 'This page is embedded somewhere other than Teams. Open Confer in Teams, or in its own browser tab.'
            : error.message}
        </Text>
        <Text size={200} className={styles.body}>
          Error code: {error.shownCode}
        </Text>
        {notTeams && host === 'framed' ? (
          <Link href={window.location.href} target="_blank" rel="noreferrer">
            Open in a new browser tab
          </Link>
        ) : (
          <Button appearance="primary" onClick={onRetry}>
            Try again
          </Button>
        )}
      </div>
    </main>
  );
}
