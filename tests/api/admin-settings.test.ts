import { connectionSchema } from '@confer/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteAuditLog } from '../../api/src/adapters/sqlite/sqlite-audit-log.ts';
import type { TenantSettings } from '../../api/src/ports/tenant-store.ts';
import { apiAs } from '../support/api-client.ts';
import { PEOPLE, type Stack, startStack } from '../support/stack.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ tabDir: null });
});
afterAll(() => stack?.stop());

/** Settings written straight to the store, for the rules' tests; the admin's own path is tested last. */
async function settle(changes: Partial<TenantSettings>) {
  await stack.composed.scheduling.tenants.saveSettings({
    tenantId: stack.config.tenantId,
    connectionMode: 'user',
    securityGroupId: null,
    integrationEnabled: true,
    allowDisconnect: true,
    integrationOwners: [],
    updatedAt: stack.devtenant.clock.now(),
    ...changes,
  });
}

describe('admin settings against the local tenant', () => {
  it('refuses the admin API to someone without the Confer.Admin role, records the attempt, and changes nothing', async () => {
    const adele = apiAs(stack, PEOPLE.adele.id);
    const read = await adele.get('/api/admin/settings');
    expect(read.status).toBe(403);
    expect(read.body).toMatchObject({ error: { code: 'admin_required' } });
    const write = await adele.put('/api/admin/settings', {
      connectionMode: 'tenant',
      integrationEnabled: false,
      allowDisconnect: false,
      integrationOwners: [],
    });
    expect(write.status).toBe(403);
    expect(await stack.composed.scheduling.tenants.getSettings(stack.config.tenantId)).toBeUndefined();
    const audit = await createSqliteAuditLog(stack.composed.db).list(stack.config.tenantId, 10);
    expect(audit.filter((e) => e.action === 'admin.refused').map((e) => [e.actorId, e.details])).toEqual([
      [PEOPLE.adele.id, { method: 'PUT', path: '/api/admin/settings' }],
      [PEOPLE.adele.id, { method: 'GET', path: '/api/admin/settings' }],
    ]);
  });

  it('keeps a calendar connected while the admin does not allow disconnecting', async () => {
    const lynne = apiAs(stack, PEOPLE.lynne.id);
    expect((await lynne.post('/api/me/connection')).body).toMatchObject({ status: 'connected', canDisconnect: true });
    await settle({ allowDisconnect: false });
    try {
      const view = connectionSchema.parse((await lynne.get('/api/me/connection')).body);
      expect(view).toMatchObject({ status: 'connected', canDisconnect: false });
      const refused = await lynne.delete('/api/me/connection');
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ error: { code: 'disconnect_forbidden' } });
      const stored = await stack.composed.scheduling.tenants.getUser(stack.config.tenantId, PEOPLE.lynne.id);
      expect(stored?.connectionStatus).toBe('connected');
      expect((await lynne.get('/api/me/week')).status).toBe(200);
    } finally {
      await settle({});
    }
  });

  it('reads and writes no calendar while the integration is off, in the API and the bot, until it is on again', async () => {
    const isaiah = apiAs(stack, PEOPLE.isaiah.id);
    expect((await isaiah.post('/api/me/connection')).body).toMatchObject({ status: 'connected' });
    await settle({ integrationEnabled: false });
    try {
      const view = connectionSchema.parse((await isaiah.get('/api/me/connection')).body);
      expect(view).toMatchObject({ status: 'not_connected', canDisconnect: false });
      expect(view.message).toMatch(/organisation has switched the Outlook integration off/);
      for (const answer of [
        await isaiah.get('/api/me/week'),
        await isaiah.post('/api/availability', { attendees: ['alexw@contoso.onmicrosoft.com'] }),
        await isaiah.post('/api/me/connection'),
      ]) {
        expect(answer.status).toBe(403);
        expect(answer.body).toMatchObject({ error: { code: 'integration_off' } });
      }
      const botUser = { tenantId: stack.config.tenantId, userId: PEOPLE.isaiah.id, name: PEOPLE.isaiah.name };
      const found = await stack.composed.bot.actions.findPeople(botUser, 'Alex', 5);
      expect(found).toMatchObject({ ok: false, code: 'integration_off', message: expect.stringMatching(/switched/) });
      // Forgetting one's own tokens calls no Graph, so it stays possible while the integration is off.
      expect((await isaiah.delete('/api/me/connection')).status).toBe(200);
    } finally {
      await settle({});
    }
    expect((await isaiah.post('/api/me/connection')).body).toMatchObject({ status: 'connected' });
    expect((await isaiah.get('/api/me/week')).status).toBe(200);
  });

  it("lets Megan, the local tenant's Confer.Admin, change the settings, which apply to everyone at once", async () => {
    const megan = apiAs(stack, PEOPLE.megan.id);
    const patti = apiAs(stack, PEOPLE.patti.id);
    expect((await patti.post('/api/me/connection')).body).toMatchObject({ status: 'connected', canDisconnect: true });
    const before = (await megan.get('/api/admin/settings')).body;
    expect(before).toMatchObject({ connectionMode: 'user', integrationEnabled: true, allowDisconnect: true });
    // The local tenant's people have its own object ids (not GUIDs): they are valid owners here.
    const locked = {
      connectionMode: 'user',
      integrationEnabled: true,
      allowDisconnect: false,
      integrationOwners: [PEOPLE.megan.id],
    };
    const saved = await megan.put('/api/admin/settings', locked);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject(locked);
    expect((await patti.get('/api/me/connection')).body).toMatchObject({ status: 'connected', canDisconnect: false });
    expect((await patti.delete('/api/me/connection')).body).toMatchObject({ error: { code: 'disconnect_forbidden' } });
    const reopened = await megan.put('/api/admin/settings', { ...locked, allowDisconnect: true });
    expect(reopened.status).toBe(200);
    expect((await patti.get('/api/me/connection')).body).toMatchObject({ canDisconnect: true });
    const audit = (await megan.get('/api/admin/audit?limit=2')).body as {
      entries: { action: string; actorId: string; details: unknown }[];
    };
    expect(audit.entries).toEqual([
      expect.objectContaining({
        action: 'admin.settings_changed',
        actorId: PEOPLE.megan.id,
        details: { before: locked, after: { ...locked, allowDisconnect: true } },
      }),
      expect.objectContaining({
        action: 'admin.settings_changed',
        details: expect.objectContaining({ after: locked }),
      }),
    ]);
  });
});
