import type { AccessTestDto } from '@confer/contracts';
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
import { useTabServices } from '../../app/tab-services.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { checkWords, reasonWords } from './access-words.ts';
import { createAdminFormatters } from './admin-format.ts';
import { ScrollRegion } from './scroll-region.tsx';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { margin: 0 },
  failures: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  muted: { color: tokens.colorNeutralForeground2 },
  // Narrower than this the columns crush their words; the table scrolls inside its card instead.
  table: { minWidth: '640px' },
  person: { overflowWrap: 'anywhere', paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
});

const checkColor = { ok: 'success', failed: 'danger', skipped: 'informative' } as const;

/** One access test: how many passed, each failure reason with who and what to do, and every person's checks. */
export function AccessTestResult({ test, nameOf }: { test: AccessTestDto; nameOf: (id: string) => string }) {
  const styles = useStyles();
  const { locale, timeZone } = useTabServices();
  const { t } = useT();
  const format = createAdminFormatters(locale, timeZone);
  return (
    <div className={styles.root} data-testid="access-test-result">
      <Text as="h3" size={400} weight="semibold" className={styles.heading} data-testid="access-test-summary">
        {t('admin.access.succeeded', { succeeded: test.succeeded, tested: test.tested })}
      </Text>
      <Text className={styles.muted}>
        {t(test.trigger === 'after_consent' ? 'admin.access.runAfterConsent' : 'admin.access.runBy', {
          when: format.stamp(test.at),
          name: nameOf(test.by),
          mode: test.mode === 'tenant' ? t('admin.access.tenantWide') : t('admin.access.perUser'),
        })}
      </Text>
      {test.failures.length > 0 && (
        <ul className={styles.failures} aria-label={t('admin.access.failures')}>
          {test.failures.map((failure) => (
            <li key={failure.reason} data-testid="access-failure">
              <Text weight="semibold">
                {t('admin.access.failureCount', { reason: t(reasonWords[failure.reason]), count: failure.count })}
              </Text>{' '}
              {t('admin.access.failurePeople', { people: failure.people.join(', ') })} <Text>{failure.advice}</Text>
            </li>
          ))}
        </ul>
      )}
      <ScrollRegion label={t('admin.access.eachPerson')}>
        <Table aria-label={t('admin.access.eachPerson')} size="small" className={styles.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('admin.column.person')}</TableHeaderCell>
              <TableHeaderCell>{t('admin.access.freeBusy')}</TableHeaderCell>
              <TableHeaderCell>{t('admin.access.mailboxSettings')}</TableHeaderCell>
              <TableHeaderCell>{t('admin.access.calendarWrite')}</TableHeaderCell>
              <TableHeaderCell>{t('admin.column.reason')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {test.people.map((person) => (
              <TableRow key={`${person.userId ?? ''}:${person.person}`} data-testid="access-person">
                <TableCell className={styles.person}>
                  <Text block>{person.displayName ?? person.person}</Text>
                  <Text block size={200} className={styles.muted}>
                    {person.displayName && person.displayName !== person.person ? person.person : ''}
                    {person.named ? t('admin.access.namedMark') : t('admin.access.sampleMark')}
                  </Text>
                </TableCell>
                {(['freeBusy', 'mailboxSettings', 'calendarWrite'] as const).map((check) => (
                  <TableCell key={check}>
                    <Badge appearance="tint" color={checkColor[person[check]]}>
                      {t(checkWords[person[check]])}
                    </Badge>
                  </TableCell>
                ))}
                <TableCell>
                  {person.reason ? t(reasonWords[person.reason]) : '—'}
                  {person.code ? (
                    <Text block size={200} className={styles.muted}>
                      {person.code}
                    </Text>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollRegion>
    </div>
  );
}
