import type { OccurrenceAttendanceDto } from '@confer/contracts';
import { Badge, Button, MessageBar, MessageBarBody, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTabServices } from '../../app/tab-services.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { toAppError } from '../../lib/app-error.ts';
import { getAttendance, markAttendance } from '../../lib/follow-through-api.ts';
import { attendanceStatus, newestFirst, presenceText } from '../../lib/follow-through-format.ts';
import { useRequest } from '../../lib/use-request.ts';
import { CardActions, CardFrame } from '../../ui/card-frame.tsx';
import { errorMessage } from '../shell/error-text.ts';
import { RequestError } from '../shell/request-error.tsx';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
  occurrence: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  when: { margin: 0, fontVariantNumeric: 'tabular-nums' },
  detail: { color: tokens.colorNeutralForeground2 },
  people: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalXXS,
  },
  person: { display: 'inline-flex', gap: tokens.spacingHorizontalXS, alignItems: 'baseline' },
  minutes: { color: tokens.colorNeutralForeground2, fontVariantNumeric: 'tabular-nums' },
});

export interface AttendanceSectionProps {
  readonly meetingId: string;
  /** A series names each occurrence by its time; a single meeting needs no date. */
  readonly series: boolean;
  readonly when: (start: string, end: string) => string;
  /** Any change made on the page: the attendance is read again. */
  readonly revision: string;
}

/**
 * What happened at each ended occurrence, the latest first: held, partly attended, no-show, waiting for the Teams
 * report, or unknown with the reason; who joined and for how long. The organizer says whether an in-person meeting
 * (or one Teams made no report for) took place. Nothing is shown before the first occurrence has ended.
 */
export function AttendanceSection({ meetingId, series, when, revision }: AttendanceSectionProps) {
  const styles = useStyles();
  const { api } = useTabServices();
  const { t } = useT();
  const request = useRequest(`attendance:${meetingId}:${revision}`, () => getAttendance(api, meetingId));
  const occurrences = request.data;
  if (request.state.status === 'error' && !occurrences) {
    return (
      <CardFrame id="attendance" title={t('meeting.attendance.title')} testId="attendance">
        <RequestError
          error={request.state.error}
          onRetry={request.reload}
          failedTitle={t('meeting.attendance.failed')}
        />
      </CardFrame>
    );
  }
  if (!occurrences || occurrences.length === 0) return null;
  const replace = (saved: OccurrenceAttendanceDto) =>
    request.set(
      occurrences.map((o) => (Date.parse(o.occurrenceStart) === Date.parse(saved.occurrenceStart) ? saved : o)),
    );
  return (
    <CardFrame id="attendance" title={t('meeting.attendance.title')} testId="attendance">
      <ol className={styles.list}>
        {newestFirst(occurrences).map((occurrence) => (
          <OccurrenceRow
            key={occurrence.occurrenceStart}
            meetingId={meetingId}
            occurrence={occurrence}
            heading={series ? when(occurrence.occurrenceStart, occurrence.occurrenceEnd) : null}
            onSaved={replace}
          />
        ))}
      </ol>
    </CardFrame>
  );
}

function OccurrenceRow({
  meetingId,
  occurrence,
  heading,
  onSaved,
}: {
  meetingId: string;
  occurrence: OccurrenceAttendanceDto;
  heading: string | null;
  onSaved: (saved: OccurrenceAttendanceDto) => void;
}) {
  const styles = useStyles();
  const { api } = useTabServices();
  const i18n = useT();
  const { t } = i18n;
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const status = attendanceStatus(i18n, occurrence);
  const mark = async (held: boolean) => {
    setBusy(true);
    setProblem(null);
    try {
      onSaved(await markAttendance(api, meetingId, occurrence.occurrenceStart, held));
    } catch (error) {
      setProblem(t('common.notSaved', { reason: errorMessage(toAppError(error), i18n) }));
    } finally {
      setBusy(false);
    }
  };
  // Minutes come from Teams' report; the organizer's word for a meeting in person says nothing about them.
  const joined = occurrence.source === 'teams' ? occurrence.participants : [];
  return (
    <li className={styles.occurrence} data-testid="attendance-occurrence" data-state={occurrence.state}>
      <div className={styles.head}>
        {heading && (
          <Text as="h3" size={400} weight="semibold" className={styles.when}>
            <time dateTime={occurrence.occurrenceStart}>{heading}</time>
          </Text>
        )}
        <Badge appearance="tint" shape="rounded" color={status.tone} data-testid="attendance-status">
          {status.label}
        </Badge>
      </div>
      {status.detail && (
        <Text size={200} className={styles.detail} data-testid="attendance-detail">
          {status.detail}
        </Text>
      )}
      {joined.length > 0 && (
        <ul
          className={styles.people}
          aria-label={
            heading ? t('meeting.attendance.whoJoinedOn', { when: heading }) : t('meeting.attendance.whoJoined')
          }
        >
          {joined.map((person) => (
            <li key={person.email} className={styles.person} data-testid="attendance-person" data-email={person.email}>
              <Text>{person.displayName}</Text>
              <Text size={200} className={styles.minutes}>
                {presenceText(i18n, person)}
              </Text>
            </li>
          ))}
        </ul>
      )}
      {occurrence.canMark && (
        <CardActions>
          <Button
            appearance={occurrence.state === 'pending' ? 'primary' : 'secondary'}
            disabledFocusable={busy}
            aria-pressed={occurrence.source === 'organizer' ? occurrence.state === 'held' : undefined}
            aria-label={heading ? t('meeting.attendance.metOn', { when: heading }) : undefined}
            onClick={() => mark(true)}
          >
            {t('meeting.attendance.met')}
          </Button>
          <Button
            disabledFocusable={busy}
            aria-pressed={occurrence.source === 'organizer' ? occurrence.state === 'no_show' : undefined}
            aria-label={heading ? t('meeting.attendance.notHappenedOn', { when: heading }) : undefined}
            onClick={() => mark(false)}
          >
            {t('meeting.attendance.notHappened')}
          </Button>
        </CardActions>
      )}
      {problem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
    </li>
  );
}
