import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useT } from '../../i18n/i18n-context.ts';
import { ConnectionSection } from './connection-section.tsx';
import { NudgesSection } from './nudges-section.tsx';
import { PreferencesSection } from './preferences-section.tsx';

const useStyles = makeStyles({
  title: { margin: 0 },
  sections: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
});

export function SettingsPage() {
  const styles = useStyles();
  const { t } = useT();
  return (
    <>
      <Text as="h1" size={700} weight="semibold" className={styles.title}>
        {t('shell.nav.settings')}
      </Text>
      <div className={styles.sections}>
        <ConnectionSection />
        <PreferencesSection />
        <NudgesSection />
      </div>
    </>
  );
}
