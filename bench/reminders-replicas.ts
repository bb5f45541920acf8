import { startTestPostgres } from '../tests/support/postgres-server.ts';
import { createTestDatabase } from '../tests/support/test-database.ts';
import { deliveryErrors, limitsMinimumMs, REMINDER_BATCH } from './lib/reminder-batch.ts';
import { type ReplicatedRunResult, runReplicatedDelivery } from './lib/replicated-delivery-run.ts';
import type { BenchResult } from './lib/results.ts';

const REPLICAS = 3;

/**
 * The reminders benchmark on three PostgreSQL replicas (one database, only the lease holder sends, as the app
 * runs): the leading replica SIGKILLed right after the connector took message N/2, the others take over once its
 * lease runs out. The time is measured against the same floor as one process, so the takeover's pause shows.
 */
export async function benchRemindersOnReplicas(): Promise<BenchResult[]> {
  const { messages } = REMINDER_BATCH;
  const result = await runOnFreshDatabase();
  const minimumMs = limitsMinimumMs(messages);
  const { duplicates, lost } = deliveryErrors(result.keys, result.deliveries);
  const seconds = result.durationMs / 1000;
  const takeoverSeconds = (result.takeoverMs ?? Number.NaN) / 1000;
  process.stdout.write(
    `reminders on ${REPLICAS} PostgreSQL replicas: ${messages} in ${seconds.toFixed(1)} s, ` +
      `ratio ${(result.durationMs / minimumMs).toFixed(3)}; leader ${result.killed?.pid ?? 'not'} killed, ` +
      `next leader's first message ${takeoverSeconds.toFixed(1)} s later; ${result.inDoubtAtKill} in doubt, ` +
      `${result.confirmations} confirmed, ${result.throttled} × 429\n`,
  );
  return [
    {
      name: 'reminders: 10,000 on 3 PostgreSQL replicas with the leader killed, time ÷ limits minimum',
      unit: '×',
      value: result.durationMs / minimumMs,
      target: 1.15,
      better: 'lower',
    },
    { name: 'reminders (3 replicas): duplicates', unit: 'messages', value: duplicates, target: 0, better: 'lower' },
    { name: 'reminders (3 replicas): lost', unit: 'messages', value: lost, target: 0, better: 'lower' },
    { name: 'reminders (3 replicas): takeover after the kill', unit: 's', value: takeoverSeconds },
    { name: 'reminders (3 replicas): answered 429', unit: 'requests', value: result.throttled },
  ];
}

/** The run on a database of its own, on CONFER_TEST_DATABASE_URL's server or one started for it. */
async function runOnFreshDatabase(): Promise<ReplicatedRunResult> {
  const server = await startTestPostgres();
  try {
    const database = await createTestDatabase(server.url);
    try {
      return await runReplicatedDelivery({
        databaseUrl: database.url,
        messages: REMINDER_BATCH.messages,
        conversations: REMINDER_BATCH.people,
        replicas: REPLICAS,
        killLeaderAfterAccepted: REMINDER_BATCH.messages / 2,
      });
    } finally {
      await database.drop();
    }
  } finally {
    await server.stop();
  }
}
