import type { TenantStore, UserRecord } from '../../ports/tenant-store.ts';
import { settingsFromRow, settingsRowSchema, userFromRow, userRowSchema } from '../store-rows/tenant-rows.ts';
import type { SqliteDatabase } from './database.ts';
import { parseRow, sqliteColumns, toIso } from './row-codec.ts';

const settingsRow = settingsRowSchema(sqliteColumns);
const userRow = userRowSchema(sqliteColumns);

/** Tenant settings an admin chooses and the people Confer knows, with their connection health. */
export function createSqliteTenantStore(db: SqliteDatabase): TenantStore {
  const selectSettings = db.prepare('SELECT * FROM tenants WHERE tenant_id = ?');
  const upsertSettings = db.prepare(`
    INSERT INTO tenants (tenant_id, connection_mode, security_group_id, integration_enabled, allow_disconnect,
      integration_owners_json, updated_at)
    VALUES (@tenantId, @connectionMode, @securityGroupId, @integrationEnabled, @allowDisconnect, @owners, @updatedAt)
    ON CONFLICT (tenant_id) DO UPDATE SET connection_mode = excluded.connection_mode,
      security_group_id = excluded.security_group_id, integration_enabled = excluded.integration_enabled,
      allow_disconnect = excluded.allow_disconnect, integration_owners_json = excluded.integration_owners_json,
      updated_at = excluded.updated_at`);
  const selectUser = db.prepare('SELECT * FROM users WHERE tenant_id = ? AND user_id = ?');
  const selectUsers = db.prepare('SELECT * FROM users WHERE tenant_id = ? ORDER BY display_name, user_id');
  // connected_once_at is set the first time a person is saved connected and kept after (migration 13): it tells
  // someone who disconnected from someone who never connected.
  const upsertUser = db.prepare(`
    INSERT INTO users (tenant_id, user_id, email, display_name, time_zone, connection_status, connection_checked_at,
      connection_expires_at, preferences_json, updated_at, connected_once_at)
    VALUES (@tenantId, @userId, @email, @displayName, @timeZone, @connectionStatus, @checkedAt, @expiresAt,
      @preferences, @updatedAt, CASE WHEN @connectionStatus = 'connected' THEN @updatedAt END)
    ON CONFLICT (tenant_id, user_id) DO UPDATE SET email = excluded.email, display_name = excluded.display_name,
      time_zone = excluded.time_zone, connection_status = excluded.connection_status,
      connection_checked_at = excluded.connection_checked_at, connection_expires_at = excluded.connection_expires_at,
      preferences_json = excluded.preferences_json, updated_at = excluded.updated_at,
      connected_once_at = COALESCE(users.connected_once_at, excluded.connected_once_at)`);

  return {
    async getSettings(tenantId) {
      const row = selectSettings.get(tenantId);
      if (!row) return undefined;
      return settingsFromRow(parseRow(settingsRow, row, { table: 'tenants', key: { tenantId } }));
    },
    async saveSettings(settings) {
      upsertSettings.run({
        tenantId: settings.tenantId,
        connectionMode: settings.connectionMode,
        securityGroupId: settings.securityGroupId,
        integrationEnabled: settings.integrationEnabled ? 1 : 0,
        allowDisconnect: settings.allowDisconnect ? 1 : 0,
        owners: JSON.stringify(settings.integrationOwners),
        updatedAt: toIso(settings.updatedAt),
      });
    },
    async getUser(tenantId, userId) {
      const row = selectUser.get(tenantId, userId);
      return row ? toUser(row, tenantId) : undefined;
    },
    async upsertUser(user) {
      upsertUser.run({
        tenantId: user.tenantId,
        userId: user.userId,
        email: user.email,
        displayName: user.displayName,
        timeZone: user.timeZone,
        connectionStatus: user.connectionStatus,
        checkedAt: toIso(user.connectionCheckedAt),
        expiresAt: toIso(user.connectionExpiresAt),
        preferences: JSON.stringify(user.preferences),
        updatedAt: toIso(user.updatedAt),
      });
    },
    async listUsers(tenantId) {
      return selectUsers.all(tenantId).map((row) => toUser(row, tenantId));
    },
  };
}

function toUser(row: unknown, tenantId: string): UserRecord {
  const userId = (row as { user_id?: unknown }).user_id;
  return userFromRow(parseRow(userRow, row, { table: 'users', key: { tenantId, userId } }));
}
