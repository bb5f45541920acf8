import type { DirectoryStore } from '../directory/directory-store.ts';
import type { Clock } from '../graph/context.ts';
import type { AppRegistry } from './app-registry.ts';
import type { AppRoleAssignmentStore } from './app-role-assignments.ts';
import type { AuthCodeStore } from './auth-code-store.ts';
import type { ConsentStore } from './consent-store.ts';
import type { RefreshTokenStore } from './refresh-token-store.ts';
import type { SigningKey } from './signing-keys.ts';
import type { TokenIssuer } from './token-issuer.ts';

/** What Entra's endpoints need: the tenant, its apps and people, consent, role assignments and token machinery. */
export interface IdentityDeps {
  origin: string;
  tenantId: string;
  clock: Clock;
  key: SigningKey;
  issuer: TokenIssuer;
  apps: AppRegistry;
  directory: DirectoryStore;
  consent: ConsentStore;
  appRoles: AppRoleAssignmentStore;
  refreshTokens: RefreshTokenStore;
  codes: AuthCodeStore;
}

/** Tenant path segments Entra accepts for a single-tenant app: the id, the verified domain, and the aliases. */
export function isKnownTenant(deps: IdentityDeps, segment: string): boolean {
  const s = segment.toLowerCase();
  return s === deps.tenantId || s === deps.directory.domain || s === 'common' || s === 'organizations';
}
