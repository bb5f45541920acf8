import { Client, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../logging/logger.ts';
import type { GraphTokenProvider } from '../../ports/graph-token-provider.ts';
import { createMailboxLocaleReader } from './graph-mailbox-locale.ts';

const tokens: GraphTokenProvider = {
  forUser: async () => 'token',
  forStoredUser: async () => 'token',
  forApp: async () => 'token',
  forget: async () => {},
};

/** Graph answering mailboxSettings from a table of people (status and body), recording each request URL. */
class MailboxGraph implements Middleware {
  readonly urls: string[] = [];
  constructor(private readonly answers: Record<string, { status: number; body: unknown }>) {}
  setNext(): void {}
  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    this.urls.push(url);
    const who = decodeURIComponent(/\/users\/([^/]+)\//.exec(url)?.[1] ?? '');
    const answer = this.answers[who] ?? { status: 404, body: { error: { code: 'ErrorItemNotFound', message: '' } } };
    context.response = new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json' },
    });
  }
}

function readerOver(graph: MailboxGraph, now: { value: Date }) {
  const logs: string[] = [];
  const read = createMailboxLocaleReader({
    tokens,
    createClient: () =>
      Client.initWithMiddleware({
        middleware: graph,
        baseUrl: 'https://graph.test/',
        customHosts: new Set(['graph.test']),
      }),
    clock: { now: () => now.value },
    logger: createLogger('warn', (line) => logs.push(line)),
    actorFor: async (user) => ({ kind: 'app', tenantId: user.tenantId }),
  });
  return { read, logs };
}

const user = (userId: string) => ({ tenantId: 't', userId, name: null });
const ok = (locale: string | null) => ({ status: 200, body: { language: { locale, displayName: 'x' } } });

describe('mailbox language for bot cards', () => {
  it("reads the mailbox's language once a day, not once a card", async () => {
    const graph = new MailboxGraph({ yuki: ok('ja-JP') });
    const now = { value: new Date('2026-11-20T09:00:00Z') };
    const { read } = readerOver(graph, now);
    expect(await read(user('yuki'))).toBe('ja-JP');
    expect(await read(user('yuki'))).toBe('ja-JP');
    expect(graph.urls).toHaveLength(1);
    expect(new URL(graph.urls[0] ?? '').searchParams.get('$select')).toBe('language');
    now.value = new Date('2026-11-21T09:00:01Z');
    await read(user('yuki'));
    expect(graph.urls).toHaveLength(2);
  });

  it('answers null for a mailbox without a language or one it cannot read, logs why, and asks again an hour later', async () => {
    const graph = new MailboxGraph({
      blank: ok(null),
      locked: { status: 403, body: { error: { code: 'ErrorAccessDenied', message: 'Access is denied.' } } },
    });
    const now = { value: new Date('2026-11-20T09:00:00Z') };
    const { read, logs } = readerOver(graph, now);
    expect(await read(user('blank'))).toBeNull();
    expect(await read(user('locked'))).toBeNull();
    expect(await read(user('locked'))).toBeNull();
    expect(graph.urls).toHaveLength(2);
    expect(logs.join('\n')).toContain('bot.mailbox_language_unreadable');
    now.value = new Date('2026-11-20T10:00:01Z');
    await read(user('locked'));
    expect(graph.urls).toHaveLength(3);
  });
});
