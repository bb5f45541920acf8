import { describe, expect, it } from 'vitest';
import { createMemoryAccessTestStore } from '../../adapters/memory/memory-access-test-store.ts';
import { createMemoryStores } from '../../adapters/memory/memory-stores.ts';
import { createLogger } from '../../logging/logger.ts';
import type { AccessProbe, ProbePerson, ProbeResult } from '../../ports/access-probe.ts';
import type { GraphActor } from '../../ports/scheduling-gateway.ts';
import { aSettings, aUser } from '../../ports/tenant-store.contract.ts';
import type { ConnectionMode, TenantStore } from '../../ports/tenant-store.ts';
import { type AccessTestDeps, runAccessTest, runAccessTestAfterConsent } from './access-test.ts';
import type { Admin } from './admin-settings.ts';

const TENANT = 'tenant-a';
const NOW = new Date('2026-11-20T09:00:00.000Z');
const OK: ProbeResult = { ok: true };

/** A hand-written probe: answers per person from tables, and records whose authority each read ran under. */
function fakeProbe(answers: { freeBusy?: Record<string, ProbeResult>; settings?: Record<string, ProbeResult> } = {}) {
  const calls: { what: string; actor?: GraphActor; people?: string[] }[] = [];
  const per = (people: readonly ProbePerson[], table: Record<string, ProbeResult> = {}) =>
    new Map(people.map((p) => [p.userId, table[p.userId] ?? OK]));
  const probe: AccessProbe = {
    async listDirectory(actor) {
      calls.push({ what: 'directory', actor });
      return [];
    },
    async resolvePeople(actor, refs) {
      calls.push({ what: 'resolve', actor, people: [...refs] });
      return new Map(refs.map((r) => [r.toLowerCase(), null]));
    },
    async readFreeBusy(actor, _organizer, people) {
      calls.push({ what: 'freeBusy', actor, people: people.map((p) => p.userId) });
      return per(people, answers.freeBusy);
    },
    async readMailboxSettingsAsApp(_tenant, people) {
      calls.push({ what: 'settings', people: people.map((p) => p.userId) });
      return per(people, answers.settings);
    },
    async readOwnMailbox(_tenant, userId) {
      calls.push({ what: 'own', people: [userId] });
      return { connected: false, failure: { ok: false, reason: 'consent_missing', code: 'not_connected' } };
    },
    async appCanWriteCalendars() {
      calls.push({ what: 'write' });
      return OK;
    },
  };
  return { probe, calls };
}

async function setUp(mode: ConnectionMode, probe: AccessProbe, people = 12): Promise<AccessTestDeps> {
  const stores = createMemoryStores();
  await stores.tenants.saveSettings(aSettings({ tenantId: TENANT, connectionMode: mode }));
  for (let i = 0; i < people; i++) {
    await stores.tenants.upsertUser(aUser({ tenantId: TENANT, userId: `oid-${i}`, email: `p${i}@contoso.test` }));
  }
  let ids = 0;
  return {
    clock: { now: () => NOW },
    logger: createLogger('silent'),
    tenants: stores.tenants,
    audit: stores.audit,
    defaultConnectionMode: 'user',
    probe,
    tests: createMemoryAccessTestStore(),
    newId: () => `test-${++ids}`,
    random: () => 0,
  };
}

const megan = {
  tenantId: TENANT,
  userId: 'oid-megan',
  userPrincipalName: 'meganb@contoso.test',
  name: 'Megan Bowen',
  roles: ['Confer.Admin'],
  rawToken: 'token',
} as unknown as Admin;

describe('the access test use case', () => {
  it('after consent: the default sample of 10, credited to the admin, on their stored connection in per-user mode', async () => {
    const { probe, calls } = fakeProbe();
    const deps = await setUp('user', probe);
    const test = await runAccessTestAfterConsent(deps, TENANT, 'oid-megan');
    expect(test).toMatchObject({ trigger: 'after_consent', by: 'oid-megan', mode: 'user', tested: 10 });
    expect(calls.find((c) => c.what === 'freeBusy')?.actor).toEqual({
      kind: 'stored-user',
      tenantId: TENANT,
      userId: 'oid-megan',
    });
    // Nobody in the sample has connected: Confer could not write to their calendars.
    expect(test.failures).toMatchObject([{ reason: 'consent_missing', count: 10 }]);
    expect(test.people[0]).toMatchObject({
      mailboxSettings: 'skipped',
      calendarWrite: 'failed',
      code: 'not_connected',
    });
    expect(await deps.audit.list(TENANT, 5)).toMatchObject([
      { action: 'admin.access_test_run', actorId: 'oid-megan', details: { trigger: 'after_consent', tested: 10 } },
    ]);
  });

  it('tenant-wide: skips what an unreachable mailbox would only repeat, and claims no write it could not prove', async () => {
    const { probe, calls } = fakeProbe({
      freeBusy: {
        'oid-0': { ok: false, reason: 'outside_access_policy', code: 'ErrorAccessDenied' },
        'oid-1': { ok: false, reason: 'throttled', code: 'ApplicationThrottled' },
      },
      settings: { 'oid-1': { ok: false, reason: 'error', code: 'serviceNotAvailable' } },
    });
    const deps = await setUp('tenant', probe, 3);
    const test = await runAccessTest(deps, megan, { sampleSize: 3, people: [] });
    const byId = new Map(test.people.map((p) => [p.userId, p]));
    expect(byId.get('oid-0')).toMatchObject({ mailboxSettings: 'skipped', calendarWrite: 'skipped' });
    expect(byId.get('oid-1')).toMatchObject({ reason: 'throttled', calendarWrite: 'skipped' });
    expect(byId.get('oid-2')).toMatchObject({ reason: null, calendarWrite: 'ok' });
    expect(calls.find((c) => c.what === 'settings')?.people).toEqual(['oid-1', 'oid-2']);
    expect(calls.some((c) => c.what === 'directory')).toBe(false);
  });

  it('frees the tenant for the next test when one fails midway', async () => {
    const { probe } = fakeProbe();
    const deps = await setUp('tenant', { ...probe, readFreeBusy: () => Promise.reject(new Error('disk full')) });
    await expect(runAccessTest(deps, megan, { sampleSize: 2, people: [] })).rejects.toThrow('disk full');
    expect(await deps.tests.claim(TENANT, NOW, new Date(NOW.getTime() - 1))).toBe(true);
  });

  it('calls Graph for nothing while the integration is off', async () => {
    const { probe, calls } = fakeProbe();
    const deps = await setUp('tenant', probe);
    await (deps.tenants as TenantStore).saveSettings(aSettings({ tenantId: TENANT, integrationEnabled: false }));
    await expect(runAccessTest(deps, megan, { sampleSize: 2, people: [] })).rejects.toMatchObject({
      code: 'integration_off',
    });
    expect(calls).toEqual([]);
  });
});
