import Database from 'better-sqlite3';
import { describe, it } from 'vitest';
import { expectRhythmsAfterMigration } from '../../ports/meeting-type-store.contract.ts';
import { TENANT_A } from '../../ports/store-fixtures.contract.ts';
import { migrate } from './database.ts';
import { migrations } from './migrations.ts';
import { createSqliteMeetingTypeStore } from './sqlite-meeting-type-store.ts';

describe('migration 16 on meeting types seeded before it', () => {
  it("gives the seeded types their rhythm, leaves others' alone, and keeps reading them", async () => {
    const db = new Database(':memory:');
    db.exec(
      'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    for (const migration of migrations.filter((m) => m.version < 16)) {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(migration.version, migration.name, 'then');
    }
    db.prepare('INSERT INTO meeting_type_seeds VALUES (?)').run(TENANT_A);
    const insert = db.prepare("INSERT INTO meeting_types VALUES (?, ?, ?, 30, '[]', '[1440, 15]', ?)");
    const ids = ['mentoring-session', 'one-to-one-check-in', 'wellbeing-conversation', 'performance-conversation'];
    for (const [i, id] of ids.entries()) insert.run(TENANT_A, id, `Type ${i + 1}`, i + 1);
    insert.run(TENANT_A, 'coaching', 'Coaching', 5);

    migrate(db);
    const meetingTypes = createSqliteMeetingTypeStore(db);
    await expectRhythmsAfterMigration(meetingTypes);
    db.close();
  });
});
