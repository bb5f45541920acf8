import type { IncidentKind } from '@confer/contracts';

/** Something wrong with the Outlook integration for many people at once, open until its signal clears. */
export interface Incident {
  id: string;
  tenantId: string;
  kind: IncidentKind;
  state: 'open' | 'resolved';
  summary: string;
  /** What an integration owner should do about it. */
  advice: string;
  /** People (or items) affected when last seen. */
  affected: number;
  openedAt: Date;
  lastSeenAt: Date;
  /** When the last reminder was planned; null before the first. */
  remindedAt: Date | null;
  resolvedAt: Date | null;
}

export type NoticeKind = 'opened' | 'reminder' | 'resolved';

/**
 * One message about one incident to one integration owner, recorded before anything is sent, so a restart finds
 * what is still to do. `card`: `planned` until the bot card is in the outbound queue (`queued`), or `unreachable`
 * when the bot has no conversation with the owner yet. `email`: `pending` until Graph accepted it (`sent`), or
 * `not_configured` without an alert mailbox.
 */
export interface IncidentNotice {
  incidentId: string;
  tenantId: string;
  ownerId: string;
  /** Unique per incident and owner: `opened`, `resolved`, or `reminder:{ISO instant}`. */
  notice: string;
  kind: NoticeKind;
  card: 'planned' | 'queued' | 'unreachable';
  email: 'pending' | 'sent' | 'not_configured';
  emailAttempts: number;
  /** Why the last email attempt failed; null once sent or before any attempt. */
  emailError: string | null;
  emailSentAt: Date | null;
  createdAt: Date;
}

export interface IncidentStore {
  /** The tenant's open incident of this kind (at most one). */
  findOpen(tenantId: string, kind: IncidentKind): Promise<Incident | undefined>;
  find(tenantId: string, id: string): Promise<Incident | undefined>;
  /**
   * Inserts or updates the incident and records the notices, all or nothing. A notice already recorded (same
   * incident, owner and notice) is left as it is, so planning twice plans once.
   */
  save(incident: Incident, notices: readonly IncidentNotice[]): Promise<void>;
  /** Newest first. */
  list(tenantId: string, filter: { state?: 'open' | 'resolved'; limit: number }): Promise<Incident[]>;
  /** Notices with a card still to queue or an email still to send, oldest first. */
  listUndone(tenantId: string): Promise<IncidentNotice[]>;
  listNotices(tenantId: string, incidentId: string): Promise<IncidentNotice[]>;
  /** Updates the card and email state of a recorded notice. */
  updateNotice(notice: IncidentNotice): Promise<void>;
}
