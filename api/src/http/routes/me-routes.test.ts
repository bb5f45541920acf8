import { LOCAL_TENANT_ID, meSchema } from '@confer/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTestAppDeps, TEST_API_CONFIG } from '../../test-support/api-test-app.ts';
import { createFakeCalendarGateway } from '../../test-support/fake-calendar-gateway.ts';
import { listen } from '../../test-support/test-server.ts';
import { createTokenFactory } from '../../test-support/token-factory.ts';
import { ADMIN_ROLE } from '../../use-cases/admin/admin-settings.ts';
import { createApp } from '../create-app.ts';

const megan = '00000000-0000-0000-0000-0000000000021';
let tokens: Awaited<ReturnType<typeof createTokenFactory>>;
let server: Awaited<ReturnType<typeof listen>>;

beforeAll(async () => {
  tokens = await createTokenFactory({
    issuer: TEST_API_CONFIG.issuer,
    tenantId: LOCAL_TENANT_ID,
    audience: TEST_API_CONFIG.clientId,
  });
  server = await listen(createApp(apiTestAppDeps(tokens, createFakeCalendarGateway({ profiles: {}, entries: {} }))));
});
afterAll(() => server.close());

const me = async (token: string | null) => {
  const response = await fetch(`${server.url}/api/me`, {
    headers: token === null ? {} : { authorization: `Bearer ${token}` },
  });
  return { status: response.status, body: (await response.json()) as unknown };
};

describe('GET /api/me', () => {
  it('says who signed in and that the admin role makes them an admin of Confer', async () => {
    const answer = await me(await tokens.sign({ roles: [ADMIN_ROLE] }));
    expect(answer.status).toBe(200);
    expect(meSchema.parse(answer.body)).toEqual({ userId: megan, displayName: 'Megan Bowen', isAdmin: true });
  });

  it('says isAdmin false without the role, or with other roles only', async () => {
    for (const roles of [[], ['Confer.Reader']]) {
      const answer = await me(await tokens.sign({ roles }));
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ userId: megan, isAdmin: false });
    }
  });

  it('refuses a request without a token (401)', async () => {
    const answer = await me(null);
    expect(answer.status).toBe(401);
  });
});
