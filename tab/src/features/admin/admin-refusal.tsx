import { Button, Text } from '@fluentui/react-components';
import { ShieldLockRegular } from '@fluentui/react-icons';
import { useT } from '../../i18n/i18n-context.ts';
import { useCentredStyles } from '../shell/sign-in-screen.tsx';

/** What someone without the Confer.Admin role sees on an admin address: why not, and who can help. */
export function AdminRefusal() {
  const styles = useCentredStyles();
  const { t } = useT();
  return (
    <section className={styles.card} aria-labelledby="admin-refusal-title" data-testid="admin-refusal">
      <ShieldLockRegular aria-hidden="true" className={styles.logo} />
      <Text as="h1" id="admin-refusal-title" size={500} weight="semibold" className={styles.title}>
        {t('admin.refusal.title')}
      </Text>
      <Text className={styles.body}>{t('admin.refusal.body')}</Text>
      <Button as="a" href="#/" appearance="primary">
        {t('shell.goHome')}
      </Button>
    </section>
  );
}
