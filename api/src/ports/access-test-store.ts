import type { AccessTestDto } from '@confer/contracts';

/** A kept access test: the contract's shape, with its tenant and a real date. */
export type AccessTestRecord = Omit<AccessTestDto, 'at'> & { tenantId: string; at: Date };
export type AccessTestSummary = Omit<AccessTestRecord, 'people'>;

/** How many results are kept per tenant: older ones are dropped when a new one is saved. */
export const KEPT_ACCESS_TESTS = 20;

/** Access test results, and the one-test-at-a-time claim per tenant. */
export interface AccessTestStore {
  /** Saves a result and drops the tenant's results beyond the newest KEPT_ACCESS_TESTS. */
  save(record: AccessTestRecord): Promise<void>;
  /** Newest first, without the per-person list. */
  list(tenantId: string, limit: number): Promise<AccessTestSummary[]>;
  get(tenantId: string, id: string): Promise<AccessTestRecord | undefined>;
  /**
   * Claims the tenant's test slot; false while another test holds it. A claim older than `staleBefore` is taken
   * over (its process stopped without releasing it).
   */
  claim(tenantId: string, at: Date, staleBefore: Date): Promise<boolean>;
  release(tenantId: string): Promise<void>;
}
