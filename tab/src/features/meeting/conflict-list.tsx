import type { ConflictsResponse } from '@confer/contracts';
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useT } from '../../i18n/i18n-context.ts';

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalXL },
});

const statusWords: Record<string, string> = {
  busy: 'meeting.conflict.busy',
  tentative: 'meeting.conflict.tentative',
  oof: 'meeting.conflict.oof',
  workingElsewhere: 'meeting.conflict.workingElsewhere',
  unknown: 'meeting.conflict.unknown',
  unreadable: 'meeting.conflict.unreadable',
};

function statusKey(status: string): string | undefined {
  return statusWords[status];
}

export function ConflictList({
  conflicts,
  when,
  title,
}: {
  conflicts: ConflictsResponse['conflicts'];
  when: (start: string, end: string) => string;
  title?: string;
}) {
  const styles = useStyles();
  const { t } = useT();
  return (
    <MessageBar intent="warning" layout="multiline" role="alert" data-testid="clash-warning">
      <MessageBarBody>
        <MessageBarTitle>{title ?? t('meeting.conflict.title')}</MessageBarTitle>
        <ul className={styles.list}>
          {conflicts.map((c) => (
            <li key={`${c.person.email}-${c.occurrence.start}`}>
              {t(c.subject ? 'meeting.conflict.lineWithSubject' : 'meeting.conflict.line', {
                name: c.person.displayName,
                status: t(statusKey(c.status) ?? 'meeting.conflict.unknown'),
                subject: c.subject ?? '',
                when: when(c.occurrence.start, c.occurrence.end),
              })}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
