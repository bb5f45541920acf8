import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { type BotOptions, createBotRouter } from '../src/index.ts';
import type { BotLogger } from '../src/ports.ts';
import { createServiceUrlPolicy, LOCAL_BOT_CONNECTOR_ORIGINS } from '../src/service-url-policy.ts';
import { tenantId } from './teams-activities.ts';

export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  message: string;
  fields: Record<string, unknown> | undefined;
}

export function createMemoryLogger(): BotLogger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  return {
    entries,
    info: (message, fields) => entries.push({ level: 'info', message, fields }),
    warn: (message, fields) => entries.push({ level: 'warn', message, fields }),
    error: (message, fields) => entries.push({ level: 'error', message, fields }),
  };
}

export interface BotServer {
  /** URL of the messaging endpoint, `…/api/messages`. */
  endpoint: string;
  post(activity: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

/** What the bot needs beyond its handlers' dependencies; local by default (no token, loopback connectors). */
type TrustOptions = 'inbound' | 'tenantId' | 'serviceUrls';

/**
 * An Express app that mounts the bot router the way the app does, on 127.0.0.1 and a free port. Unless told
 * otherwise it trusts what the local tenant trusts: no token, the test tenant, connectors on loopback.
 */
export async function startBotServer(
  options: Omit<BotOptions, TrustOptions> & Partial<Pick<BotOptions, TrustOptions>>,
): Promise<BotServer> {
  const app = express();
  app.use(
    '/api/messages',
    createBotRouter({
      inbound: { mode: 'off' },
      tenantId,
      serviceUrls: createServiceUrlPolicy(LOCAL_BOT_CONNECTOR_ORIGINS),
      ...options,
    }),
  );
  const server: Server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}/api/messages`;
  return {
    endpoint,
    post: (activity, headers = {}) =>
      fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof activity === 'string' ? activity : JSON.stringify(activity),
      }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
