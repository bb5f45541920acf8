import type { AddressInfo } from 'node:net';
import express, { type ErrorRequestHandler } from 'express';
import { GraphHttpError } from '../../graph/context.ts';
import { createCalendarFeature } from '../index.ts';
import { ALEX, createFakeContext, type FakeContext, fakeToken } from './fake-graph-context.ts';

export const DELEGATED_SCOPES = ['Calendars.ReadWrite', 'Calendars.Read.Shared'];

export interface CalendarTestApp {
  url: string;
  ctx: FakeContext;
  feature: ReturnType<typeof createCalendarFeature>;
  /** fetch against `/v1.0` with a fake token (Alex, delegated, unless `token` is given). */
  call(
    method: string,
    path: string,
    options?: { body?: unknown; token?: string; headers?: Record<string, string> },
  ): Promise<Response>;
  close(): Promise<void>;
}

const renderError: ErrorRequestHandler = (error, _req, res, _next) => {
  if (error instanceof GraphHttpError) {
    res
      .status(error.status)
      .set(error.headers)
      .json({ error: { code: error.code, message: error.message, innerError: {} } });
    return;
  }
  res.status(500).json({ error: { code: 'generalException', message: String(error?.stack ?? error) } });
};

/** The calendar router in a bare Express app with a fake GraphContext, on 127.0.0.1 and a free port. */
export async function startCalendarTestApp(nowIso = '2026-03-25T12:00:00Z'): Promise<CalendarTestApp> {
  const app = express();
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const ctx = createFakeContext(url, nowIso);
  const feature = createCalendarFeature(ctx);
  app.use('/v1.0', feature.router);
  app.use(renderError);
  const alexToken = fakeToken({ kind: 'delegated', userId: ALEX.id, scopes: DELEGATED_SCOPES });
  return {
    url,
    ctx,
    feature,
    call: (method, path, options = {}) =>
      fetch(`${url}/v1.0${path}`, {
        method,
        headers: {
          authorization: `Bearer ${options.token ?? alexToken}`,
          ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...options.headers,
        },
        ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      }),
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
