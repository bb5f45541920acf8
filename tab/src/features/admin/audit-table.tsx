import type { AuditEntryDto } from '@confer/contracts';
import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { useT } from '../../i18n/i18n-context.ts';
import type { AdminFormatters } from './admin-format.ts';
import { ScrollRegion } from './scroll-region.tsx';

const useStyles = makeStyles({
  // Narrower than this the columns crush their words; the table scrolls inside its card instead.
  table: { minWidth: '640px' },
  details: {
    margin: 0,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-word',
  },
});

export function AuditTable({
  entries,
  format,
  nameOf,
}: {
  entries: readonly AuditEntryDto[];
  format: AdminFormatters;
  nameOf: (id: string) => string;
}) {
  const styles = useStyles();
  const { t } = useT();
  return (
    <ScrollRegion label={t('admin.audit.entries')}>
      <Table aria-label={t('admin.audit.entries')} size="small" className={styles.table}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('admin.column.when')}</TableHeaderCell>
            <TableHeaderCell>{t('admin.column.who')}</TableHeaderCell>
            <TableHeaderCell>{t('admin.audit.action')}</TableHeaderCell>
            <TableHeaderCell>{t('admin.column.target')}</TableHeaderCell>
            <TableHeaderCell>{t('admin.column.details')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {keyed(entries).map(({ key, entry }) => (
            <TableRow key={key} data-testid="audit-row">
              <TableCell>{format.stamp(entry.at)}</TableCell>
              <TableCell>{entry.actorId ? nameOf(entry.actorId) : 'Confer'}</TableCell>
              <TableCell data-testid="audit-action">{entry.action}</TableCell>
              <TableCell>{entry.target ?? '—'}</TableCell>
              <TableCell>
                <pre className={styles.details}>{JSON.stringify(entry.details)}</pre>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}

/** Entries carry no id: the same second, actor, action and target can repeat, so repeats are numbered. */
function keyed(entries: readonly AuditEntryDto[]): { key: string; entry: AuditEntryDto }[] {
  const seen = new Map<string, number>();
  return entries.map((entry) => {
    const base = `${entry.at}|${entry.actorId ?? ''}|${entry.action}|${entry.target ?? ''}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return { key: `${base}|${count}`, entry };
  });
}
