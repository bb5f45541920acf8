import type { IncidentKind } from '@confer/contracts';
import { stepIncident } from '../../domain/incidents/incident-lifecycle.ts';
import type { Incident, IncidentNotice, IncidentStore } from '../../ports/incident-store.ts';
import { type EffectiveSettings, settingsOf } from '../admin/tenant-settings.ts';
import { type DeliveryReport, deliverNotices } from './deliver-notices.ts';
import { gatherSignals } from './gather-signals.ts';
import type { IncidentDeps } from './incident-deps.ts';

export interface EvaluationReport extends DeliveryReport {
  opened: number;
  reminded: number;
  resolved: number;
}

/**
 * One evaluation of every tenant: read the signals, open, remind or resolve incidents, recording each message to
 * each owner with the incident in one transaction (the intent), then send what is still unsent. A crash after
 * the transaction leaves the messages recorded for the next pass; running it twice plans nothing twice.
 */
export async function evaluateIncidents(deps: IncidentDeps): Promise<EvaluationReport> {
  const report: EvaluationReport = {
    opened: 0,
    reminded: 0,
    resolved: 0,
    cards: 0,
    unreachable: 0,
    emails: 0,
    emailFailures: 0,
  };
  for (const tenantId of deps.tenantIds) {
    const settings = await settingsOf(deps.tenants, tenantId, deps.defaultConnectionMode);
    // Switched off, Confer makes no Graph call for the tenant (README, admin guide): nothing is evaluated (what is
    // open stays open) and emails wait; cards still go out, through the Bot Connector rather than Graph.
    if (settings.integrationEnabled) await evaluateTenant(deps, settings, report);
    const delivered = await deliverNotices(deps, tenantId, { emails: settings.integrationEnabled });
    for (const key of ['cards', 'unreachable', 'emails', 'emailFailures'] as const) report[key] += delivered[key];
  }
  return report;
}

async function evaluateTenant(
  deps: IncidentDeps,
  settings: EffectiveSettings,
  report: EvaluationReport,
): Promise<void> {
  const { tenantId } = settings;
  const open = await openIncidents(deps.incidents, tenantId);
  const signals = await gatherSignals(deps, tenantId, settings.connectionMode, new Set(open.keys()));
  const now = deps.clock.now();
  for (const signal of signals) {
    const step = stepIncident(open.get(signal.kind), signal, { tenantId, now, newId: deps.newId });
    if (!step) continue;
    const notice = step.notice;
    const notices = notice
      ? settings.integrationOwners.map((ownerId) => plannedNotice(deps, step.incident, ownerId, notice, now))
      : [];
    await deps.incidents.save(step.incident, notices);
    if (step.notice?.kind === 'opened') report.opened += 1;
    if (step.notice?.kind === 'reminder') report.reminded += 1;
    if (step.notice?.kind === 'resolved') report.resolved += 1;
    if (step.notice) {
      deps.logger.warn(`incident ${step.notice.kind}`, {
        tenantId,
        incidentId: step.incident.id,
        kind: step.incident.kind,
        owners: notices.length,
      });
    }
  }
}

async function openIncidents(store: IncidentStore, tenantId: string): Promise<Map<IncidentKind, Incident>> {
  const open = await store.list(tenantId, { state: 'open', limit: 200 });
  return new Map(open.map((incident) => [incident.kind, incident]));
}

function plannedNotice(
  deps: IncidentDeps,
  incident: Incident,
  ownerId: string,
  notice: { notice: string; kind: IncidentNotice['kind'] },
  now: Date,
): IncidentNotice {
  return {
    incidentId: incident.id,
    tenantId: incident.tenantId,
    ownerId,
    notice: notice.notice,
    kind: notice.kind,
    card: 'planned',
    email: deps.mailer ? 'pending' : 'not_configured',
    emailAttempts: 0,
    emailError: null,
    emailSentAt: null,
    createdAt: now,
  };
}
