import type { Meeting } from '../../domain/scheduling/meeting.ts';
import type { GuestOffer, GuestOfferAnswer } from '../../ports/guest-offer-store.ts';
import type { GuestDeps } from './guest-deps.ts';

/**
 * The organizer's card in Teams: the guest picked (the meeting moved) or proposed a time. One message per offer
 * (the key is the offer's), so a retried request queues nothing new. The answer is already saved, so a queue
 * failure is logged and never undoes or fails the guest's answer.
 */
export async function tellOrganizer(
  deps: GuestDeps,
  meeting: Meeting,
  offer: GuestOffer,
  answer: GuestOfferAnswer,
): Promise<void> {
  const kind = answer.state === 'picked' ? 'guest-picked' : 'guest-proposed';
  try {
    await deps.queue.enqueue([
      {
        key: `guest:${offer.tenantId}:${offer.id}`,
        tenantId: meeting.tenantId,
        userId: meeting.organizerId,
        kind,
        payload: {
          meetingId: meeting.id,
          offerId: offer.id,
          attendeeEmail: offer.attendeeEmail,
          start: answer.start.toISOString(),
          end: answer.end.toISOString(),
          ...(answer.message ? { message: answer.message } : {}),
        },
        notBefore: answer.at,
      },
    ]);
  } catch (error) {
    deps.scheduling.logger.error('the organizer’s guest card could not be queued', {
      meetingId: meeting.id,
      offerId: offer.id,
      error,
    });
  }
}
