import type { GuestOffer, GuestOfferSlot, StoredGuestOfferState } from '../../ports/guest-offer-store.ts';

/** A guest_offers row; `I` is how the database returns an instant (ISO text or Date). */
export interface GuestOfferRow<I> {
  tenant_id: string;
  id: string;
  meeting_id: string;
  occurrence_start: I | null;
  attendee_email: string;
  attendee_name: string;
  slots_json: string;
  meeting_start: I;
  created_by: string;
  created_at: I;
  expires_at: I;
  state: StoredGuestOfferState;
  claimed_at: I | null;
  decided_at: I | null;
  chosen_start: I | null;
  chosen_end: I | null;
  message: string | null;
}

export const GUEST_OFFER_COLUMNS =
  'tenant_id, id, meeting_id, occurrence_start, attendee_email, attendee_name, slots_json, meeting_start, ' +
  'created_by, created_at, expires_at, state, claimed_at, decided_at, chosen_start, chosen_end, message';

/** The offered times as stored: ISO instants, so both databases keep the same text. */
export function slotsToJson(slots: readonly GuestOfferSlot[]): string {
  return JSON.stringify(slots.map((s) => ({ start: s.start.toISOString(), end: s.end.toISOString() })));
}

export function guestOfferFromRow<I>(row: GuestOfferRow<I>, toDate: (instant: I) => Date): GuestOffer {
  const orNull = (instant: I | null) => (instant === null ? null : toDate(instant));
  const slots = (JSON.parse(row.slots_json) as { start: string; end: string }[]).map((s) => ({
    start: new Date(s.start),
    end: new Date(s.end),
  }));
  return {
    tenantId: row.tenant_id,
    id: row.id,
    meetingId: row.meeting_id,
    occurrenceStart: orNull(row.occurrence_start),
    attendeeEmail: row.attendee_email,
    attendeeName: row.attendee_name,
    slots,
    meetingStart: toDate(row.meeting_start),
    createdBy: row.created_by,
    createdAt: toDate(row.created_at),
    expiresAt: toDate(row.expires_at),
    state: row.state,
    claimedAt: orNull(row.claimed_at),
    decidedAt: orNull(row.decided_at),
    chosenStart: orNull(row.chosen_start),
    chosenEnd: orNull(row.chosen_end),
    message: row.message,
  };
}

/** The values of an INSERT in GUEST_OFFER_COLUMNS order; `toInstant` writes an instant as the database wants it. */
export function guestOfferValues<I>(offer: GuestOffer, toInstant: (date: Date) => I): unknown[] {
  const orNull = (date: Date | null) => (date === null ? null : toInstant(date));
  return [
    offer.tenantId,
    offer.id,
    offer.meetingId,
    orNull(offer.occurrenceStart),
    offer.attendeeEmail,
    offer.attendeeName,
    slotsToJson(offer.slots),
    toInstant(offer.meetingStart),
    offer.createdBy,
    toInstant(offer.createdAt),
    toInstant(offer.expiresAt),
    offer.state,
    orNull(offer.claimedAt),
    orNull(offer.decidedAt),
    orNull(offer.chosenStart),
    orNull(offer.chosenEnd),
    offer.message,
  ];
}
