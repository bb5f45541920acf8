import { describe, expect, it } from 'vitest';
import { createUserTokenService, TokenServiceError } from './user-token-service.ts';

interface Call {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: unknown;
}

/** A stand-in for the Bot Framework token service: records each call and answers from a table. */
function fakeService(answer: (call: Call) => { status: number; body?: unknown }) {
  const calls: Call[] = [];
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const call: Call = {
      method: init?.method ?? 'GET',
      url: new URL(String(input)),
      headers: (init?.headers ?? {}) as Record<string, string>,
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
    };
    calls.push(call);
    const { status, body } = answer(call);
    return new Response(body === undefined ? null : JSON.stringify(body), { status });
  }) as typeof globalThis.fetch;
  return { calls, fetch };
}

const error = (code: string) => ({ error: { code, message: `${code} happened` } });

describe('the user-token service client', () => {
  it('speaks the SDK UserTokenClient paths and parameters, with the bot token when it has one', async () => {
    const service = fakeService((call) =>
      call.url.pathname === '/api/botsignin/GetSignInResource'
        ? {
            status: 200,
            body: {
              signInLink: 'https://svc.example/signin',
              tokenExchangeResource: { id: 'x', uri: 'api://a/botid-b', providerId: 'AzureAD' },
            },
          }
        : { status: 200, body: { token: 'user-token', connectionName: 'c', channelId: 'msteams' } },
    );
    const client = createUserTokenService({
      baseUrl: 'https://svc.example',
      fetch: service.fetch,
      accessToken: async () => 'bot-token',
    });
    const conversation = {
      channelId: 'msteams',
      serviceUrl: 'https://smba.example/',
      conversation: { id: 'a:1' },
      user: { id: '29:alex' },
      agent: { id: '28:bot' },
      msAppId: 'bot-app',
    };
    expect((await client.signInResource('c', conversation)).tokenExchangeResource.uri).toBe('api://a/botid-b');
    expect(await client.exchange('29:alex', 'c', 'msteams', 'sso')).toEqual({ ok: true, token: 'user-token' });
    expect(await client.getToken('29:alex', 'c', 'msteams', '123456')).toBe('user-token');
    await client.signOut('29:alex', 'c', 'msteams');

    const [resource, exchange, get, signOut] = service.calls;
    const state = JSON.parse(Buffer.from(resource?.url.searchParams.get('state') ?? '', 'base64').toString());
    expect(state).toMatchObject({ connectionName: 'c', conversation: { user: { id: '29:alex' } }, msAppId: 'bot-app' });
    expect(exchange?.method).toBe('POST');
    expect(exchange?.url.pathname).toBe('/api/usertoken/exchange');
    expect(Object.fromEntries(exchange?.url.searchParams ?? [])).toEqual({
      userId: '29:alex',
      connectionName: 'c',
      channelId: 'msteams',
    });
    expect(exchange?.body).toEqual({ token: 'sso' });
    expect(get?.url.pathname).toBe('/api/usertoken/GetToken');
    expect(get?.url.searchParams.get('code')).toBe('123456');
    expect(signOut?.method).toBe('DELETE');
    expect(service.calls.every((call) => call.headers.authorization === 'Bearer bot-token')).toBe(true);
  });

  it('tells a refusal for good (403) from a failure that a sign-in can fix', async () => {
    const answers: Record<string, { status: number; body?: unknown }> = {
      consent: { status: 400, body: error('consent_required') },
      disabled: { status: 403, body: error('account_disabled') },
      bare: { status: 404 },
    };
    const service = fakeService((call) => answers[String((call.body as { token: string }).token)] ?? { status: 500 });
    const client = createUserTokenService({ baseUrl: 'https://svc.example', fetch: service.fetch });
    expect(await client.exchange('u', 'c', 'msteams', 'consent')).toEqual({
      ok: false,
      kind: 'needs_sign_in',
      code: 'consent_required',
      message: 'consent_required happened',
    });
    expect(await client.exchange('u', 'c', 'msteams', 'disabled')).toMatchObject({ ok: false, kind: 'refused' });
    expect(await client.exchange('u', 'c', 'msteams', 'bare')).toMatchObject({
      kind: 'needs_sign_in',
      code: 'http_404',
    });
    expect(service.calls[0]?.headers.authorization).toBeUndefined();
  });

  it('answers no token on 404 and throws, without the token, when the service fails', async () => {
    const service = fakeService((call) =>
      call.url.pathname === '/api/usertoken/GetToken'
        ? { status: 404, body: error('token_not_found') }
        : { status: 503 },
    );
    const client = createUserTokenService({ baseUrl: 'https://svc.example', fetch: service.fetch });
    expect(await client.getToken('u', 'c', 'msteams')).toBeUndefined();
    const failure = await client.exchange('u', 'c', 'msteams', 'secret-sso-token').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(TokenServiceError);
    expect((failure as TokenServiceError).status).toBe(503);
    expect(String((failure as Error).message)).not.toContain('secret-sso-token');
  });
});
