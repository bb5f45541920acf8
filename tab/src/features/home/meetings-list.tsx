import type { MeetingDto } from '@confer/contracts';
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { CalendarAddRegular, HistoryRegular } from '@fluentui/react-icons';
import { useMemo } from 'react';
import { useTabServices } from '../../app/tab-services.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { createMeetingFormatters } from '../../lib/meeting-format.ts';
import type { MeetingScope } from '../../lib/meetings-api.ts';
import { useRequest } from '../../lib/use-request.ts';
import { EmptyState } from '../../ui/empty-state.tsx';
import { AsyncList } from '../shell/async-list.tsx';
import { readMeetings } from './home-reads.ts';
import { MeetingCard } from './meeting-card.tsx';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  zone: { color: tokens.colorNeutralForeground2 },
});

export interface MeetingsListProps {
  readonly scope: MeetingScope;
  readonly typeNames: ReadonlyMap<string, string>;
}

/** The person's Confer meetings, soonest first (upcoming) or latest first (past). */
export function MeetingsList({ scope, typeNames }: MeetingsListProps) {
  const styles = useStyles();
  const { api, locale, timeZone, reportReady } = useTabServices();
  const { t } = useT();
  const request = useRequest(`meetings:${scope}`, () => readMeetings(api, scope), reportReady);
  const formatters = useMemo(() => createMeetingFormatters(locale, timeZone), [locale, timeZone]);
  const replace = (changed: MeetingDto) =>
    request.set((request.data ?? []).map((meeting) => (meeting.id === changed.id ? changed : meeting)));
  return (
    <AsyncList
      request={request}
      failedTitle={t('home.list.failed')}
      loading={{
        label: scope === 'upcoming' ? t('home.list.loadingUpcoming') : t('home.list.loadingPast'),
        cards: true,
      }}
      empty={scope === 'upcoming' ? <FirstSteps /> : <NothingPast />}
    >
      {(meetings) => (
        <>
          <Text size={200} className={styles.zone} data-testid="meetings-zone-note">
            {t('home.list.zoneNote', { zone: formatters.zoneName(), id: timeZone })}
          </Text>
          <ul className={styles.list} aria-label={scope === 'upcoming' ? t('home.list.upcoming') : t('home.list.past')}>
            {meetings.map((meeting) => (
              <MeetingCard
                key={meeting.id}
                meeting={meeting}
                typeName={meeting.typeId ? (typeNames.get(meeting.typeId) ?? null) : null}
                formatters={formatters}
                past={scope === 'past'}
                onChanged={replace}
              />
            ))}
          </ul>
        </>
      )}
    </AsyncList>
  );
}

function FirstSteps() {
  const { t } = useT();
  return (
    <EmptyState
      id="first-steps"
      icon={CalendarAddRegular}
      heading="h2"
      title={t('home.list.firstTitle')}
      body={t('home.list.firstBody')}
      action={
        <Button as="a" href="#/schedule" appearance="primary" icon={<CalendarAddRegular />}>
          {t('home.scheduleConversation')}
        </Button>
      }
    />
  );
}

function NothingPast() {
  const { t } = useT();
  return (
    <EmptyState
      id="nothing-past"
      icon={HistoryRegular}
      heading="h2"
      title={t('home.list.noPastTitle')}
      body={t('home.list.noPastBody')}
    />
  );
}
