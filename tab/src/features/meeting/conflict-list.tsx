import type { ConflictsResponse } from '@confer/contracts';
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalXL },
});

const statusWords: Record<string, string> = {
  busy: 'busy',
  tentative: 'tentatively booked',
  oof: 'out of office',
  workingElsewhere: 'working elsewhere',
  unknown: 'of unknown availability',
  unreadable: 'unreadable (Confer cannot see this calendar)',
};

export function ConflictList({
  conflicts,
  when,
  title = 'Someone is busy at the new time',
}: {
  conflicts: ConflictsResponse['conflicts'];
  when: (start: string, end: string) => string;
  title?: string;
}) {
  const styles = useStyles();
  return (
    <MessageBar intent="warning" layout="multiline" role="alert" data-testid="clash-warning">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <ul className={styles.list}>
          {conflicts.map((c) => (
            <li key={`${c.person.email}-${c.occurrence.start}`}>
              {c.person.displayName} is {statusWords[c.status] ?? c.status}
              {c.subject ? ` (${c.subject})` : ''} on {when(c.occurrence.start, c.occurrence.end)}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
