import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

export const useCardStyles = makeStyles({
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
  },
  heading: { margin: 0 },
  help: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

export function SettingsCard({
  id,
  title,
  help,
  children,
}: {
  id: string;
  title: string;
  help: string;
  children: ReactNode;
}) {
  const styles = useCardStyles();
  return (
    <section className={styles.card} aria-labelledby={id}>
      <Text as="h2" id={id} size={500} weight="semibold" className={styles.heading}>
        {title}
      </Text>
      <Text className={styles.help}>{help}</Text>
      {children}
    </section>
  );
}
