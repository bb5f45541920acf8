import type { Change, ChangeFeed, Leases } from '../../ports/replica-coordination.ts';

/** Leases held in this process: with one process (SQLite), it holds every lease it asks for while it runs. */
export function createLocalLeases(): Leases {
  const held = new Map<string, { holder: string; until: number }>();
  return {
    async hold(name, holder, nowMs, untilMs) {
      const current = held.get(name);
      if (current && current.holder !== holder && current.until > nowMs) return false;
      held.set(name, { holder, until: untilMs });
      return true;
    },
    async release(name, holder) {
      if (held.get(name)?.holder === holder) held.delete(name);
    },
  };
}

/** A change feed with one member: every listener of this process hears every change at once. */
export function createLocalChangeFeed(): ChangeFeed {
  const listeners = new Set<(change: Change) => void>();
  return {
    publish(change) {
      for (const listener of listeners) listener(change);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
    },
  };
}
