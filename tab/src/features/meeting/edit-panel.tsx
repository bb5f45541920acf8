import { ErrorCodes, LIMITS, type MeetingDto } from '@confer/contracts';
import type { Translator } from '@confer/contracts/i18n';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Textarea,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTabServices } from '../../app/tab-services.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { type AppError, conflictsOf, toAppError } from '../../lib/app-error.ts';
import type { MeetingFormatters } from '../../lib/meeting-format.ts';
import { CardFrame } from '../../ui/card-frame.tsx';
import { PeoplePicker } from '../schedule/index.ts';
import { errorMessage } from '../shell/error-text.ts';
import { ConflictList } from './conflict-list.tsx';
import {
  addedPeople,
  changeOf,
  type DetailsDraft,
  draftOf,
  hasChanges,
  problemsOf,
  saveDetails,
} from './details-edit.ts';

export interface EditPanelProps {
  readonly meeting: MeetingDto;
  readonly formatters: MeetingFormatters;
  readonly onDone: (meeting: MeetingDto, summary: string) => void;
  readonly onClose: () => void;
  /** Someone else saved first: read the meeting again (closes this panel). */
  readonly onReload: () => void;
}

type Failure = { kind: 'conflicts'; conflicts: NonNullable<ReturnType<typeof conflictsOf>> } | AppError;

/** The organizer changes title, agenda, people and (in person) the place; the time stays with Reschedule. */
export function EditPanel({ meeting, formatters, onDone, onClose, onReload }: EditPanelProps) {
  const { api } = useTabServices();
  const i18n = useT();
  const { t } = i18n;
  const [draft, setDraft] = useState<DetailsDraft>(() => draftOf(meeting));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [tried, setTried] = useState(false);
  const problems = problemsOf(i18n, draft);
  const change = changeOf(meeting, draft);
  const valid = Object.keys(problems).length === 0;
  const shown = tried ? problems : {};
  const update = (next: Partial<DetailsDraft>) => {
    setDraft((current) => ({ ...current, ...next }));
    setFailure(null);
  };
  const save = async (acceptConflicts: boolean) => {
    setTried(true);
    if (!valid || !hasChanges(change)) return;
    setBusy(true);
    setFailure(null);
    try {
      const saved = await saveDetails(api, meeting, change, acceptConflicts);
      const added = addedPeople(meeting, saved);
      onDone(
        saved,
        added.length
          ? t('meeting.edit.savedInvited', { count: added.length, names: i18n.list(added) })
          : t('meeting.edit.saved'),
      );
    } catch (cause) {
      const error = toAppError(cause);
      const conflicts = conflictsOf(error);
      setFailure(conflicts ? { kind: 'conflicts', conflicts } : error);
    } finally {
      setBusy(false);
    }
  };
  const clashes = failure && 'kind' in failure ? failure.conflicts : null;
  const error = failure && !('kind' in failure) ? failure : null;
  return (
    <CardFrame
      id="edit"
      kind="task"
      testId="edit-panel"
      title={t('meeting.edit.title')}
      actions={
        <>
          {clashes ? (
            <Button appearance="primary" disabled={busy} onClick={() => save(true)}>
              {t('meeting.edit.saveAnyway')}
            </Button>
          ) : (
            <Button appearance="primary" disabled={busy} onClick={() => save(false)}>
              {busy ? t('common.saving') : t('meeting.edit.save')}
            </Button>
          )}
          <Button disabled={busy} onClick={onClose}>
            {t('meeting.edit.discard')}
          </Button>
        </>
      }
    >
      <Field label={t('schedule.form.title')} required validationMessage={shown.title}>
        <Input value={draft.title} maxLength={LIMITS.maxTitle} onChange={(_, data) => update({ title: data.value })} />
      </Field>
      <Field label={t('schedule.form.agenda')} hint={t('meeting.edit.agendaHint')} validationMessage={shown.agenda}>
        <Textarea
          value={draft.agenda}
          maxLength={LIMITS.maxAgenda}
          rows={5}
          resize="vertical"
          onChange={(_, data) => update({ agenda: data.value })}
        />
      </Field>
      <PeoplePicker
        api={api}
        people={draft.people}
        max={LIMITS.maxPeople - 1}
        ownEmail={meeting.organizer.email}
        onChange={(people) => update({ people })}
      />
      {shown.people && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{shown.people}</MessageBarBody>
        </MessageBar>
      )}
      {!meeting.online && (
        <Field label={t('schedule.form.where')} hint={t('meeting.edit.whereHint')} validationMessage={shown.location}>
          <Input
            value={draft.location}
            maxLength={LIMITS.maxLocation}
            onChange={(_, data) => update({ location: data.value })}
          />
        </Field>
      )}
      {tried && valid && !hasChanges(change) && (
        <MessageBar intent="info" role="status">
          <MessageBarBody>{t('meeting.edit.nothingChanged')}</MessageBarBody>
        </MessageBar>
      )}
      {clashes && <ConflictList conflicts={clashes} when={formatters.when} title={t('meeting.edit.addedBusy')} />}
      {error && <SaveError error={error} onReload={onReload} />}
    </CardFrame>
  );
}

function SaveError({ error, onReload }: { error: AppError; onReload: () => void }) {
  const i18n = useT();
  const { t } = i18n;
  const stale = error.code === ErrorCodes.version_conflict;
  return (
    <MessageBar intent="error" layout="multiline" role="alert" data-testid="edit-error" data-code={error.code}>
      <MessageBarBody>
        {stale ? t('meeting.edit.stale', { reason: errorMessage(error, i18n) }) : messageOf(error, i18n)}
      </MessageBarBody>
      {stale && (
        <MessageBarActions>
          <Button onClick={onReload}>{t('meeting.edit.reload')}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

/** The API's own sentence, plus what zod found wrong for `validation_failed` (`details` holds its issues). */
function messageOf(error: AppError, i18n: Translator): string {
  if (error.code !== ErrorCodes.validation_failed || !Array.isArray(error.details)) return errorMessage(error, i18n);
  const issues = error.details
    .map((issue: unknown) =>
      typeof issue === 'object' && issue !== null && 'message' in issue ? String(issue.message) : null,
    )
    .filter((text): text is string => text !== null);
  return issues.length ? `${error.message} ${issues.join('; ')}.` : error.message;
}
