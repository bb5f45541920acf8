import type { RandomBytes } from '../events/event-ids.ts';

/**
 * Delta tokens carry the window they were issued for, so even an expired token can point the client at a
 * fresh initial sync (Graph's 410 may carry such a `Location`, docs/reference/graph-calendar.md §5).
 */
export function newDeltaToken(random: RandomBytes, fromMs: number, toMs: number): string {
  const payload = {
    s: new Date(fromMs).toISOString(),
    e: new Date(toMs).toISOString(),
    k: Buffer.from(random(12)).toString('hex'),
  };
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

export function windowOfToken(token: string): { start: string; end: string } | undefined {
  try {
    const payload = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { s?: unknown; e?: unknown };
    if (typeof payload.s === 'string' && typeof payload.e === 'string') return { start: payload.s, end: payload.e };
  } catch {
    // Not one of ours: the caller answers syncStateNotFound without a Location.
  }
  return undefined;
}
