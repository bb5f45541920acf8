import type { SqliteDatabase } from './database.ts';

/** The queue's SQL, prepared once per connection. Every worker write is conditional on the claim token. */
export function prepareOutboundStatements(db: SqliteDatabase) {
  return {
    insert: db.prepare(`
      INSERT INTO outbound_messages
        (key, tenant_id, user_id, kind, payload_json, not_before_ms, state, created_at, updated_at)
      VALUES (@key, @tenantId, @userId, @kind, @payload, @notBefore, 'pending', @now, @now)
      ON CONFLICT (key) DO NOTHING`),
    cancel: db.prepare(`
      DELETE FROM outbound_messages
      WHERE key >= @prefix AND key < @upper AND state IN ('pending', 'claimed')`),
    // One statement, so two workers (or processes) can never take the same row: SQLite runs it under
    // the database's write lock. Each branch walks its own partial index in due order.
    claim: db.prepare(`
      UPDATE outbound_messages
      SET state = CASE state WHEN 'sending' THEN 'sending' ELSE 'claimed' END,
          claim_token = @token, lease_until_ms = @leaseUntil, updated_at = @now
      WHERE key IN (
        SELECT key FROM (
          SELECT key, due FROM (
            SELECT key, not_before_ms AS due FROM outbound_messages
            WHERE state = 'pending' AND not_before_ms <= @nowMs ORDER BY not_before_ms LIMIT @limit)
          UNION ALL
          SELECT key, due FROM (
            SELECT key, lease_until_ms AS due FROM outbound_messages
            WHERE state IN ('claimed', 'sending') AND lease_until_ms <= @nowMs ORDER BY lease_until_ms LIMIT @limit)
        ) ORDER BY due LIMIT @limit)
      RETURNING *`),
    markSending: db.prepare(`
      UPDATE outbound_messages
      SET state = 'sending', delivery_id = @deliveryId, conversation_id = @conversationId,
          attempts = attempts + 1, lease_until_ms = @leaseUntil, updated_at = @now
      WHERE key = @key AND claim_token = @token AND state IN ('claimed', 'sending')`),
    markSent: db.prepare(`
      UPDATE outbound_messages
      SET state = 'sent', activity_id = @activityId, sent_at_ms = @sentAt, claim_token = NULL,
          lease_until_ms = NULL, last_error = NULL, updated_at = @now
      WHERE key = @key AND claim_token = @token AND state = 'sending'`),
    release: db.prepare(`
      UPDATE outbound_messages
      SET state = CASE WHEN @inDoubt = 1 AND delivery_id IS NOT NULL THEN 'sending' ELSE 'pending' END,
          claim_token = CASE WHEN @inDoubt = 1 AND delivery_id IS NOT NULL THEN 'released:' || @token END,
          lease_until_ms = CASE WHEN @inDoubt = 1 AND delivery_id IS NOT NULL THEN @notBefore END,
          not_before_ms = @notBefore, attempts = attempts + @counted,
          last_error = COALESCE(@error, last_error), updated_at = @now
      WHERE key = @key AND claim_token = @token AND state IN ('claimed', 'sending')`),
    finish: db.prepare(`
      UPDATE outbound_messages
      SET state = @state, reason = @reason, claim_token = NULL, lease_until_ms = NULL, updated_at = @now
      WHERE key = @key AND claim_token = @token AND state IN ('claimed', 'sending')`),
    recentSends: db.prepare(`
      SELECT tenant_id, conversation_id, sent_at_ms FROM outbound_messages
      WHERE state = 'sent' AND sent_at_ms >= ? ORDER BY sent_at_ms`),
    nextPending: db.prepare(`SELECT min(not_before_ms) AS at FROM outbound_messages WHERE state = 'pending'`),
    nextLease: db.prepare(
      `SELECT min(lease_until_ms) AS at FROM outbound_messages WHERE state IN ('claimed', 'sending')`,
    ),
    get: db.prepare('SELECT * FROM outbound_messages WHERE key = ?'),
    countByState: db.prepare('SELECT state, count(*) AS n FROM outbound_messages GROUP BY state'),
  };
}
