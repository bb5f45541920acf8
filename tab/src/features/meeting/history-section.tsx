import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTabServices } from '../../app/tab-services.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { listHistory } from '../../lib/notes-api.ts';
import { useRequest } from '../../lib/use-request.ts';
import { CardFrame } from '../../ui/card-frame.tsx';
import { AsyncList } from '../shell/async-list.tsx';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: {
    display: 'grid',
    gridTemplateColumns: '120px minmax(0, 1fr)',
    gap: tokens.spacingHorizontalM,
    '@media (max-width: 480px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  when: { color: tokens.colorNeutralForeground2, fontVariantNumeric: 'tabular-nums' },
});

/** What happened to the meeting, newest first; a new `revision` (any change made here) reads it again. */
export function HistorySection({
  meetingId,
  revision,
  stamp,
}: {
  meetingId: string;
  revision: string;
  stamp: (instant: string) => string;
}) {
  const styles = useStyles();
  const { api } = useTabServices();
  const { t } = useT();
  const request = useRequest(`history:${meetingId}:${revision}`, () => listHistory(api, meetingId));
  return (
    <CardFrame id="history" title={t('meeting.history.title')} testId="history">
      <AsyncList
        request={request}
        failedTitle={t('meeting.history.failed')}
        loading={{ label: t('meeting.history.loading'), rows: [16, 16], minHeight: '80px' }}
      >
        {(entries) => (
          <ol className={styles.list}>
            {newestFirst(entries).map((entry) => (
              <li key={`${entry.at}-${entry.kind}`} className={styles.item}>
                <Text size={200} className={styles.when}>
                  <time dateTime={entry.at}>{stamp(entry.at)}</time>
                </Text>
                <Text>{entry.summary}</Text>
              </li>
            ))}
          </ol>
        )}
      </AsyncList>
    </CardFrame>
  );
}

function newestFirst<T extends { readonly at: string }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}
