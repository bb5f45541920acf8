/**
 * devtenant's own throughput, so it is never the bottleneck of other benchmarks (issue: ≥ 500 requests/s
 * on a 2-core machine). Baseline in the same run: a bare HTTPS server answering `{}` over the same
 * dispatcher, i.e. what Node's TLS stack alone allows here.
 */

import { randomBytes } from 'node:crypto';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { LOCAL_CLIENT_ID, LOCAL_TENANT_ID } from '@confer/contracts';
import { createTrustedHttp } from '../api/src/adapters/http/trusted-fetch.ts';
import { startDevTenant } from '../devtenant/src/index.ts';
import { runLoad } from './lib/load.ts';
import type { BenchResult } from './lib/results.ts';

const TENANT = LOCAL_TENANT_ID;
const CLIENT_ID = LOCAL_CLIENT_ID;
const REQUESTS = 3_000;
/** Spread over many mailboxes: Graph (and devtenant) allow 4 concurrent requests per app and mailbox. */
const CONCURRENCY = 8;

export async function benchDevtenantThroughput(): Promise<BenchResult[]> {
  const secret = randomBytes(16).toString('hex');
  const tenant = await startDevTenant({
    port: 0,
    mode: 'test',
    apps: [
      {
        clientId: CLIENT_ID,
        clientSecret: secret,
        displayName: 'Confer',
        identifierUris: [`api://localhost/${CLIENT_ID}`],
        redirectUris: ['http://localhost/'],
        exposedScopes: ['access_as_user'],
      },
    ],
  });
  const http = createTrustedHttp(tenant.caPem);
  try {
    const token = await appToken(http.fetch, tenant.origin, secret);
    const people = await mailboxes(http.fetch, tenant.origin, token);
    const start = tenant.clock.now();
    const end = new Date(start.getTime() + 14 * 24 * 3_600_000);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

    const schedule = await runLoad({
      requests: REQUESTS,
      concurrency: CONCURRENCY,
      send: async (i) => {
        const organizer = people[i % people.length] as Mailbox;
        const other = people[(i + 1) % people.length] as Mailbox;
        await expectOk(
          http.fetch(`${tenant.origin}/v1.0/users/${organizer.id}/calendar/getSchedule`, {
            method: 'POST',
            headers,
            body: JSON.stringify({
              schedules: [organizer.address, other.address],
              startTime: { dateTime: start.toISOString().slice(0, 19), timeZone: 'UTC' },
              endTime: { dateTime: end.toISOString().slice(0, 19), timeZone: 'UTC' },
              availabilityViewInterval: 30,
            }),
          }),
        );
      },
    });
    const create = await runLoad({
      requests: REQUESTS,
      concurrency: CONCURRENCY,
      send: async (i) => {
        const organizer = people[i % people.length] as Mailbox;
        const at = new Date(start.getTime() + (i % 200) * 3_600_000);
        await expectOk(
          http.fetch(`${tenant.origin}/v1.0/users/${organizer.id}/events`, {
            method: 'POST',
            headers,
            body: JSON.stringify({
              subject: `Benchmark ${i}`,
              start: { dateTime: at.toISOString().slice(0, 19), timeZone: 'UTC' },
              end: { dateTime: new Date(at.getTime() + 1_800_000).toISOString().slice(0, 19), timeZone: 'UTC' },
              transactionId: `bench-${i}-${randomBytes(4).toString('hex')}`,
            }),
          }),
        );
      },
    });
    const baseline = await bareHttpsBaseline(tenant.caPem);
    return [
      {
        name: 'devtenant getSchedule (2 people × 14 days)',
        unit: 'req/s',
        value: schedule.perSecond,
        target: 500,
        baseline,
        better: 'higher',
      },
      {
        name: 'devtenant event create',
        unit: 'req/s',
        value: create.perSecond,
        target: 500,
        baseline,
        better: 'higher',
      },
      {
        name: 'devtenant failed requests',
        unit: 'count',
        value: schedule.failures + create.failures,
        target: 0,
        better: 'lower',
      },
    ];
  } finally {
    await http.dispatcher?.close();
    await tenant.close();
  }
}

interface Mailbox {
  id: string;
  address: string;
}

async function mailboxes(fetchFn: typeof fetch, origin: string, token: string): Promise<Mailbox[]> {
  const response = await fetchFn(`${origin}/v1.0/users?$select=id,userPrincipalName,mail&$top=100`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await response.json()) as { value: { id: string; userPrincipalName: string; mail: string | null }[] };
  return body.value.flatMap((u) => (u.mail ? [{ id: u.id, address: u.mail }] : []));
}

async function appToken(fetchFn: typeof fetch, origin: string, secret: string): Promise<string> {
  const response = await fetchFn(`${origin}/${TENANT}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: CLIENT_ID,
      client_secret: secret,
      scope: 'https://graph.microsoft.com/.default',
    }),
  });
  if (!response.ok) throw new Error(`token endpoint answered ${response.status}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

async function expectOk(pending: Promise<Response>): Promise<void> {
  const response = await pending;
  await response.arrayBuffer();
  if (response.status >= 300) throw new Error(`status ${response.status}`);
}

async function bareHttpsBaseline(caPem: string): Promise<number> {
  // Same TLS stack and certificate type as devtenant, no application work: the ceiling for this machine.
  const { loadTlsMaterial } = await import('../devtenant/src/core/tls-material.ts');
  const tls = await loadTlsMaterial(undefined);
  const server = createServer({ key: tls.keyPem, cert: tls.certPem }, (_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end('{}');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const http = createTrustedHttp(tls.caPem ?? caPem);
  const url = `https://localhost:${(server.address() as AddressInfo).port}/`;
  try {
    const result = await runLoad({
      requests: REQUESTS,
      concurrency: CONCURRENCY,
      send: () => expectOk(http.fetch(url)),
    });
    return result.perSecond;
  } finally {
    await http.dispatcher?.close();
    server.close();
  }
}
