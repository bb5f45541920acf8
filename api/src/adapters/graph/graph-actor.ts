import type { Client } from '@microsoft/microsoft-graph-client';
import type { GraphTokenProvider } from '../../ports/graph-token-provider.ts';
import type { GraphActor, MailboxRef } from '../../ports/scheduling-gateway.ts';
import type { GraphCaller } from './graph-activity-handler.ts';
import type { GraphClientFactory } from './graph-client-factory.ts';

/**
 * Delegated scopes for the per-user mode: read and write the user's calendar (Calendars.ReadWrite also
 * covers getSchedule), mailbox settings for zone and working hours, and `offline_access` so Entra issues the
 * refresh token that background work (`stored-user`) runs on.
 */
export const DELEGATED_SCOPES = ['User.Read', 'Calendars.ReadWrite', 'MailboxSettings.Read', 'offline_access'] as const;

export interface GraphActorDeps {
  tokens: GraphTokenProvider;
  createClient: GraphClientFactory;
}

/** The Graph token an actor runs under (see GraphActor). */
function tokenFor(tokens: GraphTokenProvider, actor: GraphActor): Promise<string> {
  switch (actor.kind) {
    case 'user':
      return tokens.forUser(actor.identity, DELEGATED_SCOPES);
    case 'stored-user':
      return tokens.forStoredUser(actor.tenantId, actor.userId, DELEGATED_SCOPES);
    case 'app':
      return tokens.forApp(actor.tenantId);
  }
}

/**
 * A Graph client for the actor. The token is acquired first: inside the client an authentication failure
 * would become a generic client error and lose its code (consent_required, connection_expired).
 */
export async function clientFor(deps: GraphActorDeps, actor: GraphActor): Promise<Client> {
  const token = await tokenFor(deps.tokens, actor);
  return deps.createClient(async () => token, callerOf(actor));
}

/** Whom the client's requests are credited to (graph-activity-handler.ts). */
function callerOf(actor: GraphActor): GraphCaller {
  switch (actor.kind) {
    case 'user':
      return { tenantId: actor.identity.tenantId, userId: actor.identity.userId };
    case 'stored-user':
      return { tenantId: actor.tenantId, userId: actor.userId };
    case 'app':
      return { tenantId: actor.tenantId, userId: null };
  }
}

/**
 * `/me` for a delegated actor on their own mailbox; `/users/{id}` otherwise (app-only must name the user,
 * docs/reference/graph-calendar.md §8).
 */
export function mailboxPath(actor: GraphActor, mailbox: MailboxRef): string {
  const self =
    (actor.kind === 'user' && actor.identity.userId.toLowerCase() === mailbox.userId.toLowerCase()) ||
    (actor.kind === 'stored-user' && actor.userId.toLowerCase() === mailbox.userId.toLowerCase());
  return self ? '/me' : `/users/${encodeURIComponent(mailbox.userId)}`;
}

/** Graph answers in UTC when asked (docs/reference/graph-calendar.md §9); Confer converts to instants at once. */
export const PREFER_UTC = 'outlook.timezone="UTC"';
