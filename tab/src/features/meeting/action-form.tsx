import { LIMITS, type MeetingDto } from '@confer/contracts';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Select,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTabServices } from '../../app/tab-services.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { toAppError } from '../../lib/app-error.ts';
import { type ActionDto, createAction } from '../../lib/notes-api.ts';
import { errorMessage } from '../shell/error-text.ts';

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 1fr) minmax(0, 1fr) auto',
    gap: tokens.spacingHorizontalS,
    alignItems: 'end',
    '@media (max-width: 640px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
});

export function ActionForm({
  meeting,
  occurrenceStart,
  onCreated,
}: {
  meeting: MeetingDto;
  occurrenceStart: string | null;
  onCreated: (action: ActionDto) => void;
}) {
  const styles = useStyles();
  const { api } = useTabServices();
  const i18n = useT();
  const { t } = i18n;
  const people = [meeting.organizer, ...meeting.attendees];
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState(people[0]?.email ?? '');
  const [due, setDue] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const add = async () => {
    if (!title.trim()) return;
    setBusy(true);
    setProblem(null);
    try {
      onCreated(
        await createAction(api, meeting.id, {
          title: title.trim(),
          ownerEmail: owner,
          dueDate: due || null,
          occurrenceStart,
        }),
      );
      setTitle('');
      setDue('');
    } catch (error) {
      setProblem(errorMessage(toAppError(error), i18n));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <form
        className={styles.form}
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <Field label={t('meeting.actions.new')}>
          <Input value={title} maxLength={LIMITS.maxActionTitle} onChange={(_, data) => setTitle(data.value)} />
        </Field>
        <Field label={t('meeting.actions.owner')}>
          <Select value={owner} onChange={(_, data) => setOwner(data.value)}>
            {people.map((person) => (
              <option key={person.email} value={person.email}>
                {person.displayName}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('meeting.actions.due')}>
          <Input type="date" value={due} onChange={(_, data) => setDue(data.value)} />
        </Field>
        <Button type="submit" appearance="primary" disabled={busy || !title.trim()}>
          {t('meeting.actions.add')}
        </Button>
      </form>
      {problem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
