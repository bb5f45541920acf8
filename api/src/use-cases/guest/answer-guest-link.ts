import { GUEST_LIMITS, LIMITS, updateMeetingRequestSchema } from '@confer/contracts';
import { AppError } from '../../domain/app-error.ts';
import type { GuestOfferSlot } from '../../ports/guest-offer-store.ts';
import { backgroundCaller, type Caller } from '../scheduling/caller.ts';
import { updateMeeting } from '../scheduling/change-meeting.ts';
import { moveOccurrence } from '../scheduling/change-occurrence.ts';
import { checkConflicts } from '../scheduling/check-conflicts.ts';
import { getMeeting } from '../scheduling/read-meetings.ts';
import type { GuestDeps } from './guest-deps.ts';
import { tellOrganizer } from './guest-notices.ts';
import { invalidLink, type OpenGuestLink, openGuestLink } from './open-guest-link.ts';

const DAY_MS = 86_400_000;
/** A pick's claim older than this belongs to a process that stopped: Graph's retries give up well before. */
export const STALE_CLAIM_MS = 2 * 60_000;

/**
 * The guest picks one of the offered times: the offer is claimed (so a second pick at the same moment is
 * refused), the meeting — or its occurrence — is moved as the organizer, by the same path as the organizer's own
 * reschedule, and the offer is closed. When the move fails, the claim is given back and nothing has changed: the
 * link still works and the guest can try again.
 */
export async function pickGuestTime(
  deps: GuestDeps,
  token: string,
  form: { offerId: string; start: string },
): Promise<GuestOfferSlot> {
  const link = await openGuestLink(deps, token);
  if (form.offerId !== link.offer.id) throw invalidLink();
  const now = deps.scheduling.clock.now();
  const slot = link.offer.slots.find((s) => s.start.toISOString() === form.start);
  if (!slot || slot.start.getTime() <= now.getTime()) {
    throw new AppError('guest_time_not_offered', 'That time is not one of the times offered. Choose one of the list.');
  }
  const { offer } = link;
  if (!(await deps.offers.claim(offer.tenantId, offer.id, now, new Date(now.getTime() - STALE_CLAIM_MS)))) {
    throw new AppError('guest_link_used', 'This link is being used or was already used.');
  }
  try {
    await moveAsOrganizer(deps, link, slot);
  } catch (error) {
    await deps.offers.release(offer.tenantId, offer.id, now);
    throw error;
  }
  const answer = { state: 'picked' as const, start: slot.start, end: slot.end, message: null, at: now };
  if (!(await deps.offers.answer(offer.tenantId, offer.id, answer, now))) {
    // Only a page read that found the meeting already moved closes it meanwhile (open-guest-link.ts), as picked.
    deps.scheduling.logger.warn('guest offer closed by another request during its pick', { offerId: offer.id });
  }
  await tellOrganizer(deps, link.meeting, offer, answer);
  return slot;
}

/**
 * The guest proposes another time, with an optional note: nothing moves; the offer is closed and the organizer
 * gets a card to accept the time (moving the meeting) or pick another.
 */
export async function proposeGuestTime(
  deps: GuestDeps,
  token: string,
  form: { offerId: string; start: Date; message: string },
): Promise<GuestOfferSlot> {
  const link = await openGuestLink(deps, token);
  if (form.offerId !== link.offer.id) throw invalidLink();
  const now = deps.scheduling.clock.now();
  const latest = now.getTime() + LIMITS.maxWindowDays * DAY_MS;
  if (form.start.getTime() <= now.getTime() || form.start.getTime() > latest) {
    throw new AppError('validation_failed', `Propose a time in the next ${LIMITS.maxWindowDays} days.`);
  }
  const message = form.message.trim();
  if (message.length > GUEST_LIMITS.maxMessage) {
    throw new AppError('validation_failed', `Keep the note under ${GUEST_LIMITS.maxMessage} characters.`);
  }
  const length = link.current.end.getTime() - link.current.start.getTime();
  const slot = { start: form.start, end: new Date(form.start.getTime() + length) };
  const answer = { state: 'proposed' as const, ...slot, message: message || null, at: now };
  if (!(await deps.offers.answer(link.offer.tenantId, link.offer.id, answer, null))) {
    throw new AppError('guest_link_used', 'This link is being used or was already used.');
  }
  await tellOrganizer(deps, link.meeting, link.offer, answer);
  return slot;
}

/** The organizer as the use cases see them when nobody signed in: their stored connection, or the tenant's app. */
function organizerOf(link: OpenGuestLink): Caller {
  const { meeting } = link;
  return backgroundCaller({
    tenantId: meeting.tenantId,
    userId: meeting.organizerId,
    email: meeting.organizerEmail,
    displayName: meeting.organizerName,
  });
}

async function moveAsOrganizer(deps: GuestDeps, link: OpenGuestLink, slot: GuestOfferSlot): Promise<void> {
  const organizer = organizerOf(link);
  const { offer } = link;
  await refuseClashes(deps, organizer, link, slot);
  if (offer.occurrenceStart) {
    await moveOccurrence(deps.scheduling, organizer, offer.meetingId, offer.occurrenceStart.toISOString(), {
      start: slot.start.toISOString(),
      end: slot.end.toISOString(),
      acceptConflicts: true,
    });
    return;
  }
  // Attendees' answers give the organizer's event a new change key (the update's If-Match): read it first, as the
  // tab and the bot's reschedule do.
  const { meeting } = await getMeeting(deps.scheduling, organizer, offer.meetingId);
  if (meeting.status !== 'scheduled' || meeting.start.getTime() !== offer.meetingStart.getTime()) {
    throw new AppError('guest_link_revoked', 'The organizer withdrew these times, or the meeting changed.');
  }
  const request = updateMeetingRequestSchema.parse({
    version: meeting.version,
    start: slot.start.toISOString(),
    end: slot.end.toISOString(),
    acceptConflicts: true,
  });
  await updateMeeting(deps.scheduling, organizer, offer.meetingId, request);
}

/**
 * The clash check of the organizer's own reschedule, less the calendars Confer cannot read: the guest's is one
 * (they chose the time themselves), and an unreadable calendar is no reason to refuse their pick. Someone in the
 * organisation who became busy at the time since it was offered is.
 */
async function refuseClashes(deps: GuestDeps, organizer: Caller, link: OpenGuestLink, slot: GuestOfferSlot) {
  const { meeting } = link;
  const proposed = { start: slot.start, end: slot.end, timeZone: meeting.timeZone, recurrence: null };
  const emails = meeting.attendees.map((a) => a.email);
  const conflicts = await checkConflicts(deps.scheduling, organizer, emails, proposed, { ignore: meeting });
  if (conflicts.some((conflict) => conflict.status !== 'unreadable')) {
    throw new AppError('conflicts_found', 'Someone became busy at that time since it was offered.');
  }
}
