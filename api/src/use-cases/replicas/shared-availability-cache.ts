import type { ChangeFeed } from '../../ports/replica-coordination.ts';
import type { AvailabilityCache } from '../scheduling/availability-cache.ts';

/**
 * The availability cache of this replica, dropped for a tenant whenever any replica writes in it: a write tells
 * the feed, and every replica (this one at once) drops that tenant's answers. When the feed lost touch, answers
 * cached meanwhile may be stale, so all are dropped.
 */
export function shareInvalidation(
  cache: AvailabilityCache & { clear(): void },
  changes: ChangeFeed,
): AvailabilityCache {
  changes.subscribe((change) => {
    if (change.topic === 'availability') cache.invalidateTenant(change.tenantId);
    else if (change.topic === 'resync') cache.clear();
  });
  return {
    get: (tenantId, key) => cache.get(tenantId, key),
    set: (tenantId, key, value) => cache.set(tenantId, key, value),
    invalidateTenant: (tenantId) => changes.publish({ topic: 'availability', tenantId }),
  };
}
