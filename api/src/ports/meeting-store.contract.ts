import { describe, expect, it } from 'vitest';
import type { Meeting } from '../domain/scheduling/meeting.ts';
import type { MeetingStore } from './meeting-store.ts';
import { aMeeting, failureOf, guest, megan, TENANT_A, TENANT_B } from './store-fixtures.contract.ts';

/** One contract suite for every MeetingStore implementation (in-memory, SQLite, PostgreSQL). */
export function meetingStoreContract(
  name: string,
  create: () => { meetings: MeetingStore } | Promise<{ meetings: MeetingStore }>,
) {
  describe(`MeetingStore contract: ${name}`, () => {
    it('reads back what it inserted, attendees in order and every field intact', async () => {
      const { meetings } = await create();
      const meeting = aMeeting({ recurrence: { kind: 'biweekly', count: 6 }, online: false, location: 'Room 4' });
      await meetings.insert(meeting);
      expect(await meetings.get(TENANT_A, 'meeting-1')).toEqual(meeting);
    });

    it("keeps tenants apart: another tenant's meeting does not exist for any read or write", async () => {
      const { meetings } = await create();
      await meetings.insert(aMeeting());
      expect(await meetings.get(TENANT_B, 'meeting-1')).toBeUndefined();
      expect(await meetings.findByGraphEventId(TENANT_B, 'event-meeting-1')).toBeUndefined();
      expect(await meetings.listForUser(TENANT_B, 'oid-alex', { limit: 10, order: 'asc' })).toEqual([]);
      const window = { start: new Date('2026-11-23T00:00:00Z'), end: new Date('2026-11-24T00:00:00Z') };
      expect(await meetings.countMeetingsByUserAndDay(TENANT_B, ['oid-alex'], window)).toEqual([]);
      expect(await meetings.update(aMeeting({ tenantId: TENANT_B, title: 'Hijacked' }), 1)).toBe(false);
      expect((await meetings.get(TENANT_A, 'meeting-1'))?.title).toBe('Mentoring: first steps');
    });

    it('lets two tenants use the same ids and transaction ids', async () => {
      const { meetings } = await create();
      await meetings.insert(aMeeting());
      await meetings.insert(aMeeting({ tenantId: TENANT_B, title: 'Other tenant' }));
      expect((await meetings.get(TENANT_A, 'meeting-1'))?.title).toBe('Mentoring: first steps');
      expect((await meetings.get(TENANT_B, 'meeting-1'))?.title).toBe('Other tenant');
    });

    it('saves an update on the version it read, bumps the version, and refuses a stale one without writing', async () => {
      const { meetings } = await create();
      await meetings.insert(aMeeting());
      const read = (await meetings.get(TENANT_A, 'meeting-1'))!;
      const moved = { ...read, start: new Date('2026-11-24T10:00:00Z'), end: new Date('2026-11-24T10:45:00Z') };
      expect(await meetings.update(moved, read.version)).toBe(true);
      expect(await meetings.update({ ...read, title: 'Stale edit' }, read.version)).toBe(false);
      const stored = await meetings.get(TENANT_A, 'meeting-1');
      expect(stored).toEqual({ ...moved, version: 2 });
    });

    it('answers false for an update of a meeting that does not exist', async () => {
      const { meetings } = await create();
      expect(await meetings.update(aMeeting(), 1)).toBe(false);
      expect(await meetings.get(TENANT_A, 'meeting-1')).toBeUndefined();
    });

    it('replaces the attendees with the meeting, in their new order', async () => {
      const { meetings } = await create();
      await meetings.insert(aMeeting());
      const adele = { ...guest, email: 'adelev@contoso.onmicrosoft.com', userId: 'oid-adele', displayName: 'Adele' };
      expect(await meetings.update(aMeeting({ attendees: [adele, megan] }), 1)).toBe(true);
      expect((await meetings.get(TENANT_A, 'meeting-1'))?.attendees).toEqual([adele, megan]);
    });

    it('writes nothing when the second attendee breaks a constraint, on insert and on update', async () => {
      const { meetings } = await create();
      const twice = [megan, { ...guest, email: megan.email.toUpperCase() }];
      expect(await failureOf(meetings.insert(aMeeting({ attendees: twice })))).toBe('duplicate');
      expect(await meetings.get(TENANT_A, 'meeting-1')).toBeUndefined();
      expect(await meetings.listForUser(TENANT_A, 'oid-megan', { limit: 10, order: 'asc' })).toEqual([]);
      await meetings.insert(aMeeting());
      expect(await failureOf(meetings.update(aMeeting({ title: 'New', attendees: twice }), 1))).toBe('duplicate');
      expect(await meetings.get(TENANT_A, 'meeting-1')).toEqual(aMeeting());
    });

    it('refuses a second meeting with the same id or transaction id in a tenant', async () => {
      const { meetings } = await create();
      await meetings.insert(aMeeting());
      expect(await failureOf(meetings.insert(aMeeting({ transactionId: 'tx-other' })))).toBe('duplicate');
      expect(await failureOf(meetings.insert(aMeeting({ id: 'meeting-2', transactionId: 'tx-meeting-1' })))).toBe(
        'duplicate',
      );
      expect(await meetings.get(TENANT_A, 'meeting-2')).toBeUndefined();
    });

    it('refuses a meeting that ends before it starts, or in an unknown zone', async () => {
      const { meetings } = await create();
      const backwards = aMeeting({ end: new Date('2026-11-23T09:00:00Z') });
      expect(await failureOf(meetings.insert(backwards))).toBe('constraint');
      const nowhere = aMeeting({ timeZone: 'Mars/Olympus_Mons', recurrence: { kind: 'weekly', count: 3 } });
      expect(await failureOf(meetings.insert(nowhere))).toBe('invalid_argument');
      expect(await meetings.get(TENANT_A, 'meeting-1')).toBeUndefined();
    });

    it('lists meetings left in `creating` before a time, across tenants, oldest first', async () => {
      const { meetings } = await create();
      await meetings.insert(aMeeting({ id: 'late', status: 'creating', createdAt: new Date('2026-11-20T09:04:00Z') }));
      await meetings.insert(
        aMeeting({ id: 'early', tenantId: TENANT_B, status: 'creating', createdAt: new Date('2026-11-20T09:01:00Z') }),
      );
      await meetings.insert(aMeeting({ id: 'fresh', status: 'creating', createdAt: new Date('2026-11-20T09:10:00Z') }));
      await meetings.insert(aMeeting({ id: 'done', status: 'scheduled', createdAt: new Date('2026-11-20T09:00:00Z') }));
      const stuck = await meetings.listCreating(new Date('2026-11-20T09:05:00Z'));
      expect(stuck.map((m) => [m.tenantId, m.id])).toEqual([
        [TENANT_B, 'early'],
        [TENANT_A, 'late'],
      ]);
      expect(stuck[1]?.attendees).toEqual([megan, guest]);
      const finished = { ...stuck[1]!, status: 'scheduled' as const, graphEventId: 'event-late' };
      expect(await meetings.update(finished, 1)).toBe(true);
      expect((await meetings.listCreating(new Date('2026-11-20T09:05:00Z'))).map((m) => m.id)).toEqual(['early']);
    });

    it('lists recently failed creates across tenants, oldest first', async () => {
      const { meetings } = await create();
      await meetings.insert(aMeeting({ id: 'old', status: 'failed', createdAt: new Date('2026-11-19T09:00:00Z') }));
      await meetings.insert(
        aMeeting({ id: 'recent', tenantId: TENANT_B, status: 'failed', createdAt: new Date('2026-11-20T09:00:00Z') }),
      );
      await meetings.insert(aMeeting({ id: 'ok', status: 'scheduled', createdAt: new Date('2026-11-20T09:30:00Z') }));
      const failed = await meetings.listFailedSince(new Date('2026-11-20T00:00:00Z'));
      expect(failed.map((m) => [m.tenantId, m.id])).toEqual([[TENANT_B, 'recent']]);
    });

    it('lists each organizer of a scheduled meeting still to end once, across tenants', async () => {
      const { meetings } = await create();
      await meetings.insert(aMeeting({ id: 'a1' }));
      await meetings.insert(
        aMeeting({ id: 'a2', start: new Date('2026-11-24T10:00:00Z'), end: new Date('2026-11-24T11:00:00Z') }),
      );
      await meetings.insert(aMeeting({ id: 'b1', tenantId: TENANT_B, end: new Date('2026-11-23T11:30:00Z') }));
      await meetings.insert(aMeeting({ id: 'over', organizerId: 'oid-past' }));
      await meetings.insert(aMeeting({ id: 'gone', organizerId: 'oid-cancelled', status: 'cancelled' }));
      await meetings.insert(
        aMeeting({ id: 'series', organizerId: 'oid-series', recurrence: { kind: 'weekly', count: 4 } }),
      );
      const after = new Date('2026-11-23T11:00:00Z');
      expect(await meetings.listActiveOrganizers(after)).toEqual([
        { tenantId: TENANT_A, userId: 'oid-alex' },
        { tenantId: TENANT_A, userId: 'oid-series' },
        { tenantId: TENANT_B, userId: 'oid-alex' },
      ]);
    });

    it('lists scheduled meetings with an occurrence ending in a window, across tenants, by tenant and id', async () => {
      const { meetings } = await create();
      const single = (id: string, end: string, overrides: Partial<Meeting> = {}) =>
        aMeeting({ id, start: new Date(Date.parse(end) - 45 * 60_000), end: new Date(end), ...overrides });
      const from = new Date('2026-11-23T10:00:00Z');
      const to = new Date('2026-11-23T11:00:00Z');
      await meetings.insert(single('ends-at-from', '2026-11-23T10:00:00Z'));
      await meetings.insert(single('ends-inside', '2026-11-23T10:45:00Z', { tenantId: TENANT_B }));
      await meetings.insert(single('ends-at-to', '2026-11-23T11:00:00Z'));
      await meetings.insert(single('ended-before', '2026-11-23T09:59:59Z'));
      await meetings.insert(single('cancelled', '2026-11-23T10:30:00Z', { status: 'cancelled' }));
      await meetings.insert(single('creating', '2026-11-23T10:30:00Z', { status: 'creating' }));
      // Weekly from 16 November (its second occurrence ends in the window), from 24 November (none does).
      const weekly = { kind: 'weekly', count: 4 } as const;
      await meetings.insert(single('series-around', '2026-11-16T10:45:00Z', { recurrence: weekly }));
      await meetings.insert(single('series-later', '2026-11-24T10:45:00Z', { recurrence: weekly }));
      await meetings.insert(
        single('series-over', '2026-11-02T10:45:00Z', { recurrence: { kind: 'weekly', count: 2 } }),
      );
      // Its last occurrence ends exactly at the window's start: that end is in [from, to).
      await meetings.insert(
        single('series-last-at-from', '2026-11-16T10:00:00Z', { recurrence: { kind: 'weekly', count: 2 } }),
      );
      await meetings.insert(
        single('series-cancelled', '2026-11-16T10:45:00Z', { recurrence: weekly, status: 'cancelled' }),
      );
      const listed = await meetings.listEndingBetween(from, to, { limit: 10 });
      expect(listed.map((m) => [m.tenantId, m.id])).toEqual([
        [TENANT_A, 'ends-at-from'],
        [TENANT_A, 'series-around'],
        [TENANT_A, 'series-last-at-from'],
        [TENANT_B, 'ends-inside'],
      ]);
      expect(listed[0]?.attendees).toEqual([megan, guest]);
      expect(listed[1]).toEqual(await meetings.get(TENANT_A, 'series-around'));
    });

    it('pages the meetings ending in a window after the given meeting, and follows a moved occurrence', async () => {
      const { meetings } = await create();
      for (const [tenantId, id] of [
        [TENANT_B, 'a'],
        [TENANT_A, 'c'],
        [TENANT_A, 'a'],
        [TENANT_A, 'b'],
        [TENANT_B, 'b'],
      ] as const) {
        await meetings.insert(aMeeting({ tenantId, id }));
      }
      const from = new Date('2026-11-23T10:00:00Z');
      const to = new Date('2026-11-23T11:00:00Z');
      const keys = (list: { tenantId: string; id: string }[]) => list.map((m) => `${m.tenantId}/${m.id}`);
      const first = await meetings.listEndingBetween(from, to, { limit: 2 });
      expect(keys(first)).toEqual([`${TENANT_A}/a`, `${TENANT_A}/b`]);
      const second = await meetings.listEndingBetween(from, to, {
        limit: 2,
        after: { tenantId: TENANT_A, meetingId: 'b' },
      });
      expect(keys(second)).toEqual([`${TENANT_A}/c`, `${TENANT_B}/a`]);
      const third = await meetings.listEndingBetween(from, to, {
        limit: 2,
        after: { tenantId: TENANT_B, meetingId: 'a' },
      });
      expect(keys(third)).toEqual([`${TENANT_B}/b`]);
      expect(await failureOf(meetings.listEndingBetween(from, to, { limit: 0 }))).toBe('invalid_argument');

      // A series over before the window, whose last occurrence was moved into it, is listed for it.
      await meetings.insert(
        aMeeting({
          id: 'moved',
          start: new Date('2026-11-02T10:00:00Z'),
          end: new Date('2026-11-02T10:45:00Z'),
          recurrence: { kind: 'weekly', count: 2 },
        }),
      );
      const later = { from: new Date('2026-11-30T10:00:00Z'), to: new Date('2026-11-30T11:00:00Z') };
      expect(await meetings.listEndingBetween(later.from, later.to, { limit: 10 })).toEqual([]);
      await meetings.upsertOccurrence(TENANT_A, {
        meetingId: 'moved',
        originalStart: new Date('2026-11-09T10:00:00Z'),
        start: new Date('2026-11-30T10:00:00Z'),
        end: new Date('2026-11-30T10:30:00Z'),
        cancelled: false,
        graphEventId: null,
      });
      expect(keys(await meetings.listEndingBetween(later.from, later.to, { limit: 10 }))).toEqual([
        `${TENANT_A}/moved`,
      ]);
    });

    it('finds a meeting by its Graph event id, or by the id of one of its occurrences', async () => {
      const { meetings } = await create();
      await meetings.insert(aMeeting({ recurrence: { kind: 'weekly', count: 4 } }));
      await meetings.upsertOccurrence(TENANT_A, {
        meetingId: 'meeting-1',
        originalStart: new Date('2026-11-30T10:00:00Z'),
        start: new Date('2026-11-30T15:00:00Z'),
        end: new Date('2026-11-30T15:45:00Z'),
        cancelled: false,
        graphEventId: 'event-occurrence-2',
      });
      expect((await meetings.findByGraphEventId(TENANT_A, 'event-meeting-1'))?.id).toBe('meeting-1');
      expect((await meetings.findByGraphEventId(TENANT_A, 'event-occurrence-2'))?.id).toBe('meeting-1');
      expect(await meetings.findByGraphEventId(TENANT_A, 'event-unknown')).toBeUndefined();
      expect(await meetings.findByGraphEventId(TENANT_B, 'event-occurrence-2')).toBeUndefined();
    });

    it('keeps one override per occurrence, listed by original start, for meetings of the same tenant only', async () => {
      const { meetings } = await create();
      await meetings.insert(aMeeting({ recurrence: { kind: 'weekly', count: 4 } }));
      const second = {
        meetingId: 'meeting-1',
        originalStart: new Date('2026-11-30T10:00:00Z'),
        start: new Date('2026-11-30T10:00:00Z'),
        end: new Date('2026-11-30T10:45:00Z'),
        cancelled: true,
        graphEventId: null,
      };
      const first = { ...second, originalStart: new Date('2026-11-23T10:00:00Z'), cancelled: false };
      await meetings.upsertOccurrence(TENANT_A, second);
      await meetings.upsertOccurrence(TENANT_A, first);
      const moved = { ...second, start: new Date('2026-12-01T10:00:00Z'), end: new Date('2026-12-01T11:00:00Z') };
      await meetings.upsertOccurrence(TENANT_A, { ...moved, cancelled: false });
      expect(await meetings.listOccurrences(TENANT_A, 'meeting-1')).toEqual([first, { ...moved, cancelled: false }]);
      expect(await meetings.listOccurrences(TENANT_B, 'meeting-1')).toEqual([]);
      expect(await failureOf(meetings.upsertOccurrence(TENANT_B, second))).toBe('missing_parent');
    });

    it('hands out copies: changing a returned meeting does not change the stored one', async () => {
      const { meetings } = await create();
      const meeting = aMeeting();
      await meetings.insert(meeting);
      meeting.attendees.push({ ...guest, email: 'late@fabrikam.example' });
      const read = (await meetings.get(TENANT_A, 'meeting-1'))!;
      read.title = 'Changed in memory';
      read.start.setUTCFullYear(2030);
      expect(await meetings.get(TENANT_A, 'meeting-1')).toEqual(aMeeting());
    });
  });
}
