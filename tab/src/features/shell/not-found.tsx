import { Button, Text } from '@fluentui/react-components';
import { useEffect } from 'react';
import { useTabServices } from '../../app/tab-services.ts';
import { useCentredStyles } from './sign-in-screen.tsx';

export function NotFound({ path }: { path: string }) {
  const styles = useCentredStyles();
  const { reportReady } = useTabServices();
  // A stale deep link still loads the tab: the host must not wait for it.
  useEffect(() => reportReady(), [reportReady]);
  return (
    <section className={styles.card} aria-labelledby="not-found-title">
      <Text as="h1" id="not-found-title" size={500} weight="semibold" className={styles.title}>
        This page does not exist
      </Text>
      <Text className={styles.body}>Confer has no page at {path}. The link may be mistyped or out of date.</Text>
      <Button as="a" href="#/" appearance="primary">
        Go to Home
      </Button>
    </section>
  );
}
