import { Button, Text } from '@fluentui/react-components';
import { useEffect } from 'react';
import { useTabServices } from '../../app/tab-services.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { useCentredStyles } from './sign-in-screen.tsx';

export function NotFound({ path }: { path: string }) {
  const styles = useCentredStyles();
  const { reportReady } = useTabServices();
  const { t } = useT();
  // A stale deep link still loads the tab: the host must not wait for it.
  useEffect(() => reportReady(), [reportReady]);
  return (
    <section className={styles.card} aria-labelledby="not-found-title">
      <Text as="h1" id="not-found-title" size={500} weight="semibold" className={styles.title}>
        {t('shell.notFoundTitle')}
      </Text>
      <Text className={styles.body}>{t('shell.notFoundBody', { path })}</Text>
      <Button as="a" href="#/" appearance="primary">
        {t('shell.goHome')}
      </Button>
    </section>
  );
}
