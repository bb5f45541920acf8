import { afterAll, describe, expect, it } from 'vitest';
import { connectionHealthStoreContract } from '../../ports/connection-health-store.contract.ts';
import type { ActivityUpdate, ConnectionHealthStore, HealthFilter } from '../../ports/connection-health-store.ts';
import { TENANT_A } from '../../ports/store-fixtures.contract.ts';
import { aUser } from '../../ports/tenant-store.contract.ts';
import type { TenantStore, UserRecord } from '../../ports/tenant-store.ts';
import { usePostgresSchemas } from '../../test-support/postgres.ts';
import { openDatabase, type SqliteDatabase } from '../sqlite/database.ts';
import { createSqliteConnectionHealthStore } from '../sqlite/sqlite-connection-health-store.ts';
import { createSqliteTenantStore } from '../sqlite/sqlite-tenant-store.ts';
import { createPostgresConnectionHealthStore } from './pg-connection-health-store.ts';
import type { PgDatabase } from './pg-database.ts';
import { createPostgresSubscriptionStore } from './pg-subscription-store.ts';

const postgres = usePostgresSchemas();
const sqlite: SqliteDatabase[] = [];
afterAll(() => {
  for (const db of sqlite) db.close();
});

/**
 * The people the suite reads, written as the SQLite tenant store writes them (connected_once_at set the first time
 * a person is saved connected). Only upsertUser is used by the suite.
 */
function pgUsers(db: PgDatabase): TenantStore {
  const unused = () => Promise.reject(new Error('not used by the connection health suite'));
  return {
    getSettings: unused,
    saveSettings: unused,
    getUser: unused,
    listUsers: unused,
    async upsertUser(u: UserRecord) {
      await db.execute(
        `INSERT INTO users (tenant_id, user_id, email, display_name, time_zone, connection_status,
           connection_checked_at, connection_expires_at, preferences_json, updated_at, connected_once_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, CASE WHEN $6 = 'connected' THEN $10::timestamptz END)
         ON CONFLICT (tenant_id, user_id) DO UPDATE SET email = excluded.email, display_name = excluded.display_name,
           time_zone = excluded.time_zone, connection_status = excluded.connection_status,
           connection_checked_at = excluded.connection_checked_at,
           connection_expires_at = excluded.connection_expires_at, preferences_json = excluded.preferences_json,
           updated_at = excluded.updated_at,
           connected_once_at = COALESCE(users.connected_once_at, excluded.connected_once_at)`,
        [
          u.tenantId,
          u.userId,
          u.email,
          u.displayName,
          u.timeZone,
          u.connectionStatus,
          u.connectionCheckedAt,
          u.connectionExpiresAt,
          JSON.stringify(u.preferences),
          u.updatedAt,
        ],
      );
    },
  };
}

connectionHealthStoreContract('PostgreSQL', async () => {
  const db = await postgres.open();
  return {
    tenants: pgUsers(db),
    subscriptions: createPostgresSubscriptionStore(db),
    health: createPostgresConnectionHealthStore(db),
  };
});

async function everyPage(health: ConnectionHealthStore, filter: HealthFilter) {
  const ids: string[] = [];
  let after = null;
  for (;;) {
    const page = await health.page(TENANT_A, filter, after, 2);
    ids.push(...page.map((r) => r.userId));
    const last = page.at(-1);
    if (!last) return ids;
    after = { displayName: last.displayName, userId: last.userId };
  }
}

describe('PostgreSQL connection health store', () => {
  it('finds and orders the same people as the SQLite store, accented and mixed-case names included', async () => {
    const db = openDatabase(':memory:');
    sqlite.push(db);
    const lite = { tenants: createSqliteTenantStore(db), health: createSqliteConnectionHealthStore(db) };
    const pgDb = await postgres.open();
    const pg = { tenants: pgUsers(pgDb), health: createPostgresConnectionHealthStore(pgDb) };
    const names = ['Émile Zola', 'emile zola', 'Zoë Ball', 'zoe ball', 'ÖLAF', 'ölaf', 'Ada', 'ada', '_x', 'Z', 'a b'];
    for (const [i, displayName] of names.entries()) {
      const status = i % 3 === 0 ? 'expired' : 'connected';
      const user = aUser({
        userId: `oid-${i % 4}${i}`,
        displayName,
        email: `${displayName}@Contoso.test`,
        connectionStatus: status,
      });
      await lite.tenants.upsertUser(user);
      await pg.tenants.upsertUser(user);
    }
    const filters: HealthFilter[] = [{}, { status: 'expired' }, { search: 'É' }, { search: 'é' }, { search: 'ZOE' }];
    filters.push({ search: 'ö' }, { search: 'Ö' }, { search: 'contoso' }, { search: 'A', status: 'connected' });
    for (const filter of filters) {
      const expected = await everyPage(lite.health, filter);
      expect(await everyPage(pg.health, filter), JSON.stringify(filter)).toEqual(expected);
      expect(await pg.health.counts(TENANT_A, filter)).toEqual(await lite.health.counts(TENANT_A, filter));
    }
  });

  it('keeps the latest success when two processes write the same people in opposite orders at once', async () => {
    const schema = postgres.newSchema();
    const [a, b] = [await postgres.open({ schema }), await postgres.open({ schema })].map(
      createPostgresConnectionHealthStore,
    );
    const people = Array.from({ length: 40 }, (_, i) => `oid-${String(i).padStart(2, '0')}`);
    const success = (userId: string, minute: number): ActivityUpdate => ({
      tenantId: TENANT_A,
      userId,
      lastGraphSuccessAt: new Date(Date.UTC(2026, 10, 20, 9, minute)),
      syncErrors: {},
    });
    for (let round = 0; round < 5; round++) {
      await Promise.all([
        a?.saveActivity(people.map((id) => success(id, 2 * round))),
        b?.saveActivity(people.toReversed().map((id) => success(id, 2 * round + 1))),
      ]);
    }
    const users = pgUsers(await postgres.open({ schema }));
    for (const userId of people) await users.upsertUser(aUser({ userId, displayName: userId }));
    const rows = (await a?.page(TENANT_A, {}, null, 100)) ?? [];
    expect(rows.map((r) => r.lastGraphSuccessAt)).toEqual(people.map(() => new Date(Date.UTC(2026, 10, 20, 9, 9))));
  });
});
