/**
 * Times an organizer offered a guest outside the tenant through a signed link (docs/guest-links.md). Each offer
 * answers once: a pick or a proposal closes it, and a pick first claims it so two picks at once cannot both move
 * the meeting.
 */
export interface GuestOfferSlot {
  start: Date;
  end: Date;
}

/** Stored states; `expired` is a stored `offered` past its expiry, and is worked out when read. */
export type StoredGuestOfferState = 'offered' | 'picked' | 'proposed' | 'revoked';

export interface GuestOffer {
  tenantId: string;
  id: string;
  meetingId: string;
  /** The occurrence of a series (its original start) the offer is for; null for a single meeting. */
  occurrenceStart: Date | null;
  attendeeEmail: string;
  attendeeName: string;
  slots: GuestOfferSlot[];
  /** Where the meeting (or occurrence) was when the offer was made: a move since withdraws the offer. */
  meetingStart: Date;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  state: StoredGuestOfferState;
  /** Set while a pick is moving the meeting; a claim older than the stale limit may be taken over. */
  claimedAt: Date | null;
  decidedAt: Date | null;
  chosenStart: Date | null;
  chosenEnd: Date | null;
  message: string | null;
}

/** How an offer was answered. */
export interface GuestOfferAnswer {
  state: 'picked' | 'proposed';
  start: Date;
  end: Date;
  message: string | null;
  at: Date;
}

export interface GuestOfferStore {
  save(offer: GuestOffer): Promise<void>;
  get(tenantId: string, offerId: string): Promise<GuestOffer | undefined>;
  /** The meeting's offers, newest first. */
  listForMeeting(tenantId: string, meetingId: string): Promise<GuestOffer[]>;
  /**
   * Claims an open offer for a pick at `at`: true when it was `offered` and unclaimed, or its claim was made
   * before `staleBefore` (the process that made it died). False otherwise: someone else is picking or it closed.
   */
  claim(tenantId: string, offerId: string, at: Date, staleBefore: Date): Promise<boolean>;
  /** Gives a claim back (the move failed): the offer is open again. False when the claim is no longer this one. */
  release(tenantId: string, offerId: string, claimedAt: Date): Promise<boolean>;
  /**
   * Closes an open offer with the guest's answer, at most once. `claimedAt` is the pick's claim (it must still
   * hold); null for a proposal, which needs no claim and is refused while a pick holds one.
   */
  answer(tenantId: string, offerId: string, answer: GuestOfferAnswer, claimedAt: Date | null): Promise<boolean>;
  /** Withdraws an open, unclaimed offer; false when it was answered, claimed or already withdrawn. */
  revoke(tenantId: string, offerId: string, at: Date): Promise<boolean>;
}
