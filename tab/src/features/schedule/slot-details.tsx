import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useT } from '../../i18n/i18n-context.ts';
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
  free: 'schedule.slot.free',
  workingElsewhere: 'schedule.slot.workingElsewhere',
  tentative: 'schedule.slot.tentative',
  busy: 'schedule.slot.busy',
  oof: 'schedule.slot.oof',
  unknown: 'schedule.slot.unknown',
};

/**
 * Everyone's own local time for the slot under the pointer or keyboard focus. One row per person whatever the
 * slot, so the box keeps its height as the slot changes.
 */
export function SlotDetails(props: { slot: Interval | null; people: readonly PersonView[]; format: ScheduleFormat }) {
  const styles = useStyles();
  const { t } = useT();
  const { slot, people, format } = props;
  return (
    <section className={styles.box} aria-label={t('schedule.slot.label')} data-testid="slot-details">
      <Text size={200} weight="semibold">
        {slot ? t('schedule.slot.forYou', { when: format.when(slot.start, slot.end) }) : t('schedule.slot.hint')}
      </Text>
      <ul className={styles.list}>
        {people.map((person) => {
          const state = slot ? stateAt(person, slot) : null;
          const status = state ? statusWords[state.status] : undefined;
          const statusText = state ? (status ? t(status) : state.status) : '';
          return (
            <li key={person.email} className={styles.row} data-person={person.email}>
              <span className={styles.name}>
                {person.isOrganizer ? t('schedule.slot.you', { name: person.name }) : person.name}
              </span>
              <span>
                {slot ? format.inZone(slot.start, slot.end, person.timeZone) : format.zoneName(person.timeZone)}
              </span>
              {state && (
                <span className={styles.muted}>
                  {state.insideWorkingHours === false
                    ? t('schedule.slot.outsideHours', { status: statusText })
                    : statusText}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
