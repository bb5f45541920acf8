import { makeStyles, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import type { AdminSection } from '../../app/routes.ts';
import { useTabServices } from '../../app/tab-services.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { PageSkeleton } from '../shell/page-skeleton.tsx';
import { RequestError } from '../shell/request-error.tsx';
import { AccessTestPage } from './access-test-page.tsx';
import { AdminRefusal } from './admin-refusal.tsx';
import { AuditPage } from './audit-page.tsx';
import { HealthPage } from './health-page.tsx';
import { IncidentsPage } from './incidents-page.tsx';
import { IntegrationPage } from './integration-page.tsx';
import type { MeRequest } from './use-me.ts';

const useStyles = makeStyles({
  title: { margin: 0 },
  // Five sections do not fit a 320 px side panel in one row: they wrap instead of scrolling the page sideways.
  tabs: { flexWrap: 'wrap' },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, minHeight: '240px' },
});

const sections: readonly { value: AdminSection; label: string }[] = [
  { value: 'integration', label: 'admin.section.integration' },
  { value: 'access', label: 'admin.access.title' },
  { value: 'health', label: 'admin.health.title' },
  { value: 'incidents', label: 'admin.section.incidents' },
  { value: 'audit', label: 'admin.audit.title' },
];

/**
 * The admin center. Whether to show it comes from /api/me: someone without the admin role gets the refusal
 * and no admin data is asked for on their behalf.
 */
export function AdminPage({ section, me }: { section: AdminSection; me: MeRequest }) {
  const styles = useStyles();
  const { navigate, reportReady } = useTabServices();
  const i18n = useT();
  const { t } = i18n;
  const settled = me.state.status !== 'loading';
  useEffect(() => {
    if (settled) reportReady();
  }, [settled, reportReady]);
  if (!me.data) {
    return me.state.status === 'error' ? (
      <RequestError error={me.state.error} onRetry={me.reload} failedTitle={t('admin.accountFailed')} />
    ) : (
      <PageSkeleton label={t('admin.loading')} />
    );
  }
  if (!me.data.isAdmin) return <AdminRefusal />;
  return (
    <>
      <Text as="h1" size={700} weight="semibold" className={styles.title}>
        {t('admin.title')}
      </Text>
      <TabList
        selectedValue={section}
        onTabSelect={(_, data) => navigate({ page: 'admin', section: data.value as AdminSection })}
        aria-label={t('admin.title')}
        className={styles.tabs}
      >
        {sections.map((item) => (
          <Tab key={item.value} value={item.value} id={`admin-tab-${item.value}`} aria-controls="admin-panel">
            {t(item.label)}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" id="admin-panel" aria-labelledby={`admin-tab-${section}`} className={styles.panel}>
        {section === 'integration' && <IntegrationPage />}
        {section === 'access' && <AccessTestPage />}
        {section === 'health' && <HealthPage />}
        {section === 'incidents' && <IncidentsPage />}
        {section === 'audit' && <AuditPage />}
      </div>
    </>
  );
}
