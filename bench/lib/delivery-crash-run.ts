import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { openDatabase } from '../../api/src/adapters/sqlite/database.ts';
import { createSqliteOutboundStore } from '../../api/src/adapters/sqlite/outbound-queue-store.ts';
import { createSqliteConversationStore } from '../../api/src/adapters/sqlite/sqlite-conversation-store.ts';
import type { OutboundState } from '../../bot/src/delivery/index.ts';
import { startLocalTeamsConnector } from '../../bot/src/delivery/test-support/teams-connector.ts';
import type { WorkerProcessOptions } from './delivery-worker-process.ts';
import { seedReminders } from './reminder-batch.ts';

export interface CrashRunOptions {
  databaseFile: string;
  messages: number;
  conversations: number;
  /** SIGKILL the worker right after the connector stores this many messages (before it answers); null = no kill. */
  killAfterAccepted: number | null;
  leaseMs: number;
  sendTimeoutMs: number;
}

export interface CrashRunResult {
  keys: string[];
  /** Deliveries per key, as the connector counted them. */
  deliveries: Map<string, number>;
  /** From the first worker's start to the last message the connector accepted. */
  durationMs: number;
  throttled: number;
  /** Confirmations (updates by the proposed id) the restarted worker made. */
  confirmations: number;
  /** Messages the killed worker left `sending` (sent or not, unknown to the store). */
  inDoubtAtKill: number;
  finalStates: Record<OutboundState, number>;
}

const script = join(import.meta.dirname, 'delivery-worker-process.ts');

/**
 * Reminders all due now, a worker process that drains them into a connector enforcing Teams' limits,
 * killed (SIGKILL) mid-batch at the worst moment — the connector has the message, the store does not
 * know — and a fresh process on the same file to finish.
 */
export async function runDeliveryWithCrash(options: CrashRunOptions): Promise<CrashRunResult> {
  let worker: ChildProcess | null = null;
  let killed = false;
  const connector = await startLocalTeamsConnector({
    onAccepted: (_activity, count) => {
      if (count === options.killAfterAccepted && worker && !killed) {
        killed = true;
        worker.kill('SIGKILL');
      }
    },
  });
  try {
    const keys = await seed(options, connector.serviceUrl);
    const started = Date.now();
    const workerOptions: WorkerProcessOptions = {
      databaseFile: options.databaseFile,
      leaseMs: options.leaseMs,
      sendTimeoutMs: options.sendTimeoutMs,
    };
    worker = startWorker(workerOptions);
    await once(worker, 'exit');
    let inDoubtAtKill = 0;
    if (killed) {
      inDoubtAtKill = (await statesOf(options.databaseFile)).sending;
      const updatesBefore = connector.updates;
      worker = startWorker(workerOptions);
      await once(worker, 'exit');
      connector.updates -= updatesBefore;
    }
    const last = connector.accepted.at(-1)?.receivedAt ?? Date.now();
    return {
      keys,
      deliveries: connector.deliveries,
      durationMs: last - started,
      throttled: connector.throttled,
      confirmations: connector.updates,
      inDoubtAtKill,
      finalStates: await statesOf(options.databaseFile),
    };
  } finally {
    if (worker && worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL');
    await connector.close();
  }
}

function startWorker(options: WorkerProcessOptions): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(options)], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function seed(options: CrashRunOptions, serviceUrl: string): Promise<string[]> {
  const clock = { now: () => new Date() };
  const db = openDatabase(options.databaseFile);
  try {
    return await seedReminders({
      conversations: createSqliteConversationStore(db),
      queue: createSqliteOutboundStore(db, clock),
      messages: options.messages,
      people: options.conversations,
      serviceUrl,
      due: clock.now(),
    });
  } finally {
    db.close();
  }
}

async function statesOf(databaseFile: string): Promise<Record<OutboundState, number>> {
  const db = openDatabase(databaseFile);
  try {
    return await createSqliteOutboundStore(db, { now: () => new Date() }).countByState();
  } finally {
    db.close();
  }
}
