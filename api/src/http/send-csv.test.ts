import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../domain/app-error.ts';
import { errorHandler } from './error-handler.ts';
import { sendCsv } from './send-csv.ts';

/** A record large enough that a few of them fill a chunk and go out before the next is read. */
const RECORD = `${'x'.repeat(1_000)}\r\n`;

async function* records(count: number, failAt?: number): AsyncIterable<string> {
  for (let i = 0; i < count; i += 1) {
    if (i === failAt) throw new AppError('internal_error', 'the store went away');
    yield RECORD;
  }
}

let server: ReturnType<ReturnType<typeof express>['listen']>;
let base: string;
beforeAll(async () => {
  const app = express();
  app.get('/all', async (_req, res) => sendCsv(res, 'all.csv', records(500)));
  app.get('/fails-first', async (_req, res) => sendCsv(res, 'x.csv', records(10, 0)));
  app.get('/fails-later', async (_req, res) => sendCsv(res, 'x.csv', records(500, 300)));
  app.use(errorHandler());
  server = app.listen(0, '127.0.0.1');
  await new Promise((done) => server.once('listening', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((done) => server.close(done)));

describe('sending CSV', () => {
  it('streams every record as a named download', async () => {
    const response = await fetch(`${base}/all`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="all.csv"');
    expect(await response.text()).toBe(RECORD.repeat(500));
  });

  it('answers an error with its status when the first record cannot be read', async () => {
    const response = await fetch(`${base}/fails-first`);
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ error: { code: 'internal_error' } });
  });

  it('cuts the download short when a later record fails, so it never looks complete', async () => {
    const response = await fetch(`${base}/fails-later`);
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
  });
});
