import { errorCodeSchema } from '@confer/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createControllableClock } from '../../devtenant/src/index.ts';
import { PEOPLE, type Stack, startStack } from '../support/stack.ts';

/**
 * Every admin endpoint, listed from /api/openapi.json so a new one cannot be missed: without a token, with the
 * token of someone who is not an admin, and with an admin's token carrying bad input. Each answer is a 4xx with
 * one of the API's codes, and nothing changes — settings, access tests, consent requests, incidents — except the
 * audit entries that record the refusals.
 */
let stack: Stack;
const tokens: Partial<Record<'megan' | 'adele', string>> = {};

beforeAll(async () => {
  stack = await startStack({ tabDir: null, clock: createControllableClock(new Date('2026-12-07T09:00:00Z')) });
  tokens.megan = await stack.tabTokenFor(PEOPLE.megan.id);
  tokens.adele = await stack.tabTokenFor(PEOPLE.adele.id);
}, 60_000);
afterAll(() => stack?.stop());

/** Each admin operation the API documents, with an input an admin would send and bad ones. */
const operations: Record<string, { ok: string | Record<string, unknown> | null; bad: (string | unknown)[] }> = {
  'GET /api/admin/settings': { ok: null, bad: [] },
  'PUT /api/admin/settings': {
    ok: { connectionMode: 'user', integrationEnabled: true, allowDisconnect: true, integrationOwners: [] },
    bad: [
      {},
      { connectionMode: 'everyone', integrationEnabled: true, allowDisconnect: true, integrationOwners: [] },
      { connectionMode: 'user', integrationEnabled: 'yes', allowDisconnect: true, integrationOwners: [] },
      { connectionMode: 'user', integrationEnabled: true, allowDisconnect: true, integrationOwners: ['not-an-id'] },
      {
        connectionMode: 'user',
        integrationEnabled: true,
        allowDisconnect: true,
        integrationOwners: [PEOPLE.alex.id, PEOPLE.alex.id],
      },
      { connectionMode: 'user', integrationEnabled: true, allowDisconnect: true, integrationOwners: [], admin: true },
      '{"connectionMode":',
      [],
    ],
  },
  'GET /api/admin/audit': {
    ok: '?limit=5',
    bad: ['?limit=0', '?limit=201', '?limit=abc', '?since=yesterday', '?until=2026-13-40T00:00:00Z', '?nope=1'],
  },
  'GET /api/admin/audit.csv': { ok: '', bad: ['?since=yesterday', '?nope=1'] },
  'GET /api/admin/health': {
    ok: '?limit=5',
    bad: ['?status=happy', '?limit=0', '?limit=201', '?cursor=%%%', '?cursor=eyJ4IjoxfQ', `?q=${'x'.repeat(101)}`],
  },
  'GET /api/admin/health.csv': { ok: '', bad: ['?status=happy', '?nope=1'] },
  'POST /api/admin/consent-link': { ok: {}, bad: [{ redirect: 'https://evil.example/' }, '{', [1]] },
  'GET /api/admin/consent': { ok: null, bad: [] },
  'POST /api/admin/access-tests': {
    ok: null,
    bad: [
      { sampleSize: -1 },
      { sampleSize: 101 },
      { sampleSize: 0, people: [] },
      { people: 'meganb@contoso.onmicrosoft.com' },
      { people: Array.from({ length: 51 }, (_, i) => `p${i}@contoso.onmicrosoft.com`) },
      { sampleSize: 2, everyone: true },
      'not json',
    ],
  },
  'GET /api/admin/access-tests': { ok: null, bad: [] },
  'GET /api/admin/access-tests/{id}': { ok: null, bad: ['/..%2F..%2Fsettings', '/not-a-test', '/x'.repeat(40)] },
  'GET /api/admin/people': {
    ok: `?ids=${PEOPLE.alex.id}`,
    bad: ['', '?ids=', '?ids=,,,', `?ids=${Array.from({ length: 51 }, (_, i) => `id${i}`).join(',')}`, '?who=1'],
  },
  'GET /api/admin/incidents': { ok: '?state=open', bad: ['?state=burning', '?limit=0', '?limit=x', '?nope=1'] },
  'PUT /api/admin/meeting-types/{id}/cadence': {
    ok: { cadenceDays: 14 },
    bad: [{}, { cadenceDays: 0 }, { cadenceDays: 366 }, { cadenceDays: '14' }, { cadenceDays: 7, extra: 1 }, '{'],
  },
};

const codes = new Set<string>(errorCodeSchema.options);

async function send(who: 'megan' | 'adele' | null, route: string, input: unknown) {
  const [method, template] = route.split(' ') as [string, string];
  // A type's rhythm is set on a seeded type; other `{id}` routes take the id from the input.
  const path = template.includes('{id}/')
    ? template.replace('{id}', 'mentoring-session')
    : template.replace('/{id}', '');
  const headers: Record<string, string> = who ? { authorization: `Bearer ${tokens[who]}` } : {};
  const isBody = method !== 'GET';
  const suffix = !isBody && typeof input === 'string' ? input : template.endsWith('{id}') ? String(input ?? '/x') : '';
  const response = await fetch(`${stack.appUrl}${path}${suffix}`, {
    method,
    headers: isBody ? { ...headers, 'content-type': 'application/json' } : headers,
    ...(isBody ? { body: typeof input === 'string' ? input : JSON.stringify(input ?? {}) } : {}),
  });
  const text = await response.text();
  let code: string | undefined;
  try {
    code = (JSON.parse(text) as { error?: { code?: string } }).error?.code;
  } catch {
    code = undefined;
  }
  return { status: response.status, code };
}

/** What an admin's refusal must leave as it was. */
async function state() {
  const db = stack.composed.db;
  const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    settings: db.prepare('SELECT * FROM tenants').all(),
    accessTests: count('access_tests'),
    consentRequests: count('admin_consent_requests'),
    incidents: count('incidents'),
  };
}

const auditCount = (action: string) =>
  (
    stack.composed.db.prepare('SELECT COUNT(*) AS n FROM audit_log WHERE action = ?').get(action) as {
      n: number;
    }
  ).n;

describe('the admin endpoints', () => {
  it('are exactly the ones this suite knows (a new admin route gets its cases here)', async () => {
    const document = (await (await fetch(`${stack.appUrl}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(document.paths)
      .filter(([path]) => path.startsWith('/api/admin/'))
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    expect(documented).toEqual(Object.keys(operations).sort());
  });

  it('refuse a caller without a token (401 token_missing), changing nothing', async () => {
    const before = await state();
    for (const route of Object.keys(operations)) {
      expect(await send(null, route, operations[route]?.ok), route).toEqual({ status: 401, code: 'token_missing' });
    }
    expect(await state()).toEqual(before);
  });

  it('refuse someone without the Confer.Admin role (403 admin_required), changing nothing and auditing each attempt', async () => {
    const before = await state();
    const refusedBefore = auditCount('admin.refused');
    for (const route of Object.keys(operations)) {
      expect(await send('adele', route, operations[route]?.ok), route).toEqual({ status: 403, code: 'admin_required' });
    }
    expect(await state()).toEqual(before);
    expect(auditCount('admin.refused')).toBe(refusedBefore + Object.keys(operations).length);
  });

  it("answer an admin's bad input with a 4xx and one of the API's codes, changing nothing but auditing refused changes", async () => {
    const before = await state();
    const refusedBefore = auditCount('admin.change_refused');
    const failures: string[] = [];
    // Changes (not reads) that reach the admin API as JSON are audited; a body that is not JSON stops before it.
    const auditable = Object.entries(operations)
      .filter(([route]) => !route.startsWith('GET '))
      .flatMap(([, { bad }]) => bad.filter((input) => typeof input !== 'string')).length;
    for (const [route, { bad }] of Object.entries(operations)) {
      for (const input of bad) {
        const answer = await send('megan', route, input);
        const label = `${route} ${typeof input === 'string' ? input : JSON.stringify(input).slice(0, 80)}`;
        if (answer.status < 400 || answer.status >= 500 || !answer.code || !codes.has(answer.code)) {
          failures.push(`${label} → ${answer.status} ${answer.code}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await state()).toEqual(before);
    expect(auditCount('admin.change_refused')).toBe(refusedBefore + auditable);
  });
});
