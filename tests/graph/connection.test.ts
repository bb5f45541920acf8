import { LOCAL_CLIENT_ID } from '@confer/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, type GraphHarness, mailbox, PEOPLE, startGraphHarness, TENANT_ID } from './graph-harness.ts';

const SCOPES = ['User.Read', 'Calendars.ReadWrite', 'MailboxSettings.Read', 'offline_access'];

describe('connection modes and the encrypted token cache (devtenant)', () => {
  let h: GraphHarness;
  beforeAll(async () => {
    h = await startGraphHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('keeps the refresh token from On-Behalf-Of encrypted, per user, and acts later without the API token', async () => {
    expect(await codeOf(h.tokens.forStoredUser(TENANT_ID, PEOPLE.meganb, SCOPES))).toBe('not_connected');
    const others = new Set(h.cacheStore.blobs.keys());
    await h.tokens.forUser(await h.identity('meganb'), SCOPES);

    const blob = h.cacheStore.blobs.get(`${TENANT_ID}/${PEOPLE.meganb}`.toLowerCase());
    expect(blob).toBeDefined();
    const text = blob?.toString('latin1') ?? '';
    // Words of MSAL's cache and the start of a JWT (case-sensitive and long, so random ciphertext cannot match).
    expect(text).not.toMatch(/refresh_?token|secret/i);
    expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]{12}/);
    // One blob per person: hers is the only one her sign-in added.
    expect([...h.cacheStore.blobs.keys()].filter((key) => !others.has(key))).toEqual([
      `${TENANT_ID}/${PEOPLE.meganb}`.toLowerCase(),
    ]);

    // No API token from here on: the stored-user actor redeems the refresh token itself (forceRefresh skips
    // the cached access token, so this really is the refresh-token grant).
    const token = await h.tokens.forStoredUser(TENANT_ID, PEOPLE.meganb, SCOPES, { forceRefresh: true });
    expect(token.split('.')).toHaveLength(3);
    const event = await h.gateway.getSchedules({
      actor: h.storedActor('meganb'),
      organizer: mailbox('meganb'),
      addresses: [mailbox('meganb').email],
      window: { start: h.devtenant.clock.now(), end: new Date(h.devtenant.clock.now().getTime() + 86_400_000) },
      intervalMinutes: 30,
    });
    expect(event[0]?.status).toBe('ok');
    expect(await h.checkConnection(TENANT_ID, PEOPLE.meganb, 'user')).toBe('connected');
  });

  it('reuses the Graph token for the same API token, asks once for requests made at once, and MSAL again after a disconnect', async () => {
    const alex = await h.identity('alexw');
    const writes: string[] = [];
    const write = h.cacheStore.write;
    h.cacheStore.write = async (tenantId, userId, blob) => {
      writes.push(userId);
      await write(tenantId, userId, blob);
    };
    try {
      const [first, second] = await Promise.all([h.tokens.forUser(alex, SCOPES), h.tokens.forUser(alex, SCOPES)]);
      expect(second).toBe(first);
      expect(await h.tokens.forUser(alex, SCOPES)).toBe(first);
      // One On-Behalf-Of exchange: MSAL stored the refresh token it brought once.
      expect(writes).toEqual([PEOPLE.alexw]);
      // Another person's token never gets Alex's Graph token.
      expect(await h.tokens.forUser(await h.identity('meganb'), SCOPES)).not.toBe(first);

      await h.tokens.forget(TENANT_ID, PEOPLE.alexw);
      expect(h.cacheStore.blobs.has(`${TENANT_ID}/${PEOPLE.alexw}`.toLowerCase())).toBe(false);
      await h.tokens.forUser(alex, SCOPES);
      // After the disconnect the same API token goes through MSAL again, which keeps the refresh token anew.
      expect(h.cacheStore.blobs.has(`${TENANT_ID}/${PEOPLE.alexw}`.toLowerCase())).toBe(true);
    } finally {
      h.cacheStore.write = write;
    }
  });

  it('refuses a blob moved to another user (the partition is authenticated)', async () => {
    await h.tokens.forUser(await h.identity('adelev'), SCOPES);
    const adele = h.cacheStore.blobs.get(`${TENANT_ID}/${PEOPLE.adelev}`.toLowerCase()) as Buffer;
    await h.cacheStore.write(TENANT_ID, PEOPLE.isaiahl, adele);
    expect(await codeOf(h.tokens.forStoredUser(TENANT_ID, PEOPLE.isaiahl, SCOPES))).toBe('not_connected');
    expect(await h.checkConnection(TENANT_ID, PEOPLE.isaiahl, 'user')).toBe('not_connected');
  });

  it('reports connection_expired once the refresh token is revoked, and the probe says expired', async () => {
    await h.tokens.forUser(await h.identity('pattif'), SCOPES);
    expect(await h.checkConnection(TENANT_ID, PEOPLE.pattif, 'user')).toBe('connected');
    await h.control('refresh-tokens/revoke', {
      userId: PEOPLE.pattif,
      clientId: LOCAL_CLIENT_ID,
    });
    expect(await codeOf(h.tokens.forStoredUser(TENANT_ID, PEOPLE.pattif, SCOPES, { forceRefresh: true }))).toBe(
      'connection_expired',
    );
    expect(await h.checkConnection(TENANT_ID, PEOPLE.pattif, 'user')).toBe('expired');
    await h.tokens.forget(TENANT_ID, PEOPLE.pattif);
    expect(await h.checkConnection(TENANT_ID, PEOPLE.pattif, 'user')).toBe('not_connected');
  });

  it('answers consent_required when the grant is revoked (per-user mode) and connected again after consent', async () => {
    const grant = { clientId: LOCAL_CLIENT_ID };
    await h.control('consent/admin', { ...grant, granted: false });
    try {
      expect(await codeOf(h.tokens.forUser(await h.identity('lynner'), SCOPES))).toBe('consent_required');
      const actor = await h.userActor('lynner');
      const read = h.gateway.getSchedules({
        actor,
        organizer: mailbox('lynner'),
        addresses: [mailbox('lynner').email, mailbox('alexw').email],
        window: { start: h.devtenant.clock.now(), end: new Date(h.devtenant.clock.now().getTime() + 86_400_000) },
        intervalMinutes: 30,
      });
      expect(await codeOf(read)).toBe('consent_required');
    } finally {
      await h.control('consent/admin', { ...grant, granted: true });
    }
    await h.tokens.forUser(await h.identity('lynner'), SCOPES);
    expect(await h.checkConnection(TENANT_ID, PEOPLE.lynner, 'user')).toBe('connected');
  });

  it('checks the tenant-wide mode with client credentials, and the access policy puts people out of scope', async () => {
    expect(await h.checkConnection(TENANT_ID, PEOPLE.alexw, 'tenant')).toBe('connected');
    const grady = '5f3b8c2e-9a41-4d7e-b6c0-c0de0000001b';
    await h.control('access-policy', { enabled: true });
    try {
      expect(await h.checkConnection(TENANT_ID, PEOPLE.alexw, 'tenant')).toBe('connected');
      expect(await h.checkConnection(TENANT_ID, grady, 'tenant')).toBe('outside_scope');
    } finally {
      await h.control('access-policy', { enabled: false });
    }
  });
});
