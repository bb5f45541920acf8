import { LOCAL_TENANT_ID, weekResponseSchema } from '@confer/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTestAppDeps, TEST_API_CONFIG } from '../test-support/api-test-app.ts';
import { createFakeCalendarGateway } from '../test-support/fake-calendar-gateway.ts';
import { listen } from '../test-support/test-server.ts';
import { createTokenFactory } from '../test-support/token-factory.ts';
import { createApp } from './create-app.ts';

const tenantId = LOCAL_TENANT_ID;
const megan = '00000000-0000-0000-0000-0000000000021';
const config = TEST_API_CONFIG;

let tokens: Awaited<ReturnType<typeof createTokenFactory>>;
let server: Awaited<ReturnType<typeof listen>>;
const calendar = createFakeCalendarGateway({
  profiles: {
    [megan]: {
      id: megan,
      displayName: 'Megan Bowen',
      userPrincipalName: 'meganb@contoso.test',
      timeZone: 'America/Los_Angeles',
    },
  },
  entries: {
    [megan]: [
      {
        id: 'e1',
        subject: 'Design review',
        start: new Date(Date.now() + 3_600_000),
        end: new Date(Date.now() + 7_200_000),
        isAllDay: false,
        showAs: 'busy',
        type: 'occurrence',
        sensitivity: 'normal',
        location: null,
        isOnlineMeeting: true,
        joinUrl: 'https://teams.microsoft.com/l/meetup-join/abc',
        organizer: 'Megan Bowen',
        isOrganizer: true,
        isCancelled: false,
      },
    ],
  },
});

beforeAll(async () => {
  tokens = await createTokenFactory({ issuer: config.issuer, tenantId, audience: config.clientId });
  const app = createApp(apiTestAppDeps(tokens, calendar));
  server = await listen(app);
});
afterAll(() => server.close());

const week = (authorization?: string) =>
  fetch(`${server.url}/api/me/week`, { headers: authorization ? { authorization } : {} });
const hour = 3600;
const now = () => Math.floor(Date.now() / 1000);

describe('API token validation', () => {
  it('answers the week for a valid token, identity taken from the token', async () => {
    const response = await week(`Bearer ${await tokens.sign()}`);
    expect(response.status).toBe(200);
    const body = weekResponseSchema.parse(await response.json());
    expect(body.user.displayName).toBe('Megan Bowen');
    expect(body.events.map((e) => e.subject)).toEqual(['Design review']);
    expect(response.headers.get('x-request-id')).toMatch(/.+/);
    // Personal answers are never revalidated, so no body is hashed for an ETag.
    expect(response.headers.get('etag')).toBeNull();
  });

  it('accepts the Application ID URI as audience too', async () => {
    expect((await week(`Bearer ${await tokens.sign({ aud: config.applicationIdUri })}`)).status).toBe(200);
  });

  const cases: [string, () => Promise<string | undefined>, string][] = [
    ['missing', async () => undefined, 'token_missing'],
    ['not a bearer token', async () => 'Basic dXNlcjpwYXNz', 'token_malformed'],
    ['garbage', async () => 'Bearer not.a.jwt', 'token_malformed'],
    [
      'expired',
      async () => `Bearer ${await tokens.sign({ iat: now() - 3 * hour, nbf: now() - 3 * hour, exp: now() - hour })}`,
      'token_expired',
    ],
    [
      'not yet valid',
      async () => `Bearer ${await tokens.sign({ nbf: now() + hour, exp: now() + 2 * hour })}`,
      'token_not_yet_valid',
    ],
    [
      'wrong audience',
      async () => `Bearer ${await tokens.sign({ aud: 'https://graph.microsoft.com' })}`,
      'token_invalid_audience',
    ],
    [
      'wrong issuer',
      async () => `Bearer ${await tokens.sign({ iss: 'https://login.microsoftonline.com/other/v2.0' })}`,
      'token_invalid_issuer',
    ],
    [
      'wrong tenant',
      async () => `Bearer ${await tokens.sign({ tid: '11111111-1111-1111-1111-111111111111' })}`,
      'token_wrong_tenant',
    ],
    ['bad signature', async () => `Bearer ${await tokens.signWithWrongKey()}`, 'token_invalid_signature'],
    ['alg none', async () => `Bearer ${tokens.unsigned()}`, 'token_unsupported_algorithm'],
    ['missing scope', async () => `Bearer ${await tokens.sign({ scp: 'User.Read' })}`, 'token_missing_scope'],
    ['no user', async () => `Bearer ${await tokens.sign({ oid: undefined })}`, 'token_invalid'],
  ];

  it.each(cases)('refuses a %s token with 401 and a code', async (_name, header, code) => {
    const callsBefore = calendar.calls.length;
    const response = await week(await header());
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('Bearer');
    expect(await response.json()).toEqual({ error: { code, message: expect.any(String) } });
    expect(calendar.calls.length).toBe(callsBefore);
  });
});

describe('API errors', () => {
  it('answers unknown endpoints with a JSON 404, never HTML or a stack', async () => {
    const response = await fetch(`${server.url}/api/nope`, {
      headers: { authorization: `Bearer ${await tokens.sign()}` },
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('asks for a token before saying whether an endpoint exists', async () => {
    const response = await fetch(`${server.url}/api/nope`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'token_missing' } });
  });

  it('describes itself in an OpenAPI document generated from the same schemas', async () => {
    const document = await (await fetch(`${server.url}/api/openapi.json`)).json();
    expect(document.openapi).toBe('3.1.0');
    expect(
      document.paths['/api/meetings'].post.requestBody.content['application/json'].schema.properties,
    ).toHaveProperty('attendees');
    expect(document.paths['/api/me/week'].get.responses['200']).toBeDefined();
  });

  it('hides the Teams-host emulation when no local tenant is configured', async () => {
    expect((await fetch(`${server.url}/dev/api/demo-users`)).status).toBe(404);
    expect((await fetch(`${server.url}/dev/teams-host.html`)).status).toBe(404);
  });

  it('serves the public sign-in settings', async () => {
    const body = await (await fetch(`${server.url}/api/config`)).json();
    expect(body).toMatchObject({
      clientId: config.clientId,
      authority: `https://login.example.test/${tenantId}`,
      apiScope: `api://localhost:3978/${config.clientId}/access_as_user`,
      devTenant: false,
    });
  });
});
