import { describe, expect, it } from 'vitest';
import type { ActivityUpdate } from '../../ports/connection-health-store.ts';
import { createConnectionActivity } from './connection-activity.ts';

const silent = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent } as never;
const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 9, minute));

function setup(failFirst = false) {
  const writes: ActivityUpdate[][] = [];
  let failures = failFirst ? 1 : 0;
  const activity = createConnectionActivity({
    store: {
      async saveActivity(updates) {
        if (failures-- > 0) throw new Error('database is locked');
        writes.push(structuredClone([...updates]));
      },
    },
    logger: silent,
    // Longer than any test: writes happen only when a test flushes or closes.
    intervalMs: 3_600_000,
  });
  return { activity, writes };
}

describe('coalesced connection activity', () => {
  it('writes one update per person per flush, whatever the number of calls, with the latest success', async () => {
    const { activity, writes } = setup();
    for (let i = 0; i < 500; i += 1) activity.recordSuccess('t', 'oid-1', at(i % 10));
    activity.recordSuccess('t', 'oid-2', at(3));
    await activity.flush();
    expect(writes).toHaveLength(1);
    expect(writes[0]).toEqual([
      { tenantId: 't', userId: 'oid-1', lastGraphSuccessAt: at(9), syncErrors: {} },
      { tenantId: 't', userId: 'oid-2', lastGraphSuccessAt: at(3), syncErrors: {} },
    ]);
    await activity.flush();
    expect(writes).toHaveLength(1);
    await activity.close();
  });

  it('keeps the latest news per kind of sync work: an error, or a success that clears it', async () => {
    const { activity, writes } = setup();
    const error = { kind: 'subscription' as const, code: 'subscription_refused', message: 'x'.repeat(900), at: at(1) };
    activity.recordSyncError('t', 'oid-1', error);
    activity.recordSyncSuccess('t', 'oid-1', 'apply');
    activity.recordSyncError('t', 'oid-2', error);
    activity.recordSyncSuccess('t', 'oid-2', 'subscription');
    await activity.close();
    expect(writes[0]).toEqual([
      {
        tenantId: 't',
        userId: 'oid-1',
        lastGraphSuccessAt: null,
        syncErrors: {
          subscription: { code: 'subscription_refused', message: 'x'.repeat(500), at: at(1) },
          apply: null,
        },
      },
      { tenantId: 't', userId: 'oid-2', lastGraphSuccessAt: null, syncErrors: { subscription: null } },
    ]);
  });

  it('keeps what a failed write held for the next one, merged with what came since', async () => {
    const { activity, writes } = setup(true);
    activity.recordSuccess('t', 'oid-1', at(5));
    await activity.flush();
    expect(writes).toEqual([]);
    activity.recordSuccess('t', 'oid-1', at(2));
    activity.recordSyncSuccess('t', 'oid-1', 'apply');
    await activity.close();
    expect(writes).toEqual([
      [{ tenantId: 't', userId: 'oid-1', lastGraphSuccessAt: at(5), syncErrors: { apply: null } }],
    ]);
  });
});
