import { describe, expect, it } from 'vitest';
import { type AccessTestRecord, type AccessTestStore, KEPT_ACCESS_TESTS } from './access-test-store.ts';
import { failureOf, TENANT_A, TENANT_B } from './store-fixtures.contract.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 9, minute));

export function anAccessTest(minute: number, overrides: Partial<AccessTestRecord> = {}): AccessTestRecord {
  return {
    id: `test-${minute}`,
    tenantId: TENANT_A,
    at: at(minute),
    by: 'oid-megan',
    trigger: 'manual',
    mode: 'tenant',
    tested: 2,
    succeeded: 1,
    failures: [
      { reason: 'outside_access_policy', count: 1, advice: 'Add them to the group.', people: ['jonis@contoso.test'] },
    ],
    people: [
      {
        userId: 'oid-alex',
        person: 'alexw@contoso.test',
        displayName: 'Alex Wilber',
        named: false,
        freeBusy: 'ok',
        mailboxSettings: 'ok',
        calendarWrite: 'ok',
        reason: null,
        code: null,
      },
      {
        userId: null,
        person: 'nobody@contoso.test',
        displayName: null,
        named: true,
        freeBusy: 'skipped',
        mailboxSettings: 'skipped',
        calendarWrite: 'skipped',
        reason: 'user_not_found',
        code: 'Request_ResourceNotFound',
      },
    ],
    ...overrides,
  };
}

/** One suite, every AccessTestStore implementation. */
export function accessTestStoreContract(name: string, create: () => AccessTestStore | Promise<AccessTestStore>) {
  describe(`AccessTestStore contract: ${name}`, () => {
    it('gives a kept result back whole, and lists summaries newest first per tenant', async () => {
      const store = await create();
      await store.save(anAccessTest(1));
      await store.save(anAccessTest(3, { trigger: 'after_consent' }));
      await store.save(anAccessTest(2, { tenantId: TENANT_B }));
      expect(await store.get(TENANT_A, 'test-1')).toEqual(anAccessTest(1));
      expect(await store.get(TENANT_B, 'test-1')).toBeUndefined();
      const { people: _people, ...summary } = anAccessTest(3, { trigger: 'after_consent' });
      expect(await store.list(TENANT_A, 1)).toEqual([summary]);
      expect((await store.list(TENANT_A, 10)).map((t) => t.id)).toEqual(['test-3', 'test-1']);
      expect(await failureOf(store.list(TENANT_A, 0))).toBe('invalid_argument');
    });

    it(`keeps the newest ${KEPT_ACCESS_TESTS} results of a tenant and no more`, async () => {
      const store = await create();
      for (let minute = 0; minute < KEPT_ACCESS_TESTS + 3; minute++) await store.save(anAccessTest(minute));
      await store.save(anAccessTest(0, { id: 'other-tenant', tenantId: TENANT_B }));
      const kept = await store.list(TENANT_A, 100);
      expect(kept).toHaveLength(KEPT_ACCESS_TESTS);
      expect(kept.at(-1)?.id).toBe('test-3');
      expect(await store.get(TENANT_A, 'test-2')).toBeUndefined();
      expect(await store.list(TENANT_B, 100)).toHaveLength(1);
    });

    it('lets one test run per tenant, takes over a stale claim, and frees the slot on release', async () => {
      const store = await create();
      expect(await store.claim(TENANT_A, at(10), at(0))).toBe(true);
      expect(await store.claim(TENANT_A, at(11), at(1))).toBe(false);
      expect(await store.claim(TENANT_B, at(11), at(1))).toBe(true);
      // A claim started before the stale mark belongs to a process that stopped without releasing it.
      expect(await store.claim(TENANT_A, at(30), at(20))).toBe(true);
      expect(await store.claim(TENANT_A, at(31), at(21))).toBe(false);
      await store.release(TENANT_A);
      expect(await store.claim(TENANT_A, at(32), at(22))).toBe(true);
    });
  });
}
