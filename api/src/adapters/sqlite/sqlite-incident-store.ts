import type { Incident, IncidentNotice, IncidentStore } from '../../ports/incident-store.ts';
import {
  incidentFromRow,
  type NoticeRow as Notice,
  noticeFromRow,
  type IncidentRow as Row,
} from '../store-rows/incident-rows.ts';
import type { SqliteDatabase } from './database.ts';

type IncidentRow = Row<string>;
type NoticeRow = Notice<string>;
const toDate = (text: string) => new Date(text);
const toIncident = (row: IncidentRow) => incidentFromRow(row, toDate);
const toNotice = (row: NoticeRow) => noticeFromRow(row, toDate);

/** Incidents and their notices in the app's SQLite file (migration 15). */
export function createSqliteIncidentStore(db: SqliteDatabase): IncidentStore {
  const upsert = db.prepare(`
    INSERT INTO incidents (id, tenant_id, kind, state, summary, advice, affected, opened_at, last_seen_at,
                           reminded_at, resolved_at)
    VALUES (@id, @tenantId, @kind, @state, @summary, @advice, @affected, @openedAt, @lastSeenAt, @remindedAt,
            @resolvedAt)
    ON CONFLICT (id) DO UPDATE SET
      state = excluded.state, summary = excluded.summary, advice = excluded.advice, affected = excluded.affected,
      last_seen_at = excluded.last_seen_at, reminded_at = excluded.reminded_at, resolved_at = excluded.resolved_at
    WHERE incidents.tenant_id = excluded.tenant_id`);
  const insertNotice = db.prepare(`
    INSERT INTO incident_notices (incident_id, tenant_id, owner_id, notice, kind, card_state, email_state,
                                  email_attempts, email_error, email_sent_at, created_at)
    VALUES (@incidentId, @tenantId, @ownerId, @notice, @kind, @card, @email, @emailAttempts, @emailError,
            @emailSentAt, @createdAt)
    ON CONFLICT (incident_id, owner_id, notice) DO NOTHING`);
  const updateNotice = db.prepare(`
    UPDATE incident_notices SET card_state = @card, email_state = @email, email_attempts = @emailAttempts,
      email_error = @emailError, email_sent_at = @emailSentAt
    WHERE incident_id = @incidentId AND owner_id = @ownerId AND notice = @notice AND tenant_id = @tenantId`);
  const openOfKind = db.prepare("SELECT * FROM incidents WHERE tenant_id = ? AND kind = ? AND state = 'open'");
  const byId = db.prepare('SELECT * FROM incidents WHERE tenant_id = ? AND id = ?');
  const listAll = db.prepare('SELECT * FROM incidents WHERE tenant_id = ? ORDER BY opened_at DESC, id LIMIT ?');
  const listInState = db.prepare(
    'SELECT * FROM incidents WHERE tenant_id = ? AND state = ? ORDER BY opened_at DESC, id LIMIT ?',
  );
  const undone = db.prepare(`
    SELECT * FROM incident_notices
    WHERE tenant_id = ? AND (card_state = 'planned' OR email_state = 'pending')
    ORDER BY created_at, incident_id, owner_id, notice`);
  const noticesOf = db.prepare(
    'SELECT * FROM incident_notices WHERE tenant_id = ? AND incident_id = ? ORDER BY created_at, owner_id, notice',
  );
  const saveAll = db.transaction((incident: Incident, notices: readonly IncidentNotice[]) => {
    upsert.run(incidentParams(incident));
    for (const notice of notices) insertNotice.run(noticeParams(notice));
  });

  return {
    async findOpen(tenantId, kind) {
      const row = openOfKind.get(tenantId, kind) as IncidentRow | undefined;
      return row ? toIncident(row) : undefined;
    },
    async find(tenantId, id) {
      const row = byId.get(tenantId, id) as IncidentRow | undefined;
      return row ? toIncident(row) : undefined;
    },
    async save(incident, notices) {
      saveAll(incident, notices);
    },
    async list(tenantId, { state, limit }) {
      const rows = (state ? listInState.all(tenantId, state, limit) : listAll.all(tenantId, limit)) as IncidentRow[];
      return rows.map(toIncident);
    },
    async listUndone(tenantId) {
      return (undone.all(tenantId) as NoticeRow[]).map(toNotice);
    },
    async listNotices(tenantId, incidentId) {
      return (noticesOf.all(tenantId, incidentId) as NoticeRow[]).map(toNotice);
    },
    async updateNotice(notice) {
      updateNotice.run(noticeParams(notice));
    },
  };
}

function incidentParams(incident: Incident): Record<string, unknown> {
  return {
    ...incident,
    openedAt: incident.openedAt.toISOString(),
    lastSeenAt: incident.lastSeenAt.toISOString(),
    remindedAt: incident.remindedAt?.toISOString() ?? null,
    resolvedAt: incident.resolvedAt?.toISOString() ?? null,
  };
}

function noticeParams(notice: IncidentNotice): Record<string, unknown> {
  return {
    ...notice,
    emailSentAt: notice.emailSentAt?.toISOString() ?? null,
    createdAt: notice.createdAt.toISOString(),
  };
}
