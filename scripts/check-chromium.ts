/**
 * `npm test` runs this first: without a browser the browser suites cannot run, and each would fail
 * with its own stack trace, so the run stops here at once with the one message saying how to get one.
 */
import { resolveChromium, systemChromiumLookup } from './lib/chromium-path.ts';

const resolution = resolveChromium(systemChromiumLookup());
if (!resolution.found) {
  process.stderr.write(`\n${resolution.message}\n\n`);
  process.exit(1);
}
process.stdout.write(`Browser tests use ${resolution.path} (${resolution.from}).\n`);
