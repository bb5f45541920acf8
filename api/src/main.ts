import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeApp } from './compose.ts';
import { ConfigError, parseConfig } from './config/config.ts';
import { createLogger } from './logging/logger.ts';
import { systemClock } from './ports/clock.ts';
import { type DeliveryJobs, startDeliveryJobs } from './use-cases/reminders/index.ts';
import { reconcileMeetings } from './use-cases/scheduling/reconcile-meetings.ts';

/** The app server process: config from the environment (npm start loads the toolkit env files into it). */
/** How often half-done creates are looked for while running. */
const RECONCILE_EVERY_MS = 5 * 60_000;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function main() {
  let config: ReturnType<typeof parseConfig>;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const composed = composeApp({
    config,
    logger,
    clock: systemClock,
    version,
    trustedCaPem: config.trustedCaFile ? readFileSync(config.trustedCaFile, 'utf8') : null,
    databaseFile: join(resolve(root, config.dataDir), 'confer.db'),
    tabDir: join(root, 'tab', 'dist'),
  });
  const server = createServer(composed.app);
  // Proactive messages (reminders, invitations, prompts) go out from the queue the store keeps; a message
  // a previous run left in doubt is confirmed or resent by the worker, never dropped.
  const startedJobs = startDeliveryJobs({
    worker: composed.delivery.worker,
    reminders: composed.delivery.reminders,
    tenantId: config.tenantId,
    logger: logger.child({ part: 'delivery' }),
  });
  startedJobs.catch((error: unknown) => logger.error('delivery failed to start', { error }));
  let deliveryJobs: Promise<DeliveryJobs> | null = startedJobs;
  server.listen(config.port, config.host, () => {
    logger.info('Confer is listening', { url: `http://${config.host}:${config.port}` });
    // Creates a previous run left half-done (intent recorded, store not completed) are finished first,
    // then periodically: a save can also fail in a process that keeps running.
    const reconcile = () =>
      reconcileMeetings(composed.scheduling).then(
        (report) => logger.info('reconciled interrupted creates', { ...report }),
        (error: unknown) => logger.error('reconciler failed', { error }),
      );
    void reconcile();
    setInterval(reconcile, RECONCILE_EVERY_MS).unref();
    // Outlook sync starts once the endpoint answers Graph's validation handshake: subscriptions are aligned with
    // meetings, every watched calendar is resynced (changes made while the app was down), then timers run.
    composed.sync.worker
      .start()
      .catch((error: unknown) => logger.error('Outlook sync failed to start; its timers retry', { error }));
    // Incidents are evaluated from the start (a consent revoked while the app was down is reported at once).
    void composed.incidents.monitor.start();
  });
  const stop = (signal: string) => {
    logger.info('stopping', { signal });
    const jobs = deliveryJobs;
    deliveryJobs = null;
    server.close(() => {
      void (jobs ?? Promise.resolve(null))
        .then((running) => running?.stop())
        .catch((error: unknown) => logger.error('delivery failed to stop', { error }))
        .then(() => composed.close())
        .then(() => process.exit(0));
    });
    server.closeAllConnections();
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main();
