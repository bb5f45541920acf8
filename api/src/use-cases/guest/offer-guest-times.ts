import {
  type CreateGuestLinkRequest,
  GUEST_LIMITS,
  type GuestLinkResponse,
  type GuestOfferDto,
  LIMITS,
  suggestionsRequestSchema,
} from '@confer/contracts';
import { AppError } from '../../domain/app-error.ts';
import type { Meeting, MeetingAttendee } from '../../domain/scheduling/meeting.ts';
import type { GuestOffer, GuestOfferSlot } from '../../ports/guest-offer-store.ts';
import type { Caller } from '../scheduling/caller.ts';
import { loadMeetingFor, requireOrganizer, requireScheduled } from '../scheduling/meeting-access.ts';
import { suggestTimes } from '../scheduling/suggest-times.ts';
import type { GuestDeps } from './guest-deps.ts';
import { type MeetingSlot, offerState, slotNow, toGuestOfferDto } from './guest-offer-state.ts';
import { attendeeDigest } from './guest-token.ts';

const DAY_MS = 86_400_000;

/**
 * The organizer offers times to an external attendee whose calendar Confer cannot read: the offer is stored (to
 * be answered once) and a signed link to it is made. The link lives seven days at most, and never past the first
 * offered time's start, when the choice it offers is no longer whole.
 */
export async function offerGuestTimes(
  deps: GuestDeps,
  caller: Caller,
  meetingId: string,
  request: CreateGuestLinkRequest,
): Promise<GuestLinkResponse> {
  const { meeting, role } = await loadMeetingFor(deps.scheduling, caller, meetingId);
  requireOrganizer(role);
  requireScheduled(meeting);
  const attendee = externalAttendee(meeting, request.attendee);
  const occurrenceStart = occurrenceOf(meeting, request.occurrenceStart);
  const current = await slotNow(deps.scheduling.meetings, meeting, occurrenceStart);
  if (!current) throw new AppError('not_found', 'No such occurrence.');
  const now = deps.scheduling.clock.now();
  const slots = request.slots
    ? checkedSlots(request.slots, current, now)
    : await suggestedSlots(deps, caller, meeting, current, now);
  const first = slots[0] as GuestOfferSlot;
  const offer: GuestOffer = {
    tenantId: meeting.tenantId,
    id: deps.scheduling.newId(),
    meetingId: meeting.id,
    occurrenceStart,
    attendeeEmail: attendee.email.toLowerCase(),
    attendeeName: attendee.displayName,
    slots,
    meetingStart: current.start,
    createdBy: caller.mailbox.userId,
    createdAt: now,
    expiresAt: new Date(Math.min(now.getTime() + GUEST_LIMITS.maxLifetimeDays * DAY_MS, first.start.getTime())),
    state: 'offered',
    claimedAt: null,
    decidedAt: null,
    chosenStart: null,
    chosenEnd: null,
    message: null,
  };
  await deps.offers.save(offer);
  const token = deps.signer.sign({
    tenantId: offer.tenantId,
    meetingId: offer.meetingId,
    offerId: offer.id,
    occurrenceStart: occurrenceStart?.toISOString() ?? null,
    attendee: attendeeDigest(offer.attendeeEmail),
    expiresAt: offer.expiresAt,
  });
  return { offer: toGuestOfferDto(offer, 'offered'), url: `${deps.publicUrl}/guest/${token}` };
}

/** The meeting's offers with their state now (organizer only). */
export async function listGuestOffers(deps: GuestDeps, caller: Caller, meetingId: string): Promise<GuestOfferDto[]> {
  const { meeting, role } = await loadMeetingFor(deps.scheduling, caller, meetingId);
  requireOrganizer(role);
  const offers = await deps.offers.listForMeeting(meeting.tenantId, meeting.id);
  const now = deps.scheduling.clock.now();
  return Promise.all(
    offers.map(async (offer) => {
      const where = await slotNow(deps.scheduling.meetings, meeting, offer.occurrenceStart);
      return toGuestOfferDto(offer, offerState(offer, meeting, where, now));
    }),
  );
}

/** The organizer withdraws an open offer: its link is refused from now on. */
export async function revokeGuestOffer(
  deps: GuestDeps,
  caller: Caller,
  meetingId: string,
  offerId: string,
): Promise<GuestOfferDto> {
  const { meeting, role } = await loadMeetingFor(deps.scheduling, caller, meetingId);
  requireOrganizer(role);
  if (!/^[A-Za-z0-9-]{1,64}$/.test(offerId)) throw new AppError('not_found', 'No such guest link.');
  const offer = await deps.offers.get(meeting.tenantId, offerId);
  if (!offer || offer.meetingId !== meeting.id) throw new AppError('not_found', 'No such guest link.');
  const now = deps.scheduling.clock.now();
  if (!(await deps.offers.revoke(meeting.tenantId, offerId, now))) {
    throw new AppError('meeting_not_editable', 'This link was already answered or withdrawn, or is being used now.');
  }
  return toGuestOfferDto({ ...offer, state: 'revoked', decidedAt: now }, 'revoked');
}

function externalAttendee(meeting: Meeting, email: string): MeetingAttendee {
  const attendee = meeting.attendees.find((a) => a.email.toLowerCase() === email.toLowerCase());
  // Not a schema refusal (the address is well formed): the meeting decides who can be offered times.
  if (!attendee) throw new AppError('guest_not_external', 'This person is not invited to the meeting.');
  if (attendee.userId !== null) {
    throw new AppError(
      'guest_not_external',
      'This person is in your organisation: Confer reads their calendar, so choose a time with them in the scheduler.',
    );
  }
  return attendee;
}

function occurrenceOf(meeting: Meeting, occurrenceStart: string | undefined): Date | null {
  if (meeting.recurrence && !occurrenceStart) {
    throw new AppError('validation_failed', 'This meeting is a series: name the occurrence to offer times for.', {
      details: [{ path: 'occurrenceStart', message: 'required for a series' }],
    });
  }
  if (!meeting.recurrence && occurrenceStart) {
    throw new AppError('validation_failed', 'This meeting is not a series.', {
      details: [{ path: 'occurrenceStart', message: 'only for a series' }],
    });
  }
  return occurrenceStart ? new Date(occurrenceStart) : null;
}

/** Each time in the future, within the scheduling window, as long as the meeting; sorted, earliest first. */
function checkedSlots(
  slots: readonly { start: string; end: string }[],
  current: MeetingSlot,
  now: Date,
): GuestOfferSlot[] {
  const length = current.end.getTime() - current.start.getTime();
  const latest = now.getTime() + LIMITS.maxWindowDays * DAY_MS;
  const problems = slots.flatMap((slot, index) => {
    const start = new Date(slot.start);
    const end = new Date(slot.end);
    const path = `slots.${index}`;
    if (start.getTime() <= now.getTime()) return [{ path, message: 'must be in the future' }];
    if (start.getTime() > latest) return [{ path, message: `must be within ${LIMITS.maxWindowDays} days` }];
    if (end.getTime() - start.getTime() !== length) return [{ path, message: 'must be as long as the meeting' }];
    if (start.getTime() === current.start.getTime()) return [{ path, message: 'is the meeting’s current time' }];
    return [];
  });
  if (problems.length > 0) {
    throw new AppError('validation_failed', 'Some of the times cannot be offered.', { details: problems });
  }
  return slots
    .map((s) => ({ start: new Date(s.start), end: new Date(s.end) }))
    .sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** Confer's own suggestions for the organizer (everyone it can read, in their working hours). */
async function suggestedSlots(
  deps: GuestDeps,
  caller: Caller,
  meeting: Meeting,
  current: MeetingSlot,
  now: Date,
): Promise<GuestOfferSlot[]> {
  const request = suggestionsRequestSchema.parse({
    attendees: meeting.attendees.map((a) => a.email),
    durationMinutes: Math.round((current.end.getTime() - current.start.getTime()) / 60_000),
    maxSuggestions: GUEST_LIMITS.maxSlots + 1,
  });
  const answer = await suggestTimes(deps.scheduling, caller, request);
  const slots = answer.suggestions
    .map((s) => ({ start: new Date(s.start), end: new Date(s.end) }))
    .filter((s) => s.start.getTime() > now.getTime() && s.start.getTime() !== current.start.getTime())
    .slice(0, GUEST_LIMITS.maxSlots)
    .sort((a, b) => a.start.getTime() - b.start.getTime());
  if (slots.length === 0) {
    throw new AppError(
      'validation_failed',
      'Confer found no free times to offer in the next two weeks. Choose times.',
      {
        details: [{ path: 'slots', message: 'no suggestions: give the times' }],
      },
    );
  }
  return slots;
}
