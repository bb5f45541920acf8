import { describe, expect, it } from 'vitest';
import { readStatus } from './graph-schedule-reader.ts';

describe('per-person getSchedule errors', () => {
  it.each([
    [
      { responseCode: '5009', message: 'Unable to resolve e-mail address x@y to an Active Directory object.' },
      'external',
    ],
    [
      { responseCode: 'MailboxNotEnabledForRESTAPI', message: 'The mailbox is either inactive…' },
      'mailbox_not_enabled',
    ],
    [
      {
        responseCode: 'ErrorAccessDenied',
        message: 'Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.',
      },
      'outside_access_policy',
    ],
    [{ message: 'Access to OData is disabled.' }, 'outside_access_policy'],
    [{ responseCode: '5000', message: 'Something else' }, 'unknown'],
  ] as const)('%j → %s', (error, status) => {
    expect(readStatus(error)).toBe(status);
  });
});
