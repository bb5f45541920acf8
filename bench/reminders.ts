import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEAMS_LIMITS } from '../bot/src/delivery/index.ts';
import { runDeliveryWithCrash } from './lib/delivery-crash-run.ts';
import type { BenchResult } from './lib/results.ts';

const MESSAGES = 10_000;
/** 2,000 people with five reminders each: no conversation limit binds, the tenant's 50/s does. */
const CONVERSATIONS = 2_000;

/**
 * 10,000 reminders due in the same minute, drained into a local connector enforcing Teams' limits, with
 * the worker SIGKILLed halfway and restarted. The floor is what the limits allow: at 50 requests/s per
 * app per tenant, the last of N messages can leave no sooner than (⌈N / 50⌉ − 1) s after the first.
 */
export async function benchReminders(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'confer-bench-reminders-'));
  try {
    const result = await runDeliveryWithCrash({
      databaseFile: join(dir, 'confer.db'),
      messages: MESSAGES,
      conversations: CONVERSATIONS,
      killAfterAccepted: MESSAGES / 2,
      leaseMs: 15_000,
      sendTimeoutMs: 5_000,
    });
    const tenantLimit = TEAMS_LIMITS.perTenant[0] as { count: number; windowMs: number };
    const minimumMs = (Math.ceil(MESSAGES / tenantLimit.count) - 1) * tenantLimit.windowMs;
    const counts = result.keys.map((key) => result.deliveries.get(key) ?? 0);
    const duplicates = counts.reduce((sum, count) => sum + Math.max(0, count - 1), 0);
    const lost = counts.filter((count) => count === 0).length;
    const seconds = result.durationMs / 1000;
    process.stdout.write(
      `reminders: ${MESSAGES} in ${seconds.toFixed(1)} s (${(MESSAGES / seconds).toFixed(1)}/s), ` +
        `limits allow ${(minimumMs / 1000).toFixed(0)} s, ratio ${(result.durationMs / minimumMs).toFixed(3)}; ` +
        `${result.inDoubtAtKill} in doubt at the kill, ${result.confirmations} confirmed, ${result.throttled} × 429\n`,
    );
    return [
      {
        name: 'reminders: 10,000 with a kill, time ÷ limits minimum',
        unit: '×',
        value: result.durationMs / minimumMs,
        target: 1.15,
        better: 'lower',
      },
      {
        name: 'reminders: throughput',
        unit: 'msg/s',
        value: MESSAGES / seconds,
        baseline: (tenantLimit.count * 1000) / tenantLimit.windowMs,
        better: 'higher',
      },
      { name: 'reminders: minimum the limits allow', unit: 's', value: minimumMs / 1000 },
      { name: 'reminders: duplicates', unit: 'messages', value: duplicates, target: 0, better: 'lower' },
      { name: 'reminders: lost', unit: 'messages', value: lost, target: 0, better: 'lower' },
      { name: 'reminders: answered 429', unit: 'requests', value: result.throttled },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
