import { viewerTimeZoneSchema } from '@confer/contracts';
import { type AuthedApi, callApi } from '../lib/authed-api.ts';

/**
 * The zone to show times in: the person's own override from Settings, else their Outlook mailbox zone (what
 * Outlook shows them) — one small read the API answers (`GET /api/me/time-zone`) —, else the device's. A failure
 * falls back rather than blocking the tab; the page that needs the failing call shows its error itself.
 */
export async function resolveViewerZone(api: AuthedApi, deviceZone: string): Promise<string> {
  const answer = await callApi(api, 'GET', '/api/me/time-zone', viewerTimeZoneSchema).catch(() => null);
  return answer?.timeZone ?? deviceZone;
}

export function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
