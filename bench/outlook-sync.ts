/**
 * Outlook sync against the real stack (devtenant + the app in-process), one organizer with 1,000 Confer meetings:
 * 1. Acknowledgement under load: 5,000 notifications for the 1,000 meetings' events (three real versions of each
 *    plus two repeated deliveries) POSTed to `/api/graph/notifications` in batches of 50, four POSTs in flight;
 *    acknowledgement latency per POST (p99 < 100 ms), then the worker drains the inbox: Graph reads per changed
 *    event (≤ 1) beside one read per notification, and every meeting at its final version, changed once.
 * 2. Outlook change → Confer: 100 moves made through Graph as Outlook would, each timed from the PATCH until the
 *    stored meeting has the new time and its change notice is queued, with the worker running (median < 2 s,
 *    p95 < 5 s).
 * 3. Delta resync after `missed`: time and Graph requests of the round the worker runs for the organizer, from
 *    scratch and then incremental after 10 changes whose notifications Graph dropped, beside reading each
 *    meeting's event one by one.
 * The worker is driven by hand (`drain`) for 1 and 3 and started for 2. Seeding is timed apart from the figures.
 */
import { randomUUID } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import type { Meeting } from '../api/src/domain/scheduling/meeting.ts';
import { createControllableClock } from '../devtenant/src/index.ts';
import { notificationResourceFor } from '../devtenant/src/subscriptions/resource-path.ts';
import {
  type DevtenantGraph,
  devtenantGraph,
  type GraphEvent,
  utcInstant,
} from '../tests/scheduling/support/devtenant-graph.ts';
import { apiAs } from '../tests/support/api-client.ts';
import { PEOPLE, type Stack, startStack, TENANT_ID } from '../tests/support/stack.ts';
import type { BenchResult } from './lib/results.ts';
import { percentile } from './lib/stats.ts';

/** Monday 23 November 2026, 08:00 UTC: the tenant clock stays here, so no retry or renewal falls due meanwhile. */
const NOW = new Date('2026-11-23T08:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const MEETINGS = 1_000;
/** Each event is edited this many times in Outlook… */
const VERSIONS = 3;
/** …and Graph delivers this many of those notifications twice (at-least-once delivery). */
const REPEATS = 2;
const NOTIFICATIONS = MEETINGS * (VERSIONS + REPEATS);
/** Graph's batches hold up to 50 notifications (devtenant/src/subscriptions/subscription-limits.ts). */
const BATCH = 50;
const POSTS_IN_FLIGHT = 4;
/** Outlook allows 4 concurrent requests per app and mailbox (docs/reference/graph-calendar.md §7). */
const GRAPH_CONCURRENCY = 4;
const LIVE_CHANGES = 100;
/** Three times the passes the load needs (500 entries each): more means entries stay pending. */
const MAX_DRAIN_PASSES = 3 * Math.ceil(NOTIFICATIONS / 500);
const MISSED_CHANGES = 10;
const ORGANIZER = PEOPLE.adele.id;
const ATTENDEE = { id: PEOPLE.megan.id, address: 'meganb@contoso.onmicrosoft.com', name: PEOPLE.megan.name };

/** Graph's event with the changeKey Confer keeps (devtenant-graph.ts leaves it out). */
type OutlookEvent = GraphEvent & { changeKey: string };

interface Setup {
  stack: Stack;
  graph: DevtenantGraph;
  /** The organizer's meetings, in slot order; the first was made through the API, the rest seeded. */
  meetings: { id: string; eventId: string; slot: Date }[];
}

export async function benchOutlookSync(): Promise<BenchResult[]> {
  const stack = await startStack({ tabDir: null, connectionMode: 'tenant', clock: createControllableClock(NOW) });
  try {
    const seeding = await timed(() => seed(stack));
    const setup = seeding.value;
    process.stdout.write(`  sync: ${count(MEETINGS)} meetings seeded and watched in ${seconds(seeding.ms)} s\n`);
    return [
      { name: 'sync: setup (1,000 meetings, subscription, first delta round)', unit: 's', value: seeding.ms / 1000 },
      ...(await acknowledgementUnderLoad(setup)),
      ...(await resyncAfterMissed(setup)),
      ...(await outlookChangeToConfer(setup)),
    ];
  } finally {
    await stack.stop();
  }
}

// ─── Setup ──────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * One meeting through the API (which registers the tenant and the people), then 999 Outlook events made through
 * Graph with the app's token and a Confer meeting row pointing at each; then the worker's maintenance subscribes
 * to the organizer's calendar and runs its first delta round, which must find every row equal to its event.
 */
async function seed(stack: Stack): Promise<Setup> {
  const graph = devtenantGraph(stack);
  const first = await meetingThroughApi(stack);
  const slots = Array.from({ length: MEETINGS }, (_, i) => new Date(NOW.getTime() + 26 * HOUR + i * 2 * HOUR));
  const meetings = [{ id: first.id, eventId: first.graphEventId as string, slot: slots[0] as Date }];
  const seeded = await inParallel(slots.slice(1), GRAPH_CONCURRENCY, async (slot, i) => {
    const title = `Sync benchmark ${i + 1}`;
    const event = await graph.post<OutlookEvent>(`/users/${ORGANIZER}/events`, outlookEvent(title, slot, first.online));
    const meeting = meetingRow(first, title, event, stack.devtenant.clock.now());
    await stack.composed.scheduling.meetings.insert(meeting);
    return { id: meeting.id, eventId: event.id, slot };
  });
  meetings.push(...seeded);
  const before = await storedAll(stack, meetings);
  await stack.composed.sync.worker.maintain();
  const changed = (await storedAll(stack, meetings)).filter((m, i) => m.version !== before[i]?.version).length;
  if (changed > 0) throw new Error(`the first delta round changed ${changed} seeded meetings: rows and events differ`);
  return { stack, graph, meetings };
}

async function meetingThroughApi(stack: Stack): Promise<Meeting> {
  const answer = await apiAs(stack, ORGANIZER).post<{ id: string }>('/api/meetings', {
    title: 'Sync benchmark 0',
    agenda: 'What changed this week',
    attendees: [ATTENDEE.address],
    start: new Date(NOW.getTime() + 26 * HOUR).toISOString(),
    end: new Date(NOW.getTime() + 26.5 * HOUR).toISOString(),
    timeZone: 'Europe/London',
    acceptConflicts: true,
  });
  if (answer.status !== 201)
    throw new Error(`meeting create answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return stored(stack, answer.body.id);
}

/** The Outlook event as Confer would have created it: same attendee, 30 minutes, Teams or not like the first. */
function outlookEvent(title: string, start: Date, online: boolean): Record<string, unknown> {
  return {
    subject: title,
    body: { contentType: 'text', content: 'What changed this week' },
    start: utc(start),
    end: utc(new Date(start.getTime() + 30 * MINUTE)),
    attendees: [{ emailAddress: { address: ATTENDEE.address, name: ATTENDEE.name }, type: 'required' }],
    isOnlineMeeting: online,
    ...(online ? { onlineMeetingProvider: 'teamsForBusiness' } : {}),
    transactionId: randomUUID(),
  };
}

/** A Confer meeting row for a seeded event: the first meeting's people and settings, the event's own ids and time. */
function meetingRow(first: Meeting, title: string, event: OutlookEvent, now: Date): Meeting {
  return {
    ...first,
    id: randomUUID(),
    title,
    start: utcInstant(event.start),
    end: utcInstant(event.end),
    transactionId: randomUUID(),
    graphEventId: event.id,
    iCalUId: event.iCalUId,
    changeKey: event.changeKey,
    joinUrl: event.onlineMeeting?.joinUrl ?? null,
    attendees: first.attendees.map((a) => ({ ...a })),
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

// ─── 1. Acknowledgement under load ──────────────────────────────────────────────────────────────────────────

interface Version {
  eventId: string;
  changeKey: string;
  start: Date;
}

async function acknowledgementUnderLoad(setup: Setup): Promise<BenchResult[]> {
  const { stack } = setup;
  const subscription = await organizerSubscription(setup);
  // devtenant's own deliveries of these edits would race the benchmark's: they fail while the endpoint is "away"
  // and wait for a retry that the stopped tenant clock never brings.
  await notificationFaults(stack, { endpointDown: true });
  const editing = await timed(() => editEachThreeTimes(setup));
  await notificationFaults(stack, {});
  const versions = editing.value;
  const before = await storedAll(stack, setup.meetings);
  const batches = chunks(
    withRepeats(versions).map((v) => changeNotification(subscription, v)),
    BATCH,
  );
  const posting = await timed(() => inParallel(batches, POSTS_IN_FLIGHT, (batch) => postBatch(stack, batch)));
  const latencies = posting.value;
  const recorded = (await stack.composed.sync.inbox.listPending(NOTIFICATIONS)).length;
  const p50 = percentile(latencies, 50);
  const p99 = percentile(latencies, 99);
  process.stdout.write(
    `  sync: ${count(versions.length)} Outlook edits in ${seconds(editing.ms)} s (setup); ${count(NOTIFICATIONS)} notifications ` +
      `in ${batches.length} POSTs in ${seconds(posting.ms)} s, ${recorded} recorded (repeats dropped); ` +
      `acknowledged p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms ` +
      // The load generator, devtenant and the app share this process, and other load on the machine shows in the
      // tail, so the load is printed beside it.
      `(load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores)\n`,
  );
  return [
    {
      name: `sync: acknowledgement per POST, p99 (${count(NOTIFICATIONS)} notifications, ${BATCH} a POST)`,
      unit: 'ms',
      value: p99,
      target: 100,
      better: 'lower',
    },
    { name: 'sync: acknowledgement per POST, p50', unit: 'ms', value: p50 },
    ...(await drainAfterLoad(stack, before, versions)),
  ];
}

/**
 * The worker drains what the load left: reads per changed event (worker's count and devtenant's), and every
 * meeting changed exactly once, to Outlook's last version, with nothing left pending.
 */
async function drainAfterLoad(stack: Stack, before: readonly Meeting[], versions: readonly Version[]) {
  const worker = stack.composed.sync.worker;
  await resetCounters(stack);
  const totalsBefore = worker.totals();
  const draining = await timed(() => drainInbox(stack));
  const { graphRequests, batches: envelopes } = await graphCounters(stack);
  const totals = worker.totals();
  const reads = totals.reads - totalsBefore.reads;
  const updated = totals.applied.updated - totalsBefore.applied.updated;
  const notOnce = await notAtFinalVersion(stack, before, finalVersions(versions));
  process.stdout.write(
    `  sync: drained in ${seconds(draining.ms)} s: ${reads} reads (devtenant served ${graphRequests} Graph ` +
      `requests in ${envelopes} $batch calls), ${updated} meetings updated, ${notOnce} not changed once to ` +
      `their final version, inbox empty\n`,
  );
  const results: BenchResult[] = [
    {
      name: `sync: Graph reads per changed event (${VERSIONS + REPEATS} notifications each)`,
      unit: 'reads',
      value: reads / MEETINGS,
      target: 1,
      baseline: NOTIFICATIONS / MEETINGS,
      better: 'lower',
    },
    {
      name: 'sync: Graph requests to process the inbox (devtenant count)',
      unit: 'requests',
      value: graphRequests,
      baseline: NOTIFICATIONS,
      better: 'lower',
    },
    { name: 'sync: inbox drain, 1,000 changed meetings', unit: 's', value: draining.ms / 1000 },
    {
      name: 'sync: meetings not changed exactly once to their final version',
      unit: 'meetings',
      value: notOnce,
      target: 0,
      better: 'lower',
    },
  ];
  return results;
}

/** The organizer's subscription as Graph returns it to its owner, clientState included. */
async function organizerSubscription({ stack, graph }: Setup) {
  const [mine] = await stack.composed.sync.subscriptions.findByUser(TENANT_ID, ORGANIZER);
  if (!mine) throw new Error('Confer does not watch the organizer’s calendar');
  return graph.get<{ id: string; clientState: string; expirationDateTime: string }>(`/subscriptions/${mine.id}`);
}

/**
 * Every event moved three times in a row in Outlook (10, 20, then 30 minutes later), four events at a time as the
 * mailbox allows: the versions in the order Graph would notify them.
 */
async function editEachThreeTimes({ graph, meetings }: Setup): Promise<Version[]> {
  const versions: Version[] = [];
  await inParallel(meetings, GRAPH_CONCURRENCY, async (meeting) => {
    for (let version = 1; version <= VERSIONS; version++) {
      const start = new Date(meeting.slot.getTime() + version * 10 * MINUTE);
      const event = await moveInOutlook(graph, meeting.eventId, start);
      versions.push({ eventId: meeting.eventId, changeKey: event.changeKey, start });
    }
  });
  return versions;
}

/** Graph repeats the first and the last version of each event once, a batch later, as a redelivery would. */
function withRepeats(versions: readonly Version[]): Version[] {
  const seen = new Map<string, number>();
  const keyed = versions.flatMap((version, index) => {
    const count = (seen.get(version.eventId) ?? 0) + 1;
    seen.set(version.eventId, count);
    const repeated = count === 1 || count === VERSIONS;
    return [{ order: index, version }, ...(repeated ? [{ order: index + BATCH + 0.5, version }] : [])];
  });
  return keyed.sort((a, b) => a.order - b.order).map((k) => k.version);
}

/** A change notification exactly as devtenant builds it (devtenant/src/subscriptions/notification-payloads.ts). */
function changeNotification(
  subscription: { id: string; clientState: string; expirationDateTime: string },
  version: Version,
) {
  const resource = notificationResourceFor(ORGANIZER, version.eventId);
  return {
    subscriptionId: subscription.id,
    subscriptionExpirationDateTime: subscription.expirationDateTime,
    changeType: 'updated',
    resource,
    resourceData: {
      '@odata.type': '#Microsoft.Graph.Event',
      '@odata.id': resource,
      '@odata.etag': `W/"${version.changeKey}"`,
      id: version.eventId,
    },
    clientState: subscription.clientState,
    tenantId: TENANT_ID,
  };
}

/** POSTs one batch as Graph does and answers how long the endpoint took to acknowledge it. */
async function postBatch(stack: Stack, batch: readonly unknown[]): Promise<number> {
  const body = JSON.stringify({ value: batch });
  const started = performance.now();
  const response = await fetch(`${stack.appUrl}/api/graph/notifications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  await response.arrayBuffer();
  const ms = performance.now() - started;
  if (response.status !== 202) throw new Error(`the notification endpoint answered ${response.status}`);
  return ms;
}

/** Passes of the worker (500 entries each) until the inbox is empty; entries that stay pending are a failure. */
async function drainInbox(stack: Stack): Promise<void> {
  const { inbox, worker } = stack.composed.sync;
  for (let pass = 0; (await inbox.listPending(1)).length > 0; pass++) {
    if (pass === MAX_DRAIN_PASSES) throw new Error(`the inbox is not empty after ${pass} passes`);
    await worker.drain();
  }
}

function finalVersions(versions: readonly Version[]): Map<string, Version> {
  return new Map(versions.map((v) => [v.eventId, v]));
}

/**
 * Meetings that did not end exactly one version later at Outlook's last version (its changeKey and time) with the
 * attendee's change notice for that version queued.
 */
async function notAtFinalVersion(stack: Stack, before: readonly Meeting[], finals: Map<string, Version>) {
  const after = await storedAll(stack, before);
  return after.filter((meeting, i) => {
    const last = finals.get(meeting.graphEventId as string);
    return (
      meeting.version !== (before[i] as Meeting).version + 1 ||
      meeting.changeKey !== last?.changeKey ||
      meeting.start.getTime() !== last.start.getTime() ||
      !noticeQueued(stack, meeting)
    );
  }).length;
}

// ─── 2. Outlook change → Confer state and card ─────────────────────────────────────────────────────────────

async function outlookChangeToConfer(setup: Setup): Promise<BenchResult[]> {
  const { stack, graph } = setup;
  await stack.composed.sync.worker.start();
  await stack.composed.sync.worker.idle();
  const times: number[] = [];
  for (const meeting of setup.meetings.slice(100, 100 + LIVE_CHANGES)) {
    const start = new Date(meeting.slot.getTime() + 50 * MINUTE);
    const started = performance.now();
    await moveInOutlook(graph, meeting.eventId, start);
    await followed(stack, meeting.id, start);
    times.push(performance.now() - started);
  }
  const median = percentile(times, 50);
  const p95 = percentile(times, 95);
  process.stdout.write(
    `  sync: ${LIVE_CHANGES} Outlook moves → Confer meeting + change notice: median ${median.toFixed(1)} ms, ` +
      `p95 ${p95.toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms\n`,
  );
  return [
    { name: 'sync: Outlook change → Confer + card, median', unit: 'ms', value: median, target: 2000, better: 'lower' },
    { name: 'sync: Outlook change → Confer + card, p95', unit: 'ms', value: p95, target: 5000, better: 'lower' },
  ];
}

/** Waits (real time: devtenant delivers and the worker runs on their own) until the move and its notice show. */
async function followed(stack: Stack, meetingId: string, start: Date): Promise<void> {
  const deadline = performance.now() + 10_000;
  for (;;) {
    const meeting = await stored(stack, meetingId);
    if (meeting.start.getTime() === start.getTime() && noticeQueued(stack, meeting)) return;
    if (performance.now() > deadline) throw new Error(`meeting ${meetingId} did not follow Outlook in 10 s`);
    await new Promise((done) => setTimeout(done, 2));
  }
}

// ─── 3. Delta resync after `missed` ────────────────────────────────────────────────────────────────────────

async function resyncAfterMissed(setup: Setup): Promise<BenchResult[]> {
  const { stack, graph, meetings } = setup;
  const subscription = await organizerSubscription(setup);
  // From scratch: as on a subscription's first round, or after Graph lost the sync state.
  await stack.composed.sync.worker.deps.deltaStates.remove(TENANT_ID, ORGANIZER);
  const fired = await stack.devtenant.control(`subscriptions/${subscription.id}/lifecycle`, { event: 'missed' });
  if (!fired.ok) throw new Error(`devtenant refused to send missed: ${fired.status}`);
  const full = await resyncRound(stack);

  const moved = meetings.slice(0, MISSED_CHANGES).map((m) => ({ ...m, start: new Date(m.slot.getTime() + HOUR) }));
  await notificationFaults(stack, { dropRate: 1 });
  for (const meeting of moved) await moveInOutlook(graph, meeting.eventId, meeting.start);
  await notificationFaults(stack, {});
  const incremental = await resyncRound(stack);
  const stale = (await storedAll(stack, moved)).filter((m, i) => m.start.getTime() !== moved[i]?.start.getTime());
  if (stale.length > 0) throw new Error(`${stale.length} meetings missed their Outlook move after the delta round`);

  await resetCounters(stack);
  const oneByOne = await timed(() => inSequence(meetings, (m) => graph.get(`/users/${ORGANIZER}/events/${m.eventId}`)));
  const baselineRequests = (await graphCounters(stack)).graphRequests;
  process.stdout.write(
    `  sync: delta after missed: from scratch ${full.ms.toFixed(0)} ms / ${full.requests} requests, ` +
      `incremental after ${MISSED_CHANGES} changes ${incremental.ms.toFixed(0)} ms / ` +
      `${incremental.requests} requests; one GET per meeting ${oneByOne.ms.toFixed(0)} ms / ${baselineRequests}\n`,
  );
  const round = (label: string, measured: { ms: number; requests: number }): BenchResult[] => [
    {
      name: `sync: delta round after missed, ${label}, ${count(MEETINGS)} meetings`,
      unit: 'ms',
      value: measured.ms,
      baseline: oneByOne.ms,
      better: 'lower',
    },
    {
      name: `sync: delta round after missed, ${label}, Graph requests`,
      unit: 'requests',
      value: measured.requests,
      baseline: baselineRequests,
      better: 'lower',
    },
  ];
  return [...round('from scratch', full), ...round(`incremental (${MISSED_CHANGES} changed)`, incremental)];
}

/**
 * Waits for the `missed` devtenant sends to reach the inbox, then times the worker's pass over it (the delta
 * round and applying what it brings) and counts the Graph requests devtenant served meanwhile.
 */
async function resyncRound(stack: Stack): Promise<{ ms: number; requests: number }> {
  const { worker } = stack.composed.sync;
  await settledInbox(stack);
  const resyncedBefore = worker.totals().resynced;
  await resetCounters(stack);
  const round = await timed(() => drainInbox(stack));
  const requests = (await graphCounters(stack)).graphRequests;
  if (worker.totals().resynced !== resyncedBefore + 1) {
    throw new Error('the missed notification did not bring exactly one delta round');
  }
  return { ms: round.ms, requests };
}

/** Until something is pending and nothing more has arrived for 200 ms (devtenant delivers on its own timer). */
async function settledInbox(stack: Stack): Promise<void> {
  const deadline = performance.now() + 10_000;
  let last = -1;
  for (;;) {
    const count = (await stack.composed.sync.inbox.listPending(100)).length;
    if (count > 0 && count === last) return;
    if (performance.now() > deadline) throw new Error('no missed notification reached the inbox in 10 s');
    last = count;
    await new Promise((done) => setTimeout(done, 200));
  }
}

// ─── Shared ─────────────────────────────────────────────────────────────────────────────────────────────────

/** Moves the organizer's event in Outlook (through Graph, as Outlook would), keeping it 30 minutes long. */
async function moveInOutlook(graph: DevtenantGraph, eventId: string, start: Date) {
  return graph.patch<{ changeKey: string }>(`/users/${ORGANIZER}/events/${eventId}`, {
    start: utc(start),
    end: utc(new Date(start.getTime() + 30 * MINUTE)),
  });
}

/** The attendee's change notice for this version of the meeting is in the bot's queue. */
function noticeQueued(stack: Stack, meeting: Meeting): boolean {
  const key = `change:${meeting.id}:${meeting.version}:${ATTENDEE.id}`;
  return stack.composed.db.prepare('SELECT 1 FROM outbound_messages WHERE key = ?').get(key) !== undefined;
}

async function stored(stack: Stack, id: string): Promise<Meeting> {
  const meeting = await stack.composed.scheduling.meetings.get(TENANT_ID, id);
  if (!meeting) throw new Error(`meeting ${id} is not stored`);
  return meeting;
}

function storedAll(stack: Stack, meetings: readonly { id: string }[]): Promise<Meeting[]> {
  return Promise.all(meetings.map((m) => stored(stack, m.id)));
}

/** Sets devtenant's notification faults; what is not named goes back to normal. */
async function notificationFaults(stack: Stack, faults: { endpointDown?: boolean; dropRate?: number }) {
  const response = await stack.devtenant.control('notifications', faults);
  if (!response.ok) throw new Error(`notification faults answered ${response.status}`);
}

async function resetCounters(stack: Stack): Promise<void> {
  const response = await stack.devtenant.control('counters/reset', {});
  if (!response.ok) throw new Error(`counters/reset answered ${response.status}`);
}

/**
 * Graph operations devtenant served since the last reset (a `$batch`'s inner requests count one each), and how
 * many of the HTTP requests were `$batch` envelopes.
 */
async function graphCounters(stack: Stack): Promise<{ graphRequests: number; batches: number }> {
  const response = await stack.devtenant.control('counters');
  return (await response.json()) as { graphRequests: number; batches: number };
}

/** Runs `work` over the items, `concurrency` at a time; answers the results in item order; the first error wins. */
async function inParallel<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    for (let index = next++; index < items.length; index = next++) {
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return results;
}

const inSequence = <T, R>(items: readonly T[], work: (item: T) => Promise<R>) => inParallel(items, 1, work);

function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);
const count = (n: number) => n.toLocaleString('en-US');
const utc = (instant: Date) => ({ dateTime: instant.toISOString().slice(0, 19), timeZone: 'UTC' });
