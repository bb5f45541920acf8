/**
 * `npm run bench`: runs every benchmark, prints the figures beside their targets and same-run baselines,
 * and writes them to bench/results/latest.json. Exits non-zero when a target is missed.
 */
import { join } from 'node:path';
import { benchAccessTest } from './admin-access-test.ts';
import { benchAdminHealth } from './admin-health.ts';
import { benchAvailability } from './availability.ts';
import { benchDevtenantThroughput } from './devtenant-throughput.ts';
import { benchFollowThrough } from './follow-through.ts';
import { type BenchResult, meetsTarget, printResults, writeResults } from './lib/results.ts';
import { benchMeetingReads } from './meeting-reads.ts';
import { benchOutlookSync } from './outlook-sync.ts';
import { benchReminders } from './reminders.ts';
import { benchReplicas } from './replicas.ts';
import { benchSuggestions } from './suggestions.ts';
import { benchTab } from './tab.ts';

const suites: Record<string, () => Promise<BenchResult[]>> = {
  access: benchAccessTest,
  admin: benchAdminHealth,
  availability: benchAvailability,
  devtenant: benchDevtenantThroughput,
  'follow-through': benchFollowThrough,
  meetings: benchMeetingReads,
  reminders: benchReminders,
  replicas: benchReplicas,
  suggestions: benchSuggestions,
  sync: benchOutlookSync,
  tab: benchTab,
};

const only = process.argv.slice(2);
const results: BenchResult[] = [];
for (const [name, run] of Object.entries(suites)) {
  if (only.length > 0 && !only.includes(name)) continue;
  process.stdout.write(`running ${name}…\n`);
  results.push(...(await run()));
}
printResults(results);
writeResults(join(import.meta.dirname, 'results', 'latest.json'), results);
process.exit(results.some((r) => meetsTarget(r) === false) ? 1 : 0);
