import type { TenantStore, UserRecord } from '../../ports/tenant-store.ts';
import { parseRow } from '../sqlite/row-codec.ts';
import { settingsFromRow, settingsRowSchema, userFromRow, userRowSchema } from '../store-rows/tenant-rows.ts';
import type { PgDatabase } from './pg-database.ts';
import { pgColumns } from './pg-row-codec.ts';

const settingsRow = settingsRowSchema(pgColumns);
const userRow = userRowSchema(pgColumns);

const SETTINGS_COLUMNS = `tenant_id, connection_mode, security_group_id, integration_enabled, allow_disconnect,
  integration_owners_json, updated_at`;
const USER_COLUMNS = `tenant_id, user_id, email, display_name, time_zone, connection_status, connection_checked_at,
  connection_expires_at, preferences_json, updated_at`;

const SELECT_SETTINGS = `SELECT ${SETTINGS_COLUMNS} FROM tenants WHERE tenant_id = $1`;
const UPSERT_SETTINGS = `
  INSERT INTO tenants (${SETTINGS_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)
  ON CONFLICT (tenant_id) DO UPDATE SET connection_mode = excluded.connection_mode,
    security_group_id = excluded.security_group_id, integration_enabled = excluded.integration_enabled,
    allow_disconnect = excluded.allow_disconnect, integration_owners_json = excluded.integration_owners_json,
    updated_at = excluded.updated_at`;
const SELECT_USER = `SELECT ${USER_COLUMNS} FROM users WHERE tenant_id = $1 AND user_id = $2`;
// Byte order, as SQLite sorts text (and the order of the users_by_name index).
const SELECT_USERS = `
  SELECT ${USER_COLUMNS} FROM users WHERE tenant_id = $1 ORDER BY display_name COLLATE "C", user_id COLLATE "C"`;
// connected_once_at is set the first time a person is saved connected and kept after: it tells someone who
// disconnected from someone who never connected (the admin's connection health).
const UPSERT_USER = `
  INSERT INTO users (${USER_COLUMNS}, connected_once_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, CASE WHEN $6::text = 'connected' THEN $10::timestamptz END)
  ON CONFLICT (tenant_id, user_id) DO UPDATE SET email = excluded.email, display_name = excluded.display_name,
    time_zone = excluded.time_zone, connection_status = excluded.connection_status,
    connection_checked_at = excluded.connection_checked_at, connection_expires_at = excluded.connection_expires_at,
    preferences_json = excluded.preferences_json, updated_at = excluded.updated_at,
    connected_once_at = COALESCE(users.connected_once_at, excluded.connected_once_at)`;

/** Tenant settings an admin chooses and the people Confer knows, with their connection health. */
export function createPostgresTenantStore(db: PgDatabase): TenantStore {
  return {
    async getSettings(tenantId) {
      const [row] = await db.query(SELECT_SETTINGS, [tenantId]);
      if (!row) return undefined;
      return settingsFromRow(parseRow(settingsRow, row, { table: 'tenants', key: { tenantId } }));
    },
    async saveSettings(settings) {
      await db.execute(UPSERT_SETTINGS, [
        settings.tenantId,
        settings.connectionMode,
        settings.securityGroupId,
        settings.integrationEnabled,
        settings.allowDisconnect,
        JSON.stringify(settings.integrationOwners),
        settings.updatedAt,
      ]);
    },
    async getUser(tenantId, userId) {
      const [row] = await db.query(SELECT_USER, [tenantId, userId]);
      return row ? toUser(row, tenantId) : undefined;
    },
    async upsertUser(user) {
      await db.execute(UPSERT_USER, [
        user.tenantId,
        user.userId,
        user.email,
        user.displayName,
        user.timeZone,
        user.connectionStatus,
        user.connectionCheckedAt,
        user.connectionExpiresAt,
        JSON.stringify(user.preferences),
        user.updatedAt,
      ]);
    },
    async listUsers(tenantId) {
      return (await db.query(SELECT_USERS, [tenantId])).map((row) => toUser(row, tenantId));
    },
  };
}

function toUser(row: unknown, tenantId: string): UserRecord {
  const userId = (row as { user_id?: unknown }).user_id;
  return userFromRow(parseRow(userRow, row, { table: 'users', key: { tenantId, userId } }));
}
