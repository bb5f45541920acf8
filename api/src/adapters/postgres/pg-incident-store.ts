import type { Incident, IncidentNotice, IncidentStore } from '../../ports/incident-store.ts';
import {
  incidentFromRow,
  type NoticeRow as Notice,
  noticeFromRow,
  type IncidentRow as Row,
} from '../store-rows/incident-rows.ts';
import type { PgDatabase } from './pg-database.ts';

type IncidentRow = Row<Date>;
type NoticeRow = Notice<Date>;
const toDate = (date: Date) => date;
const toIncident = (row: IncidentRow) => incidentFromRow(row, toDate);
const toNotice = (row: NoticeRow) => noticeFromRow(row, toDate);

const INCIDENT_COLUMNS = `id, tenant_id, kind, state, summary, advice, affected, opened_at, last_seen_at, reminded_at,
  resolved_at`;
const NOTICE_COLUMNS = `incident_id, tenant_id, owner_id, notice, kind, card_state, email_state, email_attempts,
  email_error, email_sent_at, created_at`;

/**
 * An incident of another tenant with the same id is left alone. A second open incident of one kind breaks
 * incidents_one_open whichever process writes it, and is refused as a duplicate.
 */
const UPSERT = `
  INSERT INTO incidents (${INCIDENT_COLUMNS})
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
  ON CONFLICT (id) DO UPDATE SET
    state = excluded.state, summary = excluded.summary, advice = excluded.advice, affected = excluded.affected,
    last_seen_at = excluded.last_seen_at, reminded_at = excluded.reminded_at, resolved_at = excluded.resolved_at
  WHERE incidents.tenant_id = excluded.tenant_id`;
const INSERT_NOTICE = `
  INSERT INTO incident_notices (${NOTICE_COLUMNS})
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
  ON CONFLICT (incident_id, owner_id, notice) DO NOTHING`;
const UPDATE_NOTICE = `
  UPDATE incident_notices SET card_state = $5, email_state = $6, email_attempts = $7, email_error = $8,
    email_sent_at = $9
  WHERE incident_id = $1 AND owner_id = $2 AND notice = $3 AND tenant_id = $4`;
const OPEN_OF_KIND = `SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE tenant_id = $1 AND kind = $2 AND state = 'open'`;
const BY_ID = `SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE tenant_id = $1 AND id = $2`;
// Ids and owners in byte order (COLLATE "C"), as SQLite compares text.
const LIST_ALL = `SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE tenant_id = $1
  ORDER BY opened_at DESC, id COLLATE "C" LIMIT $2`;
const LIST_IN_STATE = `SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE tenant_id = $1 AND state = $3
  ORDER BY opened_at DESC, id COLLATE "C" LIMIT $2`;
const UNDONE = `
  SELECT ${NOTICE_COLUMNS} FROM incident_notices
  WHERE tenant_id = $1 AND (card_state = 'planned' OR email_state = 'pending')
  ORDER BY created_at, incident_id COLLATE "C", owner_id COLLATE "C", notice COLLATE "C"`;
const NOTICES_OF = `SELECT ${NOTICE_COLUMNS} FROM incident_notices WHERE tenant_id = $1 AND incident_id = $2
  ORDER BY created_at, owner_id COLLATE "C", notice COLLATE "C"`;

/** Incidents and their notices in PostgreSQL. */
export function createPgIncidentStore(db: PgDatabase): IncidentStore {
  return {
    async findOpen(tenantId, kind) {
      const [row] = await db.query<IncidentRow>(OPEN_OF_KIND, [tenantId, kind]);
      return row ? toIncident(row) : undefined;
    },
    async find(tenantId, id) {
      const [row] = await db.query<IncidentRow>(BY_ID, [tenantId, id]);
      return row ? toIncident(row) : undefined;
    },
    async save(incident, notices) {
      await db.transaction(async (tx) => {
        await tx.execute(UPSERT, incidentParams(incident));
        for (const notice of notices) await tx.execute(INSERT_NOTICE, noticeParams(notice));
      });
    },
    async list(tenantId, { state, limit }) {
      const rows = state
        ? await db.query<IncidentRow>(LIST_IN_STATE, [tenantId, limit, state])
        : await db.query<IncidentRow>(LIST_ALL, [tenantId, limit]);
      return rows.map(toIncident);
    },
    async listUndone(tenantId) {
      return (await db.query<NoticeRow>(UNDONE, [tenantId])).map(toNotice);
    },
    async listNotices(tenantId, incidentId) {
      return (await db.query<NoticeRow>(NOTICES_OF, [tenantId, incidentId])).map(toNotice);
    },
    async updateNotice(n) {
      await db.execute(UPDATE_NOTICE, [
        n.incidentId,
        n.ownerId,
        n.notice,
        n.tenantId,
        n.card,
        n.email,
        n.emailAttempts,
        n.emailError,
        n.emailSentAt,
      ]);
    },
  };
}

function incidentParams(i: Incident): unknown[] {
  return [
    i.id,
    i.tenantId,
    i.kind,
    i.state,
    i.summary,
    i.advice,
    i.affected,
    i.openedAt,
    i.lastSeenAt,
    i.remindedAt,
    i.resolvedAt,
  ];
}

function noticeParams(n: IncidentNotice): unknown[] {
  return [
    n.incidentId,
    n.tenantId,
    n.ownerId,
    n.notice,
    n.kind,
    n.card,
    n.email,
    n.emailAttempts,
    n.emailError,
    n.emailSentAt,
    n.createdAt,
  ];
}
