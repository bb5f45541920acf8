/**
 * Admin consent requests Confer sent an administrator to Entra with, and the outcomes Entra's redirect brought
 * back (docs/reference/teams-platform.md §10). A request is known by the SHA-256 digest of its `state` only, so
 * the stored rows cannot be replayed as links.
 */
export interface ConsentRequest {
  /** Hex SHA-256 of the link's `state`. */
  stateDigest: string;
  tenantId: string;
  /** The Confer admin who asked for the link. */
  requestedBy: string;
  createdAt: Date;
  expiresAt: Date;
  /** When the return page consumed it; null while unused. */
  usedAt: Date | null;
}

export interface ConsentOutcome {
  tenantId: string;
  outcome: 'granted' | 'refused';
  at: Date;
  requestedBy: string | null;
  /** The permissions Entra reported as granted (`scope`), when granted. */
  scope: string | null;
  /** Entra's `error` and `error_description`, when refused. */
  error: string | null;
  errorDescription: string | null;
}

export interface AdminConsentStore {
  saveRequest(request: ConsentRequest): Promise<void>;
  findRequest(tenantId: string, stateDigest: string): Promise<ConsentRequest | undefined>;
  /**
   * Marks the request used and records its outcome, both or neither. False when the request was already used
   * (or is unknown): the outcome is then not recorded, so a state answers at most once.
   */
  completeRequest(tenantId: string, stateDigest: string, outcome: ConsentOutcome): Promise<boolean>;
  /** The tenant's most recent outcome. */
  latestOutcome(tenantId: string): Promise<ConsentOutcome | undefined>;
}
