import type { OutboundMessage, OutboundQueue } from '@confer/bot/ports';
import type { Clock } from '../../ports/clock.ts';
import type { TenantStore, UserRecord } from '../../ports/tenant-store.ts';

export interface ConnectionPromptOptions {
  now: Date;
  /** Days before a known `connectionExpiresAt` to warn. */
  warnDaysBefore: number;
}

export const DEFAULT_WARN_DAYS_BEFORE = 3;
const DAY_MS = 86_400_000;
/** Statuses that stop Confer using the person's calendar: each is told once a day, with what to do about it. */
const BROKEN: ReadonlySet<UserRecord['connectionStatus']> = new Set(['consent_required', 'expired', 'outside_scope']);

/**
 * What a change of a user's calendar connection should tell them. A connection that became
 * consent-required or expired gets one reconnect card, keyed by status and day: every failing call
 * reports the same state, and they must not each send a card. A known expiry gets one warning some days
 * ahead, keyed by that expiry, so renewing the connection plans a new warning instead of repeating one.
 */
export function planConnectionPrompts(
  before: UserRecord | undefined,
  after: UserRecord,
  options: ConnectionPromptOptions,
): OutboundMessage[] {
  const messages: OutboundMessage[] = [];
  const base = { tenantId: after.tenantId, userId: after.userId };
  const becameBroken = BROKEN.has(after.connectionStatus) && before?.connectionStatus !== after.connectionStatus;
  if (becameBroken) {
    const day = options.now.toISOString().slice(0, 10);
    messages.push({
      ...base,
      key: `reconnect:${after.userId}:${after.connectionStatus}:${day}`,
      kind: 'reconnect',
      payload: { status: after.connectionStatus },
      notBefore: options.now,
    });
  }
  const expiresAt = after.connectionExpiresAt;
  if (after.connectionStatus === 'connected' && expiresAt && expiresAt.getTime() > options.now.getTime()) {
    const warnAt = expiresAt.getTime() - options.warnDaysBefore * DAY_MS;
    messages.push({
      ...base,
      key: `${expiryWarningPrefix(after.userId)}${expiresAt.toISOString()}`,
      kind: 'expiry-warning',
      payload: { expiresAt: expiresAt.toISOString() },
      notBefore: new Date(Math.max(warnAt, options.now.getTime())),
    });
  }
  return messages;
}

export function expiryWarningPrefix(userId: string): string {
  return `expiry-warning:${userId}:`;
}

export interface ConnectionPromptDeps {
  queue: OutboundQueue;
  clock: Clock;
  warnDaysBefore: number;
}

/** Enqueues the prompts for a change; a moved (or cleared) expiry drops the warning planned for the old one. */
export async function scheduleConnectionPrompts(
  deps: ConnectionPromptDeps,
  before: UserRecord | undefined,
  after: UserRecord,
): Promise<void> {
  const expiryChanged = before?.connectionExpiresAt?.getTime() !== after.connectionExpiresAt?.getTime();
  if (expiryChanged || before?.connectionStatus !== after.connectionStatus) {
    await deps.queue.cancelPending(expiryWarningPrefix(after.userId));
  }
  const messages = planConnectionPrompts(before, after, { now: deps.clock.now(), warnDaysBefore: deps.warnDaysBefore });
  if (messages.length > 0) await deps.queue.enqueue(messages);
}

/**
 * The tenant store, telling users about their connection as it is saved: every path that records a
 * connection check (sign-in, a Graph call refused for consent, the connection probe) goes through
 * `upsertUser`, so none of them has to remember to.
 */
export function withConnectionPrompts(tenants: TenantStore, deps: ConnectionPromptDeps): TenantStore {
  return {
    ...tenants,
    getSettings: (tenantId) => tenants.getSettings(tenantId),
    saveSettings: (settings) => tenants.saveSettings(settings),
    getUser: (tenantId, userId) => tenants.getUser(tenantId, userId),
    listUsers: (tenantId) => tenants.listUsers(tenantId),
    async upsertUser(user) {
      const before = await tenants.getUser(user.tenantId, user.userId);
      await tenants.upsertUser(user);
      await scheduleConnectionPrompts(deps, before, user);
    },
  };
}
