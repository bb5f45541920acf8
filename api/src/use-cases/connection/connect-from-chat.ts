import { AppError } from '../../domain/app-error.ts';
import type { Identity } from '../../ports/identity.ts';
import { settingsOf } from '../admin/tenant-settings.ts';
import { type ConnectionDeps, connect } from './my-connection.ts';

/** `connect` for someone who never had a usable connection, `reconnect` for someone whose connection lapsed. */
export type ChatSignInWording = 'connect' | 'reconnect';

export type ChatConnectResult =
  | { ok: true }
  | { ok: false; reason: 'consent_required' | 'wrong_person' | 'outside_scope' | 'invalid_token' };

/**
 * Whether the bot must sign the person in before acting for them: only in per-user mode with the integration on,
 * and only when their stored connection is not usable. Someone whose admin keeps them out (`outside_scope`) is
 * not asked to sign in — signing in would not help; the action says why, as before.
 */
export async function chatSignInNeeded(
  deps: Pick<ConnectionDeps, 'tenants' | 'defaultConnectionMode'>,
  tenantId: string,
  userId: string,
): Promise<ChatSignInWording | null> {
  const settings = await settingsOf(deps.tenants, tenantId, deps.defaultConnectionMode);
  if (!settings.integrationEnabled || settings.connectionMode !== 'user') return null;
  const user = await deps.tenants.getUser(tenantId, userId);
  switch (user?.connectionStatus) {
    case 'connected':
    case 'outside_scope':
      return null;
    case 'consent_required':
    case 'expired':
      return 'reconnect';
    default:
      // Never connected, or disconnected on purpose: either way there is nothing to "re"-connect.
      return 'connect';
  }
}

/**
 * Connects from the chat with the token the user-token service handed the bot (Confer's API, `access_as_user`):
 * the same `connect` the tab's Connect runs — On-Behalf-Of to Graph, the refresh token into the encrypted cache,
 * the status stored. The token must be the acting person's own: someone signing in to the link as another
 * account changes nothing.
 */
export async function connectFromChat(
  deps: ConnectionDeps,
  validate: (token: string) => Promise<Identity>,
  person: { tenantId: string; userId: string },
  token: string,
): Promise<ChatConnectResult> {
  let identity: Identity;
  try {
    identity = await validate(token);
  } catch (error) {
    if (error instanceof AppError) return { ok: false, reason: 'invalid_token' };
    throw error;
  }
  const samePerson =
    identity.tenantId.toLowerCase() === person.tenantId.toLowerCase() &&
    identity.userId.toLowerCase() === person.userId.toLowerCase();
  if (!samePerson) return { ok: false, reason: 'wrong_person' };
  try {
    const view = await connect(deps, identity);
    if (view.status === 'connected') return { ok: true };
    if (view.status === 'outside_scope') return { ok: false, reason: 'outside_scope' };
    // consent_required, or expired (interaction required): the interactive sign-in is the way on.
    return { ok: false, reason: 'consent_required' };
  } catch (error) {
    if (error instanceof AppError && error.code === 'integration_off') return { ok: false, reason: 'outside_scope' };
    throw error;
  }
}
