/**
 * Starts the pinned Microsoft 365 Agents Playground (`@microsoft/m365agentsplayground`) as a child
 * process, for `npm run playground` and the bot's Playground test. Development tooling only: the
 * Playground is a dev dependency under a pre-release licence and never ships with the app.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

export const defaultPlaygroundPort = 56150;
/** The repository's Playground config: devtenant's tenant and people. */
export const playgroundConfigPath = resolve(import.meta.dirname, '..', '..', '.m365agentsplayground.yml');

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. `http://localhost:3978/api/messages`. */
  appEndpoint: string;
  /** The Playground's own port; it picks a random one when this one is taken. */
  port?: number;
  configPath?: string;
  /** Where the Playground writes its log; it defaults to `./devTools/m365agentsplayground.log`. */
  logFile?: string;
  /** Pass the Playground's own output through to this process (for the interactive script). */
  echoOutput?: boolean;
  startTimeoutMs?: number;
}

export interface RunningPlayground {
  /** Base URL of the Playground UI and of its scripting API. */
  url: string;
  port: number;
  pid: number;
  /** Stops the Playground and every process it started. */
  stop(): Promise<void>;
}

export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const cli = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');
  const port = options.port ?? defaultPlaygroundPort;
  const args = ['start', '-e', options.appEndpoint, '-c', 'msteams', '--dt', '-p', String(port)];
  // Its own process group, so stop() reaches the helpers the Playground spawns as well.
  const child = spawn(process.execPath, [cli, ...args], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: options.configPath ?? playgroundConfigPath,
      ...(options.logFile ? { M365_AGENTS_PLAYGROUND_LOGFILE: options.logFile } : {}),
    },
  });
  if (child.pid === undefined) throw new Error('The Agents Playground did not start.');
  const pid = child.pid;
  const stop = () => stopProcessGroup(child, pid);
  try {
    const actualPort = await waitForListening(child, options.echoOutput === true, options.startTimeoutMs ?? 30_000);
    const url = `http://localhost:${actualPort}`;
    await waitForPing(url);
    return { url, port: actualPort, pid, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The Playground prints `Listening on <port>` once its server is up. */
function waitForListening(child: ChildProcess, echo: boolean, timeoutMs: number): Promise<number> {
  return new Promise((resolvePort, reject) => {
    let output = '';
    const timer = setTimeout(
      () => fail(new Error(`The Agents Playground did not start within ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer, sink: NodeJS.WriteStream) => {
      if (echo) sink.write(chunk);
      output += chunk.toString('utf8');
      const match = /Listening on (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePort(Number(match[1]));
      }
    };
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(error);
    };
    child.stdout?.on('data', (chunk: Buffer) => onData(chunk, process.stdout));
    child.stderr?.on('data', (chunk: Buffer) => onData(chunk, process.stderr));
    child.once('exit', (code) => fail(new Error(`The Agents Playground exited with code ${code}:\n${output}`)));
  });
}

async function waitForPing(url: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      const response = await fetch(`${url}/_debug/ping`);
      if (response.ok) return;
    } catch {
      // Not accepting connections yet.
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`The Agents Playground at ${url} does not answer /_debug/ping.`);
}

async function stopProcessGroup(child: ChildProcess, pid: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  signalGroup(pid, 'SIGTERM');
  const timeout = new Promise<'timeout'>((done) => setTimeout(() => done('timeout'), 5000).unref());
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    signalGroup(pid, 'SIGKILL');
    await exited;
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    // ESRCH: the group is already gone.
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
