import { Client, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../domain/app-error.ts';
import { createLogger } from '../../logging/logger.ts';
import type { GraphTokenProvider } from '../../ports/graph-token-provider.ts';
import type { EventDraft } from '../../ports/scheduling-gateway.ts';
import { createGraphSchedulingGateway } from './graph-scheduling-gateway.ts';

/** Graph answering from a table, recording what it was asked (no network). */
class TableGraph implements Middleware {
  readonly calls: string[] = [];
  constructor(
    private readonly answer: (method: string, path: string, url: URL) => { status: number; body?: unknown },
  ) {}
  setNext(): void {}
  async execute(context: Context): Promise<void> {
    const url = new URL(typeof context.request === 'string' ? context.request : context.request.url);
    const method = context.options?.method ?? 'GET';
    this.calls.push(`${method} ${url.pathname}`);
    const { status, body } = this.answer(method, url.pathname, url);
    context.response =
      body === undefined
        ? new Response(null, { status })
        : new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }
}

const tokens: GraphTokenProvider = {
  forUser: async () => 'token',
  forStoredUser: async () => 'token',
  forApp: async () => 'token',
  forget: async () => {},
};

const event = (joinUrl: string | null) => ({
  id: 'evt-1',
  changeKey: 'ck1',
  iCalUId: 'ical-1',
  type: 'singleInstance',
  subject: 'Mentoring',
  start: { dateTime: '2027-01-05T15:00:00.0000000', timeZone: 'UTC' },
  end: { dateTime: '2027-01-05T15:30:00.0000000', timeZone: 'UTC' },
  isOnlineMeeting: joinUrl !== null,
  onlineMeeting: joinUrl ? { joinUrl } : null,
  body: { contentType: 'html', content: '<p>Agenda</p>' },
  attendees: [],
  responseStatus: { response: 'organizer' },
});

const draft: EventDraft = {
  subject: 'Mentoring',
  bodyHtml: '<p>Agenda</p>',
  start: new Date('2027-01-05T15:00:00Z'),
  end: new Date('2027-01-05T15:30:00Z'),
  timeZone: 'Europe/London',
  attendees: [{ email: 'meganb@contoso.onmicrosoft.com', name: 'Megan', type: 'required' }],
  online: true,
  location: null,
  recurrence: null,
  transactionId: 'txn-1',
  allowNewTimeProposals: true,
};

function gatewayOver(graph: TableGraph, logger = createLogger('silent')) {
  return createGraphSchedulingGateway({
    tokens,
    logger,
    createClient: () =>
      Client.initWithMiddleware({
        middleware: graph,
        baseUrl: 'https://graph.test/',
        customHosts: new Set(['graph.test']),
      }),
  });
}

const mailbox = { userId: 'alex', email: 'alexw@contoso.onmicrosoft.com' };

describe('Teams link verification on create', () => {
  it('withdraws an online event that never got a join URL and says so', async () => {
    const graph = new TableGraph((method, path) => {
      if (method === 'POST' && path.endsWith('/events')) return { status: 201, body: event(null) };
      if (method === 'GET') return { status: 200, body: event(null) };
      if (path.endsWith('/cancel')) return { status: 202 };
      return { status: 500 };
    });
    const error = await gatewayOver(graph)
      .createEvent({ kind: 'app', tenantId: 't' }, mailbox, draft)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('teams_link_missing');
    expect((error as AppError).details).toEqual({ eventId: 'evt-1', cancelled: true, transactionId: 'txn-1' });
    expect(graph.calls).toEqual([
      'POST /v1.0/users/alex/events',
      'GET /v1.0/users/alex/events/evt-1',
      'POST /v1.0/users/alex/events/evt-1/cancel',
    ]);
  });

  it('accepts a join URL that arrives on the second read', async () => {
    const joinUrl = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0';
    const graph = new TableGraph((method) =>
      method === 'POST' ? { status: 201, body: event(null) } : { status: 200, body: event(joinUrl) },
    );
    const created = await gatewayOver(graph).createEvent({ kind: 'app', tenantId: 't' }, mailbox, draft);
    expect(created.joinUrl).toBe(joinUrl);
    expect(graph.calls).toHaveLength(2);
  });
});

describe('join links that are not Teams meeting links', () => {
  const evil = 'https://evil.example/l/meetup-join/19%3ameeting_x%40thread.v2/0';

  it('withdraws a new online event whose join URL points elsewhere, and logs the refused host', async () => {
    const lines: string[] = [];
    const graph = new TableGraph((method, path) => {
      if (method === 'POST' && path.endsWith('/events')) return { status: 201, body: event(evil) };
      if (method === 'GET') return { status: 200, body: event(evil) };
      if (path.endsWith('/cancel')) return { status: 202 };
      return { status: 500 };
    });
    const error = await gatewayOver(
      graph,
      createLogger('info', (line) => lines.push(line)),
    )
      .createEvent({ kind: 'app', tenantId: 't' }, mailbox, draft)
      .catch((e: unknown) => e);
    expect((error as AppError).code).toBe('teams_link_missing');
    expect(graph.calls.at(-1)).toBe('POST /v1.0/users/alex/events/evt-1/cancel');
    expect(lines.map((line) => JSON.parse(line))).toContainEqual(
      expect.objectContaining({ code: 'join_url_refused', host: 'evil.example', eventId: 'evt-1' }),
    );
  });

  it('reads an event with such a join URL as one without a join link', async () => {
    const graph = new TableGraph(() => ({ status: 200, body: event('http://teams.microsoft.com/l/meetup-join/x') }));
    const read = await gatewayOver(graph).getEvent({ kind: 'app', tenantId: 't' }, mailbox, 'evt-1');
    expect(read?.joinUrl).toBeNull();
    expect(read?.isOnlineMeeting).toBe(true);
  });
});

describe('delta rounds and batched reads', () => {
  const app = { kind: 'app', tenantId: 't' } as const;
  const window = { start: new Date('2027-01-04T00:00:00Z'), end: new Date('2027-01-11T00:00:00Z') };
  const item = (id: string, overrides: Record<string, unknown> = {}) => ({ ...event(null), id, ...overrides });
  const evil = 'https://evil.example/l/meetup-join/19%3ameeting_x%40thread.v2/0';

  it('follows nextLinks, keeps the last word on each id, leaves series masters out and checks join links', async () => {
    const next = 'https://graph.test/v1.0/users/alex/calendarView/delta?$skiptoken=p2';
    const deltaLink = 'https://graph.test/v1.0/users/alex/calendarView/delta?$deltatoken=d1';
    const graph = new TableGraph((_method, _path, url) =>
      url.searchParams.has('$skiptoken')
        ? {
            status: 200,
            body: {
              value: [
                { id: 'a', '@removed': { reason: 'deleted' } },
                item('b', { subject: 'Second word', onlineMeeting: { joinUrl: evil }, isOnlineMeeting: true }),
              ],
              '@odata.deltaLink': deltaLink,
            },
          }
        : {
            status: 200,
            body: {
              value: [item('a'), item('m', { type: 'seriesMaster' }), item('b', { subject: 'First word' })],
              '@odata.nextLink': next,
            },
          },
    );
    const round = await gatewayOver(graph).calendarDelta(app, mailbox, window, null);
    expect(round.removed).toEqual(['a']);
    expect(round.changed.map((e) => [e.id, e.subject, e.joinUrl])).toEqual([['b', 'Second word', null]]);
    expect(round.deltaLink).toBe(deltaLink);
    expect(graph.calls).toEqual(['GET /v1.0/users/alex/calendarView/delta', 'GET /v1.0/users/alex/calendarView/delta']);
  });

  it('starts a later round from the stored deltaLink as it is', async () => {
    const stored = 'https://graph.test/v1.0/users/alex/calendarView/delta?$deltatoken=d1';
    const asked: string[] = [];
    const graph = new TableGraph((_method, _path, url) => {
      asked.push(url.href);
      return { status: 200, body: { value: [], '@odata.deltaLink': `${stored}2` } };
    });
    const round = await gatewayOver(graph).calendarDelta(app, mailbox, window, stored);
    expect(asked).toEqual([stored]);
    expect(round).toEqual({ changed: [], removed: [], deltaLink: `${stored}2` });
  });

  it('is graph_bad_response when a round ends without a deltaLink or an item does not fit', async () => {
    const without = new TableGraph(() => ({ status: 200, body: { value: [] } }));
    await expect(gatewayOver(without).calendarDelta(app, mailbox, window, null)).rejects.toSatisfy(
      (e) => e instanceof AppError && e.code === 'graph_bad_response',
    );
    const misfit = new TableGraph(() => ({ status: 200, body: { value: [{ id: 'x' }], '@odata.deltaLink': 'd' } }));
    await expect(gatewayOver(misfit).calendarDelta(app, mailbox, window, null)).rejects.toSatisfy(
      (e) => e instanceof AppError && e.code === 'graph_bad_response',
    );
  });

  it('is graph_bad_response when a batch leaves an asked event unanswered', async () => {
    const graph = new TableGraph(() => ({
      status: 200,
      body: { responses: [{ id: '1', status: 200, body: item('a') }] },
    }));
    await expect(gatewayOver(graph).getEvents(app, mailbox, ['a', 'b'])).rejects.toSatisfy(
      (e) => e instanceof AppError && e.code === 'graph_bad_response',
    );
    expect(graph.calls).toEqual(['POST /v1.0/$batch']);
  });
});

describe('reading getSchedule answers', () => {
  const app = { kind: 'app', tenantId: 't' } as const;
  const window = { start: new Date('2027-01-04T00:00:00Z'), end: new Date('2027-01-11T00:00:00Z') };
  const at = (dateTime: string) => ({ dateTime, timeZone: 'UTC' });
  const item = (extra: Record<string, unknown> = {}) => ({
    start: at('2027-01-05T09:00:00.0000000'),
    end: at('2027-01-05T09:30:00.0000000'),
    status: 'busy',
    ...extra,
  });
  const answer = (items: unknown[]) =>
    new TableGraph(() => ({
      status: 200,
      body: {
        value: [
          { scheduleId: mailbox.email, scheduleItems: items },
          { scheduleId: 'meganb@contoso.onmicrosoft.com', scheduleItems: items },
        ],
      },
    }));
  const read = (graph: TableGraph) =>
    gatewayOver(graph).getSchedules({
      actor: app,
      organizer: mailbox,
      addresses: [mailbox.email, 'meganb@contoso.onmicrosoft.com'],
      window,
      intervalMinutes: 15,
    });

  it('reads statuses in any case, unknown ones as unknown, and titles from the organizer’s calendar only', async () => {
    const [own, other] = await read(
      answer([
        item({ status: 'Busy', subject: 'Planning' }),
        item({ status: 'WorkingElsewhere', subject: null, isPrivate: false }),
        item({ status: 'oof', subject: '' }),
        item({ status: 'somewhere-new' }),
      ]),
    );
    const start = new Date('2027-01-05T09:00:00Z');
    const end = new Date('2027-01-05T09:30:00Z');
    expect(own?.blocks).toEqual([
      { start, end, status: 'busy', subject: 'Planning' },
      { start, end, status: 'workingElsewhere' },
      { start, end, status: 'oof' },
      { start, end, status: 'unknown' },
    ]);
    expect(other?.blocks.map((b) => [b.status, 'subject' in b])).toEqual([
      ['busy', false],
      ['workingElsewhere', false],
      ['oof', false],
      ['unknown', false],
    ]);
  });

  it.each([
    ['an item that is not an object', 'busy'],
    ['an item without an end', { start: at('2027-01-05T09:00:00.0000000'), status: 'busy' }],
    ['a time without its zone', item({ end: { dateTime: '2027-01-05T09:30:00.0000000' } })],
    ['a status that is not text', item({ status: 2 })],
    ['a subject that is not text', item({ subject: 7 })],
    ['a privacy flag that is not true or false', item({ isPrivate: 'yes' })],
  ])('is graph_bad_response for %s, with nothing read', async (_what, bad) => {
    await expect(read(answer([item(), bad]))).rejects.toSatisfy(
      (e) => e instanceof AppError && e.code === 'graph_bad_response',
    );
  });

  it('is graph_bad_response when the items are not a list', async () => {
    const graph = new TableGraph(() => ({
      status: 200,
      body: { value: [{ scheduleId: mailbox.email, scheduleItems: { 0: item() } }] },
    }));
    await expect(read(graph)).rejects.toSatisfy((e) => e instanceof AppError && e.code === 'graph_bad_response');
  });
});
