import { AppError } from '../../domain/app-error.ts';
import type { Identity } from '../../ports/identity.ts';
import type { GraphActor, MailboxRef } from '../../ports/scheduling-gateway.ts';
import type { ConnectionMode, TenantStore } from '../../ports/tenant-store.ts';
import { assertIntegrationOn, settingsOf } from '../admin/tenant-settings.ts';
import { assertNotDisconnected } from '../connection/connection-guard.ts';

/** What choosing a Graph actor reads: the tenant's settings (and, per-user, whether the caller disconnected). */
export interface ActorDeps {
  tenants: Pick<TenantStore, 'getSettings' | 'getUser'>;
  defaultConnectionMode: ConnectionMode;
}

/** The signed-in person as the scheduling use cases see them. */
export interface Caller {
  identity: Identity;
  mailbox: MailboxRef;
  displayName: string;
  /**
   * True when acting for someone without their API token in hand (a bot card click, a job): Graph calls
   * then run on the stored refresh token (per-user mode) or the app (tenant-wide mode).
   */
  background?: boolean;
}

export function callerFrom(identity: Identity): Caller {
  if (!identity.userPrincipalName) {
    throw new AppError('token_invalid', 'The token does not name the signed-in account (no preferred_username).');
  }
  return {
    identity,
    mailbox: { userId: identity.userId, email: identity.userPrincipalName.toLowerCase() },
    displayName: identity.name ?? identity.userPrincipalName,
  };
}

/** A person acted for in the background, e.g. from the bot (identity from the activity's aadObjectId). */
export function backgroundCaller(person: {
  tenantId: string;
  userId: string;
  email: string;
  displayName: string;
}): Caller {
  return {
    identity: {
      tenantId: person.tenantId,
      userId: person.userId,
      userPrincipalName: person.email,
      name: person.displayName,
      // Nobody acts as an admin in the background: roles come only from a signed-in person's token.
      roles: [],
      rawToken: '',
    },
    mailbox: { userId: person.userId, email: person.email.toLowerCase() },
    displayName: person.displayName,
    background: true,
  };
}

export async function connectionModeOf(deps: ActorDeps, tenantId: string): Promise<ConnectionMode> {
  return (await settingsOf(deps.tenants, tenantId, deps.defaultConnectionMode)).connectionMode;
}

/**
 * The mode Graph calls for this tenant run under. Every Graph call takes its actor from here, so a tenant whose
 * admin switched the integration off gets `integration_off` from the API, the bot and background work alike.
 */
async function graphModeOf(deps: ActorDeps, tenantId: string): Promise<ConnectionMode> {
  const settings = await settingsOf(deps.tenants, tenantId, deps.defaultConnectionMode);
  assertIntegrationOn(settings);
  return settings.connectionMode;
}

/** Whose authority Graph calls made for this caller run under, by the tenant's connection mode. */
export async function actorFor(deps: ActorDeps, caller: Caller): Promise<GraphActor> {
  if (caller.background) return actorForUser(deps, caller.identity.tenantId, caller.mailbox.userId);
  const mode = await graphModeOf(deps, caller.identity.tenantId);
  if (mode === 'tenant') return { kind: 'app', tenantId: caller.identity.tenantId };
  await assertNotDisconnected(deps.tenants, caller.identity);
  return { kind: 'user', identity: caller.identity };
}

/** Acting for someone who is not the caller (an attendee's copy, a background job). */
export async function actorForUser(deps: ActorDeps, tenantId: string, userId: string): Promise<GraphActor> {
  const mode = await graphModeOf(deps, tenantId);
  return mode === 'tenant' ? { kind: 'app', tenantId } : { kind: 'stored-user', tenantId, userId };
}
