import { z } from 'zod';
import { AppError } from '../../domain/app-error.ts';
import type { GraphTokenProvider } from '../../ports/graph-token-provider.ts';
import type { AppConsentProbe } from '../../ports/incident-signals.ts';

const appTokenClaims = z.object({ roles: z.array(z.string()).optional() });

/**
 * Asks the authority for a fresh application token and reads which application permissions it carries (its
 * `roles`, docs/reference/teams-platform.md §3). A cached token would keep the roles it was issued with for up to
 * an hour after an admin revoked consent, so the cache is skipped. The token is only read, never trusted: Graph
 * checks it, this only says what was granted.
 */
export function createAppConsentProbe(tokens: Pick<GraphTokenProvider, 'forApp'>) {
  return async (tenantId: string): Promise<AppConsentProbe> => {
    let token: string;
    try {
      token = await tokens.forApp(tenantId, { forceRefresh: true });
    } catch (error) {
      if (error instanceof AppError && error.code === 'consent_required') {
        return { outcome: 'consent_missing', detail: error.message };
      }
      return { outcome: 'unknown', detail: error instanceof Error ? error.message : String(error) };
    }
    const claims = appTokenClaims.safeParse(decodePayload(token));
    if (!claims.success) return { outcome: 'unknown', detail: 'The application token is not a readable JWT.' };
    return { outcome: 'granted', roles: claims.data.roles ?? [] };
  };
}

function decodePayload(token: string): unknown {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    // Not JSON: reported as an unreadable token by the caller.
    return null;
  }
}
