import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEAMS_LIMITS } from '../bot/src/delivery/index.ts';
import { runDeliveryWithCrash } from './lib/delivery-crash-run.ts';
import { deliveryErrors, limitsMinimumMs, REMINDER_BATCH } from './lib/reminder-batch.ts';
import type { BenchResult } from './lib/results.ts';
import { benchRemindersOnReplicas } from './reminders-replicas.ts';

const MESSAGES = REMINDER_BATCH.messages;
const CONVERSATIONS = REMINDER_BATCH.people;

/**
 * 10,000 reminders due in the same minute, drained into a local connector enforcing Teams' limits, with
 * the worker SIGKILLed halfway and restarted; then the same on three PostgreSQL replicas with the leader
 * killed (reminders-replicas.ts). The floor is what the limits allow (limitsMinimumMs).
 */
export async function benchReminders(): Promise<BenchResult[]> {
  return [...(await benchRemindersOnSqlite()), ...(await benchRemindersOnReplicas())];
}

async function benchRemindersOnSqlite(): Promise<BenchResult[]> {
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
    const minimumMs = limitsMinimumMs(MESSAGES);
    const { duplicates, lost } = deliveryErrors(result.keys, result.deliveries);
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
