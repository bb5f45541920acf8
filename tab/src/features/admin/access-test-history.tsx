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
  const format = createAdminFormatters(locale, timeZone);
  if (tests.length === 0) return <Text>No access test has been run yet.</Text>;
  return (
    <Table aria-label="Previous access tests" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>When</TableHeaderCell>
          <TableHeaderCell>By</TableHeaderCell>
          <TableHeaderCell>Result</TableHeaderCell>
          <TableHeaderCell>Details</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {tests.map((test) => (
          <TableRow key={test.id} data-testid="access-test-row">
            <TableCell>{format.stamp(test.at)}</TableCell>
            <TableCell>
              {test.trigger === 'after_consent' ? `${nameOf(test.by)} (after consent)` : nameOf(test.by)}
            </TableCell>
            <TableCell>
              {test.succeeded} of {test.tested} succeeded
            </TableCell>
            <TableCell>
              <Button
                size="small"
                aria-pressed={openId === test.id}
                aria-label={`Open the test of ${format.stamp(test.at)}`}
                onClick={() => onOpen(test.id)}
              >
                Open
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
