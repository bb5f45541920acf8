import { describe, expect, it } from 'vitest';
import type { GuestOffer, GuestOfferAnswer, GuestOfferStore } from './guest-offer-store.ts';
import type { MeetingStore } from './meeting-store.ts';
import { aMeeting } from './store-fixtures.contract.ts';

const at = (hour: number, minute = 0) => new Date(Date.UTC(2026, 11, 7, hour, minute));

export function aGuestOffer(overrides: Partial<GuestOffer> = {}): GuestOffer {
  return {
    tenantId: 'tenant-a',
    id: 'offer-1',
    meetingId: 'meeting-1',
    occurrenceStart: null,
    attendeeEmail: 'mentor@fabrikam.example',
    attendeeName: 'Mentor at Fabrikam',
    slots: [
      { start: new Date('2026-12-09T10:00:00.000Z'), end: new Date('2026-12-09T10:30:00.000Z') },
      { start: new Date('2026-12-10T14:00:00.000Z'), end: new Date('2026-12-10T14:30:00.000Z') },
    ],
    meetingStart: new Date('2026-12-08T09:00:00.000Z'),
    createdBy: 'oid-megan',
    createdAt: at(9),
    expiresAt: new Date('2026-12-09T10:00:00.000Z'),
    state: 'offered',
    claimedAt: null,
    decidedAt: null,
    chosenStart: null,
    chosenEnd: null,
    message: null,
    ...overrides,
  };
}

const picked = (minute: number): GuestOfferAnswer => ({
  state: 'picked',
  start: new Date('2026-12-10T14:00:00.000Z'),
  end: new Date('2026-12-10T14:30:00.000Z'),
  message: null,
  at: at(10, minute),
});

/** One contract suite for every GuestOfferStore implementation (memory, SQLite, PostgreSQL). */
export function guestOfferStoreContract(
  name: string,
  open: () => Promise<{ offers: GuestOfferStore; meetings: Pick<MeetingStore, 'insert'> }>,
) {
  /** The store, over a database holding the meetings the offers are for (an offer's meeting must exist). */
  async function create(): Promise<GuestOfferStore> {
    const { offers, meetings } = await open();
    await meetings.insert(aMeeting({ id: 'meeting-1' }));
    await meetings.insert(aMeeting({ id: 'meeting-2' }));
    return offers;
  }

  describe(`GuestOfferStore contract: ${name}`, () => {
    it('keeps every field of a saved offer, finds it only in its own tenant, and lists a meeting’s newest first', async () => {
      const store = await create();
      const first = aGuestOffer({ occurrenceStart: new Date('2026-12-08T09:00:00.000Z') });
      const second = aGuestOffer({ id: 'offer-2', createdAt: at(9, 30) });
      await store.save(first);
      await store.save(second);
      await store.save(aGuestOffer({ id: 'offer-3', meetingId: 'meeting-2' }));
      expect(await store.get('tenant-a', 'offer-1')).toEqual(first);
      expect(await store.get('tenant-b', 'offer-1')).toBeUndefined();
      expect((await store.listForMeeting('tenant-a', 'meeting-1')).map((o) => o.id)).toEqual(['offer-2', 'offer-1']);
      expect(await store.listForMeeting('tenant-b', 'meeting-1')).toEqual([]);
    });

    it('refuses a second offer with the same id', async () => {
      const store = await create();
      await store.save(aGuestOffer());
      await expect(store.save(aGuestOffer())).rejects.toThrow();
    });

    it('lets one pick claim an offer; a second claim waits until the first is stale or given back', async () => {
      const store = await create();
      await store.save(aGuestOffer());
      expect(await store.claim('tenant-a', 'offer-1', at(10), at(9, 58))).toBe(true);
      expect(await store.claim('tenant-a', 'offer-1', at(10, 1), at(9, 59))).toBe(false);
      expect(await store.release('tenant-a', 'offer-1', at(10, 5))).toBe(false);
      expect(await store.release('tenant-a', 'offer-1', at(10))).toBe(true);
      expect((await store.get('tenant-a', 'offer-1'))?.claimedAt).toBeNull();
      expect(await store.claim('tenant-a', 'offer-1', at(10, 2), at(10))).toBe(true);
      // The claim of 10:02 is older than 10:03: its process died, and another pick takes it over.
      expect(await store.claim('tenant-a', 'offer-1', at(10, 4), at(10, 3))).toBe(true);
      expect((await store.get('tenant-a', 'offer-1'))?.claimedAt).toEqual(at(10, 4));
    });

    it('answers an offer once: a pick under its claim, then nothing else closes or claims it', async () => {
      const store = await create();
      await store.save(aGuestOffer());
      await store.claim('tenant-a', 'offer-1', at(10), at(9));
      expect(await store.answer('tenant-a', 'offer-1', picked(1), at(10, 30))).toBe(false);
      expect(await store.answer('tenant-a', 'offer-1', picked(1), null)).toBe(false);
      expect(await store.answer('tenant-a', 'offer-1', picked(1), at(10))).toBe(true);
      expect(await store.answer('tenant-a', 'offer-1', picked(2), null)).toBe(false);
      expect(await store.claim('tenant-a', 'offer-1', at(11), at(11))).toBe(false);
      expect(await store.revoke('tenant-a', 'offer-1', at(11))).toBe(false);
      expect(await store.get('tenant-a', 'offer-1')).toEqual(
        aGuestOffer({
          state: 'picked',
          decidedAt: at(10, 1),
          chosenStart: picked(1).start,
          chosenEnd: picked(1).end,
        }),
      );
    });

    it('records a proposal with its note without a claim, and never over a pick in progress', async () => {
      const store = await create();
      await store.save(aGuestOffer());
      await store.save(aGuestOffer({ id: 'offer-2' }));
      const proposal: GuestOfferAnswer = { ...picked(5), state: 'proposed', message: 'Mornings suit me better' };
      await store.claim('tenant-a', 'offer-2', at(10), at(9));
      expect(await store.answer('tenant-a', 'offer-2', proposal, null)).toBe(false);
      expect(await store.answer('tenant-a', 'offer-1', proposal, null)).toBe(true);
      const saved = await store.get('tenant-a', 'offer-1');
      expect(saved).toMatchObject({ state: 'proposed', message: 'Mornings suit me better', decidedAt: at(10, 5) });
    });

    it('withdraws an open offer once, never one being picked, and never in another tenant', async () => {
      const store = await create();
      await store.save(aGuestOffer());
      await store.save(aGuestOffer({ id: 'offer-2' }));
      expect(await store.revoke('tenant-b', 'offer-1', at(10))).toBe(false);
      expect(await store.revoke('tenant-a', 'offer-1', at(10))).toBe(true);
      expect(await store.revoke('tenant-a', 'offer-1', at(10, 1))).toBe(false);
      expect(await store.get('tenant-a', 'offer-1')).toMatchObject({ state: 'revoked', decidedAt: at(10) });
      expect(await store.claim('tenant-a', 'offer-1', at(11), at(11))).toBe(false);
      await store.claim('tenant-a', 'offer-2', at(10), at(9));
      expect(await store.revoke('tenant-a', 'offer-2', at(10, 1))).toBe(false);
    });
  });
}
