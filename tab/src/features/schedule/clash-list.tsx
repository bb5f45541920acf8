import { makeStyles, tokens } from '@fluentui/react-components';
import type { Conflict } from './schedule-api.ts';
import type { ScheduleFormat } from './schedule-format.ts';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const statusWords: Record<string, string> = {
  busy: 'busy',
  tentative: 'tentatively busy',
  oof: 'out of office',
  unknown: 'busy (unknown)',
  workingElsewhere: 'working elsewhere',
  free: 'free',
};

/** "You: Team sync", "Adele Vance: busy", "Nora Field: calendar could not be checked". */
export function describeConflict(conflict: Conflict, organizerEmail: string | null): string {
  const isYou = organizerEmail !== null && conflict.person.email.toLowerCase() === organizerEmail.toLowerCase();
  const who = isYou ? 'You' : conflict.person.displayName;
  if (conflict.status === 'unreadable') return `${who}: calendar could not be checked`;
  if (conflict.subject) return `${who}: ${conflict.subject}`;
  return `${who}: ${statusWords[conflict.status] ?? conflict.status}`;
}

/** Clashes grouped by occurrence (a series lists each clashing occurrence once). */
export function groupByOccurrence(conflicts: readonly Conflict[]): [string, Conflict[]][] {
  const groups = new Map<string, Conflict[]>();
  for (const conflict of conflicts) {
    const key = `${conflict.occurrence.start}|${conflict.occurrence.end}`;
    groups.set(key, [...(groups.get(key) ?? []), conflict]);
  }
  return [...groups];
}

export function ClashList(props: {
  conflicts: readonly Conflict[];
  format: ScheduleFormat;
  organizerEmail: string | null;
  series: boolean;
}) {
  const styles = useStyles();
  const groups = groupByOccurrence(props.conflicts);
  return (
    <ul className={styles.list} data-testid="clash-list">
      {groups.map(([key, items]) => {
        const first = items[0];
        if (!first) return null;
        const text = items.map((c) => describeConflict(c, props.organizerEmail)).join('; ');
        const when = props.format.when(new Date(first.occurrence.start), new Date(first.occurrence.end));
        return <li key={key}>{props.series ? `${when} — ${text}` : text}</li>;
      })}
    </ul>
  );
}
