import { randomBytes } from 'node:crypto';

export interface AuthorizationGrant {
  clientId: string;
  redirectUri: string;
  userId: string;
  scope: string;
  nonce: string | undefined;
  codeChallenge: string | undefined;
  codeChallengeMethod: 'S256' | 'plain' | undefined;
  expiresAt: number;
  redeemed: boolean;
}

/** Entra's authorization codes are single use and live about 10 minutes. */
export const AUTHORIZATION_CODE_LIFETIME_MS = 10 * 60 * 1000;

export interface AuthCodeStore {
  issue(grant: Omit<AuthorizationGrant, 'redeemed'>): string;
  find(code: string): AuthorizationGrant | undefined;
  prune(now: number): void;
}

export function createAuthCodeStore(): AuthCodeStore {
  const codes = new Map<string, AuthorizationGrant>();
  return {
    issue(grant) {
      const code = `1.A${randomBytes(48).toString('base64url')}`;
      codes.set(code, { ...grant, redeemed: false });
      return code;
    },
    find: (code) => codes.get(code),
    prune(now) {
      // Keep redeemed codes until expiry so a replay still gets "already redeemed", not "unknown".
      for (const [code, grant] of codes) if (grant.expiresAt < now) codes.delete(code);
    },
  };
}
