import { LIMITS, type MeetingDto } from '@confer/contracts';
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Switch,
  Textarea,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTabServices } from '../../app/tab-services.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { toAppError } from '../../lib/app-error.ts';
import type { MeetingFormatters } from '../../lib/meeting-format.ts';
import { type Reply, respondToMeeting } from '../../lib/meetings-api.ts';
import { CardFrame } from '../../ui/card-frame.tsx';
import { ChoiceGroup } from '../../ui/choice-group.tsx';
import { TimePicker } from '../schedule/index.ts';
import { errorMessage } from '../shell/error-text.ts';

const doneWords: Record<Reply, string> = {
  accept: 'meeting.respond.accepted',
  tentative: 'meeting.respond.tentative',
  decline: 'meeting.respond.declined',
};

export interface RespondPanelProps {
  readonly meeting: MeetingDto;
  readonly formatters: MeetingFormatters;
  readonly onDone: (meeting: MeetingDto, summary: string) => void;
  readonly onClose: () => void;
}

/** An attendee answers: accept, tentative or decline, with a comment and, when not accepting, a proposed time. */
export function RespondPanel({ meeting, formatters, onDone, onClose }: RespondPanelProps) {
  const { api, session } = useTabServices();
  const i18n = useT();
  const { t } = i18n;
  const [reply, setReply] = useState<Reply>('accept');
  const [comment, setComment] = useState('');
  const [proposing, setProposing] = useState(false);
  const [proposed, setProposed] = useState<{ start: string; end: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const me = session.account?.userPrincipalName.toLowerCase() ?? '';
  const others = [meeting.organizer.email, ...meeting.attendees.map((a) => a.email)].filter(
    (e) => e.toLowerCase() !== me,
  );
  const canPropose = reply !== 'accept';
  const send = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const answered = await respondToMeeting(api, meeting.id, {
        response: reply,
        comment,
        proposed: canPropose && proposing ? proposed : null,
      });
      const done = t(doneWords[reply]);
      onDone(
        answered,
        canPropose && proposing && proposed
          ? t('meeting.respond.withProposal', { done, when: formatters.when(proposed.start, proposed.end) })
          : done,
      );
    } catch (error) {
      setProblem(errorMessage(toAppError(error), i18n));
    } finally {
      setBusy(false);
    }
  };
  const minutes = Math.round((Date.parse(meeting.end) - Date.parse(meeting.start)) / 60_000);
  return (
    <CardFrame
      id="respond"
      kind="task"
      testId="respond-panel"
      title={t('meeting.respond.title')}
      actions={
        <>
          <Button appearance="primary" disabled={busy || (canPropose && proposing && !proposed)} onClick={send}>
            {busy ? t('meeting.respond.sending') : t('meeting.respond.send')}
          </Button>
          <Button disabled={busy} onClick={onClose}>
            {t('meeting.respond.notNow')}
          </Button>
        </>
      }
    >
      <ChoiceGroup legend={t('meeting.respond.answer')}>
        <RadioGroup
          value={reply}
          layout="horizontal"
          aria-label={t('meeting.respond.answer')}
          onChange={(_, data) => setReply(data.value as Reply)}
        >
          <Radio value="accept" label={t('home.actions.accept')} />
          <Radio value="tentative" label={t('home.actions.tentative')} />
          <Radio value="decline" label={t('home.actions.decline')} />
        </RadioGroup>
      </ChoiceGroup>
      <Field label={t('meeting.respond.comment')}>
        <Textarea
          value={comment}
          maxLength={LIMITS.maxComment}
          resize="vertical"
          onChange={(_, data) => setComment(data.value)}
        />
      </Field>
      {canPropose && (
        <Switch
          label={t('home.actions.propose')}
          checked={proposing}
          onChange={(_, data) => setProposing(data.checked)}
        />
      )}
      {canPropose && proposing && (
        <TimePicker
          attendees={others}
          durationMinutes={minutes}
          recurrence={null}
          meetingId={meeting.id}
          value={proposed}
          onChange={setProposed}
        />
      )}
      {problem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
    </CardFrame>
  );
}
