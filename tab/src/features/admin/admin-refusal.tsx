import { Button, Text } from '@fluentui/react-components';
import { ShieldLockRegular } from '@fluentui/react-icons';
import { useCentredStyles } from '../shell/sign-in-screen.tsx';

/** What someone without the Confer.Admin role sees on an admin address: why not, and who can help. */
export function AdminRefusal() {
  const styles = useCentredStyles();
  return (
    <section className={styles.card} aria-labelledby="admin-refusal-title" data-testid="admin-refusal">
      <ShieldLockRegular aria-hidden="true" className={styles.logo} />
      <Text as="h1" id="admin-refusal-title" size={500} weight="semibold" className={styles.title}>
        Only admins of Confer can open this page
      </Text>
      <Text className={styles.body}>
        The admin center is for people your organisation gave the Confer.Admin role in Microsoft Entra. If you need to
        change how Confer works for everyone, ask one of them or your Microsoft 365 administrator.
      </Text>
      <Button as="a" href="#/" appearance="primary">
        Go to Home
      </Button>
    </section>
  );
}
