import { describe, expect, it } from 'vitest';
import { createMemoryState } from '../../adapters/memory/memory-state.ts';
import { createMemoryTenantStore } from '../../adapters/memory/memory-tenant-store.ts';
import { AppError } from '../../domain/app-error.ts';
import type { CalendarGateway } from '../../ports/calendar-gateway.ts';
import type { GraphTokenProvider } from '../../ports/graph-token-provider.ts';
import type { Identity } from '../../ports/identity.ts';
import type { ConnectionStatus, TenantStore } from '../../ports/tenant-store.ts';
import { chatSignInNeeded, connectFromChat } from './connect-from-chat.ts';
import type { ConnectionDeps } from './my-connection.ts';

const now = new Date('2026-11-24T09:00:00.000Z');
const tenantId = 'tenant-a';
const megan = { tenantId, userId: 'oid-megan' };

function identityOf(person: { tenantId: string; userId: string }): Identity {
  return { ...person, userPrincipalName: 'meganb@contoso.example', name: 'Megan', roles: [], rawToken: 'api-token' };
}

/** A connection whose On-Behalf-Of exchange answers as `graph` says; records who was exchanged for. */
function depsWith(tenants: TenantStore, graph: 'ok' | 'consent_required' = 'ok') {
  const exchanged: string[] = [];
  const tokens: GraphTokenProvider = {
    async forUser(identity) {
      exchanged.push(identity.userId);
      if (graph === 'consent_required') throw new AppError('consent_required', 'Consent is missing.');
      return 'graph-token';
    },
    forStoredUser: async () => 'graph-token',
    forApp: async () => 'app-token',
    forget: async () => {},
  };
  const calendar = {
    getProfile: async () => ({
      userPrincipalName: 'MeganB@contoso.example',
      displayName: 'Megan Bowen',
      timeZone: 'UTC',
    }),
  } as unknown as CalendarGateway;
  const deps: ConnectionDeps = {
    clock: { now: () => now },
    tenants,
    tokens,
    calendar,
    checkConnection: async (): Promise<ConnectionStatus> => 'connected',
    defaultConnectionMode: 'user',
  };
  return { deps, exchanged };
}

async function withStatus(tenants: TenantStore, status: ConnectionStatus, checkedAt: Date | null = now) {
  await tenants.upsertUser({
    ...megan,
    email: 'meganb@contoso.example',
    displayName: 'Megan Bowen',
    timeZone: 'UTC',
    connectionStatus: status,
    connectionCheckedAt: checkedAt,
    connectionExpiresAt: null,
    preferences: { reminderMinutes: [], timeZoneOverride: null, workingHoursOverride: null },
    updatedAt: now,
  });
}

async function settings(
  tenants: TenantStore,
  change: { connectionMode?: 'user' | 'tenant'; integrationEnabled?: boolean },
) {
  await tenants.saveSettings({
    tenantId,
    connectionMode: 'user',
    securityGroupId: null,
    integrationEnabled: true,
    allowDisconnect: true,
    integrationOwners: [],
    updatedAt: now,
    ...change,
  });
}

describe('whether the bot must sign someone in, and with which word', () => {
  it.each([
    ['never seen', null, 'connect'],
    ['not connected', 'not_connected', 'connect'],
    ['consent lapsed', 'consent_required', 'reconnect'],
    ['expired', 'expired', 'reconnect'],
    ['connected', 'connected', null],
    ['kept out by the admin', 'outside_scope', null],
  ] as const)('%s → %s', async (_name, status, wording) => {
    const tenants = createMemoryTenantStore(createMemoryState());
    if (status) await withStatus(tenants, status);
    expect(await chatSignInNeeded(depsWith(tenants).deps, tenantId, megan.userId)).toBe(wording);
  });

  it('never in tenant-wide mode or while the integration is off', async () => {
    const tenants = createMemoryTenantStore(createMemoryState());
    await settings(tenants, { connectionMode: 'tenant' });
    expect(await chatSignInNeeded(depsWith(tenants).deps, tenantId, megan.userId)).toBeNull();
    await settings(tenants, { integrationEnabled: false });
    expect(await chatSignInNeeded(depsWith(tenants).deps, tenantId, megan.userId)).toBeNull();
  });
});

describe('connecting with the token from the chat', () => {
  it('connects the acting person as the tab does (On-Behalf-Of, status and profile stored)', async () => {
    const tenants = createMemoryTenantStore(createMemoryState());
    const { deps, exchanged } = depsWith(tenants);
    expect(await connectFromChat(deps, async () => identityOf(megan), megan, 'token')).toEqual({ ok: true });
    expect(exchanged).toEqual([megan.userId]);
    expect(await tenants.getUser(tenantId, megan.userId)).toMatchObject({
      connectionStatus: 'connected',
      email: 'meganb@contoso.example',
    });
  });

  it("refuses someone else's token and a token that does not validate, changing nothing", async () => {
    const tenants = createMemoryTenantStore(createMemoryState());
    const { deps, exchanged } = depsWith(tenants);
    const alex = identityOf({ tenantId, userId: 'oid-alex' });
    expect(await connectFromChat(deps, async () => alex, megan, 'token')).toEqual({
      ok: false,
      reason: 'wrong_person',
    });
    const invalid = async (): Promise<Identity> => {
      throw new AppError('token_invalid', 'Bad token.');
    };
    expect(await connectFromChat(deps, invalid, megan, 'token')).toEqual({ ok: false, reason: 'invalid_token' });
    expect(exchanged).toEqual([]);
    expect(await tenants.getUser(tenantId, megan.userId)).toBeUndefined();
  });

  it('answers consent_required when Graph consent is missing, and outside_scope while the integration is off', async () => {
    const tenants = createMemoryTenantStore(createMemoryState());
    const consent = depsWith(tenants, 'consent_required');
    expect(await connectFromChat(consent.deps, async () => identityOf(megan), megan, 't')).toEqual({
      ok: false,
      reason: 'consent_required',
    });
    await settings(tenants, { integrationEnabled: false });
    expect(await connectFromChat(depsWith(tenants).deps, async () => identityOf(megan), megan, 't')).toEqual({
      ok: false,
      reason: 'outside_scope',
    });
  });
});
