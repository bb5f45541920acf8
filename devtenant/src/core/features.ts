import { createCalendarFeature } from '../calendar/index.ts';
import { createOnlineMeetingsFeature, type OnlineMeetingsFeature } from '../online-meetings/index.ts';
import { createSubscriptionsFeature, type SubscriptionsFeature } from '../subscriptions/index.ts';
import type { Tenant } from './tenant.ts';

export type CalendarFeature = ReturnType<typeof createCalendarFeature>;
export type { OnlineMeetingsFeature, SubscriptionsFeature };

export interface TenantFeatures {
  calendar: CalendarFeature;
  subscriptions: SubscriptionsFeature;
  onlineMeetings: OnlineMeetingsFeature;
}

/**
 * Mounts the Graph features on the tenant: calendar (events, calendarView, getSchedule, delta), change
 * notifications, and the Teams online meetings behind the calendar's join links (attendance reports). Calendar
 * changes fan out to the subscriptions feature; all three join persistence and reset.
 * `fetch` delivers notifications and validation requests to the app's webhook URLs (plain http(s)).
 */
export function attachFeatures(tenant: Tenant, fetch: typeof globalThis.fetch): TenantFeatures {
  const calendar = createCalendarFeature(tenant.graphContext);
  const subscriptions = createSubscriptionsFeature(tenant.graphContext, { fetch });
  tenant.features.set('calendar', calendar);
  const onlineMeetings = createOnlineMeetingsFeature(tenant.graphContext, {
    tenantId: tenant.tenantId,
    teamsMeetingsOf: (organizerId) => calendar.teamsMeetingsOf(organizerId),
  });
  tenant.features.set('subscriptions', subscriptions);
  tenant.features.set('onlineMeetings', onlineMeetings);
  tenant.changeListeners.push((change) => subscriptions.onChange(change));
  tenant.hooks.expireDeltaTokens = (mailboxId) => calendar.expireDeltaTokens(mailboxId);
  tenant.hooks.setNotificationFaults = (faults) => subscriptions.setFaults(faults);
  tenant.hooks.notificationFaults = () => subscriptions.faults();
  tenant.hooks.fireLifecycle = (id, event) => subscriptions.fireLifecycle(id, event);
  tenant.hooks.afterClockMoved = () => subscriptions.tick();
  tenant.hooks.close = () => subscriptions.close();
  tenant.hooks.onlineMeetings = onlineMeetings.control;
  return { calendar, subscriptions, onlineMeetings };
}
