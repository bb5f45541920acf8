import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { TENANT_A } from '../../ports/store-fixtures.contract.ts';
import { openDatabase } from './database.ts';
import { migrations } from './migrations.ts';
import { createSqliteConnectionHealthStore } from './sqlite-connection-health-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'confer-migration-13-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 13 on people stored before it', () => {
  it('tells who disconnected from who never connected, by what the stored status shows', async () => {
    const file = join(dir, 'confer.db');
    const old = new Database(file);
    old.exec(
      'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    for (const migration of migrations.filter((m) => m.version < 13)) {
      old.exec(migration.sql);
      old.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(migration.version, migration.name, 'then');
    }
    const insert = old.prepare(`
      INSERT INTO users (tenant_id, user_id, email, display_name, time_zone, connection_status, connection_checked_at,
        connection_expires_at, preferences_json, updated_at)
      VALUES (?, ?, ?, ?, 'UTC', ?, ?, NULL, '{"reminderMinutes":[],"timeZoneOverride":null,"workingHoursOverride":null}',
        '2026-11-01T00:00:00.000Z')`);
    const checked = '2026-11-02T00:00:00.000Z';
    for (const [id, status, checkedAt] of [
      ['oid-1', 'connected', checked],
      ['oid-2', 'expired', checked],
      ['oid-3', 'consent_required', checked],
      ['oid-4', 'outside_scope', checked],
      // A disconnect leaves a checked not_connected (connection-guard.ts); a person only known has never been checked.
      ['oid-5', 'not_connected', checked],
      ['oid-6', 'not_connected', null],
    ] as const) {
      insert.run(TENANT_A, id, `${id}@contoso.test`, `Person ${id}`, status, checkedAt);
    }
    old.close();

    const db = openDatabase(file);
    try {
      const rows = await createSqliteConnectionHealthStore(db).page(TENANT_A, {}, null, 10);
      expect(rows.map((r) => [r.userId, r.status])).toEqual([
        ['oid-1', 'connected'],
        ['oid-2', 'expired'],
        ['oid-3', 'consent_required'],
        ['oid-4', 'outside_scope'],
        ['oid-5', 'disconnected'],
        ['oid-6', 'never_connected'],
      ]);
      expect(db.prepare("SELECT connected_once_at FROM users WHERE user_id = 'oid-1'").pluck().get()).toBe(checked);
    } finally {
      db.close();
    }
  });
});
