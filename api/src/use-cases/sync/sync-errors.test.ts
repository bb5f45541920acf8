import { describe, expect, it } from 'vitest';
import { createMemoryDeltaStateStore } from '../../adapters/memory/memory-delta-state-store.ts';
import { createMemoryNotificationInbox } from '../../adapters/memory/memory-notification-inbox.ts';
import { createMemoryStores } from '../../adapters/memory/memory-stores.ts';
import { createMemorySubscriptionStore } from '../../adapters/memory/memory-subscription-store.ts';
import { AppError } from '../../domain/app-error.ts';
import { createLogger } from '../../logging/logger.ts';
import type { ConnectionActivity } from '../../ports/connection-activity.ts';
import type { SchedulingGateway } from '../../ports/scheduling-gateway.ts';
import { aMeeting, TENANT_A } from '../../ports/store-fixtures.contract.ts';
import type { SubscriptionGateway } from '../../ports/subscription-gateway.ts';
import { aSubscription } from '../../ports/subscription-store.contract.ts';
import { createAvailabilityCache } from '../scheduling/availability-cache.ts';
import type { SchedulingDeps } from '../scheduling/scheduling-deps.ts';
import { processInbox } from './process-inbox.ts';
import type { SyncDeps } from './sync-deps.ts';
import { renewSubscriptions, watchCalendar } from './watch-calendars.ts';

const NOW = new Date('2026-11-23T08:00:00.000Z');
const clock = { now: () => NOW };
const unused = () => {
  throw new Error('not expected in this test');
};

/** Sync deps over memory stores, Graph answering as each test says, and the activity it reports kept in order. */
function setup(graph: { getEvents?: SchedulingGateway['getEvents']; subscriptions?: Partial<SubscriptionGateway> }) {
  const stores = createMemoryStores();
  const reported: unknown[][] = [];
  const activity: ConnectionActivity = {
    recordSuccess: unused,
    recordSyncError: (...args) => void reported.push(['error', ...args]),
    recordSyncSuccess: (...args) => void reported.push(['success', ...args]),
    flush: async () => {},
  };
  const scheduling: SchedulingDeps = {
    clock,
    logger: createLogger('silent'),
    gateway: {
      getEvents: graph.getEvents ?? unused,
      listInstances: unused,
    } as Partial<SchedulingGateway> as SchedulingGateway,
    directory: { resolveEmails: async () => new Map(), searchPeople: unused },
    meetings: stores.meetings,
    history: stores.history,
    notes: stores.notes,
    tenants: stores.tenants,
    meetingTypes: stores.meetingTypes,
    availabilityCache: createAvailabilityCache(clock),
    newId: () => 'new-id',
    tabUrl: 'https://confer.example',
    defaultConnectionMode: 'tenant',
  };
  const deps: SyncDeps = {
    scheduling,
    subscriptions: createMemorySubscriptionStore(),
    graphSubscriptions: { create: unused, renew: unused, remove: unused, ...graph.subscriptions },
    inbox: createMemoryNotificationInbox(),
    deltaStates: createMemoryDeltaStateStore(),
    connections: stores.tenants,
    audit: stores.audit,
    activity,
    notificationUrl: 'https://confer.example/api/graph/notifications',
    lifecycleNotificationUrl: 'https://confer.example/api/graph/lifecycle',
  };
  return { deps, reported };
}

const notification = (eventId: string, changeKey: string) => ({
  dedupeKey: `sub-1|updated|${eventId}|${changeKey}`,
  subscriptionId: 'sub-1',
  tenantId: TENANT_A,
  changeType: 'updated' as const,
  resource: `Users/oid-alex/Events/${eventId}`,
  resourceId: eventId,
  changeKey,
  lifecycleEvent: null,
  receivedAt: NOW.toISOString(),
});

describe("Outlook sync reports each person's last sync error for the admin", () => {
  it('records a failed apply for the organizer and clears it when their next batch applies', async () => {
    let fail = true;
    const { deps, reported } = setup({
      async getEvents(_actor, _mailbox, ids) {
        if (fail) throw new AppError('graph_bad_response', 'Microsoft Graph returned an unexpected event.');
        return new Map(ids.map((id) => [id, null]));
      },
    });
    await deps.subscriptions.save(aSubscription({ tenantId: TENANT_A, userId: 'oid-alex' }));
    await deps.scheduling.meetings.insert(aMeeting({ id: 'm1' }));
    await deps.inbox.record([notification('event-m1', 'ck-2')]);
    await processInbox(deps);
    expect(reported).toEqual([
      [
        'error',
        TENANT_A,
        'oid-alex',
        {
          kind: 'apply',
          code: 'graph_bad_response',
          message: 'Microsoft Graph returned an unexpected event.',
          at: NOW,
        },
      ],
    ]);
    fail = false;
    await deps.inbox.record([notification('event-m1', 'ck-3')]);
    await processInbox(deps);
    expect(reported.at(-1)).toEqual(['success', TENANT_A, 'oid-alex', 'apply']);
  });

  it('records a refused subscription, and a renewal that fails for a passing reason', async () => {
    const { deps, reported } = setup({
      subscriptions: {
        create: async () => {
          throw new AppError('outside_access_policy', 'The access policy does not include this mailbox.');
        },
        renew: async () => {
          throw new AppError('graph_unavailable', 'Microsoft Graph is unavailable.');
        },
      },
    });
    expect(await watchCalendar(deps, TENANT_A, 'oid-grady')).toBe('refused');
    await deps.subscriptions.save(
      aSubscription({ tenantId: TENANT_A, userId: 'oid-alex', expiresAt: NOW.toISOString() }),
    );
    await renewSubscriptions(deps);
    expect(reported).toEqual([
      [
        'error',
        TENANT_A,
        'oid-grady',
        {
          kind: 'subscription',
          code: 'outside_access_policy',
          message: 'The access policy does not include this mailbox.',
          at: NOW,
        },
      ],
      [
        'error',
        TENANT_A,
        'oid-alex',
        { kind: 'subscription', code: 'graph_unavailable', message: 'Microsoft Graph is unavailable.', at: NOW },
      ],
    ]);
  });

  it('clears a subscription error when the renewal succeeds', async () => {
    const { deps, reported } = setup({
      subscriptions: {
        renew: async (_actor, id, expiresAt) => ({ id, resource: '/users/oid-alex/events', expiresAt }),
      },
    });
    await deps.subscriptions.save(
      aSubscription({ tenantId: TENANT_A, userId: 'oid-alex', expiresAt: NOW.toISOString() }),
    );
    expect(await renewSubscriptions(deps)).toMatchObject({ renewed: 1 });
    expect(reported).toEqual([['success', TENANT_A, 'oid-alex', 'subscription']]);
  });
});
