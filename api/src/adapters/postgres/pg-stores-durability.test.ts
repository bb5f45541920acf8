import { describe, expect, it } from 'vitest';
import { aNote, anAction } from '../../ports/notes-store.contract.ts';
import { aMeeting, guest, megan, reasonOf, TENANT_A } from '../../ports/store-fixtures.contract.ts';
import { aUser } from '../../ports/tenant-store.contract.ts';
import { usePostgresSchemas } from '../../test-support/postgres.ts';
import { spanOf } from '../sqlite/meeting-span.ts';
import { createPostgresStores } from './pg-stores.ts';

const postgres = usePostgresSchemas();

/** Two processes on one database: a pool each, on the same schema. */
async function twoProcesses() {
  const schema = postgres.newSchema();
  return [await postgres.open({ schema }), await postgres.open({ schema })] as const;
}

const count = async (db: { query: (sql: string) => Promise<unknown[]> }, table: string) =>
  ((await db.query(`SELECT count(*)::int AS n FROM ${table}`)) as { n: number }[])[0]?.n;

describe('PostgreSQL scheduling stores', () => {
  it('keep every record for the next process that opens the database', async () => {
    const [first, second] = await twoProcesses();
    const before = createPostgresStores(first);
    await before.meetings.insert(aMeeting({ recurrence: { kind: 'weekly', count: 4 } }));
    await before.notes.saveNote(TENANT_A, aNote({ visibility: 'private' }), null);
    await before.notes.saveAction(TENANT_A, anAction(), null);
    await before.tenants.upsertUser(aUser());
    await before.tokenCache.write(TENANT_A, 'oid-megan', Buffer.from([1, 2, 3]));
    const types = await before.meetingTypes.list(TENANT_A);
    await first.close();

    const after = createPostgresStores(second);
    expect(await after.meetings.get(TENANT_A, 'meeting-1')).toEqual(
      aMeeting({ recurrence: { kind: 'weekly', count: 4 } }),
    );
    expect(await after.notes.listNotes(TENANT_A, 'meeting-1', 'oid-alex')).toEqual([aNote({ visibility: 'private' })]);
    expect(await after.notes.listActions(TENANT_A, 'meeting-1')).toEqual([anAction()]);
    expect(await after.tenants.getUser(TENANT_A, 'oid-megan')).toEqual(aUser());
    expect(await after.tokenCache.read(TENANT_A, 'oid-megan')).toEqual(Buffer.from([1, 2, 3]));
    expect(await after.meetingTypes.list(TENANT_A)).toEqual(types);
  });

  it('roll back the meeting when its second attendee breaks a CHECK constraint', async () => {
    const db = await postgres.open();
    const { meetings } = createPostgresStores(db);
    const broken = { ...guest, response: 'maybe' } as unknown as typeof guest;
    const error = await meetings.insert(aMeeting({ attendees: [megan, broken] })).catch((e: unknown) => e);
    expect(reasonOf(error)).toBe('constraint');
    expect(await count(db, 'meetings')).toBe(0);
    expect(await count(db, 'meeting_attendees')).toBe(0);
  });

  it('report a JSON document that does not fit with its table and key instead of handing it on', async () => {
    const db = await postgres.open();
    const { meetings, tenants } = createPostgresStores(db);
    await meetings.insert(aMeeting({ recurrence: { kind: 'weekly', count: 2 } }));
    await tenants.upsertUser(aUser());
    await db.execute(`UPDATE meetings SET recurrence_json = '{"kind":"daily"}'`);
    await db.execute(`UPDATE users SET preferences_json = '{"reminderMinutes":"soon"}'`);
    await expect(meetings.get(TENANT_A, 'meeting-1')).rejects.toMatchObject({
      code: 'internal_error',
      details: { reason: 'corrupt_row', table: 'meetings', key: { tenantId: TENANT_A, meetingId: 'meeting-1' } },
    });
    await expect(tenants.getUser(TENANT_A, 'oid-megan')).rejects.toMatchObject({
      details: { reason: 'corrupt_row', table: 'users', key: { tenantId: TENANT_A, userId: 'oid-megan' } },
    });
  });

  it('give back history and audit details as written, keys in their order (the export shows them so)', async () => {
    const { meetings, history, audit } = createPostgresStores(await postgres.open());
    await meetings.insert(aMeeting());
    const details = { zeta: 1, alpha: { to: 'b', from: 'a' }, mid: [3, 1] };
    const at = new Date('2026-11-20T09:00:00.000Z');
    await history.append(TENANT_A, {
      meetingId: 'meeting-1',
      at,
      actorId: null,
      kind: 'updated',
      summary: 's',
      details,
    });
    await audit.append({ tenantId: TENANT_A, at, actorId: null, action: 'a', target: null, details });
    expect(JSON.stringify((await history.list(TENANT_A, 'meeting-1'))[0]?.details)).toBe(JSON.stringify(details));
    expect(JSON.stringify((await audit.list(TENANT_A, 1))[0]?.details)).toBe(JSON.stringify(details));
  });

  it('tell attendees apart by case of ASCII letters only, as SQLite does', async () => {
    const { meetings } = createPostgresStores(await postgres.open());
    const accented = [
      { ...megan, email: 'élodie@contoso.example' },
      { ...guest, email: 'Élodie@contoso.example' },
    ];
    await meetings.insert(aMeeting({ attendees: accented }));
    expect((await meetings.get(TENANT_A, 'meeting-1'))?.attendees).toEqual(accented);
    const twice = [megan, { ...guest, email: megan.email.toUpperCase() }];
    const error = await meetings.insert(aMeeting({ id: 'meeting-2', attendees: twice })).catch((e: unknown) => e);
    expect(reasonOf(error)).toBe('duplicate');
  });

  it('refuse due dates a date column would take but SQLite refuses', async () => {
    const { meetings, notes } = createPostgresStores(await postgres.open());
    await meetings.insert(aMeeting());
    for (const dueDate of ['today', '20261130', '2026-11-30T00:00']) {
      const error = await notes.saveAction(TENANT_A, anAction({ dueDate }), null).catch((e: unknown) => e);
      expect({ dueDate, reason: reasonOf(error) }).toEqual({ dueDate, reason: 'constraint' });
    }
    expect(await notes.listActions(TENANT_A, 'meeting-1')).toEqual([]);
  });
});

describe('PostgreSQL scheduling stores across processes', () => {
  it('let only the first of two updates on the same version win', async () => {
    const [a, b] = (await twoProcesses()).map(createPostgresStores);
    await a?.meetings.insert(aMeeting());
    const [first, second] = await Promise.all([
      a?.meetings.update(aMeeting({ title: 'From process A' }), 1),
      b?.meetings.update(aMeeting({ title: 'From process B' }), 1),
    ]);
    expect([first, second].filter(Boolean)).toHaveLength(1);
    expect((await b?.meetings.get(TENANT_A, 'meeting-1'))?.title).toBe(first ? 'From process A' : 'From process B');
  });

  it('seed meeting types once when both read new tenants at the same moment', async () => {
    const [dbA, dbB] = await twoProcesses();
    const [a, b] = [createPostgresStores(dbA), createPostgresStores(dbB)];
    const tenants = Array.from({ length: 10 }, (_, i) => `tenant-${i}`);
    const lists = await Promise.all(
      tenants.flatMap((tenantId) => [
        a.meetingTypes.list(tenantId),
        b.meetingTypes.get(tenantId, 'one-to-one-check-in'),
      ]),
    );
    expect(await count(dbA, 'meeting_types')).toBe(4 * tenants.length);
    expect(lists.every((answer) => answer !== undefined)).toBe(true);
  });

  it('keep the span of a meeting true when it is moved while one of its occurrences changes', async () => {
    const [dbA, dbB] = await twoProcesses();
    const [a, b] = [createPostgresStores(dbA), createPostgresStores(dbB)];
    const ids = Array.from({ length: 10 }, (_, i) => `series-${i}`);
    const series = (id: string) => aMeeting({ id, recurrence: { kind: 'weekly', count: 3 } });
    for (const id of ids) await a.meetings.insert(series(id));
    const later = { start: new Date('2026-11-24T10:00:00Z'), end: new Date('2026-11-24T10:45:00Z') };
    await Promise.all(
      ids.flatMap((id) => [
        a.meetings.update({ ...series(id), ...later }, 1),
        b.meetings.upsertOccurrence(TENANT_A, {
          meetingId: id,
          originalStart: new Date('2026-12-07T10:00:00Z'),
          start: new Date('2026-12-20T10:00:00Z'),
          end: new Date('2026-12-20T10:45:00Z'),
          cancelled: false,
          graphEventId: null,
        }),
      ]),
    );
    for (const id of ids) {
      const meeting = await a.meetings.get(TENANT_A, id);
      const overrides = await a.meetings.listOccurrences(TENANT_A, id);
      const [row] = await dbA.query<{ span_start_utc: Date; span_end_utc: Date }>(
        'SELECT span_start_utc, span_end_utc FROM meetings WHERE tenant_id = $1 AND id = $2',
        [TENANT_A, id],
      );
      const span = spanOf(meeting!, overrides);
      expect({ id, start: row?.span_start_utc, end: row?.span_end_utc }).toEqual({ id, ...span });
    }
  });
});
