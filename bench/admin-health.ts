/**
 * The admin's connection health list at 10,000 people (SQLite in a temp file, through the real adapters and use
 * case): the first page, a status filter, a search, a page deep into the list through its cursor, and the CSV export
 * of everyone; each beside a same-run baseline (`SELECT COUNT(*)` over the users table, and reading one person).
 * Goals: a page under 50 ms (p95), the export under 2 s (median).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../api/src/adapters/sqlite/database.ts';
import { createSqliteConnectionHealthStore } from '../api/src/adapters/sqlite/sqlite-connection-health-store.ts';
import { createSqliteSubscriptionStore } from '../api/src/adapters/sqlite/sqlite-subscription-store.ts';
import { createSqliteTenantStore } from '../api/src/adapters/sqlite/sqlite-tenant-store.ts';
import type { ConnectionStatus } from '../api/src/ports/tenant-store.ts';
import { ADMIN_ROLE, type Admin } from '../api/src/use-cases/admin/admin-settings.ts';
import {
  type ConnectionHealthDeps,
  exportConnectionHealth,
  listConnectionHealth,
} from '../api/src/use-cases/admin/connection-health.ts';
import { encodeHealthCursor } from '../api/src/use-cases/admin/health-cursor.ts';
import type { BenchResult } from './lib/results.ts';

const PEOPLE = 10_000;
const TENANT = 'tenant-bench';
const PAGE_RUNS = 50;
const EXPORT_RUNS = 5;
const FIRST = ['Adele', 'Alex', 'Diego', 'Grady', 'Isaiah', 'Lee', 'Lynne', 'Megan', 'Miriam', 'Nestor', 'Patti'];
const LAST = ['Vance', 'Wilber', 'Siciliani', 'Archie', 'Langer', 'Gu', 'Robbins', 'Bowen', 'Graham', 'Wilke'];
/** Roughly how a tenant a few months in looks: most connected, some never, a few in each kind of trouble. */
const STATUSES: [ConnectionStatus, number][] = [
  ['connected', 0.6],
  ['not_connected', 0.25],
  ['expired', 0.05],
  ['consent_required', 0.05],
  ['outside_scope', 0.05],
];

const admin = { tenantId: TENANT, userId: 'oid-admin', roles: [ADMIN_ROLE] } as unknown as Admin;

export async function benchAdminHealth(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'confer-bench-health-'));
  const db = openDatabase(join(dir, 'confer.db'));
  try {
    const keys = await seed(db);
    const store = createSqliteConnectionHealthStore(db);
    const deps: ConnectionHealthDeps = { clock: { now: () => new Date() }, store, activity: { flush: async () => {} } };
    const tenants = createSqliteTenantStore(db);
    const count = db.prepare('SELECT COUNT(*) FROM users WHERE tenant_id = ?').pluck();
    const deep = keys[9_000];
    if (!deep) throw new Error('seeding left fewer people than expected');
    const cursor = encodeHealthCursor(deep);
    const page = (query: Parameters<typeof listConnectionHealth>[2]) => () => listConnectionHealth(deps, admin, query);

    const countMs = await timings(PAGE_RUNS, async () => count.get(TENANT));
    const oneMs = await timings(PAGE_RUNS, () => tenants.getUser(TENANT, deep.userId));
    const pages = {
      first: await timings(PAGE_RUNS, page({ limit: 50 })),
      filtered: await timings(PAGE_RUNS, page({ limit: 50, status: 'disconnected' })),
      search: await timings(PAGE_RUNS, page({ limit: 50, q: 'gu' })),
      deep: await timings(PAGE_RUNS, page({ limit: 50, cursor })),
    };
    let rows = 0;
    const exportMs = await timings(EXPORT_RUNS, async () => {
      rows = 0;
      for await (const _record of exportConnectionHealth(deps, admin, {})) rows += 1;
    });
    if (rows !== PEOPLE + 1) throw new Error(`the export wrote ${rows} records, expected ${PEOPLE + 1}`);
    process.stdout.write(
      `admin health: ${PEOPLE} people; baseline COUNT(*) median ${fmt(median(countMs))} ms, one person ` +
        `${fmt(median(oneMs))} ms; ${Object.entries(pages)
          .map(([name, t]) => `${name} page median ${fmt(median(t))} / p95 ${fmt(p95(t))} ms`)
          .join(', ')}; export median ${fmt(median(exportMs))} / p95 ${fmt(p95(exportMs))} ms\n`,
    );
    const pageResults = Object.entries(pages).flatMap(([name, t]): BenchResult[] => [
      { name: `admin health: ${name} page (median)`, unit: 'ms', value: median(t), baseline: median(countMs) },
      { name: `admin health: ${name} page (p95)`, unit: 'ms', value: p95(t), target: 50, better: 'lower' },
    ]);
    return [
      { name: 'admin health: baseline COUNT(*) over users (median)', unit: 'ms', value: median(countMs) },
      { name: 'admin health: baseline one person (median)', unit: 'ms', value: median(oneMs) },
      ...pageResults,
      {
        name: 'admin health: CSV export of 10,000 (median)',
        unit: 'ms',
        value: median(exportMs),
        baseline: median(countMs),
        target: 2_000,
        better: 'lower',
      },
      { name: 'admin health: CSV export of 10,000 (p95)', unit: 'ms', value: p95(exportMs) },
    ];
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** 10,000 people with mixed statuses (names repeat, as in a real tenant), subscriptions and activity. */
async function seed(db: ReturnType<typeof openDatabase>) {
  const tenants = createSqliteTenantStore(db);
  const subscriptions = createSqliteSubscriptionStore(db);
  const health = createSqliteConnectionHealthStore(db);
  const at = new Date('2026-11-20T09:00:00.000Z');
  const keys: { displayName: string; userId: string }[] = [];
  db.exec('BEGIN');
  for (let i = 0; i < PEOPLE; i += 1) {
    const userId = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const displayName = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;
    const status = statusFor(i / PEOPLE);
    const user = {
      tenantId: TENANT,
      userId,
      email: `person${i}@contoso.onmicrosoft.com`,
      displayName,
      timeZone: 'Europe/London',
      connectionStatus: status,
      connectionCheckedAt: status === 'not_connected' ? null : at,
      connectionExpiresAt: null,
      preferences: { reminderMinutes: [], timeZoneOverride: null, workingHoursOverride: null },
      updatedAt: at,
    };
    // Every fifth person who is not connected now was connected before (disconnected), the rest never were.
    if (status === 'not_connected' && i % 5 === 0) await tenants.upsertUser({ ...user, connectionStatus: 'connected' });
    await tenants.upsertUser(user);
    if (i % 3 === 0) {
      await subscriptions.save({
        id: `sub-${i}`,
        tenantId: TENANT,
        userId,
        resource: `/users/${userId}/events`,
        mode: 'user',
        clientStateDigest: 'digest',
        expiresAt: '2026-11-23T09:00:00.000Z',
        createdAt: at.toISOString(),
        renewedAt: null,
        status: i % 9 === 0 ? { state: 'failed', reason: 'consent_required' } : { state: 'active' },
      });
    }
    keys.push({ displayName, userId });
  }
  await health.saveActivity(
    keys.map(({ userId }, i) => ({
      tenantId: TENANT,
      userId,
      lastGraphSuccessAt: i % 10 < 7 ? at : null,
      syncErrors: i % 17 === 0 ? { apply: { code: 'graph_bad_response', message: 'unexpected event', at } } : {},
    })),
  );
  db.exec('COMMIT');
  keys.sort((a, b) =>
    a.displayName < b.displayName ? -1 : a.displayName > b.displayName ? 1 : a.userId < b.userId ? -1 : 1,
  );
  return keys;
}

function statusFor(share: number): ConnectionStatus {
  let sum = 0;
  for (const [status, weight] of STATUSES) {
    sum += weight;
    if (share < sum) return status;
  }
  return 'connected';
}

async function timings(runs: number, run: () => Promise<unknown>): Promise<number[]> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

const median = (sorted: readonly number[]) => sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
const p95 = (sorted: readonly number[]) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? Number.NaN;
const fmt = (ms: number) => ms.toFixed(2);
