import type { Clock } from '../../ports/clock.ts';
import type { ScheduleAnswer } from '../../ports/scheduling-gateway.ts';

/**
 * A short-lived cache of getSchedule answers: the picker asks for availability, suggestions and
 * conflicts for the same people within seconds, and Graph allows 10,000 requests per 10 minutes per
 * mailbox. Any Confer write in a tenant drops that tenant's entries, so a fresh booking is never hidden.
 */
export interface AvailabilityCache {
  get(tenantId: string, key: string): ScheduleAnswer[] | undefined;
  set(tenantId: string, key: string, value: ScheduleAnswer[]): void;
  invalidateTenant(tenantId: string): void;
}

/** Seconds an answer stays fresh: long enough for one scheduling session's requests, short enough for changes made in Outlook. */
export const AVAILABILITY_TTL_MS = 60_000;
/** Entries kept per process; beyond it the oldest go first. */
const MAX_ENTRIES = 2_000;

export function createAvailabilityCache(
  clock: Clock,
  ttlMs = AVAILABILITY_TTL_MS,
): AvailabilityCache & { clear(): void } {
  const entries = new Map<string, { at: number; value: ScheduleAnswer[] }>();
  const fullKey = (tenantId: string, key: string) => `${tenantId}|${key}`;
  return {
    get(tenantId, key) {
      const entry = entries.get(fullKey(tenantId, key));
      if (!entry) return undefined;
      if (clock.now().getTime() - entry.at > ttlMs) {
        entries.delete(fullKey(tenantId, key));
        return undefined;
      }
      return entry.value;
    },
    set(tenantId, key, value) {
      if (entries.size >= MAX_ENTRIES) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      entries.set(fullKey(tenantId, key), { at: clock.now().getTime(), value });
    },
    invalidateTenant(tenantId) {
      for (const key of entries.keys()) if (key.startsWith(`${tenantId}|`)) entries.delete(key);
    },
    clear() {
      entries.clear();
    },
  };
}
