import type { AdminConsentStore, ConsentOutcome, ConsentRequest } from '../../ports/admin-consent-store.ts';
import { copy, keyOf } from './memory-state.ts';

/** The in-memory AdminConsentStore, for tests that wire no database. */
export function createMemoryAdminConsentStore(): AdminConsentStore {
  const requests = new Map<string, ConsentRequest>();
  const outcomes: ConsentOutcome[] = [];
  return {
    async saveRequest(request) {
      const key = keyOf(request.tenantId, request.stateDigest);
      if (requests.has(key)) throw new Error('A consent request with this state already exists.');
      requests.set(key, copy(request));
    },
    async findRequest(tenantId, stateDigest) {
      const request = requests.get(keyOf(tenantId, stateDigest));
      return request ? copy(request) : undefined;
    },
    async completeRequest(tenantId, stateDigest, outcome) {
      const request = requests.get(keyOf(tenantId, stateDigest));
      if (!request || request.usedAt !== null) return false;
      request.usedAt = new Date(outcome.at);
      outcomes.push(copy(outcome));
      return true;
    },
    async latestOutcome(tenantId) {
      // The last recorded wins among equal instants, as SQLite's ORDER BY at, seq.
      const latest = outcomes
        .filter((o) => o.tenantId === tenantId)
        .reduce<ConsentOutcome | undefined>((best, o) => (!best || o.at >= best.at ? o : best), undefined);
      return latest ? copy(latest) : undefined;
    },
  };
}
