import { describe, expect, it } from 'vitest';
import { createMemoryOutboundStore } from '../../adapters/memory/memory-outbound-store.ts';
import { createMemoryStores } from '../../adapters/memory/memory-stores.ts';
import { aMeeting } from '../../ports/store-fixtures.contract.ts';
import type { UserRecord } from '../../ports/tenant-store.ts';
import { planConnectionPrompts, withConnectionPrompts } from './connection-prompts.ts';
import { scheduleReminders } from './schedule-reminders.ts';

const now = new Date('2026-11-20T09:00:00.000Z');
const clock = { now: () => now };

function setup() {
  const stores = createMemoryStores();
  const queue = createMemoryOutboundStore();
  const deps = { queue, meetings: stores.meetings, meetingTypes: stores.meetingTypes, tenants: stores.tenants, clock };
  return { stores, queue, deps };
}

async function claimDue(queue: ReturnType<typeof createMemoryOutboundStore>, at: Date) {
  return queue.claim({ now: at, limit: 1000, claimToken: 't', leaseUntil: new Date(at.getTime() + 60_000) });
}

describe('scheduleReminders', () => {
  it('re-planning after a move replaces pending reminders and never repeats one already sent', async () => {
    const { queue, deps } = setup();
    const meeting = aMeeting({ typeId: null });
    expect(await scheduleReminders(deps, meeting)).toBe(4);
    expect(await scheduleReminders(deps, meeting)).toBe(4);
    // The day-before reminders go out.
    const dayBefore = await claimDue(queue, new Date('2026-11-22T10:00:00.000Z'));
    expect(dayBefore).toHaveLength(2);
    for (const job of dayBefore) {
      await queue.markSending(job, { deliveryId: job.message.key, conversationId: 'c', leaseUntil: new Date(8.64e15) });
      await queue.markSent({ ...job, state: 'sending' }, { activityId: 'a', sentAt: now });
    }
    // Re-planned unchanged: the sent ones stay sent, the 15-minute ones stay pending once.
    await scheduleReminders(deps, meeting);
    expect(await queue.countByState()).toMatchObject({ sent: 2, pending: 2 });
    // Moved by an hour: the old 15-minute reminders go, new ones come, nothing is sent twice.
    const moved = {
      ...meeting,
      start: new Date('2026-11-23T11:00:00.000Z'),
      end: new Date('2026-11-23T11:45:00.000Z'),
    };
    await scheduleReminders(deps, moved);
    expect(await queue.get('reminder:meeting-1:2026-11-23T10:00:00.000Z:oid-megan:15')).toBeUndefined();
    expect((await queue.get('reminder:meeting-1:2026-11-23T11:00:00.000Z:oid-megan:15'))?.state).toBe('pending');
    expect((await queue.get('reminder:meeting-1:2026-11-23T11:00:00.000Z:oid-megan:1440'))?.state).toBe('pending');
    expect((await queue.get('reminder:meeting-1:2026-11-23T10:00:00.000Z:oid-megan:1440'))?.state).toBe('sent');
  });

  it("uses the meeting type's defaults and each person's stored preference", async () => {
    const { stores, queue, deps } = setup();
    const types = await stores.meetingTypes.list('tenant-a');
    const type = types[0];
    if (!type) throw new Error('the memory store seeds default meeting types');
    await stores.tenants.upsertUser(
      user({ userId: 'oid-megan', preferences: { ...user().preferences, reminderMinutes: [5] } }),
    );
    await scheduleReminders(deps, aMeeting({ typeId: type.id }));
    const due = await claimDue(queue, new Date('2027-01-01T00:00:00.000Z'));
    const leads = (userId: string) =>
      due.filter((j) => j.message.userId === userId).map((j) => j.message.payload.leadMinutes);
    expect(leads('oid-megan')).toEqual([5]);
    expect(leads('oid-alex').sort()).toEqual([...type.defaultReminders].sort());
  });
});

function user(overrides: Partial<UserRecord> = {}): UserRecord {
  return {
    tenantId: 'tenant-a',
    userId: 'oid-megan',
    email: 'meganb@contoso.onmicrosoft.com',
    displayName: 'Megan Bowen',
    timeZone: 'Europe/London',
    connectionStatus: 'connected',
    connectionCheckedAt: now,
    connectionExpiresAt: null,
    preferences: { reminderMinutes: [], timeZoneOverride: null, workingHoursOverride: null },
    updatedAt: now,
    ...overrides,
  };
}

describe('connection prompts', () => {
  it('sends one reconnect card per status per day, however often the failure is recorded', async () => {
    const { stores, queue } = setup();
    const tenants = withConnectionPrompts(stores.tenants, { queue, clock, warnDaysBefore: 3 });
    await tenants.upsertUser(user());
    await tenants.upsertUser(user({ connectionStatus: 'consent_required' }));
    await tenants.upsertUser(user({ connectionStatus: 'consent_required' }));
    await tenants.upsertUser(user({ connectionStatus: 'expired' }));
    await tenants.upsertUser(user({ connectionStatus: 'consent_required' }));
    await tenants.upsertUser(user({ connectionStatus: 'outside_scope' }));
    await tenants.upsertUser(user({ connectionStatus: 'outside_scope' }));
    const due = await claimDue(queue, now);
    expect(due.map((job) => job.message.key).sort()).toEqual([
      'reconnect:oid-megan:consent_required:2026-11-20',
      'reconnect:oid-megan:expired:2026-11-20',
      'reconnect:oid-megan:outside_scope:2026-11-20',
    ]);
    expect(due.every((job) => job.message.kind === 'reconnect')).toBe(true);
  });

  it('warns a configurable number of days before a known expiry, and re-plans when the expiry moves', async () => {
    const { stores, queue } = setup();
    const tenants = withConnectionPrompts(stores.tenants, { queue, clock, warnDaysBefore: 3 });
    await tenants.upsertUser(user({ connectionExpiresAt: new Date('2026-12-20T09:00:00.000Z') }));
    await tenants.upsertUser(user({ connectionExpiresAt: new Date('2026-12-30T09:00:00.000Z') }));
    expect(await claimDue(queue, new Date('2026-12-20T00:00:00.000Z'))).toEqual([]);
    const due = await claimDue(queue, new Date('2026-12-27T09:00:00.000Z'));
    expect(due.map((job) => [job.message.kind, job.message.notBefore.toISOString()])).toEqual([
      ['expiry-warning', '2026-12-27T09:00:00.000Z'],
    ]);
  });

  it('plans nothing for a healthy connection without a known expiry, or one already past', () => {
    const options = { now, warnDaysBefore: 3 };
    expect(planConnectionPrompts(undefined, user(), options)).toEqual([]);
    expect(
      planConnectionPrompts(undefined, user({ connectionExpiresAt: new Date('2026-11-01T00:00:00Z') }), options),
    ).toEqual([]);
    // Warned right away when the expiry is closer than the warning period.
    const soon = planConnectionPrompts(
      undefined,
      user({ connectionExpiresAt: new Date('2026-11-21T09:00:00Z') }),
      options,
    );
    expect(soon.map((m) => m.notBefore)).toEqual([now]);
  });
});
