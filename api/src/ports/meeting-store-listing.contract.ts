import { describe, expect, it } from 'vitest';
import type { MeetingStore } from './meeting-store.ts';
import { aMeeting, failureOf, guest, megan, TENANT_A } from './store-fixtures.contract.ts';

const at = (iso: string) => new Date(iso);
const adele = { ...guest, email: 'adelev@contoso.onmicrosoft.com', userId: 'oid-adele', displayName: 'Adele Vance' };

/** Listing, window filters and the per-day counts, for every MeetingStore implementation. */
export function meetingStoreListingContract(
  name: string,
  create: () => { meetings: MeetingStore } | Promise<{ meetings: MeetingStore }>,
) {
  describe(`MeetingStore listing contract: ${name}`, () => {
    async function seed(meetings: MeetingStore) {
      await meetings.insert(aMeeting({ id: 'tue', start: at('2026-11-24T09:00Z'), end: at('2026-11-24T09:30Z') }));
      await meetings.insert(aMeeting({ id: 'mon', start: at('2026-11-23T09:00Z'), end: at('2026-11-23T09:30Z') }));
      await meetings.insert(
        aMeeting({ id: 'wed', status: 'cancelled', start: at('2026-11-25T09:00Z'), end: at('2026-11-25T09:30Z') }),
      );
      await meetings.insert(
        aMeeting({
          id: 'not-alex',
          organizerId: 'oid-adele',
          attendees: [megan],
          start: at('2026-11-23T12:00Z'),
          end: at('2026-11-23T12:30Z'),
        }),
      );
    }

    it("lists a user's meetings as organizer or attendee, by start either way, up to the limit", async () => {
      const { meetings } = await create();
      await seed(meetings);
      const ids = async (userId: string, order: 'asc' | 'desc', limit = 10) =>
        (await meetings.listForUser(TENANT_A, userId, { limit, order })).map((m) => m.id);
      expect(await ids('oid-alex', 'asc')).toEqual(['mon', 'tue', 'wed']);
      expect(await ids('oid-alex', 'desc')).toEqual(['wed', 'tue', 'mon']);
      expect(await ids('oid-megan', 'asc')).toEqual(['mon', 'not-alex', 'tue', 'wed']);
      expect(await ids('oid-megan', 'asc', 2)).toEqual(['mon', 'not-alex']);
      expect(await ids('oid-adele', 'asc')).toEqual(['not-alex']);
    });

    it('filters by statuses and by a half-open window the meeting overlaps', async () => {
      const { meetings } = await create();
      await seed(meetings);
      const list = async (options: { from?: Date; to?: Date; statuses?: ('scheduled' | 'cancelled')[] }) =>
        (await meetings.listForUser(TENANT_A, 'oid-alex', { limit: 10, order: 'asc', ...options })).map((m) => m.id);
      expect(await list({ statuses: ['scheduled'] })).toEqual(['mon', 'tue']);
      expect(await list({ statuses: [] })).toEqual([]);
      expect(await list({ from: at('2026-11-23T09:30Z') })).toEqual(['tue', 'wed']);
      expect(await list({ from: at('2026-11-23T09:29Z'), to: at('2026-11-24T09:00Z') })).toEqual(['mon']);
      expect(await list({ to: at('2026-11-24T09:01Z'), statuses: ['scheduled', 'cancelled'] })).toEqual(['mon', 'tue']);
    });

    it('keeps a series in the window until its last occurrence ends, moved occurrences included', async () => {
      const { meetings } = await create();
      await meetings.insert(aMeeting({ recurrence: { kind: 'weekly', count: 3 } }));
      const list = async (from: Date) =>
        (await meetings.listForUser(TENANT_A, 'oid-alex', { from, limit: 10, order: 'asc' })).map((m) => m.id);
      expect(await list(at('2026-12-07T10:44Z'))).toEqual(['meeting-1']);
      expect(await list(at('2026-12-07T10:45Z'))).toEqual([]);
      await meetings.upsertOccurrence(TENANT_A, {
        meetingId: 'meeting-1',
        originalStart: at('2026-12-07T10:00Z'),
        start: at('2026-12-09T10:00Z'),
        end: at('2026-12-09T10:45Z'),
        cancelled: false,
        graphEventId: null,
      });
      expect(await list(at('2026-12-08T00:00Z'))).toEqual(['meeting-1']);
    });

    it('refuses a limit below one rather than listing everything', async () => {
      const { meetings } = await create();
      expect(await failureOf(meetings.listForUser(TENANT_A, 'oid-alex', { limit: 0, order: 'asc' }))).toBe(
        'invalid_argument',
      );
    });

    it('gives each scheduled meeting interval per organizer or attending user, declines and other statuses left out', async () => {
      const { meetings } = await create();
      await seed(meetings);
      await meetings.insert(
        aMeeting({
          id: 'declined',
          attendees: [{ ...megan, response: 'declined' }, adele],
          start: at('2026-11-23T15:00Z'),
          end: at('2026-11-23T16:00Z'),
        }),
      );
      await meetings.insert(
        aMeeting({ id: 'creating', status: 'creating', start: at('2026-11-23T17:00Z'), end: at('2026-11-23T17:30Z') }),
      );
      const window = { start: at('2026-11-23T00:00Z'), end: at('2026-11-24T00:00Z') };
      const found = await meetings.countMeetingsByUserAndDay(TENANT_A, ['oid-megan', 'oid-adele', 'oid-lynne'], window);
      expect(found).toEqual([
        { userId: 'oid-megan', start: at('2026-11-23T09:00Z'), end: at('2026-11-23T09:30Z') },
        { userId: 'oid-adele', start: at('2026-11-23T12:00Z'), end: at('2026-11-23T12:30Z') },
        { userId: 'oid-megan', start: at('2026-11-23T12:00Z'), end: at('2026-11-23T12:30Z') },
        { userId: 'oid-adele', start: at('2026-11-23T15:00Z'), end: at('2026-11-23T16:00Z') },
      ]);
    });

    it('expands a series in its own zone across a DST change, skipping cancelled and moving moved occurrences', async () => {
      const { meetings } = await create();
      // 10:00 in London is 09:00Z in British Summer Time and 10:00Z after the clocks go back on 25 October 2026.
      await meetings.insert(
        aMeeting({
          start: at('2026-10-14T09:00Z'),
          end: at('2026-10-14T09:30Z'),
          recurrence: { kind: 'weekly', count: 4 },
        }),
      );
      await meetings.upsertOccurrence(TENANT_A, {
        meetingId: 'meeting-1',
        originalStart: at('2026-10-21T09:00Z'),
        start: at('2026-10-21T09:00Z'),
        end: at('2026-10-21T09:30Z'),
        cancelled: true,
        graphEventId: null,
      });
      await meetings.upsertOccurrence(TENANT_A, {
        meetingId: 'meeting-1',
        originalStart: at('2026-11-04T10:00Z'),
        start: at('2026-11-05T14:00Z'),
        end: at('2026-11-05T14:30Z'),
        cancelled: false,
        graphEventId: null,
      });
      const window = { start: at('2026-10-14T09:15Z'), end: at('2026-11-30T00:00Z') };
      const found = await meetings.countMeetingsByUserAndDay(TENANT_A, ['oid-alex'], window);
      expect(found).toEqual([
        { userId: 'oid-alex', start: at('2026-10-14T09:00Z'), end: at('2026-10-14T09:30Z') },
        { userId: 'oid-alex', start: at('2026-10-28T10:00Z'), end: at('2026-10-28T10:30Z') },
        { userId: 'oid-alex', start: at('2026-11-05T14:00Z'), end: at('2026-11-05T14:30Z') },
      ]);
    });

    it('steps a monthly series from its first date, landing on the last day of shorter months', async () => {
      const { meetings } = await create();
      await meetings.insert(
        aMeeting({
          timeZone: 'America/New_York',
          start: at('2027-01-31T15:00Z'),
          end: at('2027-01-31T16:00Z'),
          recurrence: { kind: 'monthly', count: 3 },
        }),
      );
      const window = { start: at('2027-01-01T00:00Z'), end: at('2027-04-01T00:00Z') };
      const found = await meetings.countMeetingsByUserAndDay(TENANT_A, ['oid-alex'], window);
      // 10:00 in New York: EST (-5) in January and February, EDT (-4) from 14 March 2027.
      expect(found.map((f) => f.start.toISOString())).toEqual([
        '2027-01-31T15:00:00.000Z',
        '2027-02-28T15:00:00.000Z',
        '2027-03-31T14:00:00.000Z',
      ]);
    });
  });
}
