import { describe, expect, it } from 'vitest';
import type { DeltaState, DeltaStateStore } from './delta-state-store.ts';

export function aDeltaState(overrides: Partial<DeltaState> = {}): DeltaState {
  return {
    tenantId: 'tenant-a',
    userId: 'oid-alex',
    deltaLink: 'https://graph.example/v1.0/users/oid-alex/calendarView/delta?$deltatoken=abc',
    windowStart: '2026-11-23T00:00:00.000Z',
    windowEnd: '2028-11-23T00:00:00.000Z',
    syncedAt: '2026-11-23T09:00:00.000Z',
    ...overrides,
  };
}

/** One contract suite for every DeltaStateStore implementation (memory, SQLite, PostgreSQL). */
export function deltaStateStoreContract(name: string, create: () => DeltaStateStore | Promise<DeltaStateStore>) {
  describe(`DeltaStateStore contract: ${name}`, () => {
    it('keeps one state per person and tenant, replaced on save, every field kept', async () => {
      const store = await create();
      await store.save(aDeltaState());
      await store.save(aDeltaState({ tenantId: 'tenant-b' }));
      const later = aDeltaState({ deltaLink: null, syncedAt: '2026-11-23T10:00:00.000Z' });
      await store.save(later);
      expect(await store.get('tenant-a', 'oid-alex')).toEqual(later);
      expect(await store.get('tenant-b', 'oid-alex')).toEqual(aDeltaState({ tenantId: 'tenant-b' }));
      expect(await store.get('tenant-a', 'oid-megan')).toBeUndefined();
    });

    it('forgets a person on remove, and only them', async () => {
      const store = await create();
      await store.save(aDeltaState());
      await store.save(aDeltaState({ userId: 'oid-megan' }));
      await store.remove('tenant-a', 'oid-alex');
      await store.remove('tenant-a', 'oid-nobody');
      expect(await store.get('tenant-a', 'oid-alex')).toBeUndefined();
      expect(await store.get('tenant-a', 'oid-megan')).toEqual(aDeltaState({ userId: 'oid-megan' }));
    });
  });
}
