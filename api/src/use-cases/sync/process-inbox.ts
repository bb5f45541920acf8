import { isAppError } from '../../domain/app-error.ts';
import type { Meeting } from '../../domain/scheduling/meeting.ts';
import type { InboxEntry } from '../../ports/notification-inbox.ts';
import type { GraphSubscription } from '../../ports/subscription-store.ts';
import { actorForUser } from '../scheduling/caller.ts';
import { type ApplyOutcome, applyOutlookEvent } from './apply-outlook-event.ts';
import { resyncCalendar } from './delta-backstop.ts';
import { followSeriesOf } from './series-sync.ts';
import type { SyncDeps } from './sync-deps.ts';
import { recordSyncError, renewOne, replace } from './watch-calendars.ts';

export interface InboxReport {
  /** Entries taken from the inbox and finished. */
  processed: number;
  /** Events read from Graph (at most one per changed Confer event, several per `$batch`). */
  reads: number;
  /** Changes Confer's own writes caused, recognised by changeKey and not read. */
  echoes: number;
  /** Notifications for events Confer did not create: never read. */
  foreign: number;
  applied: Record<ApplyOutcome, number>;
  /** Calendars resynced by delta (after `missed` or a new subscription). */
  resynced: number;
  /** Occurrences (and series lengths) changed by following a series after an id Confer did not know. */
  seriesChanges: number;
  /** Entries left pending for the next pass because Graph was unavailable. */
  deferred: number;
}

export const emptyReport = (): InboxReport => ({
  processed: 0,
  reads: 0,
  echoes: 0,
  foreign: 0,
  applied: { unchanged: 0, updated: 0, cancelled: 0, occurrence: 0, stale: 0 },
  resynced: 0,
  seriesChanges: 0,
  deferred: 0,
});

/**
 * Works through the notification inbox in arrival order (docs/reference/graph-calendar.md §4). Notifications of
 * one calendar are handled together: repeats of one event collapse to one, Confer's own writes are recognised by
 * the changeKey Confer saved, events Confer did not create are never read, and the rest are read in `$batch`es —
 * at most one read per changed event — and applied. Entries are marked processed only after their calendar is
 * done; a crash or a Graph outage leaves them pending, and applying is idempotent, so nothing is lost or doubled.
 */
/**
 * How many entries one pass takes. Large, because notifications of one event that arrive out of order across two
 * passes cost a second read (a changeKey says nothing of order); an entry is a few hundred bytes.
 */
const PASS_LIMIT = 5_000;

export async function processInbox(deps: SyncDeps, limit = PASS_LIMIT): Promise<InboxReport> {
  const report = emptyReport();
  const pending = await deps.inbox.listPending(limit);
  const bySubscription = Map.groupBy(pending, (e) => e.subscriptionId);
  for (const [subscriptionId, entries] of bySubscription) {
    const subscription = await deps.subscriptions.find(subscriptionId);
    try {
      if (subscription?.status.state === 'active') {
        await handleCalendar(deps, subscription, entries, report);
        deps.activity?.recordSyncSuccess(subscription.tenantId, subscription.userId, 'apply');
      }
      await deps.inbox.markProcessed(entries.map((e) => e.seq));
      report.processed += entries.length;
    } catch (error) {
      if (!isPassing(error)) {
        // A refusal is recorded where it arose (connection status, audit); the delta after reconnecting catches up.
        deps.scheduling.logger.warn('Outlook notifications could not be applied', { subscriptionId, error });
        if (subscription) recordSyncError(deps, subscription.tenantId, subscription.userId, 'apply', error);
        await deps.inbox.markProcessed(entries.map((e) => e.seq));
        report.processed += entries.length;
        continue;
      }
      report.deferred += entries.length;
    }
  }
  return report;
}

/** Throttling, outages and timeouts pass: the entries wait for the next pass. */
function isPassing(error: unknown): boolean {
  return !isAppError(error) || ['graph_throttled', 'graph_unavailable', 'internal_error'].includes(error.code);
}

async function handleCalendar(
  deps: SyncDeps,
  subscription: GraphSubscription,
  entries: readonly InboxEntry[],
  report: InboxReport,
): Promise<void> {
  const lifecycle = new Set(entries.flatMap((e) => (e.lifecycleEvent ? [e.lifecycleEvent] : [])));
  if (lifecycle.has('subscriptionRemoved')) {
    // Graph deleted it: watch again (which runs a delta round), and nothing else of this batch needs reading.
    await replace(deps, subscription, 'removed by Graph');
    report.resynced += 1;
    return;
  }
  if (lifecycle.has('reauthorizationRequired')) await renewOne(deps, subscription);
  const changes = latestPerEvent(entries);
  const { toRead, unknownInstances } = await sortChanges(deps, subscription, changes, report);
  if (lifecycle.has('missed')) {
    await resyncCalendar(deps, subscription.tenantId, subscription.userId);
    report.resynced += 1;
  }
  if (unknownInstances) {
    report.seriesChanges += await followSeriesOf(deps.scheduling, subscription.tenantId, subscription.userId);
  }
  if (toRead.length === 0) return;
  const actor = await actorForUser(deps.scheduling, subscription.tenantId, subscription.userId);
  const mailbox = { userId: subscription.userId, email: toRead[0]?.meeting.organizerEmail ?? '' };
  const events = await deps.scheduling.gateway.getEvents(
    actor,
    mailbox,
    toRead.map((c) => c.eventId),
  );
  report.reads += toRead.length;
  for (const { eventId } of toRead) {
    // Read again from the store: an earlier event of this batch may have changed the same meeting.
    const meeting = await deps.scheduling.meetings.findByGraphEventId(subscription.tenantId, eventId);
    if (!meeting) continue;
    report.applied[await applyOutlookEvent(deps.scheduling, meeting, events.get(eventId) ?? null)] += 1;
  }
}

interface Change {
  eventId: string;
  changeType: 'created' | 'updated' | 'deleted';
  changeKey: string | null;
}

/** The last notification of each event: later versions supersede earlier ones, a deletion supersedes all. */
function latestPerEvent(entries: readonly InboxEntry[]): Change[] {
  const latest = new Map<string, Change>();
  for (const e of entries) {
    if (!e.changeType || !e.resourceId) continue;
    const previous = latest.get(e.resourceId);
    if (previous?.changeType === 'deleted') continue;
    latest.set(e.resourceId, { eventId: e.resourceId, changeType: e.changeType, changeKey: e.changeKey });
  }
  return [...latest.values()];
}

/**
 * Decides what each change needs without reading anything: Confer's own write (its changeKey is the one Confer
 * saved) needs nothing; an event Confer does not know is not read. Such an id may still be an instance of a Confer
 * series (Graph names a first-edited or deleted occurrence by an id Confer has not seen), so the caller follows the
 * organizer's series, if any, through their own instances.
 */
async function sortChanges(
  deps: SyncDeps,
  subscription: GraphSubscription,
  changes: readonly Change[],
  report: InboxReport,
) {
  const { tenantId } = subscription;
  const toRead: { eventId: string; meeting: Meeting }[] = [];
  let unknownInstances = false;
  const meetings = deps.scheduling.meetings;
  for (const change of changes) {
    const meeting = await meetings.findByGraphEventId(tenantId, change.eventId);
    if (!meeting) {
      report.foreign += 1;
      unknownInstances = true;
      continue;
    }
    if (meeting.status !== 'scheduled') continue;
    if (change.changeKey && change.changeKey === meeting.changeKey && meeting.graphEventId === change.eventId) {
      report.echoes += 1;
      continue;
    }
    toRead.push({ eventId: change.eventId, meeting });
  }
  return { toRead, unknownInstances };
}
