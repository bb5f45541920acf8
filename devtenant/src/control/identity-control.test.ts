import { describe, expect, it } from 'vitest';
import { CONFER_ADMIN_ROLE } from '../core/options.ts';
import {
  ALEX,
  CONFER_APP,
  CONFER_CLIENT_ID,
  claimsOf,
  MEGAN,
  type TestTenant,
  withTenant,
} from '../core/test-support.ts';

const SEED = { value: [{ appClientId: CONFER_CLIENT_ID, principalId: MEGAN, role: CONFER_ADMIN_ROLE }] };

async function remove(t: TestTenant, body: unknown) {
  const response = await t.fetch('/_devtenant/app-role-assignments', {
    method: 'DELETE',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

async function listed(t: TestTenant): Promise<unknown> {
  return (await t.control('/app-role-assignments')).body;
}

// Entra's app role assignments: docs/reference/teams-platform.md §9.
describe('control API: app role assignments', () => {
  it('lists the seed, adds a person by UPN as an object id (once), and removes an assignment', async () => {
    await withTenant(async (t) => {
      expect(await listed(t)).toEqual(SEED);
      const alexAdmin = { appClientId: CONFER_CLIENT_ID, principalId: ALEX, role: CONFER_ADMIN_ROLE };
      const added = {
        clientId: CONFER_CLIENT_ID,
        principalId: 'alexw@contoso.onmicrosoft.com',
        role: CONFER_ADMIN_ROLE,
      };
      expect(await t.control('/app-role-assignments', added)).toEqual({
        status: 200,
        body: { value: [...SEED.value, alexAdmin] },
      });
      expect((await t.control('/app-role-assignments', added)).body).toEqual({ value: [...SEED.value, alexAdmin] });
      expect(await remove(t, { clientId: CONFER_CLIENT_ID, principalId: ALEX, role: CONFER_ADMIN_ROLE })).toEqual({
        status: 200,
        body: SEED,
      });
    });
  });

  it('removing an assignment takes the role out of tokens issued afterwards, not out of those already issued', async () => {
    await withTenant(async (t) => {
      const before = await t.teamsToken(MEGAN);
      const removed = await remove(t, { clientId: CONFER_CLIENT_ID, principalId: MEGAN, role: CONFER_ADMIN_ROLE });
      expect(removed).toEqual({ status: 200, body: { value: [] } });
      expect(claimsOf(before).roles).toEqual([CONFER_ADMIN_ROLE]);
      expect(claimsOf(await t.teamsToken(MEGAN))).not.toHaveProperty('roles');
    });
  });

  it('bad input is 400 with a code and changes nothing; removing what is not assigned is 404', async () => {
    const appOnly = {
      value: 'Reports.Read',
      displayName: 'Read reports',
      allowedMemberTypes: ['Application' as const],
    };
    await withTenant(
      async (t) => {
        const body = { clientId: CONFER_CLIENT_ID, principalId: ALEX, role: CONFER_ADMIN_ROLE };
        const cases: [unknown, string][] = [
          [{ ...body, clientId: '11111111-2222-3333-4444-555555555555' }, 'unknown_app'],
          [{ ...body, role: 'Confer.Owner' }, 'unknown_role'],
          [{ ...body, role: appOnly.value }, 'unknown_role'],
          [{ ...body, principalId: 'nobody@contoso.onmicrosoft.com' }, 'unknown_principal'],
          [{ clientId: CONFER_CLIENT_ID, principalId: ALEX }, 'invalid_request'],
          [{ ...body, extra: true }, 'invalid_request'],
        ];
        for (const [input, code] of cases) {
          expect(await t.control('/app-role-assignments', input)).toMatchObject({
            status: 400,
            body: { error: { code } },
          });
          expect(await remove(t, input)).toMatchObject({ status: 400, body: { error: { code } } });
        }
        expect(await remove(t, body)).toMatchObject({ status: 404, body: { error: { code: 'unknown_assignment' } } });
        expect(await listed(t)).toEqual(SEED);
        expect(claimsOf(await t.teamsToken(ALEX))).not.toHaveProperty('roles');
      },
      { apps: [{ ...CONFER_APP, appRoles: [...(CONFER_APP.appRoles ?? []), appOnly] }] },
    );
  });
});
