import type { ConsentOutcome, ConsentRequest } from '../../ports/admin-consent-store.ts';

/** An admin_consent_requests row; `I` is how the database returns an instant (ISO text or Date). */
export interface ConsentRequestRow<I> {
  state_digest: string;
  tenant_id: string;
  requested_by: string;
  created_at: I;
  expires_at: I;
  used_at: I | null;
}

export interface ConsentOutcomeRow<I> {
  tenant_id: string;
  outcome: 'granted' | 'refused';
  at: I;
  requested_by: string | null;
  scope: string | null;
  error: string | null;
  error_description: string | null;
}

export function consentRequestFromRow<I>(row: ConsentRequestRow<I>, toDate: (instant: I) => Date): ConsentRequest {
  return {
    stateDigest: row.state_digest,
    tenantId: row.tenant_id,
    requestedBy: row.requested_by,
    createdAt: toDate(row.created_at),
    expiresAt: toDate(row.expires_at),
    usedAt: row.used_at === null ? null : toDate(row.used_at),
  };
}

export function consentOutcomeFromRow<I>(row: ConsentOutcomeRow<I>, toDate: (instant: I) => Date): ConsentOutcome {
  return {
    tenantId: row.tenant_id,
    outcome: row.outcome,
    at: toDate(row.at),
    requestedBy: row.requested_by,
    scope: row.scope,
    error: row.error,
    errorDescription: row.error_description,
  };
}
