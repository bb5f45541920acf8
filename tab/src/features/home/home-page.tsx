import { Button, makeStyles, Tab, TabList, Text, Toaster, tokens } from '@fluentui/react-components';
import { CalendarAddRegular } from '@fluentui/react-icons';
import { useMemo } from 'react';
import type { HomeView } from '../../app/routes.ts';
import { useTabServices } from '../../app/tab-services.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { useRequest } from '../../lib/use-request.ts';
import { WeekView } from '../week/week-page.tsx';
import { ConnectionBanner } from './connection-banner.tsx';
import { DueToMeetSlot } from './due-to-meet-slot.tsx';
import { readMeetingTypes } from './home-reads.ts';
import { MeetingsList } from './meetings-list.tsx';
import { HOME_TOASTER_ID } from './quick-actions.tsx';

const useStyles = makeStyles({
  titleRow: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    minHeight: '40px',
  },
  title: { margin: 0 },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minHeight: '240px' },
});

const views: readonly { value: HomeView; label: string }[] = [
  { value: 'upcoming', label: 'home.view.upcoming' },
  { value: 'past', label: 'home.view.past' },
  { value: 'week', label: 'home.view.week' },
];

/** Home: Confer meetings (upcoming and past) and the whole Outlook calendar for the next 7 days. */
export function HomePage({ view }: { view: HomeView }) {
  const styles = useStyles();
  const { api, navigate } = useTabServices();
  const { t } = useT();
  const types = useRequest('meeting-types', () => readMeetingTypes(api));
  const typeNames = useMemo(() => new Map((types.data ?? []).map((type) => [type.id, type.name])), [types.data]);
  return (
    <>
      <div className={styles.titleRow}>
        <Text as="h1" size={700} weight="semibold" className={styles.title}>
          {t('home.title')}
        </Text>
        <Button as="a" href="#/schedule" appearance="primary" icon={<CalendarAddRegular />}>
          {t('home.scheduleConversation')}
        </Button>
      </div>
      <ConnectionBanner />
      <DueToMeetSlot />
      <TabList
        selectedValue={view}
        onTabSelect={(_, data) => navigate({ page: 'home', view: data.value as HomeView })}
        aria-label={t('home.view.label')}
      >
        {views.map((item) => (
          <Tab key={item.value} value={item.value} id={`home-tab-${item.value}`} aria-controls="home-panel">
            {t(item.label)}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" id="home-panel" aria-labelledby={`home-tab-${view}`} className={styles.panel}>
        {view === 'week' ? <WeekView /> : <MeetingsList key={view} scope={view} typeNames={typeNames} />}
      </div>
      <Toaster toasterId={HOME_TOASTER_ID} position="bottom" />
    </>
  );
}
