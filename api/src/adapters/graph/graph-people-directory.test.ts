import { Client, type Context, GraphError, type Middleware } from '@microsoft/microsoft-graph-client';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../domain/app-error.ts';
import type { GraphTokenProvider } from '../../ports/graph-token-provider.ts';
import { createGraphPeopleDirectory } from './graph-people-directory.ts';

const tokens: GraphTokenProvider = {
  forUser: async () => 'token',
  forStoredUser: async () => 'token',
  forApp: async () => 'token',
  forget: async () => {},
};

/** Graph answering an empty user list, keeping each request URL exactly as the client sent it. */
class RecordingGraph implements Middleware {
  readonly urls: string[] = [];
  setNext(): void {}
  async execute(context: Context): Promise<void> {
    this.urls.push(typeof context.request === 'string' ? context.request : context.request.url);
    context.response = new Response(JSON.stringify({ value: [] }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  }
}

function directoryOver(graph: RecordingGraph) {
  return createGraphPeopleDirectory({
    tokens,
    tenantId: 't',
    createClient: () =>
      Client.initWithMiddleware({
        middleware: graph,
        baseUrl: 'https://graph.test/',
        customHosts: new Set(['graph.test']),
      }),
  });
}

const actor = { kind: 'app', tenantId: 't' } as const;

describe('people search and look-ups reach Graph as one encoded $filter', () => {
  it.each([
    ["O'Brien", "'O''Brien'"],
    ['a&b', "'a&b'"],
    ['x#y', "'x#y'"],
    ['%27) or (1 eq 1', "'%27) or (1 eq 1'"],
    ["x') or startswith(displayName,'", "'x'') or startswith(displayName,'''"],
    ['a+b c', "'a+b c'"],
  ])('search for %j', async (text, literal) => {
    const graph = new RecordingGraph();
    await directoryOver(graph).searchPeople(actor, text, 10);
    const [url] = graph.urls;
    const query = new URL(url ?? '').searchParams;
    // Exactly the three parameters Confer sets: nothing split off by `&`, nothing cut off by `#`.
    expect([...query.keys()].sort()).toEqual(['$filter', '$select', '$top']);
    expect(url).not.toContain('#');
    const properties = ['displayName', 'givenName', 'surname', 'mail', 'userPrincipalName'];
    expect(query.get('$filter')).toBe(properties.map((p) => `startswith(${p},${literal})`).join(' or '));
  });

  it('encodes addresses looked up by mail and sign-in name the same way', async () => {
    const graph = new RecordingGraph();
    await directoryOver(graph).resolveEmails(actor, ["o'brien&co@contoso.example"]);
    const query = new URL(graph.urls[0] ?? '').searchParams;
    expect([...query.keys()].sort()).toEqual(['$filter', '$select', '$top']);
    expect(query.get('$filter')).toBe(
      "mail in ('o''brien&co@contoso.example') or userPrincipalName in ('o''brien&co@contoso.example')",
    );
  });
});

/** Graph answering every request with one status and Graph's error body for it (or `ok` as the body of a 200). */
function directoryAnswering(status: number, code: string, ok: unknown = { id: 'u' }) {
  const graph: Middleware = {
    setNext() {},
    async execute(context: Context) {
      const body = status === 200 ? ok : { error: { code, message: code } };
      context.response = new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      });
    },
  };
  return createGraphPeopleDirectory({
    tokens,
    tenantId: 't',
    createClient: () =>
      Client.initWithMiddleware({
        middleware: graph,
        baseUrl: 'https://graph.test/',
        customHosts: new Set(['graph.test']),
      }),
  });
}

describe('whether the tenant has a user', () => {
  it('is yes on an answer, no on Graph’s 404, and an error with a code on anything else', async () => {
    expect(await directoryAnswering(200, '').hasUser(actor, 'u')).toBe(true);
    expect(await directoryAnswering(404, 'Request_ResourceNotFound').hasUser(actor, 'u')).toBe(false);
    await expect(directoryAnswering(403, 'Authorization_RequestDenied').hasUser(actor, 'u')).rejects.toMatchObject({
      code: 'graph_error',
    });
  });
});

describe('a failed directory read', () => {
  it('keeps Graph’s own error as the cause of the coded error', async () => {
    const failure = await directoryAnswering(403, 'Authorization_RequestDenied')
      .searchPeople(actor, 'ada', 5)
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ code: 'graph_error' });
    expect((failure as AppError).cause).toBeInstanceOf(GraphError);
  });

  it('names an answer that is not a user list graph_bad_response, keeping the schema’s complaint', async () => {
    const failure = await directoryAnswering(200, '', { value: [{ id: 'u' }] })
      .listPeople(5)
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'graph_bad_response' });
    expect((failure as AppError).cause).toBeInstanceOf(Error);
  });
});
