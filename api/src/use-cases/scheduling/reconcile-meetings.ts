import type { Meeting } from '../../domain/scheduling/meeting.ts';
import { actorForUser } from './caller.ts';
import { completeCreation } from './create-meeting.ts';
import { draftFor } from './meeting-draft.ts';
import { notify } from './notify.ts';
import type { SchedulingDeps } from './scheduling-deps.ts';

/** A create younger than this may still be in flight in a live process; leave it alone. */
export const RECONCILE_GRACE_MS = 60_000;

/** How far back a create that answered with an error is re-checked: Graph may have made the event anyway. */
export const FAILED_LOOKBACK_MS = 24 * 3_600_000;

export interface ReconcileReport {
  completed: string[];
  recreated: string[];
  /** Creates that answered with an error but whose event Graph made after all: completed, not orphaned. */
  recovered: string[];
  failed: { meetingId: string; code: string }[];
}

/**
 * Finishes creates that a crash interrupted. The store said what was intended (status `creating`,
 * transactionId); Graph says whether the event exists. Found → complete the record; not found → issue
 * the same create again (same transactionId, so Graph cannot make a second event) and complete it.
 */
export async function reconcileMeetings(deps: SchedulingDeps, graceMs = RECONCILE_GRACE_MS): Promise<ReconcileReport> {
  const report: ReconcileReport = { completed: [], recreated: [], recovered: [], failed: [] };
  const pending = await deps.meetings.listCreating(new Date(deps.clock.now().getTime() - graceMs));
  for (const meeting of pending) {
    try {
      const outcome = await reconcileOne(deps, meeting);
      report[outcome].push(meeting.id);
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'internal_error';
      deps.logger.warn('reconcile failed; will retry at next start', { meetingId: meeting.id, code });
      report.failed.push({ meetingId: meeting.id, code });
    }
  }
  await recoverFailed(deps, report, graceMs);
  return report;
}

/**
 * A 503/504 can arrive after Graph created the event. Such a meeting was marked failed; if its event
 * exists (found by transactionId), the invitations went out and people may have answered, so the record
 * is completed rather than the event orphaned.
 */
async function recoverFailed(deps: SchedulingDeps, report: ReconcileReport, graceMs: number): Promise<void> {
  const now = deps.clock.now().getTime();
  const failed = await deps.meetings.listFailedSince(new Date(now - FAILED_LOOKBACK_MS));
  for (const meeting of failed.filter((m) => m.createdAt.getTime() <= now - graceMs)) {
    try {
      const actor = await actorForUser(deps, meeting.tenantId, meeting.organizerId);
      const mailbox = { userId: meeting.organizerId, email: meeting.organizerEmail };
      const event = await deps.gateway.findEventByTransactionId(actor, mailbox, meeting.transactionId, around(meeting));
      if (!event) continue;
      await completeCreation(deps, meeting, event);
      report.recovered.push(meeting.id);
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'internal_error';
      report.failed.push({ meetingId: meeting.id, code });
    }
  }
}

function around(meeting: Meeting) {
  return { start: new Date(meeting.start.getTime() - 86_400_000), end: new Date(meeting.end.getTime() + 86_400_000) };
}

async function reconcileOne(deps: SchedulingDeps, meeting: Meeting): Promise<'completed' | 'recreated'> {
  const actor = await actorForUser(deps, meeting.tenantId, meeting.organizerId);
  const mailbox = { userId: meeting.organizerId, email: meeting.organizerEmail };
  const around = {
    start: new Date(meeting.start.getTime() - 86_400_000),
    end: new Date(meeting.end.getTime() + 86_400_000),
  };
  const existing = await deps.gateway.findEventByTransactionId(actor, mailbox, meeting.transactionId, around);
  if (existing) {
    await announce(deps, await completeCreation(deps, meeting, existing));
    return 'completed';
  }
  const type = meeting.typeId ? await deps.meetingTypes.get(meeting.tenantId, meeting.typeId) : undefined;
  const created = await deps.gateway.createEvent(actor, mailbox, draftFor(meeting, deps.tabUrl, type?.name ?? null));
  await announce(deps, await completeCreation(deps, meeting, created));
  return 'recreated';
}

/** A create the crash interrupted is announced once it completes, like any other. */
function announce(deps: SchedulingDeps, scheduled: Meeting): Promise<void> {
  return notify(deps, 'meetingCreated', scheduled.id, (n) => n.meetingCreated(scheduled));
}
