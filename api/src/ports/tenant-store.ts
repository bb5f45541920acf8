/** Per-tenant settings an admin chooses, and the people Confer knows with their connection health. */
export type ConnectionMode = 'user' | 'tenant';

export interface TenantSettings {
  tenantId: string;
  connectionMode: ConnectionMode;
  /** Entra group id Confer is limited to; null = everyone in the tenant. */
  securityGroupId: string | null;
  /** False: Confer reads and writes no calendar of this tenant (no Graph call at all) until an admin turns it on. */
  integrationEnabled: boolean;
  /** False: people cannot disconnect their calendar themselves (the admin keeps Confer's access in place). */
  allowDisconnect: boolean;
  /** Entra object ids of the people accountable for the Outlook integration (at most 20). */
  integrationOwners: string[];
  updatedAt: Date;
}

export type ConnectionStatus = 'connected' | 'consent_required' | 'expired' | 'outside_scope' | 'not_connected';

export interface UserRecord {
  tenantId: string;
  userId: string;
  email: string;
  displayName: string;
  /** IANA zone (mailbox setting, or the user's override). */
  timeZone: string;
  connectionStatus: ConnectionStatus;
  connectionCheckedAt: Date | null;
  /** When the stored refresh token is known to expire (warn before it does). */
  connectionExpiresAt: Date | null;
  preferences: UserPreferences;
  updatedAt: Date;
}

export interface UserPreferences {
  /** Minutes before start; empty = meeting type defaults. */
  reminderMinutes: number[];
  timeZoneOverride: string | null;
  workingHoursOverride: { days: string[]; start: string; end: string } | null;
  /** False: the person gets no cadence nudges ("you haven't met in a while"). Absent means on. */
  cadenceNudges?: boolean;
}

export interface TenantStore {
  getSettings(tenantId: string): Promise<TenantSettings | undefined>;
  saveSettings(settings: TenantSettings): Promise<void>;
  getUser(tenantId: string, userId: string): Promise<UserRecord | undefined>;
  upsertUser(user: UserRecord): Promise<void>;
  listUsers(tenantId: string): Promise<UserRecord[]>;
}

export interface MeetingType {
  id: string;
  tenantId: string;
  name: string;
  durationMinutes: number;
  agendaPrompts: string[];
  /** Minutes before start, e.g. [1440, 15]. */
  defaultReminders: number[];
  sortOrder: number;
  /** How often pairs meeting with this type are expected to meet, in days; null: no rhythm, no nudges. */
  cadenceDays: number | null;
}

export interface MeetingTypeStore {
  /** The tenant's types; seeds the defaults (mentoring, 1:1 check-in, wellbeing, performance) the first time. */
  list(tenantId: string): Promise<MeetingType[]>;
  get(tenantId: string, typeId: string): Promise<MeetingType | undefined>;
  /** Sets the type's rhythm (null: none); answers false when the type does not exist. */
  setCadence(tenantId: string, typeId: string, cadenceDays: number | null): Promise<boolean>;
}

/** The encrypted MSAL token cache, one partition per user (per-user mode's refresh tokens live here). */
export interface TokenCacheStore {
  read(tenantId: string, userId: string): Promise<Buffer | undefined>;
  write(tenantId: string, userId: string, encrypted: Buffer): Promise<void>;
  remove(tenantId: string, userId: string): Promise<void>;
}

export interface AuditEntry {
  tenantId: string;
  at: Date;
  actorId: string | null;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
}

/** Which entries to list: each field set narrows the list (action and actor exactly, times inclusive). */
export interface AuditFilter {
  action?: string;
  actorId?: string;
  since?: Date;
  until?: Date;
}

export interface AuditLog {
  append(entry: AuditEntry): Promise<void>;
  /** The newest `limit` matching entries, newest first. */
  list(tenantId: string, limit: number, filter?: AuditFilter): Promise<AuditEntry[]>;
  /** Every matching entry, newest first, read in batches (the export). */
  each(tenantId: string, filter: AuditFilter): AsyncIterable<AuditEntry>;
}
