import { LIMITS, type MeetingDto } from '@confer/contracts';
import { Button, Field, MessageBar, MessageBarBody, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { useTabServices } from '../../app/tab-services.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { toAppError } from '../../lib/app-error.ts';
import type { MeetingFormatters } from '../../lib/meeting-format.ts';
import { cancelMeeting, cancelOccurrence } from '../../lib/meetings-api.ts';
import { CardFrame } from '../../ui/card-frame.tsx';
import { errorMessage } from '../shell/error-text.ts';
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
  const i18n = useT();
  const { t } = i18n;
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
          ? t('meeting.cancel.occurrenceDone', { when: formatters.when(occurrence.start, occurrence.end) })
          : t('meeting.cancel.done'),
      );
    } catch (error) {
      setProblem(errorMessage(toAppError(error), i18n));
    } finally {
      setBusy(false);
    }
  };
  return (
    <CardFrame
      id="cancel"
      kind="task"
      testId="cancel-panel"
      title={t('meeting.cancel.title')}
      actions={
        <>
          <Button appearance="primary" disabled={busy} onClick={cancel}>
            {busy
              ? t('meeting.cancel.cancelling')
              : onlyOne
                ? t('meeting.cancel.occurrence')
                : t('home.actions.cancel')}
          </Button>
          <Button disabled={busy} onClick={onClose}>
            {t('meeting.cancel.keep')}
          </Button>
        </>
      }
    >
      {meeting.recurrence && (
        <ScopeChoice
          value={scope}
          onChange={setScope}
          occurrenceText={formatters.when(occurrence.start, occurrence.end)}
          verb="cancel"
        />
      )}
      <Field label={t('meeting.cancel.message')} hint={t('meeting.cancel.messageHint')}>
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
