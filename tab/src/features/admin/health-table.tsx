import type { HealthPersonDto } from '@confer/contracts';
import {
  Badge,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useT } from '../../i18n/i18n-context.ts';
import type { AdminFormatters } from './admin-format.ts';
import { statusColor, statusWords, subscriptionWords } from './health-words.ts';
import { ScrollRegion } from './scroll-region.tsx';

const useStyles = makeStyles({
  // Narrower than this the columns crush their words; the table scrolls inside its card instead.
  table: { minWidth: '640px' },
  person: { overflowWrap: 'anywhere', paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  muted: { display: 'block', color: tokens.colorNeutralForeground2 },
});

/** One row per person: status, last good Graph call, last sync error, and their Outlook subscription. */
export function HealthTable({ people, format }: { people: readonly HealthPersonDto[]; format: AdminFormatters }) {
  const styles = useStyles();
  const { t } = useT();
  return (
    <ScrollRegion label={t('admin.health.connections')}>
      <Table aria-label={t('admin.health.connections')} size="small" className={styles.table}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('admin.column.person')}</TableHeaderCell>
            <TableHeaderCell>{t('admin.health.status')}</TableHeaderCell>
            <TableHeaderCell>{t('admin.health.lastGraph')}</TableHeaderCell>
            <TableHeaderCell>{t('admin.health.lastError')}</TableHeaderCell>
            <TableHeaderCell>{t('admin.health.subscription')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {people.map((person) => (
            <TableRow key={person.userId} data-testid="health-row">
              <TableCell className={styles.person}>
                <Text block>{person.displayName}</Text>
                <Text size={200} className={styles.muted}>
                  {person.email}
                </Text>
              </TableCell>
              <TableCell>
                <Badge appearance="tint" color={statusColor[person.status]} data-testid="health-status">
                  {t(statusWords[person.status])}
                </Badge>
              </TableCell>
              <TableCell>{format.stamp(person.lastGraphSuccessAt)}</TableCell>
              <TableCell>
                {person.lastSyncError ? (
                  <>
                    <Text block>{person.lastSyncError.message}</Text>
                    <Text size={200} className={styles.muted}>
                      {person.lastSyncError.code}, {format.stamp(person.lastSyncError.at)}
                    </Text>
                  </>
                ) : (
                  '—'
                )}
              </TableCell>
              <TableCell>{t(subscriptionWords[person.subscription])}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}
