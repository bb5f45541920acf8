import { AppError } from '../../domain/app-error.ts';
import type { ConnectionMode, ConnectionStatus } from '../../ports/tenant-store.ts';
import { DELEGATED_SCOPES, type GraphActorDeps } from './graph-actor.ts';
import { call } from './graph-call.ts';

export type CheckConnection = (tenantId: string, userId: string, mode: ConnectionMode) => Promise<ConnectionStatus>;

/**
 * A user's connection health, for the use cases to store and show: connections must not die silently
 * (docs/reference/user-expectations.md §3).
 * One cheap Graph call on the user's mailbox with the mode's own credentials — `mailboxSettings`, which both
 * modes may read — after proving the credentials: in per-user mode the stored refresh token is redeemed
 * (`forceRefresh`), so a revoked or expired one shows now, not at the next meeting.
 */
export function createConnectionProbe(deps: GraphActorDeps): CheckConnection {
  return async (tenantId, userId, mode) => {
    try {
      const token =
        mode === 'user'
          ? await deps.tokens.forStoredUser(tenantId, userId, DELEGATED_SCOPES, { forceRefresh: true })
          : await deps.tokens.forApp(tenantId);
      const client = deps.createClient(async () => token, { tenantId, userId: mode === 'user' ? userId : null });
      const path = mode === 'user' ? '/me/mailboxSettings' : `/users/${encodeURIComponent(userId)}/mailboxSettings`;
      await call(() => client.api(path).select('timeZone').get());
      return 'connected';
    } catch (error) {
      return statusOf(error);
    }
  };
}

function statusOf(error: unknown): ConnectionStatus {
  if (!(error instanceof AppError)) throw error;
  switch (error.code) {
    case 'not_connected':
      return 'not_connected';
    case 'consent_required':
      return 'consent_required';
    case 'connection_expired':
    case 'interaction_required':
      return 'expired';
    case 'outside_access_policy':
    case 'mailbox_not_enabled':
    case 'not_found':
      return 'outside_scope';
    default:
      // Throttling and outages say nothing about the connection: the caller keeps the last known status.
      throw error;
  }
}
