import { z } from 'zod';
import type { TenantSettings, UserRecord } from '../../ports/tenant-store.ts';
import type { ColumnCodec } from './column-codec.ts';

const preferencesSchema = z.object({
  reminderMinutes: z.array(z.number().int().nonnegative()),
  timeZoneOverride: z.string().nullable(),
  workingHoursOverride: z.object({ days: z.array(z.string()), start: z.string(), end: z.string() }).nullable(),
  // Absent in rows written before cadence nudges existed (and whenever the person never turned them off).
  cadenceNudges: z.boolean().optional(),
});

export function settingsRowSchema(c: ColumnCodec) {
  return z.object({
    tenant_id: z.string(),
    connection_mode: z.enum(['user', 'tenant']),
    security_group_id: z.string().nullable(),
    integration_enabled: c.flag,
    allow_disconnect: c.flag,
    integration_owners_json: c.json(z.array(z.string())),
    updated_at: c.instant,
  });
}

export function userRowSchema(c: ColumnCodec) {
  return z.object({
    tenant_id: z.string(),
    user_id: z.string(),
    email: z.string(),
    display_name: z.string(),
    time_zone: z.string(),
    connection_status: z.enum(['connected', 'consent_required', 'expired', 'outside_scope', 'not_connected']),
    connection_checked_at: c.instant.nullable(),
    connection_expires_at: c.instant.nullable(),
    preferences_json: c.json(preferencesSchema),
    updated_at: c.instant,
  });
}

export function settingsFromRow(s: z.output<ReturnType<typeof settingsRowSchema>>): TenantSettings {
  return {
    tenantId: s.tenant_id,
    connectionMode: s.connection_mode,
    securityGroupId: s.security_group_id,
    integrationEnabled: s.integration_enabled,
    allowDisconnect: s.allow_disconnect,
    integrationOwners: s.integration_owners_json,
    updatedAt: s.updated_at,
  };
}

export function userFromRow(u: z.output<ReturnType<typeof userRowSchema>>): UserRecord {
  return {
    tenantId: u.tenant_id,
    userId: u.user_id,
    email: u.email,
    displayName: u.display_name,
    timeZone: u.time_zone,
    connectionStatus: u.connection_status,
    connectionCheckedAt: u.connection_checked_at,
    connectionExpiresAt: u.connection_expires_at,
    preferences: u.preferences_json,
    updatedAt: u.updated_at,
  };
}
