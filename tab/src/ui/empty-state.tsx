import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { FluentIcon } from '@fluentui/react-icons';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  empty: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    textAlign: 'center',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow2,
  },
  icon: { fontSize: '48px', color: tokens.colorBrandForeground1 },
  body: { color: tokens.colorNeutralForeground2, maxWidth: '44ch' },
});

/** A list with nothing in it yet: what that means and, where there is one, the first thing to do. */
export function EmptyState(props: {
  id: string;
  icon: FluentIcon;
  title: string;
  heading: 'h2' | 'h3';
  body: string;
  action?: ReactNode;
}) {
  const styles = useStyles();
  const Icon = props.icon;
  return (
    <section className={styles.empty} aria-labelledby={props.id}>
      <Icon aria-hidden="true" className={styles.icon} />
      <Text as={props.heading} id={props.id} size={500} weight="semibold">
        {props.title}
      </Text>
      <Text className={styles.body}>{props.body}</Text>
      {props.action}
    </section>
  );
}
