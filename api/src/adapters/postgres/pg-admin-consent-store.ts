import type { AdminConsentStore } from '../../ports/admin-consent-store.ts';
import {
  type ConsentOutcomeRow,
  type ConsentRequestRow,
  consentOutcomeFromRow,
  consentRequestFromRow,
} from '../store-rows/consent-rows.ts';
import type { PgDatabase } from './pg-database.ts';

type RequestRow = ConsentRequestRow<Date>;
type OutcomeRow = ConsentOutcomeRow<Date>;
const toDate = (date: Date) => date;
const toRequest = (row: RequestRow) => consentRequestFromRow(row, toDate);
const toOutcome = (row: OutcomeRow) => consentOutcomeFromRow(row, toDate);

const INSERT_REQUEST = `
  INSERT INTO admin_consent_requests (state_digest, tenant_id, requested_by, created_at, expires_at, used_at)
  VALUES ($1, $2, $3, $4, $5, $6)`;
const SELECT_REQUEST = `
  SELECT state_digest, tenant_id, requested_by, created_at, expires_at, used_at
  FROM admin_consent_requests WHERE tenant_id = $1 AND state_digest = $2`;
// Two return pages with one state at once: the second update waits for the first's row lock, then reads the row
// as committed (used) and changes nothing, so only one of them records an outcome.
const MARK_USED =
  'UPDATE admin_consent_requests SET used_at = $1 WHERE tenant_id = $2 AND state_digest = $3 AND used_at IS NULL';
const INSERT_OUTCOME = `
  INSERT INTO admin_consent_outcomes (tenant_id, outcome, at, requested_by, scope, error, error_description)
  VALUES ($1, $2, $3, $4, $5, $6, $7)`;
const SELECT_LATEST = `
  SELECT tenant_id, outcome, at, requested_by, scope, error, error_description
  FROM admin_consent_outcomes WHERE tenant_id = $1 ORDER BY at DESC, seq DESC LIMIT 1`;

/** Admin consent requests and outcomes in PostgreSQL. */
export function createPgAdminConsentStore(db: PgDatabase): AdminConsentStore {
  return {
    async saveRequest(r) {
      await db.execute(INSERT_REQUEST, [r.stateDigest, r.tenantId, r.requestedBy, r.createdAt, r.expiresAt, r.usedAt]);
    },
    async findRequest(tenantId, stateDigest) {
      const [row] = await db.query<RequestRow>(SELECT_REQUEST, [tenantId, stateDigest]);
      return row ? toRequest(row) : undefined;
    },
    async completeRequest(tenantId, stateDigest, o) {
      // Marking the state used and recording what it brought back are one step: a state answers once, wholly.
      return db.transaction(async (tx) => {
        if ((await tx.execute(MARK_USED, [o.at, tenantId, stateDigest])) !== 1) return false;
        await tx.execute(INSERT_OUTCOME, [
          o.tenantId,
          o.outcome,
          o.at,
          o.requestedBy,
          o.scope,
          o.error,
          o.errorDescription,
        ]);
        return true;
      });
    },
    async latestOutcome(tenantId) {
      const [row] = await db.query<OutcomeRow>(SELECT_LATEST, [tenantId]);
      return row ? toOutcome(row) : undefined;
    },
  };
}
