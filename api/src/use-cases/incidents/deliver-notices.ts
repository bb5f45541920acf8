import type { OutboundMessage } from '@confer/bot/ports';
import { incidentsPageUrl } from '@confer/bot/render';
import { AppError } from '../../domain/app-error.ts';
import type { Incident, IncidentNotice } from '../../ports/incident-store.ts';
import type { IncidentDeps } from './incident-deps.ts';
import { incidentEmail, incidentTitle } from './incident-email.ts';

export interface DeliveryReport {
  cards: number;
  unreachable: number;
  emails: number;
  emailFailures: number;
}

/**
 * Sends what recorded notices still owe: the card is put in the outbound queue under a key of its own (queuing
 * it again after a crash changes nothing) or marked unreachable; the email is sent and marked, or kept pending
 * with the failure recorded, to be tried again on the next pass.
 */
export async function deliverNotices(
  deps: IncidentDeps,
  tenantId: string,
  allowed: { emails: boolean },
): Promise<DeliveryReport> {
  const report: DeliveryReport = { cards: 0, unreachable: 0, emails: 0, emailFailures: 0 };
  const incidents = new Map<string, Incident | undefined>();
  const incidentOf = async (id: string) => {
    if (!incidents.has(id)) incidents.set(id, await deps.incidents.find(tenantId, id));
    return incidents.get(id);
  };
  for (const notice of await deps.incidents.listUndone(tenantId)) {
    const incident = await incidentOf(notice.incidentId);
    if (!incident) continue;
    let current = notice;
    if (current.card === 'planned') {
      current = await queueCard(deps, incident, current);
      report[current.card === 'queued' ? 'cards' : 'unreachable'] += 1;
    }
    if (current.email === 'pending' && allowed.emails) {
      current = await sendEmail(deps, incident, current);
      report[current.email === 'sent' ? 'emails' : 'emailFailures'] += 1;
    }
  }
  return report;
}

async function queueCard(deps: IncidentDeps, incident: Incident, notice: IncidentNotice): Promise<IncidentNotice> {
  const reachable = await deps.canReach(notice.tenantId, notice.ownerId);
  if (reachable) await deps.queue.enqueue([incidentCard(incident, notice, deps.clock.now())]);
  const next: IncidentNotice = { ...notice, card: reachable ? 'queued' : 'unreachable' };
  await deps.incidents.updateNotice(next);
  if (!reachable) {
    deps.logger.warn('integration owner has no chat with the bot yet: email only', {
      tenantId: notice.tenantId,
      ownerId: notice.ownerId,
      incidentId: incident.id,
    });
  }
  return next;
}

async function sendEmail(deps: IncidentDeps, incident: Incident, notice: IncidentNotice): Promise<IncidentNotice> {
  if (!deps.mailer) return notice;
  const attempts = notice.emailAttempts + 1;
  try {
    await deps.mailer.send(
      notice.tenantId,
      notice.ownerId,
      incidentEmail(incident, notice.kind, incidentsPageUrl(deps.tabUrl)),
    );
  } catch (error) {
    const reason = error instanceof AppError ? `${error.code}: ${error.message}` : String(error);
    deps.logger.warn('incident email not sent; retried on the next pass', {
      tenantId: notice.tenantId,
      ownerId: notice.ownerId,
      incidentId: incident.id,
      attempts,
      error,
    });
    const failed: IncidentNotice = { ...notice, emailAttempts: attempts, emailError: reason };
    await deps.incidents.updateNotice(failed);
    return failed;
  }
  const sent: IncidentNotice = {
    ...notice,
    email: 'sent',
    emailAttempts: attempts,
    emailError: null,
    emailSentAt: deps.clock.now(),
  };
  await deps.incidents.updateNotice(sent);
  return sent;
}

/** The outbound message of one notice; its key names the incident, the owner and the notice, so it is sent once. */
export function incidentCard(incident: Incident, notice: IncidentNotice, now: Date): OutboundMessage {
  return {
    key: `incident:${incident.id}:${notice.ownerId}:${notice.notice}`,
    tenantId: notice.tenantId,
    userId: notice.ownerId,
    kind: 'incident-alert',
    payload: {
      incidentId: incident.id,
      incidentKind: incident.kind,
      notice: notice.kind,
      title: incidentTitle(incident, notice.kind),
      summary: incident.summary,
      advice: incident.advice,
      affected: incident.affected,
      openedAt: incident.openedAt.toISOString(),
      ...(incident.resolvedAt ? { resolvedAt: incident.resolvedAt.toISOString() } : {}),
    },
    notBefore: now,
  };
}
