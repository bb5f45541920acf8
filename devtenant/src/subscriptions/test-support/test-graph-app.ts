import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import { GraphHttpError } from '../../graph/context.ts';
import type { SubscriptionsFeature } from '../index.ts';

export interface TestGraphApp {
  url: string;
  /** Calls `/v1.0{path}` with a bearer token and JSON body; returns status and parsed body. */
  call(method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: GraphBody }>;
  close(): Promise<void>;
}

/** The parts of Graph responses the tests read. */
export interface GraphBody {
  id?: string;
  expirationDateTime?: string;
  clientState?: string | null;
  value?: Record<string, unknown>[];
  error?: { code: string; message: string };
  [key: string]: unknown;
}

/**
 * Mounts the feature's router under /v1.0 and renders GraphHttpError like the core does
 * (docs/reference/graph-calendar.md §7).
 */
export async function startTestGraphApp(feature: SubscriptionsFeature): Promise<TestGraphApp> {
  const app = express();
  app.use('/v1.0', feature.router);
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (!(error instanceof GraphHttpError)) {
      res.status(500).json({ error: { code: 'generalException', message: String(error) } });
      return;
    }
    res
      .status(error.status)
      .json({ error: { code: error.code, message: error.message, innerError: { date: new Date().toISOString() } } });
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    call: async (method, path, token, body) => {
      const response = await fetch(`${url}/v1.0${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
