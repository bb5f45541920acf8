import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningPlayground, startPlayground } from '../../bot/playground/playground-launcher.ts';
import type { Stack } from '../support/stack.ts';
import { freePort } from './bot-test-support.ts';
import { type MessageStream, PlaygroundClient } from './playground-client.ts';

export interface PlaygroundSession {
  playground: RunningPlayground;
  client: PlaygroundClient;
  /** Every message the bot posts to the Playground's conversations, history first. */
  stream: MessageStream;
  stop(): Promise<void>;
}

/** The pinned Agents Playground on a free port, as Teams for the app of `stack`, with its log in a temp folder. */
export async function openPlaygroundSession(stack: Stack, name: string): Promise<PlaygroundSession> {
  const logDir = mkdtempSync(join(tmpdir(), `confer-${name}-`));
  const playground = await startPlayground({
    appEndpoint: `${stack.appUrl}/api/messages`,
    port: await freePort(),
    logFile: join(logDir, 'm365agentsplayground.log'),
  });
  const client = new PlaygroundClient(playground.url);
  const stream = await client.openStream();
  return {
    playground,
    client,
    stream,
    async stop() {
      stream.close();
      await playground.stop();
      rmSync(logDir, { recursive: true, force: true });
    },
  };
}
