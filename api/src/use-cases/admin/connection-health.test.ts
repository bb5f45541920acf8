import { describe, expect, it } from 'vitest';
import { createMemoryConnectionHealthStore } from '../../adapters/memory/memory-connection-health-store.ts';
import { createMemoryState } from '../../adapters/memory/memory-state.ts';
import { createMemorySubscriptionStore } from '../../adapters/memory/memory-subscription-store.ts';
import { createMemoryTenantStore } from '../../adapters/memory/memory-tenant-store.ts';
import { isAppError } from '../../domain/app-error.ts';
import { aUser } from '../../ports/tenant-store.contract.ts';
import type { ConnectionStatus } from '../../ports/tenant-store.ts';
import { ADMIN_ROLE, type Admin } from './admin-settings.ts';
import { createConnectionActivity } from './connection-activity.ts';
import {
  type ConnectionHealthDeps,
  exportConnectionHealth,
  healthExportName,
  listConnectionHealth,
} from './connection-health.ts';
import { decodeHealthCursor, encodeHealthCursor } from './health-cursor.ts';

const TENANT = 'tenant-a';
const admin = {
  tenantId: TENANT,
  userId: 'oid-megan',
  userPrincipalName: 'meganb@contoso.test',
  name: 'Megan Bowen',
  roles: [ADMIN_ROLE],
  rawToken: 'token',
} as unknown as Admin;
const silent = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent } as never;

function setup() {
  const state = createMemoryState();
  const tenants = createMemoryTenantStore(state);
  const store = createMemoryConnectionHealthStore(state, createMemorySubscriptionStore());
  const activity = createConnectionActivity({ store, logger: silent, intervalMs: 3_600_000 });
  const deps: ConnectionHealthDeps = { clock: { now: () => new Date('2026-11-20T23:30:00.000Z') }, store, activity };
  const add = (userId: string, displayName: string, status: ConnectionStatus = 'connected') =>
    tenants.upsertUser(
      aUser({ tenantId: TENANT, userId, displayName, email: `${userId}@contoso.test`, connectionStatus: status }),
    );
  return { deps, activity, add };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return isAppError(error) ? error.code : `no AppError: ${String(error)}`;
}

async function text(records: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const record of records) out += record;
  return out;
}

describe('the connection health list', () => {
  it('pages with an opaque cursor until the last page, counts over everyone', async () => {
    const { deps, add } = setup();
    for (const [id, name] of [
      ['oid-1', 'Adele Vance'],
      ['oid-2', 'Alex Wilber'],
      ['oid-3', 'Alex Wilber'],
      ['oid-4', 'Megan Bowen'],
    ]) {
      await add(id as string, name as string);
    }
    await add('oid-5', 'Nestor Wilke', 'not_connected');
    const first = await listConnectionHealth(deps, admin, { status: 'connected', limit: 2 });
    expect(first.people.map((p) => p.userId)).toEqual(['oid-1', 'oid-2']);
    expect(first).toMatchObject({ total: 5, matching: 4 });
    expect(first.counts).toMatchObject({ connected: 4, never_connected: 1 });
    expect(first.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const second = await listConnectionHealth(deps, admin, {
      status: 'connected',
      limit: 2,
      cursor: first.nextCursor ?? '',
    });
    expect(second.people.map((p) => p.userId)).toEqual(['oid-3', 'oid-4']);
    expect(second.nextCursor).toBeNull();
  });

  it('refuses a cursor it did not give out', async () => {
    const { deps } = setup();
    const good = encodeHealthCursor({ displayName: 'Alex Wilber', userId: 'oid-2' });
    const list = (cursor: string) => codeOf(listConnectionHealth(deps, admin, { cursor, limit: 10 }));
    expect(await list('not a cursor!')).toBe('validation_failed');
    expect(await list(Buffer.from('{"a":1}').toString('base64url'))).toBe('validation_failed');
    expect(await list(Buffer.from('["x"]').toString('base64url'))).toBe('validation_failed');
    expect(await list(Buffer.from('["x",""]').toString('base64url'))).toBe('validation_failed');
    expect(await list(Buffer.from('not json').toString('base64url'))).toBe('validation_failed');
    expect(await list(Buffer.from([0xff, 0xfe, 0x22]).toString('base64url'))).toBe('validation_failed');
    expect(await list(`${good.slice(0, -1)}`)).toBe('validation_failed');
    expect(decodeHealthCursor(good)).toEqual({ displayName: 'Alex Wilber', userId: 'oid-2' });
  });

  it('shows Graph activity still coalescing in memory', async () => {
    const { deps, activity, add } = setup();
    await add('oid-1', 'Adele Vance');
    activity.recordSuccess(TENANT, 'oid-1', new Date('2026-11-20T10:00:00.000Z'));
    activity.recordSyncError(TENANT, 'oid-1', {
      kind: 'apply',
      code: 'graph_bad_response',
      message: 'Microsoft Graph returned an unexpected event.',
      at: new Date('2026-11-20T10:01:00.000Z'),
    });
    const page = await listConnectionHealth(deps, admin, { limit: 10 });
    expect(page.people[0]).toMatchObject({
      lastGraphSuccessAt: '2026-11-20T10:00:00.000Z',
      lastSyncError: {
        code: 'graph_bad_response',
        message: 'Microsoft Graph returned an unexpected event.',
        at: '2026-11-20T10:01:00.000Z',
      },
      subscription: 'none',
    });
  });

  it('exports every match as CSV, formulas neutralised, named by the UTC date', async () => {
    const { deps, add } = setup();
    await add('oid-1', '=HYPERLINK("http://evil")');
    await add('oid-2', 'Lee, Gu');
    await add('oid-3', 'Megan Bowen', 'expired');
    const csv = await text(exportConnectionHealth(deps, admin, { status: 'connected' }));
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'Display name,Email,User id,Status,Checked at,Last Graph success,Subscription,Last sync error code,Last sync error,Last sync error at',
    );
    expect(lines[1]).toBe(
      '"\'=HYPERLINK(""http://evil"")",oid-1@contoso.test,oid-1,connected,2026-11-20T09:00:00.000Z,,none,,,',
    );
    expect(lines[2]).toMatch(/^"Lee, Gu",oid-2@contoso.test,oid-2,connected,/);
    expect(lines.slice(3)).toEqual(['']);
    expect(healthExportName(deps.clock)).toBe('confer-connection-health-2026-11-20.csv');
  });
});
