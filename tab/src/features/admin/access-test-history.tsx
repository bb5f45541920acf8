import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { useTabServices } from '../../app/tab-services.ts';
import { useT } from '../../i18n/i18n-context.ts';
import type { AccessTestSummary } from './admin-api.ts';
import { createAdminFormatters } from './admin-format.ts';

/** Earlier access tests, newest first; each opens its full result. */
export function AccessTestHistory({
  tests,
  openId,
  onOpen,
  nameOf,
}: {
  tests: readonly AccessTestSummary[];
  nameOf: (id: string) => string;
  openId: string | null;
  onOpen: (id: string) => void;
}) {
  const { locale, timeZone } = useTabServices();
  const { t } = useT();
  const format = createAdminFormatters(locale, timeZone);
  if (tests.length === 0) return <Text>{t('admin.access.noneYet')}</Text>;
  return (
    <Table aria-label={t('admin.access.previousTests')} size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('admin.column.when')}</TableHeaderCell>
          <TableHeaderCell>{t('admin.column.by')}</TableHeaderCell>
          <TableHeaderCell>{t('admin.column.result')}</TableHeaderCell>
          <TableHeaderCell>{t('admin.column.details')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {tests.map((test) => (
          <TableRow key={test.id} data-testid="access-test-row">
            <TableCell>{format.stamp(test.at)}</TableCell>
            <TableCell>
              {test.trigger === 'after_consent'
                ? t('admin.access.afterConsent', { name: nameOf(test.by) })
                : nameOf(test.by)}
            </TableCell>
            <TableCell>{t('admin.access.succeeded', { succeeded: test.succeeded, tested: test.tested })}</TableCell>
            <TableCell>
              <Button
                size="small"
                aria-pressed={openId === test.id}
                aria-label={t('admin.access.openTest', { when: format.stamp(test.at) })}
                onClick={() => onOpen(test.id)}
              >
                {t('admin.access.open')}
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
