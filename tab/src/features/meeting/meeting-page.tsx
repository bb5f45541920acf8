import type { MeetingDto } from '@confer/contracts';
import { Link, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular, ArrowRightRegular } from '@fluentui/react-icons';
import { useEffect, useMemo, useState } from 'react';
import type { MeetingIntent } from '../../app/routes.ts';
import { useTabServices } from '../../app/tab-services.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { listMeetingTypes } from '../../lib/me-api.ts';
import { createMeetingFormatters } from '../../lib/meeting-format.ts';
import { useRequest } from '../../lib/use-request.ts';
import { PageSkeleton } from '../shell/page-skeleton.tsx';
import { RequestError } from '../shell/request-error.tsx';
import { ActionsSection } from './actions-section.tsx';
import { AttendanceSection } from './attendance-section.tsx';
import { CancelPanel } from './cancel-panel.tsx';
import { EditPanel } from './edit-panel.tsx';
import { GuestLinksSection, offersGuestLinks } from './guest-links-section.tsx';
import { HistorySection } from './history-section.tsx';
import { invitedInOutlookOnly, MeetingDetails, NotesClosed } from './meeting-details.tsx';
import { MeetingSummary, type Panel } from './meeting-summary.tsx';
import { NotesSection } from './notes-section.tsx';
import { OccurrencePicker } from './occurrence-picker.tsx';
import { ReschedulePanel } from './reschedule-panel.tsx';
import { RespondPanel } from './respond-panel.tsx';
import { currentOccurrence, neighboursOf, occurrencesOf } from './series.ts';
import { partnerIn } from './together-model.ts';
import { TogetherSection } from './together-section.tsx';
import { useMeeting } from './use-meeting.ts';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  back: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, alignSelf: 'flex-start' },
});

const panelOf: Record<MeetingIntent, Panel> = {
  reschedule: 'reschedule',
  cancel: 'cancel',
  respond: 'respond',
  notes: null,
};

export function MeetingPage({ id, intent }: { id: string; intent: MeetingIntent | null }) {
  const styles = useStyles();
  const { api, locale, timeZone, session } = useTabServices();
  const { t } = useT();
  const request = useMeeting(id);
  const types = useRequest('meeting-types', () => listMeetingTypes(api));
  const formatters = useMemo(() => createMeetingFormatters(locale, timeZone), [locale, timeZone]);
  const [panel, setPanel] = useState<Panel>(intent ? panelOf[intent] : null);
  const [done, setDone] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  // Bumped by every change made here, so the history reads again (moving one occurrence keeps the version).
  const [revision, setRevision] = useState(0);
  const meeting = request.data;
  const occurrences = useMemo(() => (meeting ? occurrencesOf(meeting) : []), [meeting]);
  const occurrence = occurrences.find((o) => o.originalStart === chosen) ?? currentOccurrence(occurrences, new Date());
  useEffect(() => {
    if (intent === 'notes' && meeting) document.getElementById('notes')?.scrollIntoView({ block: 'start' });
  }, [intent, meeting]);
  if (request.state.status === 'error' && !meeting) {
    return (
      <div className={styles.page}>
        <BackLink />
        <RequestError error={request.state.error} onRetry={request.reload} failedTitle={t('meeting.failed')} />
      </div>
    );
  }
  if (!meeting || !occurrence) return <PageSkeleton label={t('meeting.loading')} />;
  const finish = (changed: MeetingDto, summary: string) => {
    request.set(changed);
    setRevision((n) => n + 1);
    setPanel(null);
    setDone(summary);
  };
  const upn = session.account?.userPrincipalName.toLowerCase() ?? '';
  const myId = meeting.isOrganizer
    ? meeting.organizer.userId
    : (meeting.attendees.find((a) => a.email.toLowerCase() === upn)?.userId ?? null);
  const occurrenceStart = meeting.recurrence ? occurrence.originalStart : null;
  const partner = partnerIn(meeting, myId);
  const typeName = types.data?.find((t) => t.id === meeting.typeId)?.name ?? null;
  const panelProps = { meeting, formatters, onDone: finish, onClose: () => setPanel(null) };
  return (
    <div className={styles.page} data-testid="meeting-page">
      <BackLink />
      <MeetingSummary
        meeting={meeting}
        occurrence={occurrence}
        formatters={formatters}
        timeZone={timeZone}
        onOpen={(next) => {
          setDone(null);
          setPanel(next);
        }}
      />
      {meeting.recurrence && (
        <OccurrencePicker
          occurrences={occurrences}
          value={occurrence.originalStart}
          onChange={setChosen}
          formatters={formatters}
        />
      )}
      {done && (
        <MessageBar intent="success" role="status" data-testid="meeting-done">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      {panel === 'edit' && (
        <EditPanel
          {...panelProps}
          onReload={() => {
            setPanel(null);
            request.reload();
          }}
        />
      )}
      {panel === 'reschedule' && (
        <ReschedulePanel {...panelProps} occurrence={occurrence} neighbours={neighboursOf(occurrences, occurrence)} />
      )}
      {panel === 'cancel' && <CancelPanel {...panelProps} occurrence={occurrence} />}
      {panel === 'respond' && <RespondPanel {...panelProps} />}
      <MeetingDetails meeting={meeting} typeName={typeName} proposedText={formatters.when} />
      {offersGuestLinks(meeting) && (
        <GuestLinksSection meeting={meeting} occurrenceStart={occurrenceStart} formatters={formatters} />
      )}
      {invitedInOutlookOnly(meeting, myId) ? (
        <NotesClosed />
      ) : (
        <>
          <NotesSection meeting={meeting} occurrenceStart={occurrenceStart} myId={myId} stamp={formatters.stamp} />
          <ActionsSection meeting={meeting} occurrenceStart={occurrenceStart} dueText={formatters.dueDate} />
        </>
      )}
      <AttendanceSection
        meetingId={meeting.id}
        series={meeting.recurrence !== null}
        when={formatters.when}
        revision={`${meeting.version}.${revision}`}
      />
      {partner && (
        <TogetherSection
          partner={partner}
          formatters={formatters}
          types={types.data}
          revision={`${meeting.version}.${revision}`}
        />
      )}
      <HistorySection meetingId={meeting.id} revision={`${meeting.version}.${revision}`} stamp={formatters.stamp} />
    </div>
  );
}

function BackLink() {
  const styles = useStyles();
  const { t, locale } = useT();
  // "Back" points towards the line's start: rightwards in a right-to-left language.
  const Arrow = locale.direction === 'rtl' ? ArrowRightRegular : ArrowLeftRegular;
  return (
    <Link href="#/" className={styles.back}>
      <Arrow aria-hidden="true" /> {t('meeting.back')}
    </Link>
  );
}
