import { describe, expect, it } from 'vitest';
import type { Incident } from '../../ports/incident-store.ts';
import { stepIncident } from './incident-lifecycle.ts';
import {
  accessTestSignal,
  deliverySignal,
  INCIDENT_THRESHOLDS,
  type PersonConnection,
  perUserConsentSignal,
  secretExpirySignal,
  subscriptionSignal,
  tenantConsentSignal,
} from './incident-rules.ts';

const NOW = new Date('2026-03-02T09:00:00Z');
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);
const people = (count: number, status: PersonConnection['status'], checkedAt: Date | null = minutesAgo(10)) =>
  Array.from({ length: count }, () => ({ status, checkedAt }));

describe('per-user consent (≥ 5 people, or ≥ 20 % of connected people from 2, within an hour)', () => {
  it.each([
    ['4 of 100 recent', [...people(4, 'consent_required'), ...people(96, 'connected')], false],
    ['5 of 100 recent', [...people(5, 'consent_required'), ...people(95, 'connected')], true],
    ['2 of 10 recent (20 %)', [...people(2, 'consent_required'), ...people(8, 'connected')], true],
    ['2 of 11 recent (18 %)', [...people(2, 'consent_required'), ...people(9, 'connected')], false],
    ['1 of 1: one person is no pattern', people(1, 'consent_required'), false],
    [
      '6 of 20, but failed over an hour ago',
      [...people(6, 'consent_required', minutesAgo(61)), ...people(14, 'connected')],
      false,
    ],
    ['never-connected people do not count', [...people(2, 'consent_required'), ...people(50, 'not_connected')], true],
  ])('%s → %s', (_case, list, active) => {
    expect(perUserConsentSignal(list, NOW, false).state).toBe(active ? 'active' : 'clear');
  });

  it('an open incident stays open while as many people are still without consent, however long ago', () => {
    const list = [...people(6, 'consent_required', minutesAgo(600)), ...people(14, 'connected')];
    expect(perUserConsentSignal(list, NOW, true)).toMatchObject({ state: 'active', affected: 6 });
    const recovered = [...people(1, 'consent_required', minutesAgo(600)), ...people(19, 'connected')];
    expect(perUserConsentSignal(recovered, NOW, true).state).toBe('clear');
  });
});

describe('tenant-wide consent', () => {
  it.each([
    [{ outcome: 'granted' as const, roles: ['Calendars.ReadWrite', 'Mail.Send'] }, 'clear'],
    [{ outcome: 'granted' as const, roles: ['Mail.Send', 'User.Read.All'] }, 'active'],
    [{ outcome: 'granted' as const, roles: [] }, 'active'],
    [{ outcome: 'consent_missing' as const, detail: 'AADSTS65001' }, 'active'],
    [{ outcome: 'unknown' as const, detail: 'network' }, 'unknown'],
  ])('%o → %s', (probe, state) => {
    expect(tenantConsentSignal(probe, 12).state).toBe(state);
  });
});

describe('client secret expiry (30 days ahead)', () => {
  const inDays = (days: number) => new Date(NOW.getTime() + days * 86_400_000);
  it.each([
    [null, 'clear'],
    [inDays(31), 'clear'],
    [inDays(30), 'active'],
    [inDays(1), 'active'],
    [inDays(-2), 'active'],
  ])('expiring %s → %s', (expiresAt, state) => {
    expect(secretExpirySignal(expiresAt, NOW).state).toBe(state);
  });

  it('says when it expired once it has', () => {
    expect(secretExpirySignal(inDays(-2), NOW)).toMatchObject({ summary: expect.stringContaining('expired on') });
    expect(secretExpirySignal(inDays(12), NOW)).toMatchObject({ summary: expect.stringContaining('(in 12 days)') });
  });
});

describe('subscription and delivery failures', () => {
  it('counts people whose subscriptions failed from the threshold on', () => {
    expect(subscriptionSignal(INCIDENT_THRESHOLDS.subscriptionPeople - 1).state).toBe('clear');
    expect(subscriptionSignal(INCIDENT_THRESHOLDS.subscriptionPeople)).toMatchObject({ state: 'active', affected: 3 });
  });

  it.each([
    [{ missed: 9, failedDeliveries: 9 }, 'clear'],
    [{ missed: 10, failedDeliveries: 0 }, 'active'],
    [{ missed: 0, failedDeliveries: 10 }, 'active'],
  ])('%o → %s', (counts, state) => {
    expect(deliverySignal(counts).state).toBe(state);
  });
});

describe('access test (below 50 %, or 30 points below the best earlier run)', () => {
  const run = (hoursAgo: number, tested: number, succeeded: number) => ({
    at: new Date(NOW.getTime() - hoursAgo * 3_600_000),
    tested,
    succeeded,
  });
  it.each([
    ['no runs', [], 'clear'],
    ['one good run', [run(1, 10, 9)], 'clear'],
    ['one bad run', [run(1, 10, 4)], 'active'],
    ['100 % then 60 %', [run(1, 10, 6), run(24, 10, 10)], 'active'],
    ['80 % then 60 %', [run(1, 10, 6), run(24, 10, 8)], 'clear'],
    ['a bad run, then recovered', [run(1, 10, 10), run(24, 10, 2)], 'clear'],
    ['an empty run is ignored', [run(1, 0, 0), run(24, 10, 10)], 'clear'],
  ])('%s → %s', (_case, runs, state) => {
    expect(accessTestSignal(runs).state).toBe(state);
  });
});

describe('incident lifecycle', () => {
  const context = { tenantId: 't', now: NOW, newId: () => 'incident-1' };
  const active = { kind: 'consent_revoked' as const, state: 'active' as const, affected: 3, summary: 's', advice: 'a' };
  const open: Incident = {
    id: 'incident-1',
    tenantId: 't',
    kind: 'consent_revoked',
    state: 'open',
    summary: 's',
    advice: 'a',
    affected: 3,
    openedAt: minutesAgo(60),
    lastSeenAt: minutesAgo(10),
    remindedAt: null,
    resolvedAt: null,
  };
  const later = (ms: number) => ({ ...context, now: new Date(open.openedAt.getTime() + ms) });

  it('opens on an active signal, with an opened notice', () => {
    expect(stepIncident(undefined, active, context)).toMatchObject({
      incident: { id: 'incident-1', state: 'open', openedAt: NOW, remindedAt: null },
      notice: { notice: 'opened', kind: 'opened' },
    });
  });

  it('keeps an open incident current without a notice until 24 h have passed, then reminds once', () => {
    expect(stepIncident(open, active, later(INCIDENT_THRESHOLDS.reminderEveryMs - 1))?.notice).toBeNull();
    const reminded = stepIncident(open, active, later(INCIDENT_THRESHOLDS.reminderEveryMs));
    expect(reminded?.notice).toEqual({ notice: `reminder:${later(86_400_000).now.toISOString()}`, kind: 'reminder' });
    const after = reminded?.incident as Incident;
    expect(stepIncident(after, active, later(INCIDENT_THRESHOLDS.reminderEveryMs + 3_600_000))?.notice).toBeNull();
    expect(stepIncident(after, active, later(2 * INCIDENT_THRESHOLDS.reminderEveryMs))?.notice?.kind).toBe('reminder');
  });

  it('resolves when the signal clears, and does nothing when it cannot be read or nothing is open', () => {
    expect(stepIncident(open, { kind: 'consent_revoked', state: 'clear' }, context)).toMatchObject({
      incident: { state: 'resolved', resolvedAt: NOW },
      notice: { notice: 'resolved', kind: 'resolved' },
    });
    expect(stepIncident(open, { kind: 'consent_revoked', state: 'unknown', detail: 'x' }, context)).toBeNull();
    expect(stepIncident(undefined, { kind: 'consent_revoked', state: 'clear' }, context)).toBeNull();
  });
});
