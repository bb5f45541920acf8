import type { WeekResponse } from '@confer/contracts';
import { weekWindow } from '../domain/week-window.ts';
import type { CalendarGateway } from '../ports/calendar-gateway.ts';
import type { Clock } from '../ports/clock.ts';
import type { Identity } from '../ports/identity.ts';
import type { TenantStore } from '../ports/tenant-store.ts';
import { assertIntegrationOn, settingsOf } from './admin/tenant-settings.ts';
import { assertNotDisconnected } from './connection/connection-guard.ts';

/** The signed-in person's next 7 days, in their mailbox's time zone, read on their behalf. */
export async function getMyWeek(
  deps: { calendar: CalendarGateway; clock: Clock; tenants?: Pick<TenantStore, 'getUser' | 'getSettings'> },
  identity: Identity,
): Promise<WeekResponse> {
  if (deps.tenants) {
    // The mode does not matter here (the week is always read as the person); only the integration switch does.
    assertIntegrationOn(await settingsOf(deps.tenants, identity.tenantId, 'user'));
    await assertNotDisconnected(deps.tenants, identity);
  }
  const profile = await deps.calendar.getProfile(identity);
  const window = weekWindow(deps.clock.now(), profile.timeZone);
  const entries = await deps.calendar.listCalendarView(identity, window);
  return {
    user: profile,
    window: { start: window.start.toISOString(), end: window.end.toISOString() },
    events: entries
      .filter((entry) => entry.type !== 'seriesMaster')
      .sort((a, b) => a.start.getTime() - b.start.getTime() || a.end.getTime() - b.end.getTime())
      .map((entry) => ({ ...entry, start: entry.start.toISOString(), end: entry.end.toISOString() })),
  };
}
