import type { TenantMembership } from '@confer/bot';
import { isObjectId } from '@confer/contracts';
import { isAppError } from '../../domain/app-error.ts';
import type { Logger } from '../../logging/logger.ts';
import type { Clock } from '../../ports/clock.ts';
import type { DirectoryGateway } from '../../ports/directory.ts';
import type { TenantStore } from '../../ports/tenant-store.ts';

/** Confirmed people stay confirmed for an hour; a "no" is asked again after five minutes (a new hire). */
const MEMBER_TTL_MS = 60 * 60_000;
const NOT_MEMBER_TTL_MS = 5 * 60_000;
/** Bounded, so activities naming random object ids cannot grow it without end. */
const MAX_ENTRIES = 10_000;

/**
 * Looks the person behind a bot activity up in the tenant: someone who has signed in to Confer there is a
 * member; otherwise Graph is asked with the app's own permission (`/users/{id}`, User.Read.All), whose 404
 * says the tenant has nobody by that id. Without that permission (per-user mode without admin consent) or
 * without an answer the result is `unknown`.
 */
export function createTenantMembership(deps: {
  directory: Pick<DirectoryGateway, 'hasUser'>;
  tenants: TenantStore;
  clock: Clock;
  logger: Logger;
}): TenantMembership {
  const cache = new Map<string, { answer: 'member' | 'not_member'; until: number }>();
  const remember = (key: string, answer: 'member' | 'not_member') => {
    cache.delete(key);
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
    const ttl = answer === 'member' ? MEMBER_TTL_MS : NOT_MEMBER_TTL_MS;
    cache.set(key, { answer, until: deps.clock.now().getTime() + ttl });
    return answer;
  };

  return async (tenantId, aadObjectId) => {
    // Entra object ids are GUIDs (in the local tenant also the Playground's people): anything else is nobody's.
    if (!isObjectId(tenantId, aadObjectId)) return 'not_member';
    const key = `${tenantId}|${aadObjectId.toLowerCase()}`;
    const cached = cache.get(key);
    if (cached && cached.until > deps.clock.now().getTime()) return cached.answer;
    if (await deps.tenants.getUser(tenantId, aadObjectId)) return remember(key, 'member');
    try {
      const found = await deps.directory.hasUser({ kind: 'app', tenantId }, aadObjectId);
      return remember(key, found ? 'member' : 'not_member');
    } catch (error) {
      deps.logger.info('bot.membership_unknown', {
        tenantId,
        aadObjectId,
        reason: isAppError(error) ? error.code : String(error),
      });
      return 'unknown';
    }
  };
}
