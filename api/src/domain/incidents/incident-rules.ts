import type { IncidentKind } from '@confer/contracts';

/**
 * When a failure is an incident rather than one person's trouble. Each figure is a judgement, kept here and in
 * the README's admin guide so owners know what raises an alert.
 */
export const INCIDENT_THRESHOLDS = Object.freeze({
  /** Per-user mode: this many people losing consent within the window is an incident, whatever the tenant's size. */
  consentPeople: 5,
  /** …or this share of the people who connected, counted only from `consentMinPeople` (one person is no pattern). */
  consentShare: 0.2,
  consentMinPeople: 2,
  consentWindowMs: 3_600_000,
  /** The client secret is flagged this many days before it expires (and after). */
  secretWarnDays: 30,
  /** People whose subscription creation or renewal Graph refused within the window. */
  subscriptionPeople: 3,
  subscriptionWindowMs: 6 * 3_600_000,
  /** Lifecycle `missed` events within the window: Graph could not deliver change notifications. */
  missedNotifications: 10,
  /** Bot messages given up on within the window. */
  failedDeliveries: 10,
  deliveryWindowMs: 3_600_000,
  /** The latest access test is an incident below this success rate… */
  accessTestMinRate: 0.5,
  /** …or this far below the best earlier run. */
  accessTestDrop: 0.3,
  /** An open incident is brought up again this often. */
  reminderEveryMs: 24 * 3_600_000,
});

/** The application permissions Confer's calendar work needs in tenant-wide mode (appPackage/aad.manifest.json). */
export const CALENDAR_APP_ROLES = ['Calendars.ReadWrite'] as const;

/** What one evaluation saw for one kind. `unknown`: it could not tell (the incident, if any, stays as it is). */
export type IncidentSignal =
  | { kind: IncidentKind; state: 'active'; affected: number; summary: string; advice: string }
  | { kind: IncidentKind; state: 'clear' }
  | { kind: IncidentKind; state: 'unknown'; detail: string };

const clear = (kind: IncidentKind): IncidentSignal => ({ kind, state: 'clear' });

const CONSENT_ADVICE =
  'An Entra admin should grant admin consent to Confer again (Entra admin center → Enterprise applications → ' +
  'Confer → Permissions → Grant admin consent). Confer checks again on its next pass and says when it recovers.';

export interface PersonConnection {
  status: 'connected' | 'consent_required' | 'expired' | 'outside_scope' | 'not_connected';
  checkedAt: Date | null;
}

/**
 * Per-user mode: many people's delegated token exchanges failing for missing consent at once. It opens on
 * recent failures (within the window); an open incident stays open while as many people are still without
 * consent, however long ago their check failed.
 */
export function perUserConsentSignal(people: readonly PersonConnection[], now: Date, open: boolean): IncidentSignal {
  const t = INCIDENT_THRESHOLDS;
  const connected = people.filter((person) => person.status !== 'not_connected').length;
  const missing = people.filter((person) => person.status === 'consent_required');
  const recent = missing.filter(
    (person) => person.checkedAt !== null && now.getTime() - person.checkedAt.getTime() <= t.consentWindowMs,
  );
  const count = open ? missing.length : recent.length;
  const many =
    count >= t.consentPeople || (count >= t.consentMinPeople && connected > 0 && count / connected >= t.consentShare);
  if (!many) return clear('consent_revoked');
  return {
    kind: 'consent_revoked',
    state: 'active',
    affected: count,
    summary: `${count} of ${connected} connected people can no longer connect their Outlook calendar: Confer's consent is missing.`,
    advice: CONSENT_ADVICE,
  };
}

/** Tenant-wide mode: the application token is refused, or no longer carries the calendar permission. */
export function tenantConsentSignal(
  probe: { outcome: 'granted'; roles: readonly string[] } | { outcome: 'consent_missing' | 'unknown'; detail: string },
  people: number,
): IncidentSignal {
  if (probe.outcome === 'unknown') return { kind: 'consent_revoked', state: 'unknown', detail: probe.detail };
  const granted = probe.outcome === 'granted' ? probe.roles : [];
  const missing = CALENDAR_APP_ROLES.filter((role) => !granted.includes(role));
  if (missing.length === 0) return clear('consent_revoked');
  return {
    kind: 'consent_revoked',
    state: 'active',
    affected: people,
    summary: `Confer's tenant-wide access to Outlook calendars is gone (application permission ${missing.join(', ')} not granted): no calendar is read or written.`,
    advice: CONSENT_ADVICE,
  };
}

/** The client secret expires within the warning period, or has expired. */
export function secretExpirySignal(expiresAt: Date | null, now: Date): IncidentSignal {
  if (expiresAt === null) return clear('secret_expiring');
  const daysLeft = Math.ceil((expiresAt.getTime() - now.getTime()) / 86_400_000);
  if (daysLeft > INCIDENT_THRESHOLDS.secretWarnDays) return clear('secret_expiring');
  const day = expiresAt.toISOString().slice(0, 10);
  return {
    kind: 'secret_expiring',
    state: 'active',
    affected: 0,
    summary:
      daysLeft > 0
        ? `Confer's client secret expires on ${day} (in ${daysLeft} days); after that Confer cannot reach Outlook at all.`
        : `Confer's client secret expired on ${day}: Confer cannot reach Outlook.`,
    advice:
      'Create a new client secret for the Confer app registration (Entra admin center → App registrations → Confer → ' +
      'Certificates & secrets), put it in SECRET_AAD_APP_CLIENT_SECRET with its expiry in CONFER_CLIENT_SECRET_EXPIRES_AT, and restart Confer.',
  };
}

/** Graph refusing subscription creations or renewals for several people: their Outlook changes stop reaching Confer. */
export function subscriptionSignal(failedPeople: number): IncidentSignal {
  if (failedPeople < INCIDENT_THRESHOLDS.subscriptionPeople) return clear('subscription_failures');
  return {
    kind: 'subscription_failures',
    state: 'active',
    affected: failedPeople,
    summary: `Graph refused to watch the calendars of ${failedPeople} people recently: changes they make in Outlook may not reach Confer.`,
    advice:
      "Check Confer's log for the subscription errors, that Confer's public URL (TAB_ENDPOINT) answers from the internet, and the calendar permissions.",
  };
}

/** Change notifications Graph could not deliver, or bot cards Confer gave up on. */
export function deliverySignal(counts: { missed: number; failedDeliveries: number }): IncidentSignal {
  const t = INCIDENT_THRESHOLDS;
  const missed = counts.missed >= t.missedNotifications;
  const failed = counts.failedDeliveries >= t.failedDeliveries;
  if (!missed && !failed) return clear('delivery_failures');
  const parts = [
    ...(missed ? [`Graph reported ${counts.missed} missed change notifications`] : []),
    ...(failed ? [`${counts.failedDeliveries} bot messages could not be delivered`] : []),
  ];
  return {
    kind: 'delivery_failures',
    state: 'active',
    affected: counts.missed + counts.failedDeliveries,
    summary: `${parts.join(' and ')} in the last hour.`,
    advice:
      "Check that Confer's public URL answers (Graph and the Bot Connector must reach it) and Confer's log for the delivery errors; calendars are read again by the periodic resync.",
  };
}

/** The latest access test's success rate, low or sharply below the best earlier run. */
export function accessTestSignal(runs: readonly { at: Date; tested: number; succeeded: number }[]): IncidentSignal {
  const t = INCIDENT_THRESHOLDS;
  const sorted = [...runs].filter((run) => run.tested > 0).sort((a, b) => b.at.getTime() - a.at.getTime());
  const [latest, ...earlier] = sorted;
  if (!latest) return clear('access_test_failures');
  const rate = latest.succeeded / latest.tested;
  const best = Math.max(0, ...earlier.map((run) => run.succeeded / run.tested));
  if (rate >= t.accessTestMinRate && best - rate < t.accessTestDrop) return clear('access_test_failures');
  return {
    kind: 'access_test_failures',
    state: 'active',
    affected: latest.tested - latest.succeeded,
    summary: `The latest access test reached ${latest.succeeded} of ${latest.tested} calendars (${Math.round(rate * 100)} %).`,
    advice:
      "Open the access test in Confer's admin center to see whose calendars failed and why, then fix consent, the access policy or the mailboxes.",
  };
}
