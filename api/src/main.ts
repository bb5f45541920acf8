import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from './adapters/open-store.ts';
import { composeApp } from './compose.ts';
import { type Config, ConfigError, parseConfig } from './config/config.ts';
import { createLogger, type Logger } from './logging/logger.ts';
import { systemClock } from './ports/clock.ts';

/** The app server process: config from the environment (npm start loads the toolkit env files into it). */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** A stop that takes longer than this (a request or Graph call that hangs) ends the process anyway. */
const STOP_DEADLINE_MS = 25_000;

async function main() {
  let config: Config;
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
  const store = await openStore(config, systemClock, logger, join(resolve(root, config.dataDir), 'confer.db'));
  const composed = composeApp({
    config,
    logger,
    clock: systemClock,
    version,
    trustedCaPem: config.trustedCaFile ? readFileSync(config.trustedCaFile, 'utf8') : null,
    ...store,
    tabDir: join(root, 'tab', 'dist'),
  });
  const server = createServer(composed.app);
  server.listen(config.port, config.host, () => {
    logger.info('Confer is listening', {
      url: `http://${config.host}:${config.port}`,
      store: composed.store.kind,
    });
    // The singleton work (delivery, reminders, the reconciler, Outlook sync, incidents) runs on whichever replica
    // holds the lease; with one process that is this one, from now on (replicas/leadership.ts).
    composed.leadership.start();
  });
  const stop = once((signal: string) => gracefulStop(signal, server, composed, config, logger));
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

/**
 * A graceful stop: readiness fails at once (the load balancer stops sending), the drain period lets it notice,
 * the server stops taking connections and finishes the requests in flight, then the singleton work stops —
 * claimed messages go back to the queue, the lease is given up so another replica takes over at once — and the
 * store closes.
 */
async function gracefulStop(
  signal: string,
  server: ReturnType<typeof createServer>,
  composed: ReturnType<typeof composeApp>,
  config: Config,
  logger: Logger,
): Promise<void> {
  logger.info('stopping', { signal });
  const deadline = setTimeout(() => {
    logger.error('stop took too long; exiting', { afterMs: STOP_DEADLINE_MS });
    process.exit(1);
  }, STOP_DEADLINE_MS);
  deadline.unref();
  composed.beginStopping();
  if (config.shutdownDrainMs > 0) await new Promise((resolve) => setTimeout(resolve, config.shutdownDrainMs));
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Idle keep-alive connections would hold the server open; requests in flight finish first.
  server.closeIdleConnections();
  await closed;
  try {
    await composed.close();
  } catch (error) {
    logger.error('stopping failed', { error });
    process.exit(1);
  }
  process.exit(0);
}

function once<A extends unknown[]>(run: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  let started: Promise<void> | null = null;
  return (...args) => {
    started ??= run(...args);
    return started;
  };
}

main().catch((error: unknown) => {
  process.stderr.write(`Confer could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
