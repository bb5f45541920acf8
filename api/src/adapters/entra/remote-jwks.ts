import { createRemoteJWKSet, customFetch, type JWTVerifyGetKey } from 'jose';
import type { FetchFunction } from '../http/trusted-fetch.ts';

/** The authority's published signing keys, cached and refreshed on an unknown `kid` (key rollover). */
export function createRemoteKeys(jwksUri: string, fetchFunction: FetchFunction): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL(jwksUri), {
    [customFetch]: (url: string, init: RequestInit) => fetchFunction(url, init),
    timeoutDuration: 5_000,
    cooldownDuration: 30_000,
  });
}
