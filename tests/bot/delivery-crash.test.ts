import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDeliveryWithCrash } from '../../bench/lib/delivery-crash-run.ts';

const dir = mkdtempSync(join(tmpdir(), 'confer-delivery-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the delivery worker killed halfway through a batch of due reminders', () => {
  it('delivers every reminder exactly once after a restart, including the one the connector took as it died', async () => {
    const result = await runDeliveryWithCrash({
      databaseFile: join(dir, 'confer.db'),
      messages: 300,
      conversations: 60,
      killAfterAccepted: 140,
      leaseMs: 2_000,
      sendTimeoutMs: 1_000,
    });

    // The kill landed between the connector storing a message and the worker hearing back.
    expect(result.inDoubtAtKill).toBeGreaterThanOrEqual(1);
    expect(result.confirmations).toBeGreaterThanOrEqual(1);
    const counts = result.keys.map((key) => result.deliveries.get(key) ?? 0);
    expect(counts.filter((count) => count === 0)).toHaveLength(0);
    expect(counts.filter((count) => count > 1)).toHaveLength(0);
    expect(result.deliveries.size).toBe(300);
    expect(result.finalStates).toMatchObject({ sent: 300, pending: 0, claimed: 0, sending: 0, failed: 0 });
  }, 120_000);
});
