import { describe, expect, it } from 'vitest';
import type { MeetingHistoryEntry, MeetingHistoryStore, MeetingStore } from './meeting-store.ts';
import { aMeeting, failureOf, TENANT_A, TENANT_B } from './store-fixtures.contract.ts';

type Stores = { meetings: MeetingStore; history: MeetingHistoryStore };

/** One contract suite for every MeetingHistoryStore implementation. */
export function meetingHistoryStoreContract(name: string, create: () => Stores | Promise<Stores>) {
  const created: MeetingHistoryEntry = {
    meetingId: 'meeting-1',
    at: new Date('2026-11-20T09:00:00.000Z'),
    actorId: 'oid-alex',
    kind: 'created',
    summary: 'Alex scheduled the meeting',
    details: { attendees: ['meganb@contoso.onmicrosoft.com'], online: true },
  };
  const responded: MeetingHistoryEntry = {
    ...created,
    at: new Date('2026-11-20T10:00:00.000Z'),
    actorId: null,
    kind: 'responded',
    summary: 'Megan accepted',
    details: { response: 'accepted' },
  };

  describe(`MeetingHistoryStore contract: ${name}`, () => {
    it('lists entries oldest first with their details intact, whatever order they were appended in', async () => {
      const { meetings, history } = await create();
      await meetings.insert(aMeeting());
      await history.append(TENANT_A, responded);
      await history.append(TENANT_A, created);
      await history.append(TENANT_A, { ...responded, summary: 'Megan accepted again' });
      expect(await history.list(TENANT_A, 'meeting-1')).toEqual([
        created,
        responded,
        { ...responded, summary: 'Megan accepted again' },
      ]);
    });

    it('keeps tenants apart and refuses history for a meeting the tenant does not have', async () => {
      const { meetings, history } = await create();
      await meetings.insert(aMeeting());
      await history.append(TENANT_A, created);
      expect(await history.list(TENANT_B, 'meeting-1')).toEqual([]);
      expect(await failureOf(history.append(TENANT_B, created))).toBe('missing_parent');
      expect(await history.list(TENANT_B, 'meeting-1')).toEqual([]);
    });
  });
}
