import { ErrorCodes, LIMITS } from '@confer/contracts';
import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTabServices } from '../../app/tab-services.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { toAppError } from '../../lib/app-error.ts';
import { type NoteDto, saveNote, type Visibility } from '../../lib/notes-api.ts';
import { errorMessage } from '../shell/error-text.ts';

const useStyles = makeStyles({
  editor: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  saved: { color: tokens.colorNeutralForeground2 },
});

export interface NoteEditorProps {
  readonly meetingId: string;
  readonly occurrenceStart: string | null;
  readonly visibility: Visibility;
  readonly label: string;
  readonly hint: string;
  /** My current note of this kind for this occurrence, if any. */
  readonly note: NoteDto | null;
  readonly stamp: (instant: string) => string;
  readonly onSaved: (note: NoteDto) => void;
  /** Read the notes again (after a version conflict). */
  readonly onReload: () => void;
}

/**
 * One note with an explicit Save. The API refuses a save based on an old version (`version_conflict`, e.g. the
 * same note edited in another window); the person then reloads the latest or overwrites it with this text.
 */
export function NoteEditor({
  meetingId,
  occurrenceStart,
  visibility,
  label,
  hint,
  note,
  stamp,
  onSaved,
  onReload,
}: NoteEditorProps) {
  const styles = useStyles();
  const { api } = useTabServices();
  const i18n = useT();
  const { t } = i18n;
  const [text, setText] = useState(note?.body ?? '');
  const [basedOn, setBasedOn] = useState(note);
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (note && note !== basedOn && !conflict && text === (basedOn?.body ?? '')) {
    // A fresher copy arrived and nothing was typed since: show it.
    setBasedOn(note);
    setText(note.body);
  }
  const save = async (over: NoteDto | null) => {
    setBusy(true);
    setProblem(null);
    try {
      const saved = await saveNote(api, meetingId, { occurrenceStart, visibility, body: text }, over);
      setBasedOn(saved);
      setConflict(false);
      onSaved(saved);
    } catch (cause) {
      const error = toAppError(cause);
      if (error.code === ErrorCodes.version_conflict) {
        setConflict(true);
        onReload();
      } else setProblem(errorMessage(error, i18n));
    } finally {
      setBusy(false);
    }
  };
  const dirty = text !== (basedOn?.body ?? '');
  return (
    <div className={styles.editor} data-testid={`${visibility}-note`}>
      <Field label={label} hint={hint}>
        <Textarea
          value={text}
          resize="vertical"
          rows={4}
          maxLength={LIMITS.maxNote}
          onChange={(_, data) => setText(data.value)}
        />
      </Field>
      {conflict && (
        <MessageBar intent="warning" layout="multiline" role="alert">
          <MessageBarBody>{t('meeting.notes.changedElsewhere')}</MessageBarBody>
          <MessageBarActions>
            <Button disabled={busy || !note} onClick={() => save(note)}>
              {t('meeting.notes.saveMine')}
            </Button>
            <Button
              disabled={busy}
              onClick={() => {
                setConflict(false);
                setBasedOn(note);
                setText(note?.body ?? '');
              }}
            >
              {t('meeting.notes.takeSaved')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {problem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy || !dirty || conflict} onClick={() => save(basedOn)}>
          {busy
            ? t('common.saving')
            : visibility === 'private'
              ? t('meeting.notes.savePrivate')
              : t('meeting.notes.saveShared')}
        </Button>
        <Text size={200} className={styles.saved} role="status">
          {basedOn ? t('meeting.notes.savedAt', { when: stamp(basedOn.updatedAt) }) : t('meeting.notes.notSaved')}
          {dirty ? t('meeting.notes.unsaved') : ''}
        </Text>
      </div>
    </div>
  );
}
