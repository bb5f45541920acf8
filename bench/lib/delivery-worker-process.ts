/**
 * One delivery worker as its own process, on a SQLite file, for the crash test and the reminders
 * benchmark: they SIGKILL it mid-batch and start another on the same file. Arguments: one JSON object
 * (WorkerProcessOptions). Prints a JSON summary and exits once nothing is left to send.
 */

import { openDatabase } from '../../api/src/adapters/sqlite/database.ts';
import { createSqliteOutboundStore } from '../../api/src/adapters/sqlite/outbound-queue-store.ts';
import { createSqliteConversationStore } from '../../api/src/adapters/sqlite/sqlite-conversation-store.ts';
import { createKeyCardDelivery } from './reminder-batch.ts';

export interface WorkerProcessOptions {
  databaseFile: string;
  leaseMs: number;
  sendTimeoutMs: number;
}

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as WorkerProcessOptions;
  const clock = { now: () => new Date() };
  const db = openDatabase(options.databaseFile);
  const store = createSqliteOutboundStore(db, clock);
  const logger = {
    info: () => {},
    warn: (message: string, fields?: Record<string, unknown>) =>
      process.stderr.write(`${JSON.stringify({ message, ...fields })}\n`),
    error: (message: string, fields?: Record<string, unknown>) =>
      process.stderr.write(`${JSON.stringify({ message, ...fields })}\n`),
  };
  const worker = createKeyCardDelivery({
    store,
    conversations: createSqliteConversationStore(db),
    clock,
    logger,
    leaseMs: options.leaseMs,
    sendTimeoutMs: options.sendTimeoutMs,
  });
  await worker.start();
  process.stdout.write('started\n');
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const counts = await store.countByState();
    if (counts.pending + counts.claimed + counts.sending === 0) {
      await worker.stop();
      process.stdout.write(`${JSON.stringify(counts)}\n`);
      db.close();
      return;
    }
  }
}

await main();
