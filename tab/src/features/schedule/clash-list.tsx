import type { Translator } from '@confer/contracts/i18n';
import { makeStyles, tokens } from '@fluentui/react-components';
import { useT } from '../../i18n/i18n-context.ts';
import type { Conflict } from './schedule-api.ts';
import type { ScheduleFormat } from './schedule-format.ts';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const statusWords: Record<string, string> = {
  busy: 'schedule.clash.busy',
  tentative: 'schedule.clash.tentative',
  oof: 'schedule.clash.oof',
  unknown: 'schedule.clash.unknown',
  workingElsewhere: 'schedule.clash.workingElsewhere',
  free: 'schedule.clash.free',
};

/** "You: Team sync", "Adele Vance: busy", "Nora Field: calendar could not be checked". */
export function describeConflict(i18n: Translator, conflict: Conflict, organizerEmail: string | null): string {
  const { t } = i18n;
  const isYou = organizerEmail !== null && conflict.person.email.toLowerCase() === organizerEmail.toLowerCase();
  const who = isYou ? t('schedule.clash.you') : conflict.person.displayName;
  const key = statusWords[conflict.status];
  const what =
    conflict.status === 'unreadable'
      ? t('schedule.clash.unchecked')
      : (conflict.subject ?? (key ? t(key) : conflict.status));
  return t('schedule.clash.line', { who, what });
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
  const i18n = useT();
  const groups = groupByOccurrence(props.conflicts);
  return (
    <ul className={styles.list} data-testid="clash-list">
      {groups.map(([key, items]) => {
        const first = items[0];
        if (!first) return null;
        const text = items.map((c) => describeConflict(i18n, c, props.organizerEmail)).join('; ');
        const when = props.format.when(new Date(first.occurrence.start), new Date(first.occurrence.end));
        return <li key={key}>{props.series ? i18n.t('schedule.clash.occurrence', { when, text }) : text}</li>;
      })}
    </ul>
  );
}
