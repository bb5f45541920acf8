import { describe, expect, it } from 'vitest';
import type { AttendanceStore, OccurrenceAttendance } from './attendance-store.ts';
import type { MeetingStore } from './meeting-store.ts';
import { aMeeting, failureOf, TENANT_A, TENANT_B } from './store-fixtures.contract.ts';

const at = (iso: string) => new Date(iso);

/** An online occurrence of meeting-1 that just ended, its report still to be read. */
export function aPendingAttendance(overrides: Partial<OccurrenceAttendance> = {}): OccurrenceAttendance {
  return {
    tenantId: TENANT_A,
    meetingId: 'meeting-1',
    occurrenceStart: at('2026-11-23T10:00:00.000Z'),
    occurrenceEnd: at('2026-11-23T10:45:00.000Z'),
    online: true,
    state: 'pending',
    source: null,
    participants: [],
    attempts: 0,
    nextCheckAt: at('2026-11-23T11:00:00.000Z'),
    unknownReason: null,
    decidedAt: null,
    decidedBy: null,
    version: 1,
    createdAt: at('2026-11-23T10:46:00.000Z'),
    updatedAt: at('2026-11-23T10:46:00.000Z'),
    ...overrides,
  };
}

/** The same record once Teams' report was read: held, with everyone's minutes. */
function heldFrom(record: OccurrenceAttendance): OccurrenceAttendance {
  return {
    ...record,
    state: 'held',
    source: 'teams',
    participants: [
      {
        email: 'alexw@contoso.onmicrosoft.com',
        userId: 'oid-alex',
        displayName: 'Alex Wilber',
        role: 'organizer',
        joined: true,
        minutesPresent: 45,
      },
      {
        email: 'sam@fabrikam.example',
        userId: null,
        displayName: 'Sam (Fabrikam)',
        role: 'attendee',
        joined: false,
        minutesPresent: 0,
      },
    ],
    attempts: record.attempts + 1,
    nextCheckAt: null,
    decidedAt: at('2026-11-23T11:00:05.000Z'),
    updatedAt: at('2026-11-23T11:00:05.000Z'),
  };
}

type Stores = { meetings: MeetingStore; attendance: AttendanceStore };

/** One contract suite for every AttendanceStore implementation (in-memory, SQLite, PostgreSQL). */
export function attendanceStoreContract(name: string, create: () => Stores | Promise<Stores>) {
  async function setUp() {
    const stores = await create();
    await stores.meetings.insert(aMeeting({ id: 'meeting-1' }));
    await stores.meetings.insert(aMeeting({ id: 'meeting-2' }));
    await stores.meetings.insert(aMeeting({ id: 'meeting-1', tenantId: TENANT_B }));
    return stores;
  }

  describe(`AttendanceStore contract: ${name}`, () => {
    it('adds each occurrence once: a second add of the same key changes nothing and counts nothing', async () => {
      const { attendance } = await setUp();
      const first = aPendingAttendance();
      const second = aPendingAttendance({
        occurrenceStart: at('2026-11-30T10:00:00Z'),
        occurrenceEnd: at('2026-11-30T10:45:00Z'),
      });
      expect(await attendance.addPending([first, second])).toBe(2);
      const again = aPendingAttendance({ attempts: 3, nextCheckAt: at('2026-11-24T00:00:00Z') });
      const third = aPendingAttendance({ meetingId: 'meeting-2' });
      expect(await attendance.addPending([again, third])).toBe(1);
      expect(await attendance.addPending([])).toBe(0);
      expect(await attendance.get(TENANT_A, 'meeting-1', first.occurrenceStart)).toEqual(first);
      expect(await attendance.get(TENANT_A, 'meeting-2', first.occurrenceStart)).toEqual(third);
      expect(await attendance.get(TENANT_B, 'meeting-1', first.occurrenceStart)).toBeUndefined();
      expect(await attendance.get(TENANT_A, 'meeting-1', at('2026-11-23T10:00:01Z'))).toBeUndefined();
    });

    it('refuses a record of a meeting that does not exist in its tenant, adding none of the batch', async () => {
      const { attendance } = await setUp();
      const orphan = aPendingAttendance({ meetingId: 'meeting-2', tenantId: TENANT_B });
      expect(await failureOf(attendance.addPending([aPendingAttendance(), orphan]))).toBe('missing_parent');
      expect(await attendance.listForMeeting(TENANT_A, 'meeting-1')).toEqual([]);
    });

    it('refuses a decided record without its source, or an unknown outcome without its reason', async () => {
      const { attendance } = await setUp();
      const noSource = { ...heldFrom(aPendingAttendance()), source: null };
      expect(await failureOf(attendance.addPending([noSource]))).toBe('constraint');
      const noReason = { ...heldFrom(aPendingAttendance()), state: 'unknown' as const, source: 'timeout' as const };
      expect(await failureOf(attendance.addPending([noReason]))).toBe('constraint');
      expect(await attendance.listForMeeting(TENANT_A, 'meeting-1')).toEqual([]);
    });

    it('saves on the version it read, bumping it, keeps the participants, and refuses a stale save', async () => {
      const { attendance } = await setUp();
      const pending = aPendingAttendance();
      await attendance.addPending([pending]);
      const held = heldFrom(pending);
      expect(await attendance.save(held, 1)).toBe(true);
      expect(await attendance.save({ ...pending, attempts: 9 }, 1)).toBe(false);
      const stored = await attendance.get(TENANT_A, 'meeting-1', pending.occurrenceStart);
      expect(stored).toEqual({ ...held, version: 2 });
      expect(stored?.participants).toEqual(held.participants);
      const unknown = {
        ...stored!,
        state: 'unknown' as const,
        source: 'timeout' as const,
        participants: [],
        unknownReason: 'no_report' as const,
      };
      expect(await attendance.save(unknown, 2)).toBe(true);
      expect(await attendance.get(TENANT_A, 'meeting-1', pending.occurrenceStart)).toEqual({ ...unknown, version: 3 });
    });

    it('answers false for a save of a record that was never added', async () => {
      const { attendance } = await setUp();
      expect(await attendance.save(aPendingAttendance(), 1)).toBe(false);
      expect(await attendance.get(TENANT_A, 'meeting-1', aPendingAttendance().occurrenceStart)).toBeUndefined();
    });

    it('lists records due by now across tenants, soonest first, at most the limit, decided ones still to finish too', async () => {
      const { attendance } = await setUp();
      const late = aPendingAttendance({ nextCheckAt: at('2026-11-23T11:30:00Z') });
      const soon = aPendingAttendance({ tenantId: TENANT_B, nextCheckAt: at('2026-11-23T11:05:00Z') });
      const exactlyNow = aPendingAttendance({ meetingId: 'meeting-2', nextCheckAt: at('2026-11-23T12:00:00Z') });
      const future = aPendingAttendance({
        occurrenceStart: at('2026-11-30T10:00:00Z'),
        occurrenceEnd: at('2026-11-30T10:45:00Z'),
        nextCheckAt: at('2026-11-30T11:00:00Z'),
      });
      const inPerson = aPendingAttendance({
        meetingId: 'meeting-2',
        occurrenceStart: at('2026-11-16T10:00:00Z'),
        occurrenceEnd: at('2026-11-16T10:45:00Z'),
        online: false,
        nextCheckAt: null,
      });
      // Decided, its follow-through still to finish (it keeps a next check until then), and decided and finished.
      const unfinished = {
        ...heldFrom(
          aPendingAttendance({
            occurrenceStart: at('2026-11-09T10:00:00Z'),
            occurrenceEnd: at('2026-11-09T10:45:00Z'),
          }),
        ),
        nextCheckAt: at('2026-11-09T11:00:00Z'),
      };
      const finished = heldFrom(
        aPendingAttendance({ occurrenceStart: at('2026-11-02T10:00:00Z'), occurrenceEnd: at('2026-11-02T10:45:00Z') }),
      );
      await attendance.addPending([late, soon, exactlyNow, future, inPerson, unfinished, finished]);
      const now = at('2026-11-23T12:00:00Z');
      expect(await attendance.listDue(now, 10)).toEqual([unfinished, soon, late, exactlyNow]);
      expect(await attendance.listDue(now, 2)).toEqual([unfinished, soon]);
      expect(await attendance.save(heldFrom(soon), 1)).toBe(true);
      expect(await attendance.save({ ...unfinished, nextCheckAt: null }, 1)).toBe(true);
      expect(await attendance.listDue(now, 10)).toEqual([late, exactlyNow]);
      expect(await failureOf(attendance.listDue(now, 0))).toBe('invalid_argument');
    });

    it('lists pending in-person records nobody told, ended before the instant, oldest first', async () => {
      const { attendance } = await setUp();
      const inPerson = (overrides: Partial<OccurrenceAttendance>) =>
        aPendingAttendance({ online: false, nextCheckAt: null, ...overrides });
      const older = inPerson({
        tenantId: TENANT_B,
        occurrenceStart: at('2026-11-16T10:00:00Z'),
        occurrenceEnd: at('2026-11-16T10:45:00Z'),
      });
      const newer = inPerson({});
      const endsLater = inPerson({ meetingId: 'meeting-2', occurrenceEnd: at('2026-11-23T12:00:00Z') });
      const online = aPendingAttendance({
        occurrenceStart: at('2026-11-09T10:00:00Z'),
        occurrenceEnd: at('2026-11-09T10:45:00Z'),
      });
      await attendance.addPending([newer, older, endsLater, online]);
      const before = at('2026-11-23T12:00:00Z');
      expect(await attendance.listUntold(before, 10)).toEqual([older, newer]);
      expect(await attendance.listUntold(before, 1)).toEqual([older]);
      const told = {
        ...newer,
        state: 'no_show' as const,
        source: 'organizer' as const,
        decidedAt: before,
        decidedBy: 'oid-alex',
      };
      expect(await attendance.save(told, 1)).toBe(true);
      expect(await attendance.listUntold(before, 10)).toEqual([older]);
      expect((await attendance.get(TENANT_A, 'meeting-1', newer.occurrenceStart))?.decidedBy).toBe('oid-alex');
    });

    it("lists a meeting's records by occurrence start, and several meetings' by meeting then start", async () => {
      const { attendance } = await setUp();
      const second = aPendingAttendance({
        occurrenceStart: at('2026-11-30T10:00:00Z'),
        occurrenceEnd: at('2026-11-30T10:45:00Z'),
      });
      const first = aPendingAttendance();
      const other = aPendingAttendance({ meetingId: 'meeting-2' });
      const elsewhere = aPendingAttendance({ tenantId: TENANT_B });
      await attendance.addPending([second, other, first, elsewhere]);
      expect(await attendance.listForMeeting(TENANT_A, 'meeting-1')).toEqual([first, second]);
      expect(await attendance.listForMeetings(TENANT_A, ['meeting-2', 'meeting-1', 'meeting-9'])).toEqual([
        first,
        second,
        other,
      ]);
      expect(await attendance.listForMeetings(TENANT_A, [])).toEqual([]);
      expect(await attendance.listForMeetings(TENANT_B, ['meeting-1', 'meeting-2'])).toEqual([elsewhere]);
    });

    it('hands out copies: changing a returned record does not change the stored one', async () => {
      const { attendance } = await setUp();
      const held = heldFrom(aPendingAttendance());
      await attendance.addPending([held]);
      const read = (await attendance.get(TENANT_A, 'meeting-1', held.occurrenceStart))!;
      read.participants[0]!.minutesPresent = 1;
      read.occurrenceEnd.setUTCFullYear(2030);
      expect(await attendance.get(TENANT_A, 'meeting-1', held.occurrenceStart)).toEqual(held);
    });
  });
}
