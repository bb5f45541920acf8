import type { IncidentKind } from '@confer/contracts';
import type { Incident, IncidentNotice, NoticeKind } from '../../ports/incident-store.ts';

/** An incidents row; `I` is how the database returns an instant (ISO text in SQLite, Date in PostgreSQL). */
export interface IncidentRow<I> {
  id: string;
  tenant_id: string;
  kind: IncidentKind;
  state: 'open' | 'resolved';
  summary: string;
  advice: string;
  affected: number;
  opened_at: I;
  last_seen_at: I;
  reminded_at: I | null;
  resolved_at: I | null;
}

export interface NoticeRow<I> {
  incident_id: string;
  tenant_id: string;
  owner_id: string;
  notice: string;
  kind: NoticeKind;
  card_state: IncidentNotice['card'];
  email_state: IncidentNotice['email'];
  email_attempts: number;
  email_error: string | null;
  email_sent_at: I | null;
  created_at: I;
}

export function incidentFromRow<I>(row: IncidentRow<I>, toDate: (instant: I) => Date): Incident {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    kind: row.kind,
    state: row.state,
    summary: row.summary,
    advice: row.advice,
    affected: row.affected,
    openedAt: toDate(row.opened_at),
    lastSeenAt: toDate(row.last_seen_at),
    remindedAt: row.reminded_at ? toDate(row.reminded_at) : null,
    resolvedAt: row.resolved_at ? toDate(row.resolved_at) : null,
  };
}

export function noticeFromRow<I>(row: NoticeRow<I>, toDate: (instant: I) => Date): IncidentNotice {
  return {
    incidentId: row.incident_id,
    tenantId: row.tenant_id,
    ownerId: row.owner_id,
    notice: row.notice,
    kind: row.kind,
    card: row.card_state,
    email: row.email_state,
    emailAttempts: row.email_attempts,
    emailError: row.email_error,
    emailSentAt: row.email_sent_at ? toDate(row.email_sent_at) : null,
    createdAt: toDate(row.created_at),
  };
}
