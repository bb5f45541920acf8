import { isAppError } from '../../domain/app-error.ts';
import { clientStateDigest, newClientState } from '../../domain/client-state.ts';
import type { SyncErrorKind } from '../../ports/connection-health-store.ts';
import type { GraphSubscription } from '../../ports/subscription-store.ts';
import type { ConnectionStatus } from '../../ports/tenant-store.ts';
import { actorForUser, connectionModeOf } from '../scheduling/caller.ts';
import { resyncCalendar } from './delta-backstop.ts';
import { RENEW_BEFORE_MS, SUBSCRIPTION_LIFETIME_MS, type SyncDeps } from './sync-deps.ts';

/** Codes that mean Graph will not let Confer watch this calendar until someone acts (not a passing fault). */
const REFUSALS: ReadonlyMap<string, ConnectionStatus> = new Map([
  ['consent_required', 'consent_required'],
  ['interaction_required', 'consent_required'],
  ['connection_expired', 'expired'],
  ['not_connected', 'not_connected'],
  ['outside_access_policy', 'outside_scope'],
  ['mailbox_not_enabled', 'outside_scope'],
  ['subscription_refused', 'not_connected'],
]);

export type WatchOutcome = 'watching' | 'created' | 'refused';

const resourceOf = (userId: string) => `/users/${userId}/events`;

/** The person's live subscription, if Confer has one that is not about to lapse. */
async function liveSubscription(deps: SyncDeps, tenantId: string, userId: string) {
  const now = deps.scheduling.clock.now().getTime();
  const all = await deps.subscriptions.findByUser(tenantId, userId);
  return all.find((s) => s.status.state === 'active' && Date.parse(s.expiresAt) > now);
}

/**
 * Graph refused this calendar last time and the person has not reconnected since: asking again would only repeat
 * the refusal (and the audit entry). Reconnecting sets the status to connected, and the next alignment watches.
 */
async function stillRefused(deps: SyncDeps, tenantId: string, userId: string): Promise<boolean> {
  const latest = (await deps.subscriptions.findByUser(tenantId, userId)).at(-1);
  if (latest?.status.state !== 'failed') return false;
  const user = await deps.connections.getUser(tenantId, userId);
  return user?.connectionStatus !== 'connected';
}

/**
 * Makes sure Outlook tells Confer about changes to this organizer's calendar (docs/reference/graph-calendar.md §4).
 * The store is read first, so calling it again — or after a restart — never makes a second subscription. A new
 * subscription is followed by a delta round: changes made between Graph creating it and Confer saving it reached
 * an endpoint that did not know it yet.
 */
export async function watchCalendar(deps: SyncDeps, tenantId: string, userId: string): Promise<WatchOutcome> {
  if (await liveSubscription(deps, tenantId, userId)) return 'watching';
  if (await stillRefused(deps, tenantId, userId)) return 'refused';
  const { clock } = deps.scheduling;
  const actor = await actorForUser(deps.scheduling, tenantId, userId);
  const clientState = newClientState();
  try {
    const grant = await deps.graphSubscriptions.create(actor, {
      resource: resourceOf(userId),
      notificationUrl: deps.notificationUrl,
      lifecycleNotificationUrl: deps.lifecycleNotificationUrl,
      clientState,
      expiresAt: new Date(clock.now().getTime() + SUBSCRIPTION_LIFETIME_MS),
    });
    await deps.subscriptions.save({
      id: grant.id,
      tenantId,
      userId,
      resource: grant.resource,
      mode: actor.kind === 'app' ? 'tenant' : 'user',
      clientStateDigest: clientStateDigest(clientState),
      expiresAt: grant.expiresAt.toISOString(),
      createdAt: clock.now().toISOString(),
      renewedAt: null,
      status: { state: 'active' },
    });
  } catch (error) {
    if (await recordRefusal(deps, tenantId, userId, null, error)) return 'refused';
    throw error;
  }
  deps.activity?.recordSyncSuccess(tenantId, userId, 'subscription');
  await resyncCalendar(deps, tenantId, userId);
  return 'created';
}

/**
 * Keeps every subscription alive: each one expiring within a day is renewed (PATCH); one Graph no longer has is
 * made again. A refusal is recorded (connection status, one prompt, the audit log) and the others go on.
 */
export async function renewSubscriptions(
  deps: SyncDeps,
): Promise<{ renewed: number; recreated: number; refused: number }> {
  const now = deps.scheduling.clock.now().getTime();
  const due = await deps.subscriptions.listExpiringBefore(new Date(now + RENEW_BEFORE_MS).toISOString());
  const report = { renewed: 0, recreated: 0, refused: 0 };
  for (const subscription of due) {
    try {
      report[await renewOne(deps, subscription)] += 1;
    } catch (error) {
      // A passing fault, or the tenant switched the integration off: the others are still renewed.
      deps.scheduling.logger.warn('could not renew a subscription; will retry', { userId: subscription.userId, error });
      recordSyncError(deps, subscription.tenantId, subscription.userId, 'subscription', error);
    }
  }
  return report;
}

/** Renews one subscription, or replaces it when Graph has lost it. */
export async function renewOne(
  deps: SyncDeps,
  subscription: GraphSubscription,
): Promise<'renewed' | 'recreated' | 'refused'> {
  const { clock } = deps.scheduling;
  const actor = await actorForUser(deps.scheduling, subscription.tenantId, subscription.userId);
  try {
    const grant = await deps.graphSubscriptions.renew(
      actor,
      subscription.id,
      new Date(clock.now().getTime() + SUBSCRIPTION_LIFETIME_MS),
    );
    await deps.subscriptions.save({
      ...subscription,
      expiresAt: grant.expiresAt.toISOString(),
      renewedAt: clock.now().toISOString(),
    });
    deps.activity?.recordSyncSuccess(subscription.tenantId, subscription.userId, 'subscription');
    return 'renewed';
  } catch (error) {
    if (isAppError(error) && error.code === 'not_found') {
      return replace(deps, subscription, 'gone from Graph');
    }
    if (await recordRefusal(deps, subscription.tenantId, subscription.userId, subscription, error)) return 'refused';
    throw error;
  }
}

/** Marks the old subscription removed and watches the calendar again (which runs a delta round). */
export async function replace(
  deps: SyncDeps,
  subscription: GraphSubscription,
  reason: string,
): Promise<'recreated' | 'refused'> {
  await deps.subscriptions.markRemoved(subscription.id, reason);
  const outcome = await watchCalendar(deps, subscription.tenantId, subscription.userId);
  return outcome === 'refused' ? 'refused' : 'recreated';
}

/**
 * Stops watching a calendar (the person disconnected, or organizes no upcoming Confer meeting): Graph's
 * subscription is deleted and the record kept as removed. A Graph failure leaves it active to try again.
 */
export async function unwatchCalendar(deps: SyncDeps, tenantId: string, userId: string, reason: string) {
  for (const subscription of await deps.subscriptions.findByUser(tenantId, userId)) {
    if (subscription.status.state !== 'active') continue;
    const actor = await actorForUser(deps.scheduling, tenantId, userId);
    try {
      await deps.graphSubscriptions.remove(actor, subscription.id);
    } catch (error) {
      // A person whose access is gone cannot delete with their own token; the subscription lapses at expiry.
      if (!isAppError(error) || !REFUSALS.has(error.code)) throw error;
    }
    await deps.subscriptions.markRemoved(subscription.id, reason);
  }
  await deps.deltaStates.remove(tenantId, userId);
}

/**
 * Brings subscriptions in line with meetings: every organizer of an upcoming Confer meeting is watched (at start,
 * this covers those who lack one), and a watched calendar whose organizer has none left is no longer watched.
 */
export async function alignSubscriptions(deps: SyncDeps): Promise<{ watched: number; unwatched: number }> {
  const now = deps.scheduling.clock.now();
  const organizers = await deps.scheduling.meetings.listActiveOrganizers(now);
  const wanted = new Set(organizers.map((o) => `${o.tenantId}\u0000${o.userId}`));
  const report = { watched: 0, unwatched: 0 };
  for (const organizer of organizers) {
    try {
      if ((await watchCalendar(deps, organizer.tenantId, organizer.userId)) === 'created') report.watched += 1;
    } catch (error) {
      deps.scheduling.logger.warn('could not watch a calendar; will retry', { userId: organizer.userId, error });
    }
  }
  const expiring = await deps.subscriptions.listActive();
  for (const subscription of expiring) {
    if (wanted.has(`${subscription.tenantId}\u0000${subscription.userId}`)) continue;
    try {
      await unwatchCalendar(deps, subscription.tenantId, subscription.userId, 'no upcoming Confer meetings');
      report.unwatched += 1;
    } catch (error) {
      deps.scheduling.logger.warn('could not stop watching a calendar; will retry', {
        userId: subscription.userId,
        error,
      });
    }
  }
  return report;
}

/**
 * A refusal Graph will repeat until someone acts: the subscription is marked failed, the person's connection
 * status says why (the tenant store queues their one reconnect prompt), and the audit log records it for
 * administrators. Answers false for passing faults (throttling, outages), which the caller retries later.
 */
async function recordRefusal(
  deps: SyncDeps,
  tenantId: string,
  userId: string,
  subscription: GraphSubscription | null,
  error: unknown,
): Promise<boolean> {
  const status = isAppError(error) ? REFUSALS.get(error.code) : undefined;
  if (!status || !isAppError(error)) return false;
  // In tenant-wide mode nobody can reconnect: a refused app token is the app's own passing trouble (a fresh one
  // is fetched next time), not something to prompt the person about.
  const mode = await connectionModeOf(deps.scheduling, tenantId);
  if (mode === 'tenant' && error.code === 'connection_expired') return false;
  const now = deps.scheduling.clock.now();
  // A refused creation is kept too (under an id of Confer's, as Graph gave none), so administrators see it.
  await deps.subscriptions.save({
    ...(subscription ?? {
      id: `refused-${deps.scheduling.newId()}`,
      tenantId,
      userId,
      resource: resourceOf(userId),
      mode,
      clientStateDigest: clientStateDigest(newClientState()),
      expiresAt: now.toISOString(),
      createdAt: now.toISOString(),
      renewedAt: null,
    }),
    status: { state: 'failed', reason: error.code },
  });
  const user = await deps.connections.getUser(tenantId, userId);
  if (user && user.connectionStatus !== status) {
    await deps.connections.upsertUser({ ...user, connectionStatus: status, connectionCheckedAt: now, updatedAt: now });
  }
  await deps.audit.append({
    tenantId,
    at: now,
    actorId: null,
    action: 'sync.subscription_refused',
    target: userId,
    details: { code: error.code, subscriptionId: subscription?.id ?? null },
  });
  deps.scheduling.logger.warn('Outlook sync refused for a calendar', { userId, code: error.code });
  recordSyncError(deps, tenantId, userId, 'subscription', error);
  return true;
}

/** Keeps the failure as the person's last sync error for the admin's connection health list. */
export function recordSyncError(
  deps: SyncDeps,
  tenantId: string,
  userId: string,
  kind: SyncErrorKind,
  error: unknown,
): void {
  const code = isAppError(error) ? error.code : 'internal_error';
  const message = error instanceof Error ? error.message : String(error);
  deps.activity?.recordSyncError(tenantId, userId, { kind, code, message, at: deps.scheduling.clock.now() });
}
