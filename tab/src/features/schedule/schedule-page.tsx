import type { MeetingDto } from '@confer/contracts';
import { LIMITS } from '@confer/contracts';
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTabServices } from '../../app/tab-services.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { listMeetingTypes } from '../../lib/me-api.ts';
import { useRequest } from '../../lib/use-request.ts';
import { CreateBar } from './create-bar.tsx';
import { CreatedPanel } from './created-panel.tsx';
import { applyType, defaultTitle, initialDetails, type MeetingDetails } from './meeting-details.ts';
import { MeetingForm } from './meeting-form.tsx';
import { PeoplePicker } from './people-picker.tsx';
import { createScheduleFormat, timeSpanWords } from './schedule-format.ts';
import { TimePicker } from './time-picker.tsx';
import { useCreateMeeting } from './use-create-meeting.ts';
import { useInitialPeople } from './use-initial-people.ts';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
});

export interface SchedulePageProps {
  initialAttendees?: string[];
  /** The meeting type to start with (`#/schedule?type=…`): applied once the types are read, if it exists. */
  initialTypeId?: string | null;
  onCreated(meeting: MeetingDto): void;
}

/** Schedule a meeting: who, what, when (with everyone's calendars), then create. */
export function SchedulePage({ initialAttendees = [], initialTypeId = null, onCreated }: SchedulePageProps) {
  const styles = useStyles();
  const { api, locale, timeZone, session, reportReady } = useTabServices();
  const i18n = useT();
  const { t } = i18n;
  const ownEmail = session.account?.userPrincipalName ?? null;
  const [people, setPeople] = useInitialPeople(api, initialAttendees);
  const [details, setDetails] = useState<MeetingDetails>(initialDetails);
  const [value, setValue] = useState<{ start: string; end: string } | null>(null);
  const types = useRequest('meeting-types', () => listMeetingTypes(api), reportReady);
  const creation = useCreateMeeting(api);
  const format = useMemo(() => createScheduleFormat(locale, timeZone, timeSpanWords(i18n)), [locale, timeZone, i18n]);
  const type = types.data?.find((t) => t.id === details.typeId);
  const title = details.titleEdited
    ? details.title.trim()
    : defaultTitle(
        i18n,
        type,
        people.map((p) => p.displayName),
      );
  const emails = useMemo(() => people.map((p) => p.email), [people]);

  useEffect(() => {
    document.title = t('shell.documentTitle', { page: t('shell.nav.schedule') });
  }, [t]);
  // The type the page was opened with fills the length and agenda as choosing it would, once the types are here
  // and unless the person chose one first.
  const typeApplied = useRef(false);
  useEffect(() => {
    if (typeApplied.current || !initialTypeId || !types.data) return;
    typeApplied.current = true;
    const list = types.data;
    setDetails((d) => (d.typeId === null ? applyType(d, list, initialTypeId) : d));
  }, [initialTypeId, types.data]);
  // The chosen time follows the length: a new length keeps the start.
  const changeDetails = (next: MeetingDetails) => {
    if (value && next.durationMinutes !== details.durationMinutes) {
      const start = new Date(value.start);
      setValue({ start: value.start, end: new Date(start.getTime() + next.durationMinutes * 60_000).toISOString() });
    }
    setDetails(next);
  };
  // A dragged or Shift+arrow range sets the length (rounded to the API's limits).
  const choose = useCallback((next: { start: string; end: string } | null) => {
    setValue(next);
    if (!next) return;
    const minutes = Math.round((Date.parse(next.end) - Date.parse(next.start)) / 60_000);
    const clamped = Math.min(LIMITS.maxDurationMinutes, Math.max(LIMITS.minDurationMinutes, minutes));
    setDetails((d) => (d.durationMinutes === clamped ? d : { ...d, durationMinutes: clamped }));
  }, []);

  const missing = [
    ...(people.length ? [] : [t('schedule.create.needPerson')]),
    ...(title ? [] : [t('schedule.create.needTitle')]),
    ...(!details.online && !details.location.trim() ? [t('schedule.create.needPlace')] : []),
    ...(value ? [] : [t('schedule.create.needTime')]),
  ];
  const create = (acceptConflicts: boolean) => {
    if (!value || missing.length) return;
    void creation.create(
      {
        typeId: details.typeId,
        title,
        agenda: details.agenda,
        attendees: emails,
        start: value.start,
        end: value.end,
        timeZone,
        recurrence: details.recurrence,
        online: details.online,
        location: details.online ? null : details.location.trim(),
      },
      acceptConflicts,
    );
  };

  if (creation.state.status === 'created') {
    const meeting = creation.state.meeting;
    return (
      <CreatedPanel
        meeting={meeting}
        format={format}
        onOpen={() => onCreated(meeting)}
        onAnother={() => {
          creation.reset();
          setValue(null);
        }}
      />
    );
  }
  return (
    <div className={styles.page} data-testid="schedule-page">
      <Text as="h1" size={700} weight="semibold" className={styles.heading}>
        {t('schedule.title')}
      </Text>
      <section className={styles.section} aria-labelledby="who-heading">
        <Text as="h2" id="who-heading" size={500} weight="semibold" className={styles.heading}>
          {t('schedule.who')}
        </Text>
        <PeoplePicker api={api} people={people} max={LIMITS.maxPeople - 1} ownEmail={ownEmail} onChange={setPeople} />
      </section>
      <section className={styles.section} aria-labelledby="what-heading">
        <Text as="h2" id="what-heading" size={500} weight="semibold" className={styles.heading}>
          {t('schedule.what')}
        </Text>
        <MeetingForm
          details={details}
          types={types.data}
          titlePlaceholder={title}
          onType={(typeId) => changeDetails(applyType(details, types.data ?? [], typeId))}
          onChange={changeDetails}
        />
      </section>
      <section className={styles.section} aria-labelledby="when-heading">
        <Text as="h2" id="when-heading" size={500} weight="semibold" className={styles.heading}>
          {t('schedule.when')}
        </Text>
        <TimePicker
          attendees={emails}
          durationMinutes={details.durationMinutes}
          recurrence={details.recurrence}
          value={value}
          onChange={choose}
        />
      </section>
      <CreateBar
        state={creation.state}
        missing={missing}
        summary={
          value
            ? t('schedule.create.summary', { title, when: format.when(new Date(value.start), new Date(value.end)) })
            : null
        }
        format={format}
        organizerEmail={ownEmail}
        series={details.recurrence !== null}
        onCreate={create}
        onDismiss={creation.reset}
      />
    </div>
  );
}
