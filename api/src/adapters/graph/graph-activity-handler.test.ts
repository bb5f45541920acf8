import { describe, expect, it } from 'vitest';
import { personServed } from './graph-activity-handler.ts';

const app = { tenantId: 't', userId: null };
const megan = { tenantId: 't', userId: 'oid-megan' };

describe('the person a successful Graph request is credited to', () => {
  it.each([
    [megan, 'https://graph.microsoft.com/v1.0/me/calendarView?startDateTime=x', 'oid-megan'],
    [megan, 'https://graph.microsoft.com/v1.0/users/oid-alex/calendar/getSchedule', 'oid-megan'],
    [app, 'https://graph.microsoft.com/v1.0/users/oid-alex/events/AAMk%3D', 'oid-alex'],
    [app, 'https://127.0.0.1:8443/v1.0/users/a%40contoso.test/mailboxSettings', 'a@contoso.test'],
    [app, 'https://graph.microsoft.com/v1.0/users/oid-alex/calendar/getSchedule', 'oid-alex'],
    [app, 'https://graph.microsoft.com/v1.0/users/oid-alex/calendarView/delta', 'oid-alex'],
    [app, 'https://graph.microsoft.com/v1.0/users/oid-alex', null],
    [app, 'https://graph.microsoft.com/v1.0/users?$filter=x', null],
    [app, 'https://graph.microsoft.com/v1.0/users/oid-alex/memberOf', null],
    [app, 'https://graph.microsoft.com/v1.0/$batch', null],
    [app, 'https://graph.microsoft.com/v1.0/subscriptions', null],
    [app, 'https://graph.microsoft.com/v1.0/users/%E0%A4%A/events', null],
  ])('%j %s → %s', (caller, url, expected) => {
    expect(personServed(caller, url)).toBe(expected);
  });
});
