import { zonedInstant } from '@confer/contracts/time';
import { isClosed } from '../cards/meeting-details.ts';
import { buildOrganizerCard } from '../cards/organizer-cards.ts';
import { plainText } from '../cards/plain-text.ts';
import { proposalStands } from '../cards/proposal-card.ts';
import type { MeetingCardView, SchedulingActions, TimeSlot } from '../ports.ts';
import {
  type CardActionDeps,
  type CardOutcome,
  clickContext,
  lead,
  needsConnection,
  refuse,
  toOutcome,
} from './action-outcome.ts';
import {
  type CardActionRequest,
  instantField,
  type Refusal,
  stringField,
  versionField,
} from './card-action-request.ts';
import { connectFirstCard } from './connect-first.ts';
import { meetingCardFor, refreshedCard } from './current-card.ts';
import { refreshFollowThrough, runFollowUpAction } from './follow-up-actions.ts';

export type { CardActionDeps, CardOutcome } from './action-outcome.ts';
export { refuse } from './action-outcome.ts';

const answers = { accept: 'accept', tentative: 'tentative', decline: 'decline' } as const;

/** Runs one card click for the person who clicked; a refusal changes nothing. */
export async function runCardAction(request: CardActionRequest, deps: CardActionDeps): Promise<CardOutcome> {
  switch (request.verb) {
    case 'accept':
    case 'tentative':
    case 'decline':
    case 'propose':
      return respond(request, deps);
    case 'reschedule':
      return reschedule(request, deps);
    case 'accept-proposal':
      return acceptProposal(request, deps);
    case 'schedule':
      return schedule(request, deps);
    case 'mark-held':
    case 'add-note':
    case 'add-action':
    case 'book-next':
    case 'book-pair':
    case 'nudges-off':
      return runFollowUpAction({ ...request, verb: request.verb }, deps);
    case 'refresh':
      return refresh(request, deps);
  }
}

/** The meeting the card names, as the clicker sees it, and still in the state the card showed. */
async function loadForAction(
  request: CardActionRequest,
  deps: CardActionDeps,
  role: 'organizer' | 'attendee',
): Promise<{ ok: true; view: MeetingCardView } | ({ ok: false } & Refusal)> {
  const meetingId = stringField(request.data, 'meetingId');
  const version = versionField(request.data, 'version');
  const start = instantField(request.data, 'start');
  if (!meetingId || !version || !start) return refuse('invalid_action');
  const view = await deps.actions.meetingFor(request.user, meetingId);
  if (!view) return refuse('not_found');
  if (view.viewer.role !== role) return refuse('forbidden');
  if (isClosed(view, deps.now)) return refuse('meeting_not_editable');
  // Answers bump the version too, so an invitation may be behind by others' answers; what must not have
  // changed is the time it showed. A version from the future is forged.
  if (version > view.version || start.getTime() !== view.start.getTime()) return refuse('version_conflict');
  return { ok: true, view };
}

async function respond(request: CardActionRequest, deps: CardActionDeps): Promise<CardOutcome> {
  const loaded = await loadForAction(request, deps, 'attendee');
  if (!loaded.ok) return loaded;
  const { view } = loaded;
  let answer: Parameters<SchedulingActions['respond']>[2];
  if (request.verb === 'propose') {
    const zone = stringField(request.data, 'timeZone') ?? view.timeZone;
    const date = stringField(request.data, 'proposedDate') ?? '';
    const time = stringField(request.data, 'proposedTime') ?? '';
    const start = zonedInstant(date, time, zone);
    if (!start || start.getTime() <= deps.now.getTime()) return refuse('validation_failed');
    const end = new Date(start.getTime() + (view.end.getTime() - view.start.getTime()));
    // Outlook sends a proposal with a tentative answer (proposedNewTime on tentativelyAccept,
    // docs/reference/graph-calendar.md §3).
    answer = { response: 'tentative', proposed: { start, end } };
  } else {
    answer = { response: answers[request.verb as keyof typeof answers] };
  }
  const result = await deps.actions.respond(request.user, view.meetingId, answer);
  if (needsConnection(result)) {
    return {
      ok: true,
      card: await connectFirstCard(request.user, deps, meetingCardFor(view, deps.text, clickContext(request, deps))),
    };
  }
  return toOutcome(result, (updated) => meetingCardFor(updated, deps.text, clickContext(request, deps)));
}

async function reschedule(request: CardActionRequest, deps: CardActionDeps): Promise<CardOutcome> {
  const newStart = instantField(request.data, 'newStart');
  const newEnd = instantField(request.data, 'newEnd');
  if (!newStart || !newEnd) return refuse('invalid_action');
  const loaded = await loadForAction(request, deps, 'organizer');
  if (!loaded.ok) return loaded;
  const { view } = loaded;
  const sameLength = newEnd.getTime() - newStart.getTime() === view.end.getTime() - view.start.getTime();
  if (!sameLength) return refuse('validation_failed');
  return moveTo(request, deps, view, { start: newStart, end: newEnd });
}

/**
 * The organizer accepts the time an attendee proposed in Outlook: the same meeting moves there (its length is
 * the proposal's). The card's proposal must still be the attendee's current one; a move or a new answer since
 * makes the card stale, and its refresh shows the meeting as it is.
 */
async function acceptProposal(request: CardActionRequest, deps: CardActionDeps): Promise<CardOutcome> {
  const attendeeEmail = stringField(request.data, 'attendeeEmail');
  const newStart = instantField(request.data, 'newStart');
  const newEnd = instantField(request.data, 'newEnd');
  if (!attendeeEmail || !newStart || !newEnd) return refuse('invalid_action');
  const loaded = await loadForAction(request, deps, 'organizer');
  if (!loaded.ok) return loaded;
  const slot = { start: newStart, end: newEnd };
  if (!proposalStands(loaded.view, { attendeeEmail, slot })) return refuse('version_conflict');
  if (newEnd.getTime() <= newStart.getTime()) return refuse('validation_failed');
  return moveTo(request, deps, loaded.view, slot);
}

/** Moves the meeting the card showed to a future slot, guarded by the card's version; answers the organizer card. */
async function moveTo(
  request: CardActionRequest,
  deps: CardActionDeps,
  view: MeetingCardView,
  slot: TimeSlot,
): Promise<CardOutcome> {
  if (slot.start.getTime() <= deps.now.getTime()) return refuse('validation_failed');
  const version = versionField(request.data, 'version') ?? 0;
  const result = await deps.actions.reschedule(request.user, view.meetingId, version, slot);
  if (needsConnection(result)) return { ok: true, card: await connectFirstCard(request.user, deps, null) };
  return toOutcome(result, (updated) =>
    lead(
      buildOrganizerCard(updated, deps.text, clickContext(request, deps)),
      deps.text.reschedule.done(deps.text.slot(updated.start, updated.end, updated.timeZone)),
    ),
  );
}

async function schedule(request: CardActionRequest, deps: CardActionDeps): Promise<CardOutcome> {
  const email = stringField(request.data, 'with');
  const name = stringField(request.data, 'withName') ?? email ?? '';
  const start = instantField(request.data, 'start');
  const end = instantField(request.data, 'end');
  if (!email || !start || !end) return refuse('invalid_action');
  if (end.getTime() <= start.getTime() || start.getTime() <= deps.now.getTime()) return refuse('validation_failed');
  const title = deps.text.schedule.meetingTitle(request.user.name ?? '', name).replace(/^ \/ /, '');
  const result = await deps.actions.schedule(request.user, { attendees: [email], start, end, title });
  if (needsConnection(result)) return { ok: true, card: await connectFirstCard(request.user, deps, null) };
  return toOutcome(result, (created) =>
    lead(
      buildOrganizerCard(created, deps.text, clickContext(request, deps)),
      deps.text.schedule.scheduled(plainText(created.title)),
    ),
  );
}

async function refresh(request: CardActionRequest, deps: CardActionDeps): Promise<CardOutcome> {
  const kind = stringField(request.data, 'card');
  if (kind === 'follow-up' || kind === 'nudge') return refreshFollowThrough(request, kind, deps);
  const meetingId = stringField(request.data, 'meetingId');
  if (!meetingId) return refuse('invalid_action');
  const view = await deps.actions.meetingFor(request.user, meetingId);
  if (!view) return refuse('not_found');
  const card = refreshedCard(
    stringField(request.data, 'card'),
    view,
    request.data,
    deps.text,
    clickContext(request, deps),
  );
  return { ok: true, card };
}
