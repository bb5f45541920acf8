import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { aNote, anAction } from '../../ports/notes-store.contract.ts';
import { aMeeting, guest, megan, reasonOf, TENANT_A } from '../../ports/store-fixtures.contract.ts';
import { aUser } from '../../ports/tenant-store.contract.ts';
import { openDatabase } from './database.ts';
import { migrations } from './migrations.ts';
import { createSqliteStores } from './sqlite-stores.ts';

const dir = mkdtempSync(join(tmpdir(), 'confer-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const aFile = () => join(dir, `confer-${++files}.db`);

describe('SQLite store on disk', () => {
  it('keeps every record across a close and reopen, and applies each migration once', async () => {
    const file = aFile();
    const first = openDatabase(file);
    const before = createSqliteStores(first);
    await before.meetings.insert(aMeeting({ recurrence: { kind: 'weekly', count: 4 } }));
    await before.notes.saveNote(TENANT_A, aNote({ visibility: 'private' }), null);
    await before.notes.saveAction(TENANT_A, anAction(), null);
    await before.tenants.upsertUser(aUser());
    await before.tokenCache.write(TENANT_A, 'oid-megan', Buffer.from([1, 2, 3]));
    const types = await before.meetingTypes.list(TENANT_A);
    first.close();

    const second = openDatabase(file);
    const after = createSqliteStores(second);
    expect(await after.meetings.get(TENANT_A, 'meeting-1')).toEqual(
      aMeeting({ recurrence: { kind: 'weekly', count: 4 } }),
    );
    expect(await after.notes.listNotes(TENANT_A, 'meeting-1', 'oid-alex')).toEqual([aNote({ visibility: 'private' })]);
    expect(await after.notes.listActions(TENANT_A, 'meeting-1')).toEqual([anAction()]);
    expect(await after.tenants.getUser(TENANT_A, 'oid-megan')).toEqual(aUser());
    expect(await after.tokenCache.read(TENANT_A, 'oid-megan')).toEqual(Buffer.from([1, 2, 3]));
    expect(await after.meetingTypes.list(TENANT_A)).toEqual(types);
    // Versions are numbered when assigned, so the array may list them out of numeric order; each applies once.
    expect(second.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual(
      migrations.map((m) => m.version).sort((a, b) => a - b),
    );
    second.close();
  });

  it('upgrades a database that only had the first migration, keeping its rows', () => {
    const file = aFile();
    const old = new Database(file);
    old.exec(
      'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    old.exec(migrations[0]!.sql);
    old.prepare('INSERT INTO schema_migrations VALUES (1, ?, ?)').run(migrations[0]!.name, '2026-11-01T00:00:00.000Z');
    old
      .prepare("INSERT INTO bot_conversations VALUES ('t', 'o', 'u', NULL, 'c', 'https://x', 'msteams', '{}', 'now')")
      .run();
    old.close();
    const db = openDatabase(file);
    expect(db.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(migrations.length);
    expect(db.prepare('SELECT applied_at FROM schema_migrations WHERE version = 1').pluck().get()).toBe(
      '2026-11-01T00:00:00.000Z',
    );
    expect(db.prepare('SELECT conversation_id FROM bot_conversations').pluck().all()).toEqual(['c']);
    db.close();
  });

  it('gives tenant settings saved before migration 11 the defaults: integration on, disconnect allowed, no owners', async () => {
    const file = aFile();
    const old = new Database(file);
    old.exec(
      'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    for (const migration of migrations.filter((m) => m.version <= 10)) {
      old.exec(migration.sql);
      old.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(migration.version, migration.name, 'then');
    }
    old.prepare("INSERT INTO tenants VALUES (?, 'tenant', 'group-1', '2026-11-01T00:00:00.000Z')").run(TENANT_A);
    old.close();
    const db = openDatabase(file);
    expect(await createSqliteStores(db).tenants.getSettings(TENANT_A)).toEqual({
      tenantId: TENANT_A,
      connectionMode: 'tenant',
      securityGroupId: 'group-1',
      integrationEnabled: true,
      allowDisconnect: true,
      integrationOwners: [],
      updatedAt: new Date('2026-11-01T00:00:00.000Z'),
    });
    db.close();
  });

  it('makes every table STRICT and keyed or indexed by tenant first', () => {
    const db = openDatabase(':memory:');
    const tables = db
      .prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'")
      .all() as { name: string; strict: number }[];
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['meetings', 'meeting_notes', 'audit_log']));
    for (const { name, strict } of tables.filter((t) => t.name !== 'schema_migrations')) {
      expect({ name, strict }).toEqual({ name, strict: 1 });
      const keys = db.prepare('SELECT name FROM pragma_index_list(?)').pluck().all(name) as string[];
      const leading = keys.map((index) =>
        db.prepare('SELECT name FROM pragma_index_info(?) WHERE seqno = 0').pluck().get(index),
      );
      const pk = db.prepare('SELECT name FROM pragma_table_info(?) WHERE pk = 1').pluck().get(name);
      expect({ name, tenantFirst: pk === 'tenant_id' || leading.includes('tenant_id') }).toEqual({
        name,
        tenantFirst: true,
      });
    }
    db.close();
  });
});

describe('SQLite store failures', () => {
  it('rolls back the meeting when its second attendee breaks a CHECK constraint', async () => {
    const db = openDatabase(':memory:');
    const { meetings } = createSqliteStores(db);
    const broken = { ...guest, response: 'maybe' } as unknown as typeof guest;
    const error = await meetings.insert(aMeeting({ attendees: [megan, broken] })).catch((e: unknown) => e);
    expect(reasonOf(error)).toBe('constraint');
    expect(db.prepare('SELECT count(*) FROM meetings').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM meeting_attendees').pluck().get()).toBe(0);
    db.close();
  });

  it('reports a corrupted JSON column with its table and key instead of handing it on', async () => {
    const db = openDatabase(':memory:');
    const { meetings, tenants } = createSqliteStores(db);
    await meetings.insert(aMeeting({ recurrence: { kind: 'weekly', count: 2 } }));
    await tenants.upsertUser(aUser());
    db.prepare('UPDATE meetings SET recurrence_json = \'{"kind":"daily"\'').run();
    db.prepare('UPDATE users SET preferences_json = \'{"reminderMinutes":"soon"}\'').run();
    await expect(meetings.get(TENANT_A, 'meeting-1')).rejects.toMatchObject({
      code: 'internal_error',
      details: { reason: 'corrupt_row', table: 'meetings', key: { tenantId: TENANT_A, meetingId: 'meeting-1' } },
    });
    await expect(tenants.getUser(TENANT_A, 'oid-megan')).rejects.toMatchObject({
      details: { reason: 'corrupt_row', table: 'users', key: { tenantId: TENANT_A, userId: 'oid-megan' } },
    });
    db.close();
  });
});

describe('SQLite store shared by two connections (two app processes)', () => {
  it('lets only the first of two updates on the same version win', async () => {
    const file = aFile();
    const [one, two] = [openDatabase(file), openDatabase(file)];
    const [a, b] = [createSqliteStores(one), createSqliteStores(two)];
    await a.meetings.insert(aMeeting());
    expect(await a.meetings.update(aMeeting({ title: 'From process A' }), 1)).toBe(true);
    expect(await b.meetings.update(aMeeting({ title: 'From process B' }), 1)).toBe(false);
    expect((await b.meetings.get(TENANT_A, 'meeting-1'))?.title).toBe('From process A');
    one.close();
    two.close();
  });

  it('seeds meeting types once when both read a new tenant', async () => {
    const file = aFile();
    const [one, two] = [openDatabase(file), openDatabase(file)];
    const [a, b] = [createSqliteStores(one), createSqliteStores(two)];
    await Promise.all([a.meetingTypes.list(TENANT_A), b.meetingTypes.list(TENANT_A)]);
    expect(one.prepare('SELECT count(*) FROM meeting_types').pluck().get()).toBe(4);
    one.close();
    two.close();
  });
});

describe('SQLite statements', () => {
  it('are prepared once when the stores are created, not on every call', async () => {
    const db = openDatabase(':memory:');
    const stores = createSqliteStores(db);
    const prepare = vi.spyOn(db, 'prepare');
    await stores.meetings.insert(aMeeting({ recurrence: { kind: 'weekly', count: 3 } }));
    await stores.meetings.update(aMeeting({ title: 'Moved' }), 1);
    await stores.meetings.listForUser(TENANT_A, 'oid-megan', { limit: 5, order: 'desc' });
    await stores.meetings.countMeetingsByUserAndDay(TENANT_A, ['oid-alex'], {
      start: new Date('2026-11-01T00:00Z'),
      end: new Date('2026-12-31T00:00Z'),
    });
    await stores.notes.saveNote(TENANT_A, aNote(), null);
    await stores.notes.listNotes(TENANT_A, 'meeting-1', 'oid-alex');
    await stores.meetingTypes.list(TENANT_A);
    await stores.audit.list(TENANT_A, 5);
    expect(prepare).not.toHaveBeenCalled();
    db.close();
  });
});
