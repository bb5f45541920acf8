import { isObjectId } from '@confer/contracts';
import { AppError } from '../../domain/app-error.ts';
import type { Clock } from '../../ports/clock.ts';
import type { Identity } from '../../ports/identity.ts';
import type { IncidentStore } from '../../ports/incident-store.ts';
import type {
  AuditEntry,
  AuditFilter,
  AuditLog,
  ConnectionMode,
  MeetingTypeStore,
  TenantStore,
} from '../../ports/tenant-store.ts';
import type { AccessTestDeps } from './access-test.ts';
import type { AdminConsentDeps } from './admin-consent.ts';
import type { ConnectionHealthDeps } from './connection-health.ts';
import type { PeopleNamesDeps } from './people-names.ts';
import { type EffectiveSettings, settingsOf } from './tenant-settings.ts';

/** The Entra app role that makes someone an admin of Confer (assigned in Entra, carried in the token's `roles`). */
export const ADMIN_ROLE = 'Confer.Admin';

export function isAdmin(identity: Pick<Identity, 'roles'>): boolean {
  return identity.roles.includes(ADMIN_ROLE);
}

declare const adminChecked: unique symbol;
/** An identity that passed `requireAdmin`: the admin use cases take only this, so none can run unguarded. */
export type Admin = Identity & { readonly [adminChecked]: true };

export interface AdminDeps {
  clock: Clock;
  tenants: Pick<TenantStore, 'getSettings' | 'saveSettings'>;
  audit: AuditLog;
  defaultConnectionMode: ConnectionMode;
  /**
   * Runs after a saved change: drops what was read from Graph under the old settings (cached availability), so a
   * change applies at once, and lets Outlook sync catch up when the integration comes back on or the mode changes.
   */
  afterChange?: (tenantId: string, change: { before: AdminSettings; after: AdminSettings }) => void;
  /** Incidents of the Outlook integration (`/api/admin/incidents`); absent in tests of the settings alone. */
  incidents?: Pick<IncidentStore, 'list' | 'listNotices'>;
  /** The connection health list (connection-health.ts); absent in tests of the settings alone. */
  health?: ConnectionHealthDeps;
  /** Admin consent links and outcomes (admin-consent.ts); absent in tests of the settings alone. */
  consent?: AdminConsentDeps;
  /** Names for the ids the admin pages show (people-names.ts); absent in tests of the settings alone. */
  people?: PeopleNamesDeps;
  /** The access test (access-test.ts); absent in tests of the settings alone. */
  accessTests?: AccessTestDeps;
  /** The tenant's meeting types, whose rhythm an admin sets; absent in tests of the settings alone. */
  meetingTypes?: Pick<MeetingTypeStore, 'get' | 'setCadence'>;
}

/** The settings an admin chooses, as they are read and written through the admin API. */
export interface AdminSettings {
  connectionMode: ConnectionMode;
  integrationEnabled: boolean;
  allowDisconnect: boolean;
  integrationOwners: string[];
}

export interface AdminSettingsView extends AdminSettings {
  /** When an admin last saved them; null while the tenant runs on the defaults. */
  updatedAt: string | null;
}

/**
 * The admin guard. A refusal is recorded (who tried which path) before answering `admin_required`, so admins can
 * see attempts on their settings; tokens of another tenant never get this far (the token validator refuses them).
 */
export async function requireAdmin(
  deps: Pick<AdminDeps, 'clock' | 'audit'>,
  identity: Identity,
  attempt: { method: string; path: string },
): Promise<Admin> {
  if (isAdmin(identity)) return identity as Admin;
  await deps.audit.append({
    tenantId: identity.tenantId,
    at: deps.clock.now(),
    actorId: identity.userId,
    action: 'admin.refused',
    target: attempt.path,
    details: { method: attempt.method, path: attempt.path },
  });
  throw new AppError('admin_required', `Only an admin of Confer (the ${ADMIN_ROLE} role) can do this.`);
}

export async function getAdminSettings(deps: AdminDeps, admin: Admin): Promise<AdminSettingsView> {
  return viewOf(await settingsOf(deps.tenants, admin.tenantId, deps.defaultConnectionMode));
}

/**
 * Saves the admin's choice; it applies from the next request on (settings are read per call). A change is audited
 * with the settings before and after; saving the same settings again changes nothing and records nothing.
 */
export async function saveAdminSettings(
  deps: AdminDeps,
  admin: Admin,
  input: AdminSettings,
): Promise<AdminSettingsView> {
  const notAnId = input.integrationOwners.find((id) => !isObjectId(admin.tenantId, id));
  if (notAnId !== undefined) {
    throw new AppError('validation_failed', 'Each integration owner must be an Entra object id of this tenant.', {
      details: { field: 'integrationOwners' },
    });
  }
  const before = await settingsOf(deps.tenants, admin.tenantId, deps.defaultConnectionMode);
  if (before.updatedAt !== null && sameSettings(adminPart(before), input)) return viewOf(before);
  const now = deps.clock.now();
  const after = { ...before, ...adminPart(input), tenantId: admin.tenantId, updatedAt: now };
  await deps.tenants.saveSettings(after);
  deps.afterChange?.(admin.tenantId, { before: adminPart(before), after: adminPart(after) });
  await deps.audit.append({
    tenantId: admin.tenantId,
    at: now,
    actorId: admin.userId,
    action: 'admin.settings_changed',
    target: 'tenant_settings',
    details: { before: adminPart(before), after: adminPart(after) },
  });
  return viewOf(after);
}

export interface AuditEntryView {
  at: string;
  actorId: string | null;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
}

/** The tenant's audit log, newest first (only the admin's own tenant: the tenant comes from their token). */
export async function listAuditEntries(
  deps: AdminDeps,
  admin: Admin,
  limit: number,
  filter: AuditFilter = {},
): Promise<AuditEntryView[]> {
  const entries = await deps.audit.list(admin.tenantId, limit, filter);
  return entries.map(({ tenantId: _tenant, at, ...entry }: AuditEntry) => ({ at: at.toISOString(), ...entry }));
}

function adminPart(settings: AdminSettings): AdminSettings {
  return {
    connectionMode: settings.connectionMode,
    integrationEnabled: settings.integrationEnabled,
    allowDisconnect: settings.allowDisconnect,
    integrationOwners: [...settings.integrationOwners],
  };
}

function sameSettings(a: AdminSettings, b: AdminSettings): boolean {
  return JSON.stringify(adminPart(a)) === JSON.stringify(adminPart(b));
}

function viewOf(settings: EffectiveSettings): AdminSettingsView {
  return { ...adminPart(settings), updatedAt: settings.updatedAt?.toISOString() ?? null };
}
