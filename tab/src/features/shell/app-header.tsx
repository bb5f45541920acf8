import { Avatar, Button, makeStyles, Skeleton, SkeletonItem, Text, tokens } from '@fluentui/react-components';
import { SignOutRegular } from '@fluentui/react-icons';
import { useT } from '../../i18n/i18n-context.ts';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    minHeight: '48px',
    flexWrap: 'wrap',
  },
  person: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexGrow: 1, minWidth: 0 },
  names: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  name: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', margin: 0 },
  secondary: {
    color: tokens.colorNeutralForeground3,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  skeletonName: { width: '160px', height: '20px' },
  skeletonMail: { width: '220px', height: '14px', marginTop: '6px' },
});

export interface AppHeaderProps {
  /** Null while the week is loading: a skeleton keeps the header's size so nothing shifts. */
  readonly user: { readonly displayName: string; readonly userPrincipalName: string } | null;
  /** Without a user and not loading (an error before anyone is known), the persona is left out. */
  readonly loading: boolean;
  readonly onSignOut: (() => void) | null;
}

export function AppHeader({ user, loading, onSignOut }: AppHeaderProps) {
  const styles = useStyles();
  const { t } = useT();
  return (
    <header className={styles.header}>
      <div className={styles.person}>
        {user ? (
          <>
            <Avatar name={user.displayName} color="colorful" size={40} aria-hidden="true" />
            <div className={styles.names}>
              <Text as="p" weight="semibold" size={400} className={styles.name} data-testid="signed-in-name">
                {user.displayName}
              </Text>
              <Text size={200} className={styles.secondary}>
                {user.userPrincipalName}
              </Text>
            </div>
          </>
        ) : loading ? (
          <Skeleton aria-label={t('shell.loadingProfile')} className={styles.person}>
            <SkeletonItem shape="circle" size={40} />
            <div>
              <SkeletonItem className={styles.skeletonName} />
              <SkeletonItem className={styles.skeletonMail} />
            </div>
          </Skeleton>
        ) : null}
      </div>
      <div className={styles.actions}>
        {onSignOut && (
          <Button appearance="subtle" icon={<SignOutRegular aria-hidden="true" />} onClick={onSignOut}>
            {t('shell.signOut')}
          </Button>
        )}
      </div>
    </header>
  );
}
