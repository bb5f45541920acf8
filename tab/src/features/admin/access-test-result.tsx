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
  const format = createAdminFormatters(locale, timeZone);
  return (
    <div className={styles.root} data-testid="access-test-result">
      <Text as="h3" size={400} weight="semibold" className={styles.heading} data-testid="access-test-summary">
        {test.succeeded} of {test.tested} succeeded
      </Text>
      <Text className={styles.muted}>
        Run {format.stamp(test.at)} by {nameOf(test.by)}, {test.mode === 'tenant' ? 'tenant-wide' : 'per-user'} mode
        {test.trigger === 'after_consent' ? ', right after admin consent' : ''}.
      </Text>
      {test.failures.length > 0 && (
        <ul className={styles.failures} aria-label="Failures by reason">
          {test.failures.map((failure) => (
            <li key={failure.reason} data-testid="access-failure">
              <Text weight="semibold">
                {reasonWords[failure.reason]} ({failure.count}):
              </Text>{' '}
              {failure.people.join(', ')}. <Text>{failure.advice}</Text>
            </li>
          ))}
        </ul>
      )}
      <ScrollRegion label="Each person tested">
        <Table aria-label="Each person tested" size="small" className={styles.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Person</TableHeaderCell>
              <TableHeaderCell>Free/busy</TableHeaderCell>
              <TableHeaderCell>Mailbox settings</TableHeaderCell>
              <TableHeaderCell>Calendar write</TableHeaderCell>
              <TableHeaderCell>Reason</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {test.people.map((person) => (
              <TableRow key={`${person.userId ?? ''}:${person.person}`} data-testid="access-person">
                <TableCell className={styles.person}>
                  <Text block>{person.displayName ?? person.person}</Text>
                  <Text block size={200} className={styles.muted}>
                    {person.displayName && person.displayName !== person.person ? person.person : ''}
                    {person.named ? ' (named)' : ' (sample)'}
                  </Text>
                </TableCell>
                {(['freeBusy', 'mailboxSettings', 'calendarWrite'] as const).map((check) => (
                  <TableCell key={check}>
                    <Badge appearance="tint" color={checkColor[person[check]]}>
                      {checkWords[person[check]]}
                    </Badge>
                  </TableCell>
                ))}
                <TableCell>
                  {person.reason ? reasonWords[person.reason] : '—'}
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
