import { AppError } from '../../domain/app-error.ts';
import type { Identity } from '../../ports/identity.ts';
import type { GraphActor, MailboxRef } from '../../ports/scheduling-gateway.ts';
import type { ConnectionMode } from '../../ports/tenant-store.ts';
import type { SchedulingDeps } from './scheduling-deps.ts';

/** The signed-in person as the scheduling use cases see them. */
export interface Caller {
  identity: Identity;
  mailbox: MailboxRef;
  displayName: string;
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

export async function connectionModeOf(deps: SchedulingDeps, tenantId: string): Promise<ConnectionMode> {
  return (await deps.tenants.getSettings(tenantId))?.connectionMode ?? deps.defaultConnectionMode;
}

/** Whose authority Graph calls made for this caller run under, by the tenant's connection mode. */
export async function actorFor(deps: SchedulingDeps, caller: Caller): Promise<GraphActor> {
  const mode = await connectionModeOf(deps, caller.identity.tenantId);
  return mode === 'tenant'
    ? { kind: 'app', tenantId: caller.identity.tenantId }
    : { kind: 'user', identity: caller.identity };
}

/** Acting for someone who is not the caller (an attendee's copy, a background job). */
export async function actorForUser(deps: SchedulingDeps, tenantId: string, userId: string): Promise<GraphActor> {
  const mode = await connectionModeOf(deps, tenantId);
  return mode === 'tenant' ? { kind: 'app', tenantId } : { kind: 'stored-user', tenantId, userId };
}
