import { auditLogFilterContract } from '../../ports/audit-log-filter.contract.ts';
import { connectionHealthStoreContract } from '../../ports/connection-health-store.contract.ts';
import { createMemoryAuditLog } from './memory-audit-log.ts';
import { createMemoryConnectionHealthStore } from './memory-connection-health-store.ts';
import { createMemoryState } from './memory-state.ts';
import { createMemorySubscriptionStore } from './memory-subscription-store.ts';
import { createMemoryTenantStore } from './memory-tenant-store.ts';

connectionHealthStoreContract('memory', () => {
  const state = createMemoryState();
  const subscriptions = createMemorySubscriptionStore();
  return {
    tenants: createMemoryTenantStore(state),
    subscriptions,
    health: createMemoryConnectionHealthStore(state, subscriptions),
  };
});
auditLogFilterContract('memory', () => ({ audit: createMemoryAuditLog(createMemoryState()) }));
