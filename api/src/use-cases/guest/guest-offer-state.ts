import type { GuestOfferDto, GuestOfferState } from '@confer/contracts';
import type { Meeting } from '../../domain/scheduling/meeting.ts';
import type { GuestOffer } from '../../ports/guest-offer-store.ts';
import type { MeetingStore } from '../../ports/meeting-store.ts';
import { everyOccurrenceOf } from '../scheduling/check-conflicts.ts';

/** Where the meeting, or the offer's occurrence of it, is now; null when it no longer takes place. */
export interface MeetingSlot {
  start: Date;
  end: Date;
}

export async function slotNow(
  meetings: Pick<MeetingStore, 'listOccurrences'>,
  meeting: Meeting,
  occurrenceStart: Date | null,
): Promise<MeetingSlot | null> {
  if (meeting.status !== 'scheduled') return null;
  if (!occurrenceStart) return meeting.recurrence ? null : { start: meeting.start, end: meeting.end };
  if (!meeting.recurrence) return null;
  const overrides = await meetings.listOccurrences(meeting.tenantId, meeting.id);
  const moved = overrides.find((o) => o.originalStart.getTime() === occurrenceStart.getTime());
  if (moved) return moved.cancelled ? null : { start: moved.start, end: moved.end };
  const planned = everyOccurrenceOf(meeting).find((o) => o.start.getTime() === occurrenceStart.getTime());
  return planned ? { start: planned.start, end: planned.end } : null;
}

/**
 * The offer's state as the organizer and the guest see it. An open offer is withdrawn (revoked) once the meeting
 * or its occurrence is cancelled or moved, or the guest is no longer invited: the times were offered against the
 * meeting as it was. Past its expiry it has expired.
 */
export function offerState(offer: GuestOffer, meeting: Meeting, now: MeetingSlot | null, at: Date): GuestOfferState {
  if (offer.state !== 'offered') return offer.state;
  const invited = meeting.attendees.some((a) => a.email.toLowerCase() === offer.attendeeEmail && a.userId === null);
  if (!now || !invited || now.start.getTime() !== offer.meetingStart.getTime()) return 'revoked';
  return at.getTime() >= offer.expiresAt.getTime() ? 'expired' : 'offered';
}

export function toGuestOfferDto(offer: GuestOffer, state: GuestOfferState): GuestOfferDto {
  return {
    id: offer.id,
    attendee: { email: offer.attendeeEmail, displayName: offer.attendeeName },
    occurrenceStart: offer.occurrenceStart?.toISOString() ?? null,
    slots: offer.slots.map((s) => ({ start: s.start.toISOString(), end: s.end.toISOString() })),
    state,
    createdAt: offer.createdAt.toISOString(),
    expiresAt: offer.expiresAt.toISOString(),
    chosen:
      offer.chosenStart && offer.chosenEnd
        ? { start: offer.chosenStart.toISOString(), end: offer.chosenEnd.toISOString() }
        : null,
    message: offer.message,
  };
}
