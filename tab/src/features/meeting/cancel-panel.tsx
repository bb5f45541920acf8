import { LIMITS, type MeetingDto } from '@confer/contracts';
import { Button, Field, MessageBar, MessageBarBody, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { useTabServices } from '../../app/tab-services.ts';
import { toAppError } from '../../lib/app-error.ts';
import type { MeetingFormatters } from '../../lib/meeting-format.ts';
import { cancelMeeting, cancelOccurrence } from '../../lib/meetings-api.ts';
import { CardFrame } from '../../ui/card-frame.tsx';
import { type Scope, ScopeChoice } from './scope-choice.tsx';
import type { Occurrence } from './series.ts';

export interface CancelPanelProps {
  readonly meeting: MeetingDto;
  readonly occurrence: Occurrence;
  readonly formatters: MeetingFormatters;
  readonly onDone: (meeting: MeetingDto, summary: string) => void;
  readonly onClose: () => void;
}

/** The organizer cancels with a message Outlook sends to everyone; for a series, one occurrence or all. */
export function CancelPanel({ meeting, occurrence, formatters, onDone, onClose }: CancelPanelProps) {
  const { api } = useTabServices();
  const [scope, setScope] = useState<Scope>('occurrence');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const onlyOne = meeting.recurrence !== null && scope === 'occurrence';
  const cancel = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const cancelled = onlyOne
        ? await cancelOccurrence(api, meeting.id, occurrence.originalStart, message)
        : await cancelMeeting(api, meeting, message);
      onDone(
        cancelled,
        onlyOne
          ? `The meeting on ${formatters.when(occurrence.start, occurrence.end)} is cancelled.`
          : 'The meeting is cancelled. Everyone was told.',
      );
    } catch (error) {
      setProblem(toAppError(error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <CardFrame
      id="cancel"
      kind="task"
      testId="cancel-panel"
      title="Cancel the meeting"
      actions={
        <>
          <Button appearance="primary" disabled={busy} onClick={cancel}>
            {busy ? 'Cancelling…' : onlyOne ? 'Cancel this occurrence' : 'Cancel meeting'}
          </Button>
          <Button disabled={busy} onClick={onClose}>
            Keep the meeting
          </Button>
        </>
      }
    >
      {meeting.recurrence && (
        <ScopeChoice
          value={scope}
          onChange={setScope}
          occurrenceText={formatters.when(occurrence.start, occurrence.end)}
          verb="Cancel"
        />
      )}
      <Field label="Message to everyone" hint="Sent with the cancellation in Outlook.">
        <Textarea
          value={message}
          maxLength={LIMITS.maxComment}
          resize="vertical"
          onChange={(_, data) => setMessage(data.value)}
        />
      </Field>
      {problem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
    </CardFrame>
  );
}
