/**
 * One replica's proactive delivery as its own process, on PostgreSQL, for the replica failover test and benchmark:
 * several run on one database, only the holder of the singleton lease sends (as in the app, compose.ts), and the
 * run SIGKILLs the leader mid-batch. Arguments: one JSON object (ReplicaProcessOptions). Prints JSON lines
 * (ReplicaEvent) and exits once nothing is left to send, whichever replica notices.
 */

import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { createPostgresConversationStore } from '../../api/src/adapters/postgres/pg-conversation-store.ts';
import { openPostgres } from '../../api/src/adapters/postgres/pg-database.ts';
import { createPostgresLeases } from '../../api/src/adapters/postgres/pg-leases.ts';
import { createPostgresOutboundStore } from '../../api/src/adapters/postgres/pg-outbound-queue-store.ts';
import type { Logger } from '../../api/src/logging/logger.ts';
import { createLeadership } from '../../api/src/use-cases/replicas/leadership.ts';
import type { OutboundState } from '../../bot/src/delivery/index.ts';
import { createKeyCardDelivery } from './reminder-batch.ts';

export interface ReplicaProcessOptions {
  databaseUrl: string;
  leaseMs: number;
  sendTimeoutMs: number;
}

export type ReplicaEvent =
  | { event: 'started'; pid: number }
  | { event: 'leading'; pid: number; at: number }
  | { event: 'stopped'; pid: number; at: number }
  | { event: 'done'; pid: number; counts: Record<OutboundState, number> };

/** The app's lease name (compose.ts): the same singleton the app's delivery runs under. */
const LEASE = 'confer:singleton-work';
const CHECK_EVERY_MS = 500;

function print(event: ReplicaEvent): void {
  process.stdout.write(`${JSON.stringify(event)}\n`);
}

/** Warnings and errors to stderr (the run shows them); the rest is the events on stdout. */
function stderrLogger(): Logger {
  const write = (message: string, fields?: Record<string, unknown>) =>
    process.stderr.write(`${JSON.stringify({ pid: process.pid, message, ...fields })}\n`);
  const logger: Logger = { debug: () => {}, info: () => {}, warn: write, error: write, child: () => logger };
  return logger;
}

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as ReplicaProcessOptions;
  const clock = { now: () => new Date() };
  const logger = stderrLogger();
  const db = await openPostgres({ url: options.databaseUrl, poolSize: 8 });
  const store = createPostgresOutboundStore(db, clock);
  const conversations = createPostgresConversationStore(db);
  const leadership = createLeadership({
    leases: createPostgresLeases(db),
    name: LEASE,
    holder: `${hostname()}:${process.pid}:${randomUUID()}`,
    clock,
    logger,
    async lead() {
      print({ event: 'leading', pid: process.pid, at: Date.now() });
      // A fresh worker per term: its start rebuilds Teams' rate windows from the sends the store recorded, the
      // previous leader's included, so the replicas together stay within the tenant's limits.
      const worker = createKeyCardDelivery({
        store,
        conversations,
        clock,
        logger,
        leaseMs: options.leaseMs,
        sendTimeoutMs: options.sendTimeoutMs,
      });
      await worker.start();
      return async () => {
        await worker.stop();
        // Printed before the lease is given up: the run checks that no two terms overlap.
        print({ event: 'stopped', pid: process.pid, at: Date.now() });
      };
    },
  });
  leadership.start();
  print({ event: 'started', pid: process.pid });
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, CHECK_EVERY_MS));
    // The database may be away for a while (the restart test): ask again on the next round.
    const counts = await store.countByState().catch(() => null);
    if (!counts) continue;
    if (counts.pending + counts.claimed + counts.sending === 0) {
      await leadership.stop();
      print({ event: 'done', pid: process.pid, counts });
      await db.close();
      return;
    }
  }
}

await main();
