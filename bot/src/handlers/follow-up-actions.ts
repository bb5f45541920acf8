import { LIMITS } from '@confer/contracts';
import { isDateKey } from '@confer/contracts/time';
import type { AdaptiveCard } from '../cards/adaptive-card.ts';
import { buildFollowUpMessage, followUpCardKind } from '../cards/follow-up-card.ts';
import type { LinkedCardContext } from '../cards/follow-up-parts.ts';
import { buildNudgeCard, buildNudgesOffCard } from '../cards/nudge-card.ts';
import { buildOrganizerCard, decodeSlots } from '../cards/organizer-cards.ts';
import type { ActionResult, FollowUpView, MeetingCardView, TimeSlot } from '../ports.ts';
import {
  type CardActionDeps,
  type CardOutcome,
  clickContext,
  lead,
  needsConnection,
  refuse,
  toOutcome,
} from './action-outcome.ts';
import type { CardActionRequest, CardActionVerb, Refusal } from './card-action-request.ts';
import { instantField, stringField } from './card-action-request.ts';
import { connectFirstCard } from './connect-first.ts';
import { meetingCardFor } from './current-card.ts';

export type FollowUpVerb = Extract<
  CardActionVerb,
  'mark-held' | 'add-note' | 'add-action' | 'book-next' | 'book-pair' | 'nudges-off'
>;

/** Times offered for the next meeting when a card has to read them again. */
const nextChoices = 3;

/** Runs a click on a follow-up, no-show, "was it held?" or nudge card, for the person who clicked. */
export function runFollowUpAction(
  request: CardActionRequest & { verb: FollowUpVerb },
  deps: CardActionDeps,
): Promise<CardOutcome> {
  switch (request.verb) {
    case 'mark-held':
      return markHeld(request, deps);
    case 'add-note':
      return addNote(request, deps);
    case 'add-action':
      return addAction(request, deps);
    case 'book-next':
      return bookNext(request, deps);
    case 'book-pair':
      return bookPair(request, deps);
    case 'nudges-off':
      return nudgesOff(request, deps);
  }
}

/** The occurrence the card names: its meeting and original start. */
function occurrenceOf(request: CardActionRequest): { meetingId: string; occurrenceStart: Date } | null {
  const meetingId = stringField(request.data, 'meetingId');
  const occurrenceStart = instantField(request.data, 'occurrenceStart');
  return meetingId && occurrenceStart ? { meetingId, occurrenceStart } : null;
}

/** The occurrence as the clicker sees it (no times read), or not_found when it is not theirs. */
async function loadOccurrence(
  request: CardActionRequest,
  deps: CardActionDeps,
): Promise<{ ok: true; view: FollowUpView } | ({ ok: false } & Refusal)> {
  const occurrence = occurrenceOf(request);
  if (!occurrence) return refuse('invalid_action');
  const view = await deps.actions.followUpFor(request.user, occurrence.meetingId, occurrence.occurrenceStart, {
    slots: 0,
  });
  return view ? { ok: true, view } : refuse('not_found');
}

async function markHeld(request: CardActionRequest, deps: CardActionDeps): Promise<CardOutcome> {
  const held = request.data.held;
  if (held !== 'yes' && held !== 'no') return refuse('invalid_action');
  const loaded = await loadOccurrence(request, deps);
  if (!loaded.ok) return loaded;
  const { view } = loaded;
  if (view.meeting.viewer.role !== 'organizer') return refuse('forbidden');
  const result = await deps.actions.markHeld(
    request.user,
    view.meeting.meetingId,
    view.occurrenceStart,
    held === 'yes',
  );
  return answerWithFollowUp(request, deps, result, undefined, null);
}

async function addNote(request: CardActionRequest, deps: CardActionDeps): Promise<CardOutcome> {
  const occurrence = occurrenceOf(request);
  const note = request.data.note;
  const shared = toggleField(request.data, 'noteShared');
  const slots = slotsField(request.data);
  if (!occurrence || (note !== undefined && typeof note !== 'string') || shared === null || slots === null)
    return refuse('invalid_action');
  const body = (note ?? '').trim();
  if (body === '' || body.length > LIMITS.maxNote) return refuse('validation_failed');
  const result = await deps.actions.addNote(request.user, occurrence.meetingId, occurrence.occurrenceStart, {
    body,
    shared,
  });
  return answerWithFollowUp(request, deps, result, slots, deps.text.followUp.noteAdded);
}

async function addAction(request: CardActionRequest, deps: CardActionDeps): Promise<CardOutcome> {
  const occurrence = occurrenceOf(request);
  const title = request.data.actionTitle;
  const due = request.data.actionDue;
  const slots = slotsField(request.data);
  const dueOk = due === undefined || due === '' || (typeof due === 'string' && isDateKey(due));
  if (!occurrence || (title !== undefined && typeof title !== 'string') || !dueOk || slots === null)
    return refuse('invalid_action');
  const trimmed = (title ?? '').trim();
  if (trimmed === '' || trimmed.length > LIMITS.maxActionTitle) return refuse('validation_failed');
  const result = await deps.actions.addAction(request.user, occurrence.meetingId, occurrence.occurrenceStart, {
    title: trimmed,
    dueDate: typeof due === 'string' && due !== '' ? due : null,
  });
  return answerWithFollowUp(request, deps, result, slots, deps.text.followUp.actionAdded);
}

/**
 * The occurrence's card after a change, led by what was done: the follow-up once it took place, the no-show card
 * once it did not. Times come from the change's answer, else from the clicked card, else are read again.
 */
async function answerWithFollowUp(
  request: CardActionRequest,
  deps: CardActionDeps,
  result: ActionResult<FollowUpView>,
  cardSlots: TimeSlot[] | undefined,
  done: string | null,
): Promise<CardOutcome> {
  if (needsConnection(result)) return { ok: true, card: await connectFirstCard(request.user, deps, null) };
  if (!result.ok) return refuse(result.code);
  const view = await withSlots(request, deps, result.value, cardSlots);
  const card = followUpCardOrMeeting(view, request, deps);
  return { ok: true, card: done ? lead(card, done) : card };
}

async function withSlots(
  request: CardActionRequest,
  deps: CardActionDeps,
  view: FollowUpView,
  cardSlots: TimeSlot[] | undefined,
): Promise<FollowUpView> {
  if (view.slots.length > 0) return view;
  if (cardSlots !== undefined) return { ...view, slots: cardSlots };
  const kind = followUpCardKind(view);
  if (kind !== 'follow-up' && kind !== 'no-show') return view;
  const { meetingId } = view.meeting;
  const read = await deps.actions.followUpFor(request.user, meetingId, view.occurrenceStart, { slots: nextChoices });
  return { ...view, slots: read?.slots ?? [] };
}

function followUpCardOrMeeting(view: FollowUpView, request: CardActionRequest, deps: CardActionDeps): AdaptiveCard {
  const context = linked(request, deps);
  return buildFollowUpMessage(view, deps.text, context) ?? meetingCardFor(view.meeting, deps.text, context);
}

/** A new time from the card: both instants, or null. */
function slotOf(request: CardActionRequest): TimeSlot | null {
  const start = instantField(request.data, 'newStart');
  const end = instantField(request.data, 'newEnd');
  return start && end ? { start, end } : null;
}

async function bookNext(request: CardActionRequest, deps: CardActionDeps): Promise<CardOutcome> {
  const slot = slotOf(request);
  if (!slot) return refuse('invalid_action');
  const loaded = await loadOccurrence(request, deps);
  if (!loaded.ok) return loaded;
  const { meeting } = loaded.view;
  if (!fits(slot, meeting.end.getTime() - meeting.start.getTime(), deps.now)) return refuse('validation_failed');
  const result = await deps.actions.bookFollowOn(request.user, meeting.meetingId, slot);
  return answerBooked(request, deps, result);
}

async function bookPair(request: CardActionRequest, deps: CardActionDeps): Promise<CardOutcome> {
  const partnerId = stringField(request.data, 'partnerId');
  const slot = slotOf(request);
  if (!partnerId || !slot) return refuse('invalid_action');
  const nudge = await deps.actions.nudgeFor(request.user, partnerId, { slots: 0 });
  if (!nudge) return refuse('not_found');
  if (!fits(slot, nudge.durationMinutes * 60_000, deps.now)) return refuse('validation_failed');
  const result = await deps.actions.bookWithPartner(request.user, partnerId, slot);
  return answerBooked(request, deps, result);
}

/** A slot ahead of now, exactly as long as the meeting it books. */
function fits(slot: TimeSlot, lengthMs: number, now: Date): boolean {
  return slot.start.getTime() > now.getTime() && slot.end.getTime() - slot.start.getTime() === lengthMs;
}

/** The new meeting's organizer card, led by "Booked for …" (as `schedule` answers). */
async function answerBooked(
  request: CardActionRequest,
  deps: CardActionDeps,
  result: ActionResult<MeetingCardView>,
): Promise<CardOutcome> {
  if (needsConnection(result)) return { ok: true, card: await connectFirstCard(request.user, deps, null) };
  const { text } = deps;
  return toOutcome(result, (created) =>
    lead(
      buildOrganizerCard(created, text, clickContext(request, deps)),
      text.followUp.booked(text.slot(created.start, created.end, created.timeZone)),
    ),
  );
}

async function nudgesOff(request: CardActionRequest, deps: CardActionDeps): Promise<CardOutcome> {
  const result = await deps.actions.setNudges(request.user, false);
  if (needsConnection(result)) return { ok: true, card: await connectFirstCard(request.user, deps, null) };
  return toOutcome(result, () => buildNudgesOffCard(deps.text, deps.tabUrl));
}

/**
 * A refresh of a follow-up or nudge card: the same card from the occurrence or pair as it is now, with the times
 * the card carries (read again only when a "was it held?" card has become one that offers times).
 */
export async function refreshFollowThrough(
  request: CardActionRequest,
  kind: 'follow-up' | 'nudge',
  deps: CardActionDeps,
): Promise<CardOutcome> {
  const slots = slotsField(request.data);
  if (slots === null) return refuse('invalid_action');
  if (kind === 'nudge') {
    const partnerId = stringField(request.data, 'partnerId');
    if (!partnerId) return refuse('invalid_action');
    const nudge = await deps.actions.nudgeFor(request.user, partnerId, { slots: 0 });
    if (!nudge) return refuse('not_found');
    return { ok: true, card: buildNudgeCard({ ...nudge, slots: slots ?? [] }, deps.text, linked(request, deps)) };
  }
  const loaded = await loadOccurrence(request, deps);
  if (!loaded.ok) return loaded;
  const view = await withSlots(request, deps, loaded.view, slots);
  return { ok: true, card: followUpCardOrMeeting(view, request, deps) };
}

function linked(request: CardActionRequest, deps: CardActionDeps): LinkedCardContext {
  return { ...clickContext(request, deps), tabUrl: deps.tabUrl };
}

/** The times a card carries (`slots`): undefined when it carries none, null when they cannot be read. */
function slotsField(data: Record<string, unknown>): TimeSlot[] | undefined | null {
  const value = data.slots;
  if (value === undefined) return undefined;
  return typeof value === 'string' ? decodeSlots(value) : null;
}

/** An Input.Toggle's value ("true"/"false"; a boolean from some clients); false when absent, null when neither. */
function toggleField(data: Record<string, unknown>, key: string): boolean | null {
  const value = data[key];
  if (value === undefined || value === false || value === 'false') return false;
  return value === true || value === 'true' ? true : null;
}
