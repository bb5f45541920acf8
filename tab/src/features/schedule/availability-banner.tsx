import type { Translator } from '@confer/contracts/i18n';
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useT } from '../../i18n/i18n-context.ts';
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
  const i18n = useT();
  const { t } = i18n;
  if (!people.length) return null;
  const names = people.map((p) => p.name);
  const title =
    names.length === 1
      ? t('schedule.unreadable.one', { name: names[0] })
      : t('schedule.unreadable.many', { count: names.length, names: i18n.list(names) });
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="availability-banner">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {t('schedule.unreadable.body')}
        <ul className={styles.list}>
          {people.map((p) => (
            <li key={p.email} data-status={p.status} data-person={p.email}>
              {personMessage(i18n, p)}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * Why one calendar cannot be read. The API words it in English (`message`); in another language the catalogue's
 * sentence is shown.
 */
function personMessage(i18n: Translator, person: PersonView): string {
  if (person.message && i18n.locale.language === 'en') return person.message;
  return i18n.t('schedule.unreadable.person', { name: person.name });
}
