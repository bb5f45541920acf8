import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeApp } from './compose.ts';
import { ConfigError, parseConfig } from './config/config.ts';
import { createLogger } from './logging/logger.ts';
import { systemClock } from './ports/clock.ts';
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
  });
  const stop = (signal: string) => {
    logger.info('stopping', { signal });
    server.close(() => {
      void composed.close().then(() => process.exit(0));
    });
    server.closeAllConnections();
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main();
