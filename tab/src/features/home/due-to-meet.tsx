import type { PairCadenceDto } from '@confer/contracts';
import { Badge, Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { CalendarAddRegular } from '@fluentui/react-icons';
import { hrefOf } from '../../app/routes.ts';
import { useTabServices } from '../../app/tab-services.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { dueLine, dueToMeet } from '../../lib/follow-through-format.ts';
import { CardFrame } from '../../ui/card-frame.tsx';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  pair: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    alignItems: 'center',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    '@media (max-width: 480px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  who: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  name: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  line: { color: tokens.colorNeutralForeground2 },
});

/** Where Book takes the person: the schedule page with their partner, and the meeting type they last met for. */
export function bookHref(pair: PairCadenceDto): string {
  return hrefOf({ page: 'schedule', with: [pair.partner.email], ...(pair.typeId ? { type: pair.typeId } : {}) });
}

/**
 * People the viewer meets regularly and is due (or overdue) to meet again, the longest overdue first, each with a
 * Book button. Nothing when nobody is due. Loaded by Home's `DueToMeetSlot` only once someone is.
 */
export function DueToMeet({ pairs }: { pairs: readonly PairCadenceDto[] }) {
  const styles = useStyles();
  const { timeZone } = useTabServices();
  const i18n = useT();
  const { t } = i18n;
  const due = dueToMeet(pairs);
  if (due.length === 0) return null;
  const now = new Date();
  return (
    <CardFrame id="due-to-meet" title={t('home.due.title')} testId="due-to-meet">
      <ul className={styles.list}>
        {due.map((pair) => (
          <li
            key={pair.partner.userId}
            className={styles.pair}
            data-testid="due-pair"
            data-email={pair.partner.email}
            data-status={pair.status}
          >
            <div className={styles.who}>
              <Text weight="semibold" className={styles.name}>
                {pair.partner.displayName}
                <Badge appearance="tint" shape="rounded" color={pair.status === 'overdue' ? 'danger' : 'warning'}>
                  {pair.status === 'overdue' ? t('home.due.overdue') : t('home.due.soon')}
                </Badge>
                {pair.typeName && (
                  <Badge appearance="tint" color="brand" shape="rounded">
                    {pair.typeName}
                  </Badge>
                )}
              </Text>
              <Text size={200} className={styles.line}>
                {dueLine(i18n, pair, now, timeZone)}
              </Text>
            </div>
            <Button
              as="a"
              href={bookHref(pair)}
              icon={<CalendarAddRegular />}
              aria-label={t('home.due.bookWith', { name: pair.partner.displayName })}
            >
              {t('home.due.book')}
            </Button>
          </li>
        ))}
      </ul>
    </CardFrame>
  );
}
