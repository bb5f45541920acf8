import { Button, Link, Text } from '@fluentui/react-components';
import { CalendarLtrRegular } from '@fluentui/react-icons';
import { useT } from '../../i18n/i18n-context.ts';
import type { AppError } from '../../lib/app-error.ts';
import type { HostKind } from '../../lib/host-detection.ts';
import { errorMessage } from './error-text.ts';
import { useCentredStyles } from './sign-in-screen.tsx';

export function StartupError({ error, host, onRetry }: { error: AppError; host: HostKind; onRetry: () => void }) {
  const styles = useCentredStyles();
  const i18n = useT();
  const { t } = i18n;
  const notTeams = error.code === 'host_unavailable';
  return (
    <main className={styles.page}>
      <div className={styles.card} role="alert">
        <CalendarLtrRegular aria-hidden="true" className={styles.logo} />
        <Text as="h1" size={500} weight="semibold" className={styles.title}>
          {notTeams ? t('shell.openInTeams') : t('shell.couldNotStart')}
        </Text>
        <Text className={styles.body}>{notTeams ? t('shell.notTeamsBody') : errorMessage(error, i18n)}</Text>
        <Text size={200} className={styles.body}>
          {t('shell.errorCode', { code: error.shownCode })}
        </Text>
        {notTeams && host === 'framed' ? (
          <Link href={window.location.href} target="_blank" rel="noreferrer">
            {t('shell.openInNewTab')}
          </Link>
        ) : (
          <Button appearance="primary" onClick={onRetry}>
            {t('shell.tryAgain')}
          </Button>
        )}
      </div>
    </main>
  );
}
