import type { MeetingDto } from '@confer/contracts';
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTabServices } from '../../app/tab-services.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { listNotes, type NoteDto } from '../../lib/notes-api.ts';
import { useRequest } from '../../lib/use-request.ts';
import { CardFrame } from '../../ui/card-frame.tsx';
import { AsyncList } from '../shell/async-list.tsx';
import { NoteEditor } from './note-editor.tsx';

const useStyles = makeStyles({
  shared: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  theirs: { whiteSpace: 'pre-wrap', margin: 0, overflowWrap: 'anywhere' },
  by: { color: tokens.colorNeutralForeground2 },
});

export interface NotesSectionProps {
  readonly meeting: MeetingDto;
  readonly occurrenceStart: string | null;
  readonly myId: string | null;
  readonly stamp: (instant: string) => string;
}

/** My private note (only I see it), my shared note, and everyone else's shared notes for this occurrence. */
/** The two notes each person keeps per meeting or occurrence: one for themselves, one the meeting can read. */
const MY_NOTES = [
  { visibility: 'private', label: 'meeting.notes.private', hint: 'meeting.notes.privateHint' },
  { visibility: 'shared', label: 'meeting.notes.shared', hint: 'meeting.notes.sharedHint' },
] as const;

export function NotesSection({ meeting, occurrenceStart, myId, stamp }: NotesSectionProps) {
  const styles = useStyles();
  const { api } = useTabServices();
  const { t } = useT();
  const request = useRequest(`notes:${meeting.id}`, () => listNotes(api, meeting.id));
  const nameOf = (authorId: string) =>
    meeting.organizer.userId === authorId
      ? meeting.organizer.displayName
      : (meeting.attendees.find((a) => a.userId === authorId)?.displayName ?? t('meeting.notes.someone'));
  const saved = (note: NoteDto) => request.set([...(request.data ?? []).filter((n) => n.id !== note.id), note]);
  const key = `${occurrenceStart ?? 'meeting'}`;
  return (
    <CardFrame id="notes" title={t('meeting.notes.title')} testId="notes">
      <AsyncList
        request={request}
        failedTitle={t('meeting.notes.failed')}
        loading={{ label: t('meeting.notes.loading'), rows: [16, 96, 16, 96], minHeight: '280px' }}
      >
        {(notes) => {
          const { mine, theirs } = notesHere(notes, occurrenceStart, myId);
          return (
            <>
              {MY_NOTES.map(({ visibility, label, hint }) => (
                <NoteEditor
                  key={`${visibility}-${key}`}
                  meetingId={meeting.id}
                  occurrenceStart={occurrenceStart}
                  visibility={visibility}
                  label={t(label)}
                  hint={t(hint)}
                  note={mine(visibility)}
                  stamp={stamp}
                  onSaved={saved}
                  onReload={request.reload}
                />
              ))}
              {theirs.length > 0 && (
                <>
                  <Text as="h3" size={400} weight="semibold">
                    {t('meeting.notes.others')}
                  </Text>
                  <ul className={styles.shared}>
                    {theirs.map((note) => (
                      <li key={note.id} data-testid="others-note">
                        <Text size={200} className={styles.by}>
                          {nameOf(note.authorId)} · {stamp(note.updatedAt)}
                        </Text>
                        <p className={styles.theirs}>{note.body}</p>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </>
          );
        }}
      </AsyncList>
    </CardFrame>
  );
}

/** This occurrence's notes: mine of each visibility, and the ones others share. */
function notesHere(notes: readonly NoteDto[], occurrenceStart: string | null, myId: string | null) {
  const here = notes.filter(
    (n) => n.occurrenceStart === occurrenceStart || sameInstant(n.occurrenceStart, occurrenceStart),
  );
  return {
    mine: (visibility: NoteDto['visibility']) =>
      here.find((n) => n.visibility === visibility && (myId === null || n.authorId === myId)) ?? null,
    theirs: here.filter((n) => n.visibility === 'shared' && myId !== null && n.authorId !== myId),
  };
}

function sameInstant(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && Date.parse(a) === Date.parse(b);
}
