import { Client, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../logging/logger.ts';
import type { Identity } from '../../ports/identity.ts';
import { createGraphCalendarGateway } from './graph-calendar-gateway.ts';

/** A calendarView page of two online meetings, one with a Teams link and one with a link elsewhere. */
class WeekGraph implements Middleware {
  setNext(): void {}
  async execute(context: Context): Promise<void> {
    const online = (id: string, joinUrl: string) => ({
      id,
      subject: id,
      start: { dateTime: '2027-01-05T15:00:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2027-01-05T15:30:00.0000000', timeZone: 'UTC' },
      isOnlineMeeting: true,
      onlineMeeting: { joinUrl },
    });
    const value = [
      online('teams', 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0'),
      online('elsewhere', 'https://evil.example/l/meetup-join/19%3ameeting_x%40thread.v2/0'),
    ];
    context.response = new Response(JSON.stringify({ value }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  }
}

const identity: Identity = {
  tenantId: 't',
  userId: 'alex',
  userPrincipalName: 'alexw@contoso.example',
  name: 'Alex',
  roles: [],
  rawToken: 'x',
};

describe('the week view', () => {
  it('shows a join link only for Teams meeting links and logs the one it drops', async () => {
    const lines: string[] = [];
    const calendar = createGraphCalendarGateway({
      tokens: {
        forUser: async () => 'token',
        forStoredUser: async () => 'token',
        forApp: async () => 'token',
        forget: async () => {},
      },
      logger: createLogger('info', (line) => lines.push(line)),
      createClient: () =>
        Client.initWithMiddleware({
          middleware: new WeekGraph(),
          baseUrl: 'https://graph.test/',
          customHosts: new Set(['graph.test']),
        }),
    });
    const window = { start: new Date('2027-01-04T00:00:00Z'), end: new Date('2027-01-11T00:00:00Z') };
    const entries = await calendar.listCalendarView(identity, window);
    expect(entries.map((e) => [e.id, e.isOnlineMeeting, e.joinUrl])).toEqual([
      ['teams', true, 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0'],
      ['elsewhere', true, null],
    ]);
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({ code: 'join_url_refused', eventId: 'elsewhere', host: 'evil.example' }),
    ]);
  });
});
