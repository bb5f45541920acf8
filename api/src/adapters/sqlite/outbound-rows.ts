import type { ClaimedJob, OutboundRecord, OutboundState } from '@confer/bot/delivery';
import type { OutboundMessage } from '@confer/bot/ports';

export interface OutboundRow {
  key: string;
  tenant_id: string;
  user_id: string;
  kind: string;
  payload_json: string;
  not_before_ms: number;
  state: OutboundState;
  attempts: number;
  claim_token: string | null;
  lease_until_ms: number | null;
  delivery_id: string | null;
  conversation_id: string | null;
  activity_id: string | null;
  last_error: string | null;
  reason: string | null;
  sent_at_ms: number | null;
}

export function toMessage(row: OutboundRow): OutboundMessage {
  return {
    key: row.key,
    tenantId: row.tenant_id,
    userId: row.user_id,
    kind: row.kind as OutboundMessage['kind'],
    payload: JSON.parse(row.payload_json) as Record<string, unknown>,
    notBefore: new Date(row.not_before_ms),
  };
}

export function toClaimedJob(row: OutboundRow): ClaimedJob {
  return {
    message: toMessage(row),
    state: row.state === 'sending' ? 'sending' : 'claimed',
    claimToken: row.claim_token ?? '',
    attempts: row.attempts,
    deliveryId: row.delivery_id,
  };
}

export function toRecord(row: OutboundRow): OutboundRecord {
  return {
    key: row.key,
    state: row.state,
    attempts: row.attempts,
    deliveryId: row.delivery_id,
    activityId: row.activity_id,
    reason: row.reason,
    sentAt: row.sent_at_ms === null ? null : new Date(row.sent_at_ms),
  };
}
