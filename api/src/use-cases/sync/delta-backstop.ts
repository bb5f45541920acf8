import { isAppError } from '../../domain/app-error.ts';
import type { Meeting } from '../../domain/scheduling/meeting.ts';
import type { DeltaRound, EventRecord } from '../../ports/scheduling-gateway.ts';
import { actorForUser } from '../scheduling/caller.ts';
import { applyOutlookEvent } from './apply-outlook-event.ts';
import { occurrenceChanged } from './occurrence-change.ts';
import { followSeriesOf } from './series-sync.ts';
import type { SyncDeps } from './sync-deps.ts';

const DAY_MS = 86_400_000;
/** The sync window: today to two years ahead. Meetings beyond it stay stored and are simply not re-read. */
export const SYNC_WINDOW_DAYS = 730;
/** A delta link covers the window it started with; after this many days the window is moved and started afresh. */
const WINDOW_SLIDE_DAYS = 7;

export interface ResyncReport {
  /** Whether the round started from scratch (first round, lost sync state, or a moved window). */
  fresh: boolean;
  changed: number;
  removed: number;
  /** Confer meetings (or occurrences) the round changed. */
  applied: number;
}

/**
 * The backstop (docs/reference/graph-calendar.md §5): a `calendarView/delta` round of one organizer's calendar
 * converges Confer to Outlook whatever notifications were lost, repeated or reordered. Run after `missed`, after
 * a subscription is (re)created, after downtime and periodically. Only Confer's events are acted on — matched by
 * event id or series master id against the store; every other item is skipped unread beyond what delta returns.
 * A lost sync state (410) starts a full round. The new link is saved only after every item was applied, so a
 * crash mid-round repeats the round rather than skipping what it had not applied.
 */
export async function resyncCalendar(deps: SyncDeps, tenantId: string, userId: string): Promise<ResyncReport> {
  const scheduling = deps.scheduling;
  const now = scheduling.clock.now();
  const state = await deps.deltaStates.get(tenantId, userId);
  const dayStart = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);
  const keepWindow = state && dayStart.getTime() - Date.parse(state.windowStart) < WINDOW_SLIDE_DAYS * DAY_MS;
  const window = keepWindow
    ? { start: new Date(state.windowStart), end: new Date(state.windowEnd) }
    : { start: dayStart, end: new Date(dayStart.getTime() + SYNC_WINDOW_DAYS * DAY_MS) };
  const actor = await actorForUser(scheduling, tenantId, userId);
  const mailbox = { userId, email: (await scheduling.tenants.getUser(tenantId, userId))?.email ?? '' };
  let link = keepWindow ? state.deltaLink : null;
  let round: DeltaRound;
  try {
    round = await scheduling.gateway.calendarDelta(actor, mailbox, window, link);
  } catch (error) {
    if (!isAppError(error) || error.code !== 'sync_state_lost' || link === null) throw error;
    link = null;
    round = await scheduling.gateway.calendarDelta(actor, mailbox, window, null);
  }
  const applied = await applyRound(deps, tenantId, userId, round);
  await deps.deltaStates.save({
    tenantId,
    userId,
    deltaLink: round.deltaLink,
    windowStart: window.start.toISOString(),
    windowEnd: window.end.toISOString(),
    syncedAt: scheduling.clock.now().toISOString(),
  });
  return { fresh: link === null, changed: round.changed.length, removed: round.removed.length, applied };
}

/** Applies every Confer item of a round; removed ids cancel the meeting or the occurrence they were. */
async function applyRound(deps: SyncDeps, tenantId: string, userId: string, round: DeltaRound): Promise<number> {
  let applied = 0;
  for (const event of round.changed) {
    const meeting = await meetingOf(deps, tenantId, event);
    if (meeting?.status !== 'scheduled') continue;
    // A series' own fields arrive with its master, through notifications; delta lists its instances.
    if (event.type === 'singleInstance' && event.changeKey === meeting.changeKey) continue;
    if ((await applyOutlookEvent(deps.scheduling, meeting, event)) !== 'unchanged') applied += 1;
  }
  let unknownRemoved = false;
  for (const id of round.removed) {
    const outcome = await removeItem(deps, tenantId, id);
    if (outcome === 'applied') applied += 1;
    if (outcome === 'unknown') unknownRemoved = true;
  }
  // A deleted occurrence Confer never had an id for: the organizer's series' own instances tell which it was.
  if (unknownRemoved) applied += await followSeriesOf(deps.scheduling, tenantId, userId);
  return applied;
}

/** The Confer meeting an item belongs to: its own id, or (for an instance) its series master's. */
async function meetingOf(deps: SyncDeps, tenantId: string, event: EventRecord): Promise<Meeting | undefined> {
  const meetings = deps.scheduling.meetings;
  return (
    (await meetings.findByGraphEventId(tenantId, event.id)) ??
    (event.seriesMasterId ? await meetings.findByGraphEventId(tenantId, event.seriesMasterId) : undefined)
  );
}

/**
 * An item gone from the window: a Confer meeting deleted or cancelled in Outlook, or one of its occurrences. An
 * item that only moved out of the window is read once to tell (moved on: it follows; gone: cancelled).
 */
async function removeItem(deps: SyncDeps, tenantId: string, id: string): Promise<'applied' | 'none' | 'unknown'> {
  const scheduling = deps.scheduling;
  const meeting = await scheduling.meetings.findByGraphEventId(tenantId, id);
  if (!meeting) return 'unknown';
  if (meeting.status !== 'scheduled') return 'none';
  if (meeting.graphEventId !== id) {
    const occurrence = (await scheduling.meetings.listOccurrences(tenantId, meeting.id)).find(
      (o) => o.graphEventId === id,
    );
    if (!occurrence || occurrence.cancelled) return 'none';
    await occurrenceChanged(scheduling, meeting, { ...occurrence, cancelled: true });
    return 'applied';
  }
  const actor = await actorForUser(scheduling, tenantId, meeting.organizerId);
  const mailbox = { userId: meeting.organizerId, email: meeting.organizerEmail };
  const event = await scheduling.gateway.getEvent(actor, mailbox, id);
  return (await applyOutlookEvent(scheduling, meeting, event)) === 'unchanged' ? 'none' : 'applied';
}
