import type { AdminConsentStore, ConsentOutcome } from '../../ports/admin-consent-store.ts';
import {
  type ConsentOutcomeRow,
  type ConsentRequestRow,
  consentOutcomeFromRow,
  consentRequestFromRow,
} from '../store-rows/consent-rows.ts';
import type { SqliteDatabase } from './database.ts';

type RequestRow = ConsentRequestRow<string>;
type OutcomeRow = ConsentOutcomeRow<string>;
const toDate = (text: string) => new Date(text);
const toRequest = (row: RequestRow) => consentRequestFromRow(row, toDate);
const toOutcome = (row: OutcomeRow) => consentOutcomeFromRow(row, toDate);

/** Admin consent requests and outcomes in SQLite (migration 12). */
export function createSqliteAdminConsentStore(db: SqliteDatabase): AdminConsentStore {
  const insertRequest = db.prepare(`
    INSERT INTO admin_consent_requests (state_digest, tenant_id, requested_by, created_at, expires_at, used_at)
    VALUES (?, ?, ?, ?, ?, ?)`);
  const selectRequest = db.prepare('SELECT * FROM admin_consent_requests WHERE tenant_id = ? AND state_digest = ?');
  const markUsed = db.prepare(
    'UPDATE admin_consent_requests SET used_at = ? WHERE tenant_id = ? AND state_digest = ? AND used_at IS NULL',
  );
  const insertOutcome = db.prepare(`
    INSERT INTO admin_consent_outcomes (tenant_id, outcome, at, requested_by, scope, error, error_description)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const selectLatest = db.prepare(
    'SELECT * FROM admin_consent_outcomes WHERE tenant_id = ? ORDER BY at DESC, seq DESC LIMIT 1',
  );
  // Marking the state used and recording what it brought back are one step: a state answers once, wholly.
  const complete = db.transaction((tenantId: string, stateDigest: string, o: ConsentOutcome): boolean => {
    if (markUsed.run(o.at.toISOString(), tenantId, stateDigest).changes !== 1) return false;
    insertOutcome.run(o.tenantId, o.outcome, o.at.toISOString(), o.requestedBy, o.scope, o.error, o.errorDescription);
    return true;
  });
  return {
    async saveRequest(r) {
      insertRequest.run(
        r.stateDigest,
        r.tenantId,
        r.requestedBy,
        r.createdAt.toISOString(),
        r.expiresAt.toISOString(),
        r.usedAt?.toISOString() ?? null,
      );
    },
    async findRequest(tenantId, stateDigest) {
      const row = selectRequest.get(tenantId, stateDigest) as RequestRow | undefined;
      return row ? toRequest(row) : undefined;
    },
    async completeRequest(tenantId, stateDigest, outcome) {
      return complete(tenantId, stateDigest, outcome);
    },
    async latestOutcome(tenantId) {
      const row = selectLatest.get(tenantId) as OutcomeRow | undefined;
      return row ? toOutcome(row) : undefined;
    },
  };
}
