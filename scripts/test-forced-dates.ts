/**
 * `npm run test:dates [-- <instant>… <test path>…]`: the suites whose outcome depends on "now", run once per
 * forced instant (CONFER_TEST_NOW, read by tests/support/stack.ts), so a test that quietly assumes a weekday,
 * a month or a UTC offset fails here rather than on the day the calendar reaches it.
 *
 * With no instants: the five below. With no paths: every stack-based suite (slow: run the browser suite
 * at a few instants by naming it, e.g. `npm run test:dates -- 2026-12-06T10:00:00Z tests/browser`).
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { forcedNow } from '../tests/support/forced-now.ts';

/**
 * Instants that have caught date assumptions: the weekend arriving mid-run, a Sunday, the year's last working
 * day, and the weeks the US (second Sunday of March) and the EU (last Sunday of March) move their clocks,
 * when New York and London are four hours apart instead of five. Fixed instants rather than ones computed from
 * today, so a failure found here can be run again exactly.
 */
const FORCED_INSTANTS = [
  '2026-12-04T17:30:00Z', // Friday evening in London
  '2026-12-06T10:00:00Z', // Sunday
  '2026-12-31T16:00:00Z', // New Year's Eve
  '2027-03-15T14:00:00Z', // US clocks changed the day before, EU not yet
  '2027-03-29T08:00:00Z', // EU clocks changed the day before
] as const;

const DATE_SENSITIVE_SUITES = ['tests/scheduling', 'tests/graph', 'tests/api', 'tests/bot', 'tests/browser'];

const root = resolve(import.meta.dirname, '..');

function main(): void {
  const args = process.argv.slice(2);
  const isInstant = (arg: string) => /^\d{4}-\d{2}-\d{2}T/.test(arg);
  const instants = args.filter(isInstant);
  const paths = args.filter((arg) => !isInstant(arg));
  for (const instant of instants) {
    try {
      forcedNow({ CONFER_TEST_NOW: instant });
    } catch (error) {
      // A malformed instant is refused before anything runs, with the message the stack would give.
      process.stderr.write(`${(error as Error).message}\n`);
      process.exit(2);
    }
  }
  const runs = instants.length > 0 ? instants : [...FORCED_INSTANTS];
  const results = runs.map((instant) => runAt(instant, paths.length > 0 ? paths : DATE_SENSITIVE_SUITES));
  process.stdout.write('\nForced dates:\n');
  for (const r of results) process.stdout.write(`  ${r.instant}  ${r.ok ? 'passed' : 'FAILED'}  ${r.seconds} s\n`);
  if (results.some((r) => !r.ok)) process.exit(1);
}

function runAt(instant: string, paths: readonly string[]): { instant: string; ok: boolean; seconds: number } {
  process.stdout.write(`\n=== CONFER_TEST_NOW=${instant}: vitest run ${paths.join(' ')}\n`);
  const started = Date.now();
  const run = spawnSync('npx', ['vitest', 'run', ...paths], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, CONFER_TEST_NOW: instant },
    shell: process.platform === 'win32',
  });
  if (run.error) throw run.error;
  return { instant, ok: run.status === 0, seconds: Math.round((Date.now() - started) / 1000) };
}

main();
