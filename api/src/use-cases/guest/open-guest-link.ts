import { AppError } from '../../domain/app-error.ts';
import type { Meeting } from '../../domain/scheduling/meeting.ts';
import type { GuestOffer } from '../../ports/guest-offer-store.ts';
import type { GuestDeps } from './guest-deps.ts';
import { type MeetingSlot, offerState, slotNow } from './guest-offer-state.ts';
import { attendeeDigest, type GuestTokenClaims } from './guest-token.ts';

/** An open link: its offer, the meeting and where it is now. */
export interface OpenGuestLink {
  claims: GuestTokenClaims;
  offer: GuestOffer;
  meeting: Meeting;
  current: MeetingSlot;
}

/** One answer for a token that is not ours, altered, or names an offer that does not match: nothing says which. */
export function invalidLink(): AppError {
  return new AppError('guest_link_invalid', 'This link is not valid. Ask the organizer for a new one.');
}

/**
 * The offer a guest link opens, refused unless it is still open: the token is this server's, names an offer
 * that exists with exactly the meeting, occurrence, attendee and expiry it was signed with, and the offer is
 * neither answered, withdrawn (by the organizer, or by the meeting moving or being cancelled) nor expired.
 */
export async function openGuestLink(deps: GuestDeps, token: string): Promise<OpenGuestLink> {
  const claims = deps.signer.verify(token);
  if (!claims) throw invalidLink();
  const offer = await deps.offers.get(claims.tenantId, claims.offerId);
  if (!offer || !matches(offer, claims)) throw invalidLink();
  const meeting = await deps.scheduling.meetings.get(offer.tenantId, offer.meetingId);
  if (!meeting) throw invalidLink();
  const current = await slotNow(deps.scheduling.meetings, meeting, offer.occurrenceStart);
  const now = deps.scheduling.clock.now();
  const state = offerState(await finishInterruptedPick(deps, offer, current), meeting, current, now);
  if (state === 'picked' || state === 'proposed') {
    throw new AppError('guest_link_used', 'This link was already used. The organizer has your answer.');
  }
  if (state === 'revoked' || !current) {
    throw new AppError('guest_link_revoked', 'The organizer withdrew these times, or the meeting changed.');
  }
  if (state === 'expired' || now.getTime() >= claims.expiresAt.getTime()) {
    throw new AppError('guest_link_expired', 'This link has expired. Ask the organizer for a new one.');
  }
  return { claims, offer, meeting, current };
}

function matches(offer: GuestOffer, claims: GuestTokenClaims): boolean {
  return (
    offer.tenantId === claims.tenantId &&
    offer.meetingId === claims.meetingId &&
    (offer.occurrenceStart?.toISOString() ?? null) === claims.occurrenceStart &&
    attendeeDigest(offer.attendeeEmail) === claims.attendee &&
    Math.floor(offer.expiresAt.getTime() / 1000) === Math.floor(claims.expiresAt.getTime() / 1000)
  );
}

/**
 * A pick whose process stopped after Outlook moved the meeting but before the offer was closed: the meeting now
 * stands at one of the offered times under a claim. The offer is closed as picked, so the link is not used twice.
 */
async function finishInterruptedPick(
  deps: GuestDeps,
  offer: GuestOffer,
  current: MeetingSlot | null,
): Promise<GuestOffer> {
  if (offer.state !== 'offered' || !offer.claimedAt || !current) return offer;
  const slot = offer.slots.find((s) => s.start.getTime() === current.start.getTime());
  if (!slot) return offer;
  const at = deps.scheduling.clock.now();
  const answer = { state: 'picked' as const, start: slot.start, end: slot.end, message: null, at };
  if (!(await deps.offers.answer(offer.tenantId, offer.id, answer, offer.claimedAt))) return offer;
  return { ...offer, state: 'picked', claimedAt: null, decidedAt: at, chosenStart: slot.start, chosenEnd: slot.end };
}
