import { z } from 'zod';

/**
 * Every code the API answers with in `{ error: { code } }`. The API raises only these, the tab compares
 * against them, and the bot maps them to its card codes, so renaming or removing one is a type error in
 * every place that relies on it. A new code is added here first.
 */
export const errorCodeSchema = z.enum([
  // Request validation
  'bad_request',
  'validation_failed',
  'not_found',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'host_not_allowed',
  // Scheduling decisions
  'forbidden',
  'unknown_person',
  'conflicts_found',
  'version_conflict',
  'meeting_not_editable',
  // Authentication of the caller (API token)
  'token_missing',
  'token_malformed',
  'token_expired',
  'token_not_yet_valid',
  'token_invalid_signature',
  'token_invalid_audience',
  'token_invalid_issuer',
  'token_wrong_tenant',
  'token_missing_scope',
  'token_unsupported_algorithm',
  'token_invalid',
  'authority_unavailable',
  // Calendar connection (Graph on behalf of the user or the tenant)
  'consent_required',
  'interaction_required',
  'connection_expired',
  'mailbox_not_enabled',
  'outside_access_policy',
  'graph_throttled',
  'graph_unavailable',
  'graph_bad_response',
  'graph_error',
  // Calendar connection state and event writes (scheduling core)
  'not_connected',
  'conflict',
  'teams_link_missing',
  'graph_duplicate_transaction',
  // Outlook sync (change notifications and delta)
  'sync_state_lost',
  'subscription_refused',
  // Administration (the Confer.Admin role and the tenant's settings)
  'admin_required',
  'disconnect_forbidden',
  'integration_off',
  'consent_request_invalid',
  'access_test_running',
  // Guests outside the tenant picking a time through a signed link (docs/guest-links.md)
  'guest_link_invalid',
  'guest_link_used',
  'guest_link_expired',
  'guest_link_revoked',
  'guest_time_not_offered',
  'guest_not_external',
  // Confer's own database (PostgreSQL restarting, connections dropped): retryable, nothing was half-written
  'store_unavailable',
  'internal_error',
]);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** The codes by name (`ErrorCodes.version_conflict`), for comparisons that break when a code is renamed. */
export const ErrorCodes = errorCodeSchema.enum;
