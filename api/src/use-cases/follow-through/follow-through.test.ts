import type { OutboundMessage, OutboundQueue } from '@confer/bot/ports';
import { beforeEach, describe, expect, it } from 'vitest';
import { createMemoryStores } from '../../adapters/memory/memory-stores.ts';
import type { StoreSet } from '../../adapters/sqlite/store-set.ts';
import { type AttendanceLine, attendanceReport } from '../../domain/follow-through/test-support/attendance-reports.ts';
import type { Meeting } from '../../domain/scheduling/meeting.ts';
import { createLogger } from '../../logging/logger.ts';
import type { AttendanceGateway, AttendanceLookup } from '../../ports/attendance-gateway.ts';
import { aMeeting, megan, TENANT_A } from '../../ports/store-fixtures.contract.ts';
import { scanCadence } from './cadence-scan.ts';
import { closeUntold, collectDueAttendance, planEndedOccurrences } from './collect-attendance.ts';
import type { FollowThroughDeps } from './follow-through-deps.ts';
import { markAttendance } from './follow-through-views.ts';

const MIN = 60_000;
const DAY = 86_400_000;
const start = new Date('2026-11-23T10:00:00.000Z');
const end = new Date('2026-11-23T10:45:00.000Z');

/** Remembers every message by key, as the durable queue does: a key enqueued twice is one message. */
function recordingQueue() {
  const messages = new Map<string, OutboundMessage>();
  const queue: OutboundQueue = {
    async enqueue(list) {
      for (const message of list) if (!messages.has(message.key)) messages.set(message.key, message);
    },
    async cancelPending() {
      return 0;
    },
  };
  return { queue, messages, sent: () => [...messages.values()] };
}

/** Answers each read from a script (the last answer repeats); throws when the script says so. */
function scriptedGateway() {
  const script: (AttendanceLookup | Error)[] = [];
  let reads = 0;
  const gateway: AttendanceGateway = {
    async readAttendance() {
      reads++;
      const next = script.length > 1 ? script.shift() : script[0];
      if (!next) return { kind: 'reports', reports: [] };
      if (next instanceof Error) throw next;
      return next;
    },
  };
  return { gateway, script, reads: () => reads };
}

function sessionReport(lines: AttendanceLine[]): AttendanceLookup {
  return { kind: 'reports', reports: [attendanceReport('report-1', start, lines)] };
}

/** The deps over in-memory stores; the clock, the Graph reads, the queue and the away check are the test's. */
function depsOver(
  stores: StoreSet,
  own: Pick<FollowThroughDeps, 'clock' | 'gateway' | 'queue' | 'away'>,
): FollowThroughDeps {
  return {
    logger: createLogger('silent'),
    meetings: stores.meetings,
    attendance: stores.attendance,
    pairs: stores.pairs,
    meetingTypes: stores.meetingTypes,
    tenants: stores.tenants,
    defaultConnectionMode: 'user',
    ...own,
  };
}

describe('attendance and follow-ups', () => {
  let now: Date;
  let stores: StoreSet;
  let queue: ReturnType<typeof recordingQueue>;
  let graph: ReturnType<typeof scriptedGateway>;
  let away: boolean;
  let deps: FollowThroughDeps;
  const oneToOne = (overrides: Partial<Meeting> = {}) =>
    aMeeting({ attendees: [{ ...megan, response: 'accepted' }], ...overrides });

  beforeEach(() => {
    now = new Date(end.getTime() + MIN);
    stores = createMemoryStores();
    queue = recordingQueue();
    graph = scriptedGateway();
    away = false;
    deps = depsOver(stores, {
      clock: { now: () => now },
      gateway: graph.gateway,
      queue: queue.queue,
      away: async () => away,
    });
  });

  async function endAndCollect(meeting: Meeting, advanceMs = 11 * MIN) {
    await stores.meetings.insert(meeting);
    await planEndedOccurrences(deps, new Date(end.getTime() - DAY), now);
    now = new Date(now.getTime() + advanceMs);
    return collectDueAttendance(deps);
  }

  it('held: both joined; the organizer and the mentee each get one follow-up, and the pair is recorded', async () => {
    graph.script.push(
      sessionReport([
        ['oid-alex', null, 2_700],
        ['oid-megan', null, 2_400],
      ]),
    );
    await endAndCollect(oneToOne());
    const record = await stores.attendance.get(TENANT_A, 'meeting-1', start);
    expect(record).toMatchObject({ state: 'held', source: 'teams', nextCheckAt: null });
    expect(record?.participants.map((p) => [p.email, p.minutesPresent])).toEqual([
      ['alexw@contoso.onmicrosoft.com', 45],
      ['meganb@contoso.onmicrosoft.com', 40],
    ]);
    expect(queue.sent().map((m) => [m.kind, m.userId])).toEqual([
      ['follow-up', 'oid-alex'],
      ['follow-up', 'oid-megan'],
    ]);
    const pair = await stores.pairs.get(TENANT_A, 'oid-megan', 'oid-alex');
    expect(pair).toMatchObject({ lastHeldMeetingId: 'meeting-1', lastTypeId: 'mentoring-session' });
    // Another pass finds nothing due and sends nothing more.
    now = new Date(now.getTime() + DAY);
    await planEndedOccurrences(deps, new Date(end.getTime() - DAY), now);
    await collectDueAttendance(deps);
    expect(queue.sent()).toHaveLength(2);
    expect(graph.reads()).toBe(1);
  });

  it('partly attended: two of three met; a wellbeing conversation sends its follow-up to the organizer only', async () => {
    const adele = { ...megan, email: 'adelev@contoso.onmicrosoft.com', userId: 'oid-adele', displayName: 'Adele' };
    graph.script.push(
      sessionReport([
        ['oid-alex', null, 2_700],
        ['oid-megan', null, 2_400],
      ]),
    );
    await endAndCollect(
      oneToOne({ typeId: 'wellbeing-conversation', attendees: [{ ...megan, response: 'accepted' }, adele] }),
    );
    expect((await stores.attendance.get(TENANT_A, 'meeting-1', start))?.state).toBe('partly_attended');
    expect(queue.sent().map((m) => m.userId)).toEqual(['oid-alex']);
  });

  it('no-show: the organizer alone gets the reschedule prompt; no pair is recorded', async () => {
    graph.script.push(sessionReport([['oid-alex', null, 900]]));
    await endAndCollect(oneToOne());
    expect((await stores.attendance.get(TENANT_A, 'meeting-1', start))?.state).toBe('no_show');
    expect(queue.sent().map((m) => [m.kind, m.userId])).toEqual([['follow-up', 'oid-alex']]);
    expect(await stores.pairs.get(TENANT_A, 'oid-alex', 'oid-megan')).toBeUndefined();
  });

  it('a late report: waits with growing gaps (throttling included), then records what it says', async () => {
    graph.script.push(
      { kind: 'reports', reports: [] },
      Object.assign(new Error('throttled'), { code: 'graph_throttled' }),
      { kind: 'reports', reports: [] },
      sessionReport([
        ['oid-alex', null, 2_700],
        ['oid-megan', null, 2_700],
      ]),
    );
    await endAndCollect(oneToOne());
    const waits: number[] = [];
    for (let pass = 0; pass < 3; pass++) {
      const record = await stores.attendance.get(TENANT_A, 'meeting-1', start);
      expect(record?.state).toBe('pending');
      waits.push(((record?.nextCheckAt?.getTime() ?? 0) - now.getTime()) / MIN);
      now = record?.nextCheckAt ?? now;
      await collectDueAttendance(deps);
    }
    expect(waits).toEqual([10, 20, 40]);
    expect((await stores.attendance.get(TENANT_A, 'meeting-1', start))?.state).toBe('held');
    expect(queue.sent()).toHaveLength(2);
  });

  it('a missing report: unknown after two days, with no card', async () => {
    await endAndCollect(oneToOne());
    for (let pass = 0; pass < 40; pass++) {
      const record = await stores.attendance.get(TENANT_A, 'meeting-1', start);
      if (record?.state !== 'pending') break;
      now = record.nextCheckAt ?? now;
      await collectDueAttendance(deps);
    }
    const record = await stores.attendance.get(TENANT_A, 'meeting-1', start);
    expect(record).toMatchObject({ state: 'unknown', unknownReason: 'no_report', source: 'timeout' });
    expect(now.getTime() - end.getTime()).toBe(2 * DAY);
    expect(graph.reads()).toBeLessThanOrEqual(16);
    expect(queue.sent()).toEqual([]);
  });

  it('refused by Graph: unknown at once, saying why', async () => {
    graph.script.push({ kind: 'not_permitted', detail: 'no policy' });
    await endAndCollect(oneToOne());
    expect(await stores.attendance.get(TENANT_A, 'meeting-1', start)).toMatchObject({
      state: 'unknown',
      unknownReason: 'not_permitted',
    });
  });

  it('in person: the organizer is asked at the end, marks it held, and the follow-ups go once', async () => {
    const inPerson = oneToOne({ online: false, joinUrl: null, location: 'Room 4' });
    await endAndCollect(inPerson);
    expect(graph.reads()).toBe(0);
    expect(queue.sent().map((m) => [m.kind, m.userId])).toEqual([['follow-up', 'oid-alex']]);
    const viewer = { tenantId: TENANT_A, userId: 'oid-alex' };
    await expect(
      markAttendance(deps, { tenantId: TENANT_A, userId: 'oid-megan' }, 'meeting-1', start, true),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    const saved = await markAttendance(deps, viewer, 'meeting-1', start, true);
    expect(saved).toMatchObject({ state: 'held', source: 'organizer', decidedBy: 'oid-alex' });
    expect(queue.sent().map((m) => m.userId)).toEqual(['oid-alex', 'oid-megan']);
    await markAttendance(deps, viewer, 'meeting-1', start, true);
    expect(queue.sent()).toHaveLength(2);
    expect(await stores.pairs.get(TENANT_A, 'oid-alex', 'oid-megan')).toMatchObject({ organizedByA: 1 });
  });

  it('in person and never marked: unknown after a week', async () => {
    await endAndCollect(oneToOne({ online: false, joinUrl: null }));
    now = new Date(end.getTime() + 8 * DAY);
    expect(await closeUntold(deps)).toBe(1);
    expect(await stores.attendance.get(TENANT_A, 'meeting-1', start)).toMatchObject({
      state: 'unknown',
      unknownReason: 'not_told',
    });
  });

  it("Teams' word stands: the organizer cannot overrule a report", async () => {
    graph.script.push(sessionReport([['oid-alex', null, 2_700]]));
    await endAndCollect(oneToOne());
    await expect(
      markAttendance(deps, { tenantId: TENANT_A, userId: 'oid-alex' }, 'meeting-1', start, true),
    ).rejects.toMatchObject({ code: 'meeting_not_editable' });
  });

  it('a stop between saving the outcome and queueing the cards loses nothing', async () => {
    graph.script.push(
      sessionReport([
        ['oid-alex', null, 2_700],
        ['oid-megan', null, 2_700],
      ]),
    );
    const failing = { ...deps, queue: { ...queue.queue, enqueue: async () => Promise.reject(new Error('stopped')) } };
    await stores.meetings.insert(oneToOne());
    await planEndedOccurrences(failing, new Date(end.getTime() - DAY), now);
    now = new Date(now.getTime() + 11 * MIN);
    await collectDueAttendance(failing);
    expect(await stores.attendance.get(TENANT_A, 'meeting-1', start)).toMatchObject({ state: 'held' });
    expect(queue.sent()).toEqual([]);
    await collectDueAttendance(deps);
    expect(queue.sent()).toHaveLength(2);
    expect((await stores.attendance.get(TENANT_A, 'meeting-1', start))?.nextCheckAt).toBeNull();
    expect(graph.reads()).toBe(1);
  });

  it('more records due than one batch: one pass reads every one of them, each once', async () => {
    graph.script.push(
      sessionReport([
        ['oid-alex', null, 2_700],
        ['oid-megan', null, 2_700],
      ]),
    );
    for (let i = 1; i <= 7; i++) await stores.meetings.insert(oneToOne({ id: `meeting-${i}` }));
    await planEndedOccurrences(deps, new Date(end.getTime() - DAY), now);
    now = new Date(now.getTime() + 11 * MIN);
    const report = await collectDueAttendance(deps, 2);
    expect(report).toMatchObject({ read: 7, decided: 7, failed: 0 });
    expect(graph.reads()).toBe(7);
    expect(await stores.attendance.listDue(now, 10)).toEqual([]);
  });
});

describe('cadence nudges', () => {
  let now: Date;
  let stores: StoreSet;
  let queue: ReturnType<typeof recordingQueue>;
  let awayReads: number;
  let away: boolean;
  let deps: FollowThroughDeps;

  beforeEach(async () => {
    now = new Date(end.getTime() + 15 * DAY);
    stores = createMemoryStores();
    queue = recordingQueue();
    awayReads = 0;
    away = false;
    deps = depsOver(stores, {
      clock: { now: () => now },
      gateway: scriptedGateway().gateway,
      queue: queue.queue,
      away: async () => {
        awayReads++;
        return away;
      },
    });
    await stores.meetings.insert(aMeeting({ attendees: [{ ...megan, response: 'accepted' }] }));
    await stores.pairs.recordHeld({
      tenantId: TENANT_A,
      organizerId: 'oid-alex',
      partnerId: 'oid-megan',
      meetingId: 'meeting-1',
      start,
      end,
      typeId: 'mentoring-session',
      at: end,
    });
  });

  const scan = () => scanCadence(deps, TENANT_A);

  it('overdue (mentoring: every 14 days): the usual organizer is nudged once per rhythm', async () => {
    expect((await scan()).nudged).toBe(1);
    expect(queue.sent().map((m) => [m.kind, m.userId, m.payload.partnerId])).toEqual([
      ['cadence-nudge', 'oid-alex', 'oid-megan'],
    ]);
    now = new Date(now.getTime() + 3 * DAY);
    expect((await scan()).nudged).toBe(0);
    now = new Date(end.getTime() + 29 * DAY);
    expect((await scan()).nudged).toBe(1);
    expect(queue.sent()).toHaveLength(2);
  });

  it('not yet due: no nudge and no Graph read', async () => {
    now = new Date(end.getTime() + 13 * DAY);
    const report = await scan();
    expect(report).toMatchObject({ pairs: 1, due: 0, nudged: 0 });
    expect(awayReads).toBe(0);
  });

  it('already booked: no nudge', async () => {
    await stores.meetings.insert(
      aMeeting({
        id: 'meeting-2',
        start: new Date(now.getTime() + 2 * DAY),
        end: new Date(now.getTime() + 2 * DAY + 45 * MIN),
        attendees: [megan],
      }),
    );
    expect(await scan()).toMatchObject({ due: 1, booked: 1, nudged: 0 });
    expect(queue.sent()).toEqual([]);
  });

  it('out of office: waits, and nudges once they are back', async () => {
    away = true;
    expect(await scan()).toMatchObject({ away: 1, nudged: 0 });
    away = false;
    now = new Date(now.getTime() + DAY);
    expect(await scan()).toMatchObject({ nudged: 1 });
  });

  it('opted out: no nudge', async () => {
    await stores.tenants.upsertUser({
      tenantId: TENANT_A,
      userId: 'oid-alex',
      email: 'alexw@contoso.onmicrosoft.com',
      displayName: 'Alex Wilber',
      timeZone: 'Europe/London',
      connectionStatus: 'connected',
      connectionCheckedAt: null,
      connectionExpiresAt: null,
      preferences: { reminderMinutes: [], timeZoneOverride: null, workingHoursOverride: null, cadenceNudges: false },
      updatedAt: end,
    });
    expect(await scan()).toMatchObject({ optedOut: 1, nudged: 0 });
  });

  it("rhythm changed: the pair's own rhythm, and the type's, move the due date", async () => {
    await stores.pairs.setRhythm(TENANT_A, 'oid-alex', 'oid-megan', 28, now);
    expect((await scan()).due).toBe(0);
    await stores.pairs.setRhythm(TENANT_A, 'oid-alex', 'oid-megan', null, now);
    await stores.meetingTypes.setCadence(TENANT_A, 'mentoring-session', 30);
    expect((await scan()).due).toBe(0);
    await stores.meetingTypes.setCadence(TENANT_A, 'mentoring-session', 7);
    expect((await scan()).nudged).toBe(1);
  });
});
