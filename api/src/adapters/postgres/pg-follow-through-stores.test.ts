import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { aPendingAttendance } from '../../ports/attendance-store.contract.ts';
import { aHeldMeeting } from '../../ports/cadence-store.contract.ts';
import { expectRhythmsAfterMigration } from '../../ports/meeting-type-store.contract.ts';
import { aMeeting, TENANT_A } from '../../ports/store-fixtures.contract.ts';
import { testPostgresUrl, usePostgresSchemas } from '../../test-support/postgres.ts';
import { pgMigrations } from './pg-migrations.ts';
import { createPostgresStores } from './pg-stores.ts';

const postgres = usePostgresSchemas();

/** Two processes on one database: a pool each, on the same schema. */
async function twoProcesses() {
  const schema = postgres.newSchema();
  const [a, b] = [await postgres.open({ schema }), await postgres.open({ schema })];
  return [createPostgresStores(a), createPostgresStores(b)] as const;
}

describe('PostgreSQL attendance and pairs across processes', () => {
  it('count a held occurrence once when every replica records it at the same moment', async () => {
    const [a, b] = await twoProcesses();
    const meetings = Array.from({ length: 10 }, (_, i) => `meeting-${i}`);
    await Promise.all(
      meetings.flatMap((meetingId) => [
        a.pairs.recordHeld(aHeldMeeting({ meetingId })),
        b.pairs.recordHeld(aHeldMeeting({ meetingId })),
        b.pairs.recordHeld(aHeldMeeting({ meetingId, organizerId: 'oid-megan', partnerId: 'oid-alex' })),
      ]),
    );
    const pair = await a.pairs.get(TENANT_A, 'oid-alex', 'oid-megan');
    expect((pair?.organizedByA ?? 0) + (pair?.organizedByB ?? 0)).toBe(meetings.length);
  });

  it('let one of two scans note the nudge, and one of two saves of the same version win', async () => {
    const [a, b] = await twoProcesses();
    await a.pairs.recordHeld(aHeldMeeting());
    const at = new Date('2026-12-08T09:00:00Z');
    const nudged = await Promise.all([
      a.pairs.markNudged(TENANT_A, 'oid-alex', 'oid-megan', at, null),
      b.pairs.markNudged(TENANT_A, 'oid-megan', 'oid-alex', at, null),
    ]);
    expect(nudged.filter(Boolean)).toHaveLength(1);

    await a.meetings.insert(aMeeting());
    const pending = aPendingAttendance();
    const added = await Promise.all([a.attendance.addPending([pending]), b.attendance.addPending([pending])]);
    expect(added.reduce((sum, n) => sum + n, 0)).toBe(1);
    const saved = await Promise.all([
      a.attendance.save({ ...pending, attempts: 1 }, 1),
      b.attendance.save({ ...pending, attempts: 2 }, 1),
    ]);
    expect(saved.filter(Boolean)).toHaveLength(1);
    const stored = await b.attendance.get(TENANT_A, 'meeting-1', pending.occurrenceStart);
    expect(stored).toMatchObject({ version: 2, attempts: saved[0] ? 1 : 2 });
  });
});

describe('PostgreSQL migration 2 on a store of the first release', () => {
  it("gives the seeded meeting types their rhythm, leaves others' alone, and keeps reading them", async () => {
    const schema = postgres.newSchema();
    const client = new pg.Client({ connectionString: testPostgresUrl() });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA ${schema}; SET search_path = ${schema}`);
      await client.query(
        'CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)',
      );
      const [first] = pgMigrations;
      await client.query(first!.sql);
      await client.query('INSERT INTO schema_migrations VALUES ($1, $2, now())', [first!.version, first!.name]);
      await client.query(`
        INSERT INTO meeting_type_seeds VALUES ('${TENANT_A}');
        INSERT INTO meeting_types VALUES
          ('${TENANT_A}', 'mentoring-session', 'Mentoring session', 45, '[]', '[1440, 15]', 1),
          ('${TENANT_A}', 'one-to-one-check-in', '1:1 check-in', 30, '[]', '[1440, 15]', 2),
          ('${TENANT_A}', 'wellbeing-conversation', 'Wellbeing conversation', 30, '[]', '[1440, 15]', 3),
          ('${TENANT_A}', 'performance-conversation', 'Performance conversation', 60, '[]', '[1440, 15]', 4),
          ('${TENANT_A}', 'coaching', 'Coaching', 30, '[]', '[]', 5)`);
    } finally {
      await client.end();
    }
    const { meetingTypes } = createPostgresStores(await postgres.open({ schema }));
    await expectRhythmsAfterMigration(meetingTypes);
  });
});
