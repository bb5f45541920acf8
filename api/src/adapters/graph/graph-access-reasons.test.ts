import { GraphError } from '@microsoft/microsoft-graph-client';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../domain/app-error.ts';
import { accessFailureOf, scheduleFailureOf } from './graph-access-reasons.ts';
import { readStatus } from './graph-schedule-reader.ts';
import { missingGrant, NEEDED, tokenGrants } from './graph-token-grants.ts';

function graphError(statusCode: number, code: string, message = `Graph said ${code}`): GraphError {
  const error = new GraphError(statusCode, message);
  error.code = code;
  return error;
}

const RAOP = 'Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.';

describe('accessFailureOf', () => {
  it.each([
    [graphError(404, 'MailboxNotEnabledForRESTAPI'), 'no_mailbox', 'MailboxNotEnabledForRESTAPI'],
    [graphError(403, 'ErrorAccessDenied', RAOP), 'outside_access_policy', 'ErrorAccessDenied'],
    [graphError(404, 'ErrorInvalidUser'), 'user_not_found', 'ErrorInvalidUser'],
    [graphError(429, 'ApplicationThrottled'), 'throttled', 'ApplicationThrottled'],
    // An outage is not the person's access: reported as an error with Graph's code.
    [graphError(503, 'serviceNotAvailable'), 'error', 'serviceNotAvailable'],
    [graphError(400, 'ErrorSomethingNew'), 'error', 'ErrorSomethingNew'],
    // Every way of having no usable token is fixed by a consent (or connecting).
    [new AppError('consent_required', 'no consent'), 'consent_missing', 'consent_required'],
    [new AppError('not_connected', 'no token'), 'consent_missing', 'not_connected'],
    [new AppError('connection_expired', 'expired'), 'consent_missing', 'connection_expired'],
    [new TypeError('fetch failed'), 'error', 'graph_unavailable'],
  ])('%s is %s (%s)', (error, reason, code) => {
    expect(accessFailureOf(error)).toEqual({ ok: false, reason, code });
  });
});

describe('scheduleFailureOf, over the picker’s own reading of a getSchedule entry', () => {
  it.each([
    [
      { responseCode: '5009', message: 'Unable to resolve e-mail address x to an Active Directory object.' },
      'user_not_found',
    ],
    [{ responseCode: 'ErrorAccessDenied', message: RAOP }, 'outside_access_policy'],
    [{ responseCode: 'MailboxNotEnabledForRESTAPI', message: 'The mailbox is either inactive…' }, 'no_mailbox'],
    [{ responseCode: 'ErrorSomethingElse', message: 'What?' }, 'error'],
  ])('%j is %s', (entryError, reason) => {
    expect(scheduleFailureOf(readStatus(entryError), entryError.responseCode)).toEqual({
      ok: false,
      reason,
      code: entryError.responseCode,
    });
  });

  it('is no failure for a readable calendar', () => {
    expect(scheduleFailureOf('ok', null)).toBeNull();
  });
});

describe('token permissions', () => {
  const jwt = (payload: Record<string, unknown>) =>
    ['{"alg":"RS256"}', JSON.stringify(payload), 'signature']
      .map((part) => Buffer.from(part).toString('base64url'))
      .join('.');

  it('reads an application token’s roles and a delegated token’s scopes, without case', () => {
    const app = tokenGrants(jwt({ roles: ['Calendars.Read', 'MailboxSettings.Read'] }));
    expect(missingGrant(app, NEEDED.freeBusy)).toBeNull();
    expect(missingGrant(app, NEEDED.mailboxSettings)).toBeNull();
    expect(missingGrant(app, NEEDED.calendarWrite)).toBe('Calendars.ReadWrite');
    const delegated = tokenGrants(jwt({ scp: 'user.read calendars.readwrite' }));
    expect(missingGrant(delegated, NEEDED.calendarWrite)).toBeNull();
    expect(missingGrant(delegated, NEEDED.mailboxSettings)).toBe('MailboxSettings.Read');
  });

  it('treats a token without roles (no admin consent) as granting nothing', () => {
    expect(missingGrant(tokenGrants(jwt({ oid: 'x' })), NEEDED.freeBusy)).toBe('Calendars.ReadBasic');
  });

  it('leaves an unreadable (opaque) token to Graph', () => {
    expect(tokenGrants('not-a-jwt')).toBeNull();
    expect(missingGrant(null, NEEDED.calendarWrite)).toBeNull();
  });
});
