import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { CalendarLtrRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useT } from '../../i18n/i18n-context.ts';

export const useCentredStyles = makeStyles({
  page: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    display: 'grid',
    placeItems: 'center',
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
  },
  card: {
    boxSizing: 'border-box',
    width: '100%',
    maxWidth: '420px',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    textAlign: 'center',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusXLarge,
    boxShadow: tokens.shadow8,
  },
  logo: { fontSize: '48px', color: tokens.colorBrandForeground1 },
  body: { color: tokens.colorNeutralForeground2 },
  title: { margin: 0 },
});

export function SignInScreen({ onSignIn }: { onSignIn: () => Promise<void> }) {
  const styles = useCentredStyles();
  const { t } = useT();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const signIn = async () => {
    setPending(true);
    setError(null);
    try {
      await onSignIn();
    } catch (cause) {
      setPending(false);
      setError(cause instanceof Error ? cause.message : String(cause));
    }
  };
  return (
    <main className={styles.page}>
      <div className={styles.card}>
        <CalendarLtrRegular aria-hidden="true" className={styles.logo} />
        <Text as="h1" size={600} weight="semibold" className={styles.title}>
          {t('shell.welcome')}
        </Text>
        <Text className={styles.body}>{t('shell.signInPrompt')}</Text>
        <Button appearance="primary" size="large" disabled={pending} onClick={signIn}>
          {pending ? t('shell.openingSignIn') : t('shell.signIn')}
        </Button>
        {error && (
          <Text role="alert" className={styles.body}>
            {t('shell.signInFailed', { error })}
          </Text>
        )}
      </div>
    </main>
  );
}
