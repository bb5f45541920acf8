import type { AdminConsentGrant } from '../core/options.ts';

export interface ConsentSnapshot {
  admin: Record<string, AdminConsentGrant>;
  /** `{clientId}|{userId}` → delegated Graph scopes the user consented to. */
  user: Record<string, string[]>;
}

/**
 * Consent for Microsoft Graph permissions, per tenant (admin consent: delegated scopes for everyone plus
 * application roles) and per user (delegated scopes the user accepted on the consent screen). Entra checks
 * it when issuing tokens; a revoked grant does not invalidate access tokens already issued.
 */
export interface ConsentStore {
  adminGrant(clientId: string): AdminConsentGrant | undefined;
  grantAdmin(clientId: string, grant: AdminConsentGrant): void;
  revokeAdmin(clientId: string): void;
  userScopes(clientId: string, userId: string): readonly string[];
  grantUser(clientId: string, userId: string, scopes: readonly string[]): void;
  revokeUser(clientId: string, userId: string): void;
  /** Delegated Graph scopes in force for this user and client (admin ∪ user consent). */
  delegatedScopes(clientId: string, userId: string): string[];
  applicationRoles(clientId: string): string[];
  snapshot(): ConsentSnapshot;
  restore(snapshot: ConsentSnapshot): void;
}

export function createConsentStore(initial: ConsentSnapshot): ConsentStore {
  let state = clone(initial);
  const key = (clientId: string, userId: string) => `${clientId.toLowerCase()}|${userId.toLowerCase()}`;
  return {
    adminGrant: (clientId) => state.admin[clientId.toLowerCase()],
    grantAdmin(clientId, grant) {
      state.admin[clientId.toLowerCase()] = { delegated: [...grant.delegated], roles: [...grant.roles] };
    },
    revokeAdmin(clientId) {
      delete state.admin[clientId.toLowerCase()];
    },
    userScopes: (clientId, userId) => state.user[key(clientId, userId)] ?? [],
    grantUser(clientId, userId, scopes) {
      const existing = state.user[key(clientId, userId)] ?? [];
      state.user[key(clientId, userId)] = [...new Set([...existing, ...scopes])];
    },
    revokeUser(clientId, userId) {
      delete state.user[key(clientId, userId)];
    },
    delegatedScopes(clientId, userId) {
      const admin = state.admin[clientId.toLowerCase()]?.delegated ?? [];
      return [...new Set([...admin, ...(state.user[key(clientId, userId)] ?? [])])];
    },
    applicationRoles: (clientId) => [...(state.admin[clientId.toLowerCase()]?.roles ?? [])],
    snapshot: () => clone(state),
    restore(snapshot) {
      state = clone(snapshot);
    },
  };
}

function clone(snapshot: ConsentSnapshot): ConsentSnapshot {
  return structuredClone(snapshot);
}
