import { describe, expect, it } from 'vitest';
import type { AdminConsentStore, ConsentOutcome, ConsentRequest } from './admin-consent-store.ts';

export function aConsentRequest(overrides: Partial<ConsentRequest> = {}): ConsentRequest {
  return {
    stateDigest: 'a'.repeat(64),
    tenantId: 'tenant-a',
    requestedBy: 'oid-megan',
    createdAt: new Date('2026-12-07T09:00:00.000Z'),
    expiresAt: new Date('2026-12-08T09:00:00.000Z'),
    usedAt: null,
    ...overrides,
  };
}

export function aConsentOutcome(overrides: Partial<ConsentOutcome> = {}): ConsentOutcome {
  return {
    tenantId: 'tenant-a',
    outcome: 'granted',
    at: new Date('2026-12-07T09:05:00.000Z'),
    requestedBy: 'oid-megan',
    scope: 'https://graph.microsoft.com/Calendars.ReadWrite',
    error: null,
    errorDescription: null,
    ...overrides,
  };
}

/** One contract suite for every AdminConsentStore implementation (memory, SQLite, PostgreSQL). */
export function adminConsentStoreContract(name: string, create: () => AdminConsentStore | Promise<AdminConsentStore>) {
  describe(`AdminConsentStore contract: ${name}`, () => {
    it('finds a saved request by its digest, every field kept', async () => {
      const store = await create();
      await store.saveRequest(aConsentRequest());
      expect(await store.findRequest('tenant-a', 'a'.repeat(64))).toEqual(aConsentRequest());
      expect(await store.findRequest('tenant-a', 'b'.repeat(64))).toBeUndefined();
      expect(await store.findRequest('tenant-b', 'a'.repeat(64))).toBeUndefined();
    });

    it('completes a request once: marked used with the outcome recorded; a second completion records nothing', async () => {
      const store = await create();
      await store.saveRequest(aConsentRequest());
      expect(await store.completeRequest('tenant-a', 'a'.repeat(64), aConsentOutcome())).toBe(true);
      const refused = aConsentOutcome({ outcome: 'refused', scope: null, error: 'access_denied', at: new Date() });
      expect(await store.completeRequest('tenant-a', 'a'.repeat(64), refused)).toBe(false);
      expect(await store.completeRequest('tenant-a', 'c'.repeat(64), refused)).toBe(false);
      expect(await store.findRequest('tenant-a', 'a'.repeat(64))).toEqual(
        aConsentRequest({ usedAt: aConsentOutcome().at }),
      );
      expect(await store.latestOutcome('tenant-a')).toEqual(aConsentOutcome());
    });

    it('answers the latest outcome of the tenant asked about, the last recorded when two share an instant', async () => {
      const store = await create();
      expect(await store.latestOutcome('tenant-a')).toBeUndefined();
      const at = new Date('2026-12-07T10:00:00.000Z');
      await store.saveRequest(aConsentRequest({ stateDigest: '1'.repeat(64) }));
      await store.saveRequest(aConsentRequest({ stateDigest: '2'.repeat(64) }));
      await store.saveRequest(aConsentRequest({ stateDigest: '3'.repeat(64), tenantId: 'tenant-b' }));
      await store.completeRequest('tenant-a', '1'.repeat(64), aConsentOutcome({ at }));
      const refused = aConsentOutcome({
        outcome: 'refused',
        at,
        scope: null,
        error: 'access_denied',
        errorDescription: 'AADSTS65004: User declined to consent to access the app.',
      });
      await store.completeRequest('tenant-a', '2'.repeat(64), refused);
      await store.completeRequest(
        'tenant-b',
        '3'.repeat(64),
        aConsentOutcome({ tenantId: 'tenant-b', at: new Date(at.getTime() + 1) }),
      );
      expect(await store.latestOutcome('tenant-a')).toEqual(refused);
      expect((await store.latestOutcome('tenant-b'))?.tenantId).toBe('tenant-b');
    });
  });
}
