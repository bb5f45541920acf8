import type { Incident, NoticeKind } from '../../ports/incident-store.ts';
import { INCIDENT_THRESHOLDS, type IncidentSignal } from './incident-rules.ts';

/** What one evaluation does to one kind's incident, and the message owners get about it (if any). */
export interface IncidentStep {
  incident: Incident;
  notice: { notice: string; kind: NoticeKind } | null;
}

/**
 * Opens an incident on an active signal, keeps it current while the signal stays active (a reminder once per
 * `reminderEveryMs` since it opened or was last brought up), and resolves it when the signal clears. A signal
 * that could not be read changes nothing. Null: nothing to save.
 */
export function stepIncident(
  open: Incident | undefined,
  signal: IncidentSignal,
  context: { tenantId: string; now: Date; newId: () => string },
): IncidentStep | null {
  const { now } = context;
  if (signal.state === 'unknown') return null;
  if (signal.state === 'clear') {
    if (!open) return null;
    return { incident: { ...open, state: 'resolved', resolvedAt: now, lastSeenAt: now }, notice: resolvedNotice };
  }
  const seen = { summary: signal.summary, advice: signal.advice, affected: signal.affected, lastSeenAt: now };
  if (!open) {
    const incident: Incident = {
      id: context.newId(),
      tenantId: context.tenantId,
      kind: signal.kind,
      state: 'open',
      ...seen,
      openedAt: now,
      remindedAt: null,
      resolvedAt: null,
    };
    return { incident, notice: { notice: 'opened', kind: 'opened' } };
  }
  const since = open.remindedAt ?? open.openedAt;
  if (now.getTime() - since.getTime() >= INCIDENT_THRESHOLDS.reminderEveryMs) {
    return {
      incident: { ...open, ...seen, remindedAt: now },
      notice: { notice: `reminder:${now.toISOString()}`, kind: 'reminder' },
    };
  }
  return { incident: { ...open, ...seen }, notice: null };
}

const resolvedNotice = { notice: 'resolved', kind: 'resolved' } as const;
