/**
 * `npm start`: the zero-setup local run. Starts devtenant (the local Microsoft 365 tenant) when the
 * environment names one, then the app server as a child process, prints what to open, and stops both
 * on Ctrl-C. All state (SQLite, devtenant state, certificate, signing keys) lives in the git-ignored
 * data folder (`.data/` unless CONFER_DATA_DIR says otherwise).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ADMIN_CONSENT_RETURN_PATH } from '@confer/contracts';
import { CONFER_APP_ROLES, type DevTenant, startDevTenant } from '../devtenant/src/index.ts';
import { EnvFileError } from './lib/env-files.ts';
import { ensureLocalClientSecret, resolveStartEnv } from './lib/local-env.ts';

const root = resolve(import.meta.dirname, '..');

async function main() {
  const { values } = parseArgs({ options: { env: { type: 'string', default: process.env.CONFER_ENV ?? 'local' } } });
  const envName = values.env ?? 'local';
  let env: Record<string, string>;
  try {
    if (envName === 'local') ensureLocalClientSecret(envName, root);
    env = resolveStartEnv(envName, root, process.env);
  } catch (error) {
    if (error instanceof EnvFileError) fail(error.message);
    throw error;
  }
  const dataDir = resolve(root, process.env.CONFER_DATA_DIR ?? '.data');
  mkdirSync(dataDir, { recursive: true });

  let devtenant: DevTenant | null = null;
  const childEnv: Record<string, string> = {
    ...(process.env as Record<string, string>),
    ...env,
    CONFER_DATA_DIR: dataDir,
  };
  if (env.DEVTENANT_URL) {
    devtenant = await startLocalTenant(env, dataDir);
    const caFile = join(dataDir, 'devtenant', 'ca.pem');
    writeFileSync(caFile, devtenant.caPem);
    childEnv.TRUSTED_CA_FILE = caFile;
  }

  const app = spawn(process.execPath, ['--import', 'tsx', join(root, 'api', 'src', 'main.ts')], {
    cwd: root,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let announced = false;
  app.stdout?.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (!announced && chunk.toString().includes('Confer is listening')) {
      announced = true;
      printWelcome(env, devtenant);
    }
  });
  const stop = once(async (code: number) => {
    await stopChild(app);
    await devtenant?.close();
    process.exit(code);
  });
  app.on('exit', (code) => void stop(code ?? 1));
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));
}

async function startLocalTenant(env: Record<string, string>, dataDir: string): Promise<DevTenant> {
  const tabEndpoint = env.TAB_ENDPOINT ?? '';
  const port = Number(new URL(env.DEVTENANT_URL ?? '').port || 443);
  try {
    return await startDevTenant({
      port,
      dataDir: join(dataDir, 'devtenant'),
      persist: true,
      mode: 'demo',
      apps: [
        {
          clientId: env.AAD_APP_CLIENT_ID ?? '',
          clientSecret: env.SECRET_AAD_APP_CLIENT_SECRET ?? '',
          displayName: 'Confer',
          identifierUris: [`api://${env.TAB_DOMAIN}/${env.AAD_APP_CLIENT_ID}`],
          redirectUris: [
            `${tabEndpoint}/auth-end.html`,
            `${tabEndpoint}/`,
            `${tabEndpoint}${ADMIN_CONSENT_RETURN_PATH}`,
          ],
          exposedScopes: ['access_as_user'],
          appRoles: CONFER_APP_ROLES,
        },
      ],
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE') fail(`Port ${port} is in use: stop what uses it or set DEVTENANT_PORT.`);
    throw error;
  }
}

function printWelcome(env: Record<string, string>, devtenant: DevTenant | null) {
  const tab = env.TAB_ENDPOINT;
  const lines = [
    '',
    'Confer is running.',
    `  Tab in a browser:          ${tab}/`,
    ...(devtenant
      ? [
          `  Tab inside Teams (emulated): ${tab}/dev/teams-host.html`,
          `  Local tenant (devtenant):  ${devtenant.origin}  (self-signed: accept it once in your browser,`,
          '                             or trust .data/devtenant/ca.pem)',
          '  Demo people: Megan Bowen, Alex Wilber, Adele Vance, … (pick one on the sign-in page)',
        ]
      : []),
    `  Bot endpoint:              ${env.BOT_ENDPOINT}/api/messages   (npm run playground to chat with it)`,
    '  Stop with Ctrl-C.',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    child.kill('SIGTERM');
  });
}

function once<A extends unknown[]>(fn: (...args: A) => Promise<void>) {
  let called = false;
  return async (...args: A) => {
    if (called) return;
    called = true;
    await fn(...args);
  };
}

function fail(message: string): never {
  process.stderr.write(`npm start: ${message}\n`);
  process.exit(1);
}

await main();
