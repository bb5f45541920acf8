import { type ConflictsResponse, ErrorCodes, type MeetingDto } from '@confer/contracts';
import type { Translator } from '@confer/contracts/i18n';
import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState } from 'react';
import { useTabServices } from '../../app/tab-services.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { conflictsOf, toAppError } from '../../lib/app-error.ts';
import type { MeetingFormatters } from '../../lib/meeting-format.ts';
import { moveOccurrence, rescheduleMeeting } from '../../lib/meetings-api.ts';
import { CardFrame } from '../../ui/card-frame.tsx';
import { TimePicker } from '../schedule/index.ts';
import { errorMessage } from '../shell/error-text.ts';
import { ConflictList } from './conflict-list.tsx';
import { type Scope, ScopeChoice } from './scope-choice.tsx';
import type { Occurrence } from './series.ts';

type Slot = { start: string; end: string };

export interface ReschedulePanelProps {
  readonly meeting: MeetingDto;
  readonly occurrence: Occurrence;
  /** The occurrences either side of this one (series only): Outlook cannot move one past its neighbours. */
  readonly neighbours: { readonly before: Occurrence | null; readonly after: Occurrence | null };
  readonly formatters: MeetingFormatters;
  readonly onDone: (meeting: MeetingDto, summary: string) => void;
  readonly onClose: () => void;
}

/** Pick a new time with the shared picker; the API checks clashes and answers 409 with them, then "Move anyway". */
export function ReschedulePanel({
  meeting,
  occurrence,
  neighbours,
  formatters,
  onDone,
  onClose,
}: ReschedulePanelProps) {
  const { api } = useTabServices();
  const i18n = useT();
  const { t } = i18n;
  const [scope, setScope] = useState<Scope>('occurrence');
  // Starting from the current time opens the picker on this occurrence's week, where its alternatives are.
  const current = { start: occurrence.start, end: occurrence.end };
  const [slot, setSlot] = useState<Slot | null>(current);
  const [busy, setBusy] = useState(false);
  const [conflicts, setConflicts] = useState<ConflictsResponse['conflicts'] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const series = meeting.recurrence !== null;
  const wholeSeries = !series || scope === 'series';
  const unchanged = slot !== null && slot.start === current.start && slot.end === current.end;
  const crossing = !wholeSeries && slot ? crossingText(i18n, slot, neighbours, formatters) : null;
  const durationMinutes = Math.round((Date.parse(occurrence.end) - Date.parse(occurrence.start)) / 60_000);
  const move = async (acceptConflicts: boolean) => {
    if (!slot || unchanged || crossing) return;
    setBusy(true);
    setProblem(null);
    try {
      const moved = wholeSeries
        ? await rescheduleMeeting(api, meeting, { ...slot, timeZone: meeting.timeZone, acceptConflicts })
        : await moveOccurrence(api, meeting.id, occurrence.originalStart, { ...slot, acceptConflicts });
      onDone(moved, t('meeting.reschedule.done', { when: formatters.when(slot.start, slot.end) }));
    } catch (cause) {
      const error = toAppError(cause);
      const clashes = conflictsOf(error);
      if (clashes) setConflicts(clashes);
      else
        setProblem(
          error.code === ErrorCodes.version_conflict
            ? t('meeting.reschedule.changed', { reason: errorMessage(error, i18n) })
            : errorMessage(error, i18n),
        );
    } finally {
      setBusy(false);
    }
  };
  const choose = (value: Slot | null) => {
    setSlot(value);
    setConflicts(null);
    setProblem(null);
  };
  return (
    <CardFrame
      id="reschedule"
      kind="task"
      testId="reschedule-panel"
      title={t('home.actions.reschedule')}
      actions={
        <>
          {conflicts ? (
            <Button
              appearance="primary"
              disabled={busy || !slot || unchanged || crossing !== null}
              onClick={() => move(true)}
            >
              {t('meeting.reschedule.anyway')}
            </Button>
          ) : (
            <Button
              appearance="primary"
              disabled={busy || !slot || unchanged || crossing !== null}
              onClick={() => move(false)}
            >
              {busy ? t('meeting.reschedule.moving') : t('meeting.reschedule.move')}
            </Button>
          )}
          <Button disabled={busy} onClick={onClose}>
            {t('meeting.reschedule.keep')}
          </Button>
        </>
      }
    >
      {series && (
        <ScopeChoice
          value={scope}
          onChange={(next) => {
            setScope(next);
            choose(current);
          }}
          occurrenceText={formatters.when(occurrence.start, occurrence.end)}
          verb="move"
        />
      )}
      <TimePicker
        attendees={meeting.attendees.map((a) => a.email)}
        durationMinutes={durationMinutes}
        recurrence={wholeSeries ? meeting.recurrence : null}
        meetingId={meeting.id}
        value={slot}
        onChange={choose}
      />
      {crossing && (
        <MessageBar intent="warning" role="alert" data-testid="crossing-warning">
          <MessageBarBody>{crossing}</MessageBarBody>
        </MessageBar>
      )}
      {conflicts && <ConflictList conflicts={conflicts} when={formatters.when} />}
      {problem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
    </CardFrame>
  );
}

/**
 * Outlook refuses to move one occurrence onto or past the occurrence before or after it (Graph answers
 * ErrorOccurrenceCrossingBoundary), so the panel says so before sending.
 */
function crossingText(
  { t }: Translator,
  slot: Slot,
  neighbours: ReschedulePanelProps['neighbours'],
  formatters: MeetingFormatters,
): string | null {
  const { before, after } = neighbours;
  const tooEarly = before !== null && Date.parse(slot.start) < Date.parse(before.end);
  const tooLate = after !== null && Date.parse(slot.end) > Date.parse(after.start);
  if (!tooEarly && !tooLate) return null;
  const range =
    before && after
      ? t('meeting.reschedule.between', {
          after: formatters.when(before.start, before.end),
          before: formatters.when(after.start, after.end),
        })
      : before
        ? t('meeting.reschedule.after', { when: formatters.when(before.start, before.end) })
        : t('meeting.reschedule.before', { when: after ? formatters.when(after.start, after.end) : '' });
  return t('meeting.reschedule.crossing', { range });
}
