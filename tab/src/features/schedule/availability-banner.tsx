import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { PersonView } from './availability-model.ts';

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * Above the grid, for every calendar Confer cannot read: who, and what to do (the API's own words). Their
 * lane is hatched as unknown and the suggestions cannot account for them; never shown as free.
 */
export function AvailabilityBanner({ people }: { people: readonly PersonView[] }) {
  const styles = useStyles();
  if (!people.length) return null;
  const names = people.map((p) => p.name);
  const title =
    names.length === 1
      ? `${names[0]}'s calendar can't be read`
      : `${names.length} calendars can't be read: ${names.join(', ')}`;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="availability-banner">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        Their free time is unknown, so the grid marks it as unknown and the suggestions cannot account for them.
        <ul className={styles.list}>
          {people.map((p) => (
            <li key={p.email} data-status={p.status} data-person={p.email}>
              {p.message ?? `Confer couldn't read ${p.name}'s calendar.`}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
