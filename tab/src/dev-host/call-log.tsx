import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { HostCall } from './teams-host.ts';

const useStyles = makeStyles({
  log: {
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    overflowY: 'auto',
  },
  from: { color: tokens.colorNeutralForeground3 },
  outcome: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

/** Every teams-js call the host answered or received, newest last, for people and tests to inspect. */
export function CallLog({ calls }: { calls: readonly HostCall[] }) {
  const styles = useStyles();
  if (calls.length === 0) return <Text size={200}>No calls yet.</Text>;
  return (
    <ol className={styles.log} aria-label="teams-js calls">
      {calls.map((call) => (
        <li key={call.seq} data-func={call.func} data-from={call.from}>
          <span className={styles.from}>[{call.from}]</span> <strong>{call.func}</strong>{' '}
          <span className={styles.outcome}>{call.outcome}</span>
        </li>
      ))}
    </ol>
  );
}
