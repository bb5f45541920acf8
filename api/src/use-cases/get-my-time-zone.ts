import type { ViewerTimeZoneDto } from '@confer/contracts';
import type { CalendarGateway } from '../ports/calendar-gateway.ts';
import type { Identity } from '../ports/identity.ts';
import type { TenantStore } from '../ports/tenant-store.ts';
import { assertIntegrationOn, settingsOf } from './admin/tenant-settings.ts';
import { assertNotDisconnected } from './connection/connection-guard.ts';

/**
 * The zone the person sees times in: their override from Settings (no Graph read), else their mailbox's zone as
 * Outlook shows it — read fresh, since they may have changed it in Outlook — through the same guards as their week.
 */
export async function getMyTimeZone(
  deps: { calendar: Pick<CalendarGateway, 'getProfile'>; tenants?: Pick<TenantStore, 'getUser' | 'getSettings'> },
  identity: Identity,
): Promise<ViewerTimeZoneDto> {
  if (deps.tenants) {
    const user = await deps.tenants.getUser(identity.tenantId, identity.userId);
    const override = user?.preferences.timeZoneOverride;
    if (override) return { timeZone: override, source: 'override' };
    assertIntegrationOn(await settingsOf(deps.tenants, identity.tenantId, 'user'));
    await assertNotDisconnected(deps.tenants, identity);
  }
  const profile = await deps.calendar.getProfile(identity);
  return { timeZone: profile.timeZone, source: 'mailbox' };
}
