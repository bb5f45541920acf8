import type { GraphSubscription, SubscriptionStore } from '../../ports/subscription-store.ts';
import { copy } from './memory-state.ts';

const byCreation = (a: GraphSubscription, b: GraphSubscription) =>
  a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
const byExpiry = (a: GraphSubscription, b: GraphSubscription) =>
  a.expiresAt.localeCompare(b.expiresAt) || a.id.localeCompare(b.id);

/** The in-memory SubscriptionStore, for tests that wire no database. */
export function createMemorySubscriptionStore(): SubscriptionStore {
  const subscriptions = new Map<string, GraphSubscription>();
  const all = () => [...subscriptions.values()];
  const active = () =>
    all()
      .filter((s) => s.status.state === 'active')
      .sort(byExpiry)
      .map(copy);
  return {
    async save(subscription) {
      subscriptions.set(subscription.id, copy(subscription));
    },
    async find(id) {
      const subscription = subscriptions.get(id);
      return subscription ? copy(subscription) : undefined;
    },
    async findByUser(tenantId, userId) {
      return all()
        .filter((s) => s.tenantId === tenantId && s.userId === userId)
        .sort(byCreation)
        .map(copy);
    },
    async markRemoved(id, reason) {
      const subscription = subscriptions.get(id);
      if (subscription) subscription.status = { state: 'removed', reason };
    },
    async listExpiringBefore(instant) {
      return active().filter((s) => s.expiresAt < instant);
    },
    async listActive() {
      return active();
    },
  };
}
