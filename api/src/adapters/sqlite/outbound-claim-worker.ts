/**
 * Test helper for outbound-queue-store.test.ts: another process on the same SQLite file that claims in
 * small batches until nothing is due, then prints the keys it got as JSON.
 */
import { openDatabase } from './database.ts';
import { createSqliteOutboundStore } from './outbound-queue-store.ts';

const [file = '', token = '', nowText = '', startText = ''] = process.argv.slice(2);
const now = Number(nowText);
// Both processes start claiming at the same instant, whatever their start-up times were.
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startText) - Date.now())));
const clock = { now: () => new Date(now) };
const store = createSqliteOutboundStore(openDatabase(file), clock);
const claimed: string[] = [];
for (;;) {
  const jobs = await store.claim({ now: clock.now(), limit: 5, claimToken: token, leaseUntil: new Date(now + 60_000) });
  if (jobs.length === 0) break;
  claimed.push(...jobs.map((job) => job.message.key));
}
process.stdout.write(JSON.stringify(claimed));
