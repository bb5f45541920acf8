import { makeStyles, Skeleton, SkeletonItem, Text, tokens } from '@fluentui/react-components';
import { useTabServices } from '../../app/tab-services.ts';
import { listHistory } from '../../lib/notes-api.ts';
import { useRequest } from '../../lib/use-request.ts';
import { RequestError } from '../shell/request-error.tsx';
import { SectionCard } from './section-card.tsx';

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
  skeleton: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minHeight: '80px' },
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
  const request = useRequest(`history:${meetingId}:${revision}`, () => listHistory(api, meetingId));
  const entries = [...(request.data ?? [])].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  return (
    <SectionCard id="history" title="History" testId="history">
      {request.state.status === 'error' && (
        <RequestError error={request.state.error} onRetry={request.reload} what="the history" />
      )}
      {!request.data && request.state.status === 'loading' && (
        <Skeleton aria-label="Loading history" className={styles.skeleton}>
          <SkeletonItem size={16} />
          <SkeletonItem size={16} />
        </Skeleton>
      )}
      {request.data && (
        <ol className={styles.list}>
          {entries.map((entry) => (
            <li key={`${entry.at}-${entry.kind}`} className={styles.item}>
              <Text size={200} className={styles.when}>
                <time dateTime={entry.at}>{stamp(entry.at)}</time>
              </Text>
              <Text>{entry.summary}</Text>
            </li>
          ))}
        </ol>
      )}
    </SectionCard>
  );
}
