/**
 * `CONFER_TEST_NOW` (an ISO instant) starts the shared devtenant/Confer clock there when a test brings no clock
 * of its own, so whole suites can be run as if it were a Friday evening, New Year's Eve or a DST week. The clock
 * keeps running from that instant, as real time does.
 */
export function forcedNow(env: NodeJS.ProcessEnv = process.env): Date | undefined {
  const value = env.CONFER_TEST_NOW;
  if (!value) return undefined;
  const at = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(at.getTime()))
    throw new Error(`CONFER_TEST_NOW must be an ISO instant such as 2026-12-04T17:30:00Z; got "${value}".`);
  return at;
}
