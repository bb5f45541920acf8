import { describe, expect, it } from 'vitest';
import { createMemoryDeltaStateStore } from '../../adapters/memory/memory-delta-state-store.ts';
import { createMemoryNotificationInbox } from '../../adapters/memory/memory-notification-inbox.ts';
import { createMemoryStores } from '../../adapters/memory/memory-stores.ts';
import { createMemorySubscriptionStore } from '../../adapters/memory/memory-subscription-store.ts';
import { AppError } from '../../domain/app-error.ts';
import { createLogger } from '../../logging/logger.ts';
import type { AcceptedNotification } from '../../ports/notification-inbox.ts';
import type { EventRecord, SchedulingGateway } from '../../ports/scheduling-gateway.ts';
import { aMeeting, TENANT_A } from '../../ports/store-fixtures.contract.ts';
import type { SubscriptionGateway } from '../../ports/subscription-gateway.ts';
import { aSubscription } from '../../ports/subscription-store.contract.ts';
import { createAvailabilityCache } from '../scheduling/availability-cache.ts';
import type { SchedulingDeps } from '../scheduling/scheduling-deps.ts';
import { processInbox } from './process-inbox.ts';
import type { SyncDeps } from './sync-deps.ts';

const NOW = new Date('2026-11-23T08:00:00.000Z');
const clock = { now: () => NOW };
const unused = () => {
  throw new Error('not expected in this test');
};

/** The organizer's event as Outlook has it: the stored meeting, moved by `shiftMs`, with a new changeKey. */
function outlookCopy(id: string, shiftMs: number, changeKey: string): EventRecord {
  const meeting = aMeeting({ id });
  return {
    id: `event-${id}`,
    iCalUId: `ical-${id}`,
    changeKey,
    type: 'singleInstance',
    seriesMasterId: null,
    subject: meeting.title,
    start: new Date(meeting.start.getTime() + shiftMs),
    end: new Date(meeting.end.getTime() + shiftMs),
    isCancelled: false,
    isOnlineMeeting: true,
    location: null,
    originalStart: null,
    joinUrl: meeting.joinUrl,
    webLink: null,
    transactionId: meeting.transactionId,
    bodyHtml: '',
    attendees: meeting.attendees.map((a) => ({
      email: a.email,
      name: a.displayName,
      response: a.response,
      proposedNewTime: a.proposedStart && a.proposedEnd ? { start: a.proposedStart, end: a.proposedEnd } : null,
    })),
    ownResponse: 'organizer',
  };
}

/** Memory stores, and a gateway that answers batched reads from `outlook` and counts what it was asked. */
async function setup(outlook: Map<string, EventRecord>, failWith?: AppError) {
  const stores = createMemoryStores();
  const asked: string[][] = [];
  const gateway = {
    async getEvents(_actor, _mailbox, ids) {
      asked.push([...ids]);
      if (failWith) throw failWith;
      return new Map(ids.map((id) => [id, outlook.get(id) ?? null]));
    },
    listInstances: unused,
  } as Partial<SchedulingGateway> as SchedulingGateway;
  const scheduling: SchedulingDeps = {
    clock,
    logger: createLogger('silent'),
    gateway,
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
    graphSubscriptions: {} as SubscriptionGateway,
    inbox: createMemoryNotificationInbox(),
    deltaStates: createMemoryDeltaStateStore(),
    connections: stores.tenants,
    audit: stores.audit,
    notificationUrl: 'https://confer.example/api/graph/notifications',
    lifecycleNotificationUrl: 'https://confer.example/api/graph/lifecycle',
  };
  await deps.subscriptions.save(aSubscription({ tenantId: TENANT_A, userId: 'oid-alex' }));
  return { deps, asked };
}

const change = (
  eventId: string,
  changeKey: string,
  extra: Partial<AcceptedNotification> = {},
): AcceptedNotification => ({
  dedupeKey: `sub-1|updated|${eventId}|${changeKey}`,
  subscriptionId: 'sub-1',
  tenantId: TENANT_A,
  changeType: 'updated',
  resource: `Users/oid-alex/Events/${eventId}`,
  resourceId: eventId,
  changeKey,
  lifecycleEvent: null,
  receivedAt: NOW.toISOString(),
  ...extra,
});

describe('processing the notification inbox', () => {
  it('reads each changed Confer event once, in one batch, however many notifications name it', async () => {
    const outlook = new Map([
      ['event-m1', outlookCopy('m1', 3_600_000, 'ck-m1-3')],
      ['event-m2', outlookCopy('m2', 7_200_000, 'ck-m2-2')],
    ]);
    const { deps, asked } = await setup(outlook);
    await deps.scheduling.meetings.insert(aMeeting({ id: 'm1' }));
    await deps.scheduling.meetings.insert(aMeeting({ id: 'm2' }));
    await deps.inbox.record([
      change('event-m1', 'ck-m1-2'),
      change('event-m2', 'ck-m2-2'),
      change('event-m1', 'ck-m1-3'),
      change('event-m1', 'ck-m1-3', { dedupeKey: 'repeat-with-other-key' }),
    ]);
    const report = await processInbox(deps);
    expect(asked).toEqual([['event-m1', 'event-m2']]);
    expect(report).toMatchObject({ processed: 4, reads: 2, applied: { updated: 2 } });
    expect((await deps.scheduling.meetings.get(TENANT_A, 'm1'))?.start).toEqual(outlook.get('event-m1')?.start);
    expect(await deps.inbox.listPending(10)).toEqual([]);
  });

  it('reads nothing for Confer’s own writes (same changeKey) or for events Confer did not create', async () => {
    const { deps, asked } = await setup(new Map());
    await deps.scheduling.meetings.insert(aMeeting({ id: 'm1', changeKey: 'ck-own' }));
    await deps.inbox.record([change('event-m1', 'ck-own'), change('someone-elses-event', 'ck-x')]);
    const report = await processInbox(deps);
    expect(asked).toEqual([]);
    expect(report).toMatchObject({ processed: 2, reads: 0, echoes: 1, foreign: 1 });
  });

  it('leaves everything pending when Graph is throttling, and applies it on a later pass', async () => {
    const outlook = new Map([['event-m1', outlookCopy('m1', 3_600_000, 'ck-2')]]);
    const throttled = await setup(outlook, new AppError('graph_throttled', 'Graph is busy.'));
    await throttled.deps.scheduling.meetings.insert(aMeeting({ id: 'm1' }));
    await throttled.deps.inbox.record([change('event-m1', 'ck-2')]);
    expect(await processInbox(throttled.deps)).toMatchObject({ processed: 0, deferred: 1 });
    expect(await throttled.deps.inbox.listPending(10)).toHaveLength(1);
    expect((await throttled.deps.scheduling.meetings.get(TENANT_A, 'm1'))?.version).toBe(1);
  });

  it('ignores notifications of a subscription Confer removed', async () => {
    const { deps, asked } = await setup(new Map());
    await deps.scheduling.meetings.insert(aMeeting({ id: 'm1' }));
    await deps.subscriptions.markRemoved('sub-1', 'disconnected');
    await deps.inbox.record([change('event-m1', 'ck-9')]);
    expect(await processInbox(deps)).toMatchObject({ processed: 1, reads: 0 });
    expect(asked).toEqual([]);
  });
});
