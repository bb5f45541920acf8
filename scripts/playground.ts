/**
 * `npm run playground`: starts the Microsoft 365 Agents Playground against the running app's bot
 * (start the app first with `npm start`), prints where to open it, and stops it on Ctrl-C.
 *
 *   npm run playground -- --app-endpoint http://localhost:4000/api/messages --port 56151
 *
 * Environment overrides: PLAYGROUND_APP_ENDPOINT, PORT (the app's port, as for `npm start`),
 * PLAYGROUND_PORT.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultPlaygroundPort, playgroundConfigPath, startPlayground } from '../bot/playground/playground-launcher.ts';

const root = resolve(import.meta.dirname, '..');

function readOptions(): { appEndpoint: string; port: number } {
  const { values } = parseArgs({ options: { 'app-endpoint': { type: 'string' }, port: { type: 'string' } } });
  const appPort = process.env.PORT ?? '3978';
  const appEndpoint =
    values['app-endpoint'] ?? process.env.PLAYGROUND_APP_ENDPOINT ?? `http://localhost:${appPort}/api/messages`;
  const portText = values.port ?? process.env.PLAYGROUND_PORT ?? String(defaultPlaygroundPort);
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`--port must be a TCP port number, got "${portText}".`);
  try {
    new URL(appEndpoint);
  } catch {
    fail(`--app-endpoint must be a URL such as http://localhost:3978/api/messages, got "${appEndpoint}".`);
  }
  return { appEndpoint, port };
}

function fail(message: string): never {
  console.error(`playground: ${message}`);
  process.exit(2);
}

async function main(): Promise<void> {
  const { appEndpoint, port } = readOptions();
  const playground = await startPlayground({
    appEndpoint,
    port,
    logFile: resolve(root, 'devTools', 'm365agentsplayground.log'),
    echoOutput: true,
  });
  console.log(
    [
      '',
      `Agents Playground: ${playground.url}`,
      `  bot endpoint:    ${appEndpoint}  (start the app with npm start)`,
      `  people & tenant: ${playgroundConfigPath}`,
      '  Open it, click "Install app" to be greeted, then type "help". Ctrl-C stops it.',
      '',
    ].join('\n'),
  );
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await playground.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(`playground: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
