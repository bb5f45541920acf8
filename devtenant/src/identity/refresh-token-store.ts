import { randomBytes } from 'node:crypto';

export interface RefreshGrant {
  clientId: string;
  userId: string;
  /** The scope string of the original request, so a refresh without `scope` gets the same token again. */
  scope: string;
  issuedAt: number;
  expiresAt: number;
  /** Tokens redeemed from a browser origin (SPA) live 24 hours and cannot be extended (Entra's SPA rule). */
  spa: boolean;
  revoked: boolean;
}

export interface RefreshTokenStore {
  issue(grant: Omit<RefreshGrant, 'revoked'>): string;
  find(token: string): RefreshGrant | undefined;
  /** Revokes every refresh token of the user (optionally only one client's); returns how many. */
  revokeUser(userId: string, clientId?: string): number;
  snapshot(): Record<string, RefreshGrant>;
  restore(snapshot: Record<string, RefreshGrant>): void;
  clear(): void;
}

export function createRefreshTokenStore(): RefreshTokenStore {
  let tokens = new Map<string, RefreshGrant>();
  return {
    issue(grant) {
      // Opaque to clients, like Entra's (which begin with a version marker such as `1.A`).
      const token = `1.A${randomBytes(96).toString('base64url')}`;
      tokens.set(token, { ...grant, revoked: false });
      return token;
    },
    find: (token) => tokens.get(token),
    revokeUser(userId, clientId) {
      let count = 0;
      for (const grant of tokens.values()) {
        const sameUser = grant.userId.toLowerCase() === userId.toLowerCase();
        const sameClient = !clientId || grant.clientId.toLowerCase() === clientId.toLowerCase();
        if (sameUser && sameClient && !grant.revoked) {
          grant.revoked = true;
          count += 1;
        }
      }
      return count;
    },
    snapshot: () => Object.fromEntries([...tokens].map(([token, grant]) => [token, { ...grant }])),
    restore(snapshot) {
      tokens = new Map(Object.entries(snapshot).map(([token, grant]) => [token, { ...grant }]));
    },
    clear() {
      tokens.clear();
    },
  };
}

/** Entra's defaults: 90 days for confidential and native clients, 24 hours for SPAs. */
export const REFRESH_TOKEN_LIFETIME_MS = 90 * 24 * 3600 * 1000;
export const SPA_REFRESH_TOKEN_LIFETIME_MS = 24 * 3600 * 1000;
