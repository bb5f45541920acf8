import type { OutboundMessage } from '@confer/bot/ports';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../adapters/sqlite/database.ts';
import { createSqliteIncidentStore } from '../../adapters/sqlite/sqlite-incident-store.ts';
import { AppError } from '../../domain/app-error.ts';
import { createLogger } from '../../logging/logger.ts';
import type { AlertMail } from '../../ports/alert-mailer.ts';
import type { AccessTestRun } from '../../ports/incident-signals.ts';
import type { TenantSettings, UserRecord } from '../../ports/tenant-store.ts';
import { evaluateIncidents } from './evaluate-incidents.ts';
import type { IncidentDeps } from './incident-deps.ts';
import { createIncidentMonitor } from './incident-monitor.ts';

const TENANT = 'tenant-1';
const OWNERS = ['owner-reachable', 'owner-unreachable'];
const START = new Date('2026-03-02T09:00:00Z');

/** A world of hand-written fakes around the real SQLite incident store. */
function world() {
  let now = START;
  let ids = 0;
  const queued = new Map<string, OutboundMessage>();
  const mails: { to: string; mail: AlertMail }[] = [];
  const state = {
    failedSubscriptions: 0,
    accessTests: [] as AccessTestRun[],
    users: [] as UserRecord[],
    queueFails: false,
    mailFails: false,
  };
  const settings: TenantSettings = {
    tenantId: TENANT,
    connectionMode: 'user',
    securityGroupId: null,
    integrationEnabled: true,
    allowDisconnect: true,
    integrationOwners: OWNERS,
    updatedAt: START,
  };
  const deps: IncidentDeps = {
    clock: { now: () => now },
    logger: createLogger('silent'),
    newId: () => `incident-${++ids}`,
    tenantIds: [TENANT],
    incidents: createSqliteIncidentStore(openDatabase(':memory:')),
    tenants: { getSettings: async () => settings, listUsers: async () => state.users },
    defaultConnectionMode: 'user',
    signals: {
      failedSubscriptionPeople: async () => state.failedSubscriptions,
      missedNotifications: async () => 0,
      failedDeliveries: async () => 0,
    },
    probeAppConsent: async () => ({ outcome: 'granted', roles: ['Calendars.ReadWrite'] }),
    clientSecretExpiresAt: null,
    recentAccessTests: async () => state.accessTests,
    queue: {
      async enqueue(messages) {
        if (state.queueFails) throw new Error('the process stopped here');
        for (const message of messages) if (!queued.has(message.key)) queued.set(message.key, message);
      },
      async cancelPending() {
        return 0;
      },
    },
    canReach: async (_tenantId, userId) => userId === 'owner-reachable',
    mailer: {
      async send(_tenantId, to, mail) {
        if (state.mailFails) throw new AppError('graph_unavailable', 'Microsoft Graph is unavailable right now.');
        mails.push({ to, mail });
      },
    },
    tabUrl: 'https://confer.example.com/',
  };
  return { deps, queued, mails, state, settings, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

function person(userId: string, status: UserRecord['connectionStatus'], checkedAt: Date): UserRecord {
  return {
    tenantId: TENANT,
    userId,
    email: `${userId}@example.com`,
    displayName: userId,
    timeZone: 'UTC',
    connectionStatus: status,
    connectionCheckedAt: checkedAt,
    connectionExpiresAt: null,
    preferences: { reminderMinutes: [], timeZoneOverride: null, workingHoursOverride: null },
    updatedAt: checkedAt,
  };
}

let w: ReturnType<typeof world>;
beforeEach(() => {
  w = world();
});

describe('evaluating incidents', () => {
  it('per-user mode: five people losing consent within the hour is one incident, one card and one email each', async () => {
    w.state.users = [
      ...['a', 'b', 'c', 'd', 'e'].map((id) => person(id, 'consent_required', START)),
      ...['f', 'g', 'h'].map((id) => person(id, 'connected', START)),
    ];
    expect(await evaluateIncidents(w.deps)).toMatchObject({ opened: 1, cards: 1, unreachable: 1, emails: 2 });
    await evaluateIncidents(w.deps);
    expect([...w.queued.keys()]).toEqual(['incident:incident-1:owner-reachable:opened']);
    expect(w.queued.get('incident:incident-1:owner-reachable:opened')).toMatchObject({
      kind: 'incident-alert',
      payload: { notice: 'opened', incidentKind: 'consent_revoked', affected: 5 },
    });
    expect(w.mails.map((m) => m.to)).toEqual(OWNERS);
    expect(w.mails[0]?.mail.body).toContain('https://confer.example.com/#/admin/incidents');
  });

  it('a crash after the intent is recorded loses nothing and repeats nothing', async () => {
    w.state.failedSubscriptions = 3;
    w.state.queueFails = true;
    await expect(evaluateIncidents(w.deps)).rejects.toThrow('the process stopped here');
    expect(w.queued.size).toBe(0);
    expect(w.mails).toEqual([]);
    // "Restarted": the next pass finds the recorded notices and sends each once.
    w.state.queueFails = false;
    expect(await evaluateIncidents(w.deps)).toMatchObject({ opened: 0, cards: 1, unreachable: 1, emails: 2 });
    expect(await evaluateIncidents(w.deps)).toMatchObject({ cards: 0, unreachable: 0, emails: 0 });
    expect(w.queued.size).toBe(1);
    expect(w.mails).toHaveLength(2);
  });

  it('an email Graph refuses stays pending with its reason and is sent on a later pass', async () => {
    w.state.failedSubscriptions = 4;
    w.state.mailFails = true;
    expect(await evaluateIncidents(w.deps)).toMatchObject({ opened: 1, emails: 0, emailFailures: 2 });
    const notices = await w.deps.incidents.listNotices(TENANT, 'incident-1');
    expect(notices.map((n) => [n.email, n.emailAttempts, n.emailError])).toEqual([
      ['pending', 1, 'graph_unavailable: Microsoft Graph is unavailable right now.'],
      ['pending', 1, 'graph_unavailable: Microsoft Graph is unavailable right now.'],
    ]);
    w.state.mailFails = false;
    expect(await evaluateIncidents(w.deps)).toMatchObject({ emails: 2, emailFailures: 0 });
    const sent = await w.deps.incidents.listNotices(TENANT, 'incident-1');
    expect(sent.map((n) => [n.email, n.emailAttempts, n.emailError])).toEqual([
      ['sent', 2, null],
      ['sent', 2, null],
    ]);
  });

  it('without an alert mailbox, owners get cards only and the notices say so', async () => {
    w.deps.mailer = null;
    w.state.failedSubscriptions = 3;
    expect(await evaluateIncidents(w.deps)).toMatchObject({ opened: 1, cards: 1, emails: 0, emailFailures: 0 });
    const notices = await w.deps.incidents.listNotices(TENANT, 'incident-1');
    expect(notices.map((n) => n.email)).toEqual(['not_configured', 'not_configured']);
  });

  it('the access test signal, when wired, opens and resolves its incident', async () => {
    w.state.accessTests = [
      { at: new Date(START.getTime() - 3_600_000), tested: 20, succeeded: 8 },
      { at: new Date(START.getTime() - 86_400_000), tested: 20, succeeded: 20 },
    ];
    expect(await evaluateIncidents(w.deps)).toMatchObject({ opened: 1 });
    const [open] = await w.deps.incidents.list(TENANT, { state: 'open', limit: 10 });
    expect(open).toMatchObject({ kind: 'access_test_failures', affected: 12 });
    w.advance(3_600_000);
    w.state.accessTests = [{ at: START, tested: 20, succeeded: 20 }, ...w.state.accessTests];
    expect(await evaluateIncidents(w.deps)).toMatchObject({ resolved: 1 });
    expect([...w.queued.keys()].map((key) => key.split(':').at(-1))).toEqual(['opened', 'resolved']);
  });

  it('a signal that cannot be read neither opens nor resolves', async () => {
    w.state.failedSubscriptions = 3;
    await evaluateIncidents(w.deps);
    w.deps.signals.failedSubscriptionPeople = async () => {
      throw new Error('database busy');
    };
    expect(await evaluateIncidents(w.deps)).toMatchObject({ opened: 0, resolved: 0 });
    expect(await w.deps.incidents.list(TENANT, { state: 'open', limit: 10 })).toHaveLength(1);
  });

  it('while the integration is switched off nothing is evaluated and emails wait; cards still go out', async () => {
    w.state.failedSubscriptions = 3;
    w.state.mailFails = true;
    await evaluateIncidents(w.deps);
    w.settings.integrationEnabled = false;
    w.state.mailFails = false;
    w.state.failedSubscriptions = 0;
    expect(await evaluateIncidents(w.deps)).toMatchObject({ resolved: 0, emails: 0, emailFailures: 0 });
    expect(w.mails).toEqual([]);
    expect(await w.deps.incidents.list(TENANT, { state: 'open', limit: 10 })).toHaveLength(1);
    w.settings.integrationEnabled = true;
    expect(await evaluateIncidents(w.deps)).toMatchObject({ resolved: 1, emails: 4 });
  });

  it('the monitor runs one evaluation at a time: callers during a pass share it', async () => {
    w.state.failedSubscriptions = 3;
    const monitor = createIncidentMonitor(w.deps);
    const [first, second] = await Promise.all([monitor.evaluate(), monitor.evaluate()]);
    expect(first).toBe(second);
    expect(first).toMatchObject({ opened: 1, cards: 1 });
    await monitor.stop();
  });
});
