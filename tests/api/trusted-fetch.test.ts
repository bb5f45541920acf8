import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTrustedHttp } from '../../api/src/adapters/http/trusted-fetch.ts';
import { loadTlsMaterial } from '../../devtenant/src/core/tls-material.ts';

let server: Server;
let url: string;
let caPem: string;

beforeAll(async () => {
  const tls = await loadTlsMaterial(undefined);
  caPem = tls.caPem;
  server = createServer({ key: tls.keyPem, cert: tls.certPem }, (_req, res) => res.end('hello'));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  url = `https://localhost:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => server.close());

describe('trusted fetch', () => {
  it('trusts the named CA, with verification on', async () => {
    const http = createTrustedHttp(caPem);
    expect(await (await http.fetch(url)).text()).toBe('hello');
    await http.dispatcher?.close();
  });

  it('still refuses a certificate from an authority nobody named', async () => {
    const other = await loadTlsMaterial(undefined);
    const http = createTrustedHttp(other.caPem);
    await expect(http.fetch(url)).rejects.toThrow();
    await http.dispatcher?.close();
  });

  it('is the plain global fetch without a CA (which refuses the self-signed server)', async () => {
    const http = createTrustedHttp(null);
    expect(http.fetch).toBe(globalThis.fetch);
    await expect(http.fetch(url)).rejects.toThrow();
  });
});
