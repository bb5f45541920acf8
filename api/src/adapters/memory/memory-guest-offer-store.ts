import type { GuestOffer, GuestOfferStore } from '../../ports/guest-offer-store.ts';
import { copy, keyOf } from './memory-state.ts';

/** The in-memory GuestOfferStore, for tests that wire no database. */
export function createMemoryGuestOfferStore(): GuestOfferStore {
  const offers = new Map<string, GuestOffer>();
  const open = (offer: GuestOffer | undefined): offer is GuestOffer => offer?.state === 'offered';
  return {
    async save(offer) {
      const key = keyOf(offer.tenantId, offer.id);
      if (offers.has(key)) throw new Error('A guest offer with this id already exists.');
      offers.set(key, copy(offer));
    },
    async get(tenantId, offerId) {
      const offer = offers.get(keyOf(tenantId, offerId));
      return offer ? copy(offer) : undefined;
    },
    async listForMeeting(tenantId, meetingId) {
      return [...offers.values()]
        .filter((o) => o.tenantId === tenantId && o.meetingId === meetingId)
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
        .map((o) => copy(o));
    },
    async claim(tenantId, offerId, at, staleBefore) {
      const offer = offers.get(keyOf(tenantId, offerId));
      if (!open(offer) || (offer.claimedAt !== null && offer.claimedAt >= staleBefore)) return false;
      offer.claimedAt = new Date(at);
      return true;
    },
    async release(tenantId, offerId, claimedAt) {
      const offer = offers.get(keyOf(tenantId, offerId));
      if (!open(offer) || offer.claimedAt?.getTime() !== claimedAt.getTime()) return false;
      offer.claimedAt = null;
      return true;
    },
    async answer(tenantId, offerId, answer, claimedAt) {
      const offer = offers.get(keyOf(tenantId, offerId));
      if (!open(offer) || (offer.claimedAt?.getTime() ?? null) !== (claimedAt?.getTime() ?? null)) return false;
      Object.assign(offer, {
        state: answer.state,
        claimedAt: null,
        decidedAt: new Date(answer.at),
        chosenStart: new Date(answer.start),
        chosenEnd: new Date(answer.end),
        message: answer.message,
      });
      return true;
    },
    async revoke(tenantId, offerId, at) {
      const offer = offers.get(keyOf(tenantId, offerId));
      if (!open(offer) || offer.claimedAt !== null) return false;
      offer.state = 'revoked';
      offer.decidedAt = new Date(at);
      return true;
    },
  };
}
