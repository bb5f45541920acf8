/**
 * The PostgreSQL outbound queue's statements. Every worker write is conditional on the claim token, so a worker
 * whose lease was taken over changes nothing. Rows are read with the payload as text, in the shape the SQLite
 * store's row helpers (outbound-rows.ts) read.
 */
const ROW = `key, tenant_id, user_id, kind, payload_json::text AS payload_json, not_before_ms, state, attempts,
  claim_token, lease_until_ms, delivery_id, conversation_id, activity_id, last_error, reason, sent_at_ms`;

export const outboundSql = {
  // One statement for the whole batch (atomic by itself): the first message of a key wins, as in SQLite.
  enqueue: `
    INSERT INTO outbound_messages
      (key, tenant_id, user_id, kind, payload_json, not_before_ms, state, created_at, updated_at)
    SELECT key, tenant_id, user_id, kind, payload_json, not_before_ms, 'pending', $7, $7
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::bigint[])
      WITH ORDINALITY AS batch (key, tenant_id, user_id, kind, payload_json, not_before_ms, position)
    ORDER BY position
    ON CONFLICT (key) DO NOTHING`,
  cancel: `
    DELETE FROM outbound_messages
    WHERE key >= $1 AND key < $2 AND state IN ('pending', 'claimed')`,
  // Replicas claim at once: each due row is locked by the claim that selects it, and a row another claim holds
  // is skipped, not waited for (SKIP LOCKED). A row claimed and committed since this statement's snapshot is
  // checked again when locked and no longer qualifies, so no row is ever given to two claims. The locks live
  // until the statement commits, by which time the row carries its new token and lease.
  claim: `
    WITH pending AS (
      SELECT key, not_before_ms AS due FROM outbound_messages
      WHERE state = 'pending' AND not_before_ms <= $1 ORDER BY not_before_ms LIMIT $2
      FOR UPDATE SKIP LOCKED),
    expired AS (
      SELECT key, lease_until_ms AS due FROM outbound_messages
      WHERE state IN ('claimed', 'sending') AND lease_until_ms <= $1 ORDER BY lease_until_ms LIMIT $2
      FOR UPDATE SKIP LOCKED),
    chosen AS (
      SELECT key AS chosen_key FROM (SELECT * FROM pending UNION ALL SELECT * FROM expired) AS due
      ORDER BY due LIMIT $2)
    UPDATE outbound_messages
    SET state = CASE state WHEN 'sending' THEN 'sending' ELSE 'claimed' END,
        claim_token = $3, lease_until_ms = $4, updated_at = $5
    FROM chosen WHERE key = chosen_key
    RETURNING ${ROW}`,
  markSending: `
    UPDATE outbound_messages
    SET state = 'sending', delivery_id = $3, conversation_id = $4,
        attempts = attempts + 1, lease_until_ms = $5, updated_at = $6
    WHERE key = $1 AND claim_token = $2 AND state IN ('claimed', 'sending')`,
  markSent: `
    UPDATE outbound_messages
    SET state = 'sent', activity_id = $3, sent_at_ms = $4, claim_token = NULL,
        lease_until_ms = NULL, last_error = NULL, updated_at = $5
    WHERE key = $1 AND claim_token = $2 AND state = 'sending'`,
  // In doubt (the send may have reached Teams) it stays 'sending' under a token no worker holds, due again at
  // notBefore as an expired lease, so the next claim looks the delivery id up before sending again.
  release: `
    UPDATE outbound_messages
    SET state = CASE WHEN $4::boolean AND delivery_id IS NOT NULL THEN 'sending' ELSE 'pending' END,
        claim_token = CASE WHEN $4::boolean AND delivery_id IS NOT NULL THEN 'released:' || $2 END,
        lease_until_ms = CASE WHEN $4::boolean AND delivery_id IS NOT NULL THEN $3::bigint END,
        not_before_ms = $3::bigint, attempts = attempts + $5::integer,
        last_error = COALESCE($6::text, last_error), updated_at = $7
    WHERE key = $1 AND claim_token = $2 AND state IN ('claimed', 'sending')`,
  finish: `
    UPDATE outbound_messages
    SET state = $3, reason = $4, claim_token = NULL, lease_until_ms = NULL, updated_at = $5
    WHERE key = $1 AND claim_token = $2 AND state IN ('claimed', 'sending')`,
  recentSends: `
    SELECT tenant_id, conversation_id, sent_at_ms FROM outbound_messages
    WHERE state = 'sent' AND sent_at_ms >= $1 ORDER BY sent_at_ms`,
  nextDue: `
    SELECT (SELECT min(not_before_ms) FROM outbound_messages WHERE state = 'pending') AS pending,
           (SELECT min(lease_until_ms) FROM outbound_messages WHERE state IN ('claimed', 'sending')) AS leased`,
  get: `SELECT ${ROW} FROM outbound_messages WHERE key = $1`,
  countByState: 'SELECT state, count(*) AS n FROM outbound_messages GROUP BY state',
};
