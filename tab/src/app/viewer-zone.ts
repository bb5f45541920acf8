import { fetchWeek } from '../lib/api-client.ts';
import type { AuthedApi } from '../lib/authed-api.ts';
import { getPreferences } from '../lib/me-api.ts';

/**
 * The zone to show times in: the person's own override from Settings, else their Outlook mailbox zone (what
 * Outlook shows them), else the device's. A failure to read either falls back rather than blocking the tab;
 * the page that needs the failing call shows its error itself.
 */
export async function resolveViewerZone(api: AuthedApi, deviceZone: string): Promise<string> {
  // Both at once: most people have no override, and every page waits for the zone before it shows anything.
  // Someone with an override costs one mailbox read nobody uses.
  const week = fetchWeek(api, () => api.getToken()).catch(() => null);
  const preferences = await getPreferences(api).catch(() => null);
  if (preferences?.timeZoneOverride) return preferences.timeZoneOverride;
  return (await week)?.user.timeZone ?? deviceZone;
}

export function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
