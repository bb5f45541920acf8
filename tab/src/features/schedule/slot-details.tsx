import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { type PersonView, stateAt } from './availability-model.ts';
import type { Interval } from './grid-geometry.ts';
import type { ScheduleFormat } from './schedule-format.ts';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  list: { margin: 0, padding: 0, listStyle: 'none', display: 'grid', gap: tokens.spacingVerticalXXS },
  row: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase200 },
  name: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
});

const statusWords: Record<string, string> = {
  free: 'free',
  workingElsewhere: 'working elsewhere (free)',
  tentative: 'tentative',
  busy: 'busy',
  oof: 'out of office',
  unknown: 'calendar unknown',
};

/**
 * Everyone's own local time for the slot under the pointer or keyboard focus. One row per person whatever the
 * slot, so the box keeps its height as the slot changes.
 */
export function SlotDetails(props: { slot: Interval | null; people: readonly PersonView[]; format: ScheduleFormat }) {
  const styles = useStyles();
  const { slot, people, format } = props;
  return (
    <section className={styles.box} aria-label="Local times" data-testid="slot-details">
      <Text size={200} weight="semibold">
        {slot
          ? `${format.when(slot.start, slot.end)} for you`
          : 'Point at or move to a slot to see everyone’s local time'}
      </Text>
      <ul className={styles.list}>
        {people.map((person) => {
          const state = slot ? stateAt(person, slot) : null;
          const outside = state?.insideWorkingHours === false ? ', outside working hours' : '';
          return (
            <li key={person.email} className={styles.row} data-person={person.email}>
              <span className={styles.name}>{person.isOrganizer ? `${person.name} (you)` : person.name}</span>
              <span>
                {slot ? format.inZone(slot.start, slot.end, person.timeZone) : format.zoneName(person.timeZone)}
              </span>
              {state && (
                <span className={styles.muted}>
                  {statusWords[state.status] ?? state.status}
                  {outside}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
