import { describe, expect, it } from 'vitest';
import { aMeeting, guest, megan } from '../../ports/store-fixtures.contract.ts';
import { openDatabase } from './database.ts';
import { createSqliteStores } from './sqlite-stores.ts';

const responded = { ...megan, response: 'accepted' as const, respondedAt: new Date('2026-11-23T08:15:00.250Z') };

async function storeWith() {
  const db = openDatabase(':memory:');
  const { meetings } = createSqliteStores(db);
  const meeting = aMeeting({ recurrence: { kind: 'weekly', count: 4 }, attendees: [responded, guest] });
  await meetings.insert(meeting);
  return { db, meetings, meeting };
}

describe('SQLite meeting rows', () => {
  it('reads back every field as written, dates, flags and recurrence included', async () => {
    const { db, meetings, meeting } = await storeWith();
    expect(await meetings.get(meeting.tenantId, meeting.id)).toEqual(meeting);
    db.close();
  });

  it('reads a date the store did not write itself, as the row schema accepts it', async () => {
    const { db, meetings, meeting } = await storeWith();
    db.prepare("UPDATE meetings SET start_utc = '2026-11-23T09:00:00Z'").run();
    expect((await meetings.get(meeting.tenantId, meeting.id))?.start).toEqual(new Date('2026-11-23T09:00:00Z'));
    db.close();
  });

  it.each([
    ['a date with an offset', "start_utc = '2026-11-23T09:00:00.000+01:00'"],
    ['a day the month does not have', "start_utc = '2026-02-30T09:00:00.000Z'"],
    ['an unknown status', "status = 'maybe'"],
    ['a flag other than 0 or 1', 'online = 2'],
    ['a recurrence that is not JSON', 'recurrence_json = \'{"kind":"daily"\''],
  ])('reports %s with its table and key', async (_, change) => {
    const { db, meetings, meeting } = await storeWith();
    db.pragma('ignore_check_constraints = ON');
    db.prepare(`UPDATE meetings SET ${change}`).run();
    await expect(meetings.get(meeting.tenantId, meeting.id)).rejects.toMatchObject({
      code: 'internal_error',
      details: { reason: 'corrupt_row', table: 'meetings', key: { tenantId: meeting.tenantId, meetingId: meeting.id } },
    });
    db.close();
  });

  it('reports an attendee row that does not fit', async () => {
    const { db, meetings, meeting } = await storeWith();
    db.pragma('ignore_check_constraints = ON');
    db.prepare("UPDATE meeting_attendees SET responded_at = '2026-11-23 08:15'").run();
    await expect(meetings.get(meeting.tenantId, meeting.id)).rejects.toMatchObject({
      details: { reason: 'corrupt_row', table: 'meeting_attendees' },
    });
    db.close();
  });
});
