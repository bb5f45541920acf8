import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFER_ADMIN_ROLE, CONFER_APP_ROLES } from '../core/options.ts';
import {
  ALEX,
  CONFER_APP,
  CONFER_CLIENT_ID,
  claimsOf,
  MEGAN,
  startTestTenant,
  type TestTenant,
  withTenant,
} from '../core/test-support.ts';

const ENGINEERING_GROUP = '7a1e4c52-3b9d-4f60-8c2a-5d0e1f3a9b03';
const PEOPLE_MANAGERS_GROUP = '7a1e4c52-3b9d-4f60-8c2a-5d0e1f3a9b04';
/** In the Engineering group; not an admin in the seed. */
const JOHANNA_UPN = 'johannal@contoso.onmicrosoft.com';

async function rolesInTeamsToken(t: TestTenant, userId: string): Promise<unknown> {
  return claimsOf(await t.teamsToken(userId)).roles;
}

async function assign(t: TestTenant, principalId: string, role = CONFER_ADMIN_ROLE) {
  const answer = await t.control('/app-role-assignments', { clientId: CONFER_CLIENT_ID, principalId, role });
  expect(answer.status).toBe(200);
}

// What Entra does here: docs/reference/teams-platform.md §9.
describe("app roles in tokens for Confer's API", () => {
  it("Megan Bowen, the seed's admin, gets roles: [Confer.Admin] in her Teams SSO token; Alex gets no roles claim", async () => {
    await withTenant(async (t) => {
      expect(await rolesInTeamsToken(t, MEGAN)).toEqual([CONFER_ADMIN_ROLE]);
      const alex = claimsOf(await t.teamsToken(ALEX));
      expect(alex).toMatchObject({ aud: CONFER_CLIENT_ID, oid: ALEX, scp: 'access_as_user' });
      expect(alex).not.toHaveProperty('roles');
    });
  });

  it('a role assigned to a group reaches its direct members and nobody else', async () => {
    await withTenant(async (t) => {
      expect(await rolesInTeamsToken(t, JOHANNA_UPN)).toBeUndefined();
      await assign(t, ENGINEERING_GROUP);
      expect(await rolesInTeamsToken(t, JOHANNA_UPN)).toEqual([CONFER_ADMIN_ROLE]);
      expect(await rolesInTeamsToken(t, ALEX)).toBeUndefined();
    });
  });

  it('roles held directly and through groups are listed once each, sorted', async () => {
    const editor = { value: 'Agenda.Editor', displayName: 'Agenda editor', allowedMemberTypes: ['User' as const] };
    const app = { ...CONFER_APP, appRoles: [...CONFER_APP_ROLES, editor] };
    await withTenant(
      async (t) => {
        await assign(t, PEOPLE_MANAGERS_GROUP);
        await assign(t, PEOPLE_MANAGERS_GROUP, editor.value);
        await assign(t, MEGAN, editor.value);
        expect(await rolesInTeamsToken(t, MEGAN)).toEqual([editor.value, CONFER_ADMIN_ROLE]);
      },
      { apps: [app] },
    );
  });

  it('an app that declares no Confer.Admin role has no admin and puts no roles in tokens', async () => {
    await withTenant(
      async (t) => {
        expect((await t.control('/app-role-assignments')).body).toEqual({ value: [] });
        expect(await rolesInTeamsToken(t, MEGAN)).toBeUndefined();
      },
      { apps: [{ ...CONFER_APP, appRoles: undefined }] },
    );
  });

  it("Graph tokens never carry the app's roles, delegated or app-only", async () => {
    await withTenant(async (t) => {
      const delegated = claimsOf(await t.userToken(MEGAN));
      expect(delegated).toMatchObject({ aud: 'https://graph.microsoft.com', oid: MEGAN });
      expect(delegated).not.toHaveProperty('roles');
      const appOnly = claimsOf(await t.appToken());
      expect(appOnly.roles).toEqual(expect.arrayContaining(['Calendars.ReadWrite']));
      expect(appOnly.roles).not.toContain(CONFER_ADMIN_ROLE);
    });
  });

  it('assignments survive a restart with persist, and reset brings back the seed', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'devtenant-'));
    try {
      const first = await startTestTenant({ dataDir, persist: true });
      const port = Number(new URL(first.origin).port);
      await assign(first, ENGINEERING_GROUP);
      await first.close();

      const second = await startTestTenant({ dataDir, persist: true, port });
      try {
        expect((await second.control('/app-role-assignments')).body).toEqual({
          value: [
            { appClientId: CONFER_CLIENT_ID, principalId: MEGAN, role: CONFER_ADMIN_ROLE },
            { appClientId: CONFER_CLIENT_ID, principalId: ENGINEERING_GROUP, role: CONFER_ADMIN_ROLE },
          ],
        });
        expect(await rolesInTeamsToken(second, JOHANNA_UPN)).toEqual([CONFER_ADMIN_ROLE]);
        await second.control('/reset', {});
        expect(await rolesInTeamsToken(second, JOHANNA_UPN)).toBeUndefined();
        expect(await rolesInTeamsToken(second, MEGAN)).toEqual([CONFER_ADMIN_ROLE]);
      } finally {
        await second.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
