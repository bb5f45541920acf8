import type { ActionFailureCode, ActionResult } from '@confer/bot/ports';
import type { ErrorCode } from '@confer/contracts';
import { AppError } from '../../domain/app-error.ts';

/**
 * What a card says for each API code. Every code has an entry, so a new one is decided here; the API's
 * code passes through when the card has the same words for it, and anything the person can only retry
 * is `unavailable`. The HTTP-edge and token codes cannot reach a bot action (the bot calls the use cases
 * directly, for the activity's person) and read as `unavailable` should one ever do so.
 */
const failures: Record<ErrorCode, ActionFailureCode> = {
  not_found: 'not_found',
  unknown_person: 'not_found',
  forbidden: 'forbidden',
  version_conflict: 'version_conflict',
  conflict: 'version_conflict',
  meeting_not_editable: 'meeting_not_editable',
  bad_request: 'validation_failed',
  validation_failed: 'validation_failed',
  conflicts_found: 'conflicts_found',
  consent_required: 'not_connected',
  interaction_required: 'not_connected',
  connection_expired: 'not_connected',
  not_connected: 'not_connected',
  outside_access_policy: 'not_connected',
  mailbox_not_enabled: 'not_connected',
  graph_throttled: 'unavailable',
  graph_unavailable: 'unavailable',
  graph_bad_response: 'unavailable',
  graph_error: 'unavailable',
  graph_duplicate_transaction: 'unavailable',
  sync_state_lost: 'unavailable',
  subscription_refused: 'not_connected',
  // The organisation switched Outlook off: said as such, never answered with a way to connect.
  integration_off: 'integration_off',
  admin_required: 'forbidden',
  disconnect_forbidden: 'forbidden',
  consent_request_invalid: 'forbidden',
  access_test_running: 'unavailable',
  // Only the guest page and the organizer's offer routes raise these; a card never offers those steps.
  guest_link_invalid: 'not_found',
  guest_link_used: 'version_conflict',
  guest_link_expired: 'meeting_not_editable',
  guest_link_revoked: 'meeting_not_editable',
  guest_time_not_offered: 'validation_failed',
  guest_not_external: 'validation_failed',
  store_unavailable: 'unavailable',
  teams_link_missing: 'unavailable',
  authority_unavailable: 'unavailable',
  internal_error: 'unavailable',
  rate_limited: 'unavailable',
  payload_too_large: 'unavailable',
  unsupported_media_type: 'unavailable',
  host_not_allowed: 'unavailable',
  token_missing: 'unavailable',
  token_malformed: 'unavailable',
  token_expired: 'unavailable',
  token_not_yet_valid: 'unavailable',
  token_invalid_signature: 'unavailable',
  token_invalid_audience: 'unavailable',
  token_invalid_issuer: 'unavailable',
  token_wrong_tenant: 'unavailable',
  token_missing_scope: 'unavailable',
  token_unsupported_algorithm: 'unavailable',
  token_invalid: 'unavailable',
};

/**
 * A use case's answer as the bot's result: refusals (AppError) become a code the card can show;
 * anything else is a fault and is thrown on, for the bot to log.
 */
export async function attempt<T>(run: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { ok: false, code: failures[error.code], message: error.message };
  }
}
