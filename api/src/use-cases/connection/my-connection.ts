import { AppError } from '../../domain/app-error.ts';
import type { CalendarGateway } from '../../ports/calendar-gateway.ts';
import type { Clock } from '../../ports/clock.ts';
import type { GraphTokenProvider } from '../../ports/graph-token-provider.ts';
import type { Identity } from '../../ports/identity.ts';
import type {
  ConnectionMode,
  ConnectionStatus,
  TenantStore,
  UserPreferences,
  UserRecord,
} from '../../ports/tenant-store.ts';
import {
  assertIntegrationOn,
  type EffectiveSettings,
  INTEGRATION_OFF_MESSAGE,
  settingsOf,
} from '../admin/tenant-settings.ts';

export interface ConnectionDeps {
  clock: Clock;
  tenants: TenantStore;
  tokens: GraphTokenProvider;
  calendar: CalendarGateway;
  checkConnection: (tenantId: string, userId: string, mode: ConnectionMode) => Promise<ConnectionStatus>;
  defaultConnectionMode: ConnectionMode;
  /** Runs before a person's tokens are forgotten on disconnect (Outlook sync deletes their subscription with them). */
  beforeDisconnect?: (tenantId: string, userId: string) => Promise<void>;
  /** Runs once a connect leaves the person connected (Outlook sync reads what it could not while they were not). */
  afterConnect?: (tenantId: string, userId: string) => void;
}

export interface ConnectionView {
  mode: ConnectionMode;
  status: ConnectionStatus;
  checkedAt: string | null;
  message: string;
  /**
   * Whether the person may disconnect: per-user mode only (tenant-wide access is the admin's to remove), and
   * only when the admin allows people to disconnect themselves.
   */
  canDisconnect: boolean;
  /** The admin's setting that explains the state, if one does (the tab says why instead of offering a button). */
  restriction: 'integration_off' | 'disconnect_forbidden' | null;
}

const DEFAULT_PREFERENCES: UserPreferences = {
  reminderMinutes: [],
  timeZoneOverride: null,
  workingHoursOverride: null,
};

/** Plain words for each status, with what to do. One place, to translate. */
export function connectionMessage(status: ConnectionStatus, mode: ConnectionMode): string {
  switch (status) {
    case 'connected':
      return mode === 'tenant'
        ? 'Your calendar is connected through your organisation.'
        : 'Your calendar is connected. Confer can remind you and keep meetings in sync.';
    case 'consent_required':
      return 'Confer needs your permission to read and update your calendar. Grant it to continue.';
    case 'expired':
      return 'Your calendar connection has expired. Reconnect to keep reminders and sync working.';
    case 'outside_scope':
      return "Your admin hasn't allowed Confer to use your calendar. Ask your Teams admin.";
    case 'not_connected':
      return 'Your calendar is not connected. Connect it so Confer can schedule for you.';
  }
}

/** The stored status (probing once when never checked; never while the organisation has switched Outlook off). */
export async function getConnection(deps: ConnectionDeps, identity: Identity): Promise<ConnectionView> {
  const settings = await settingsOfTenant(deps, identity.tenantId);
  if (!settings.integrationEnabled) return integrationOffView(settings.connectionMode);
  const user = await deps.tenants.getUser(identity.tenantId, identity.userId);
  if (user?.connectionCheckedAt) return view(settings, user);
  return view(settings, await probe(deps, identity, settings.connectionMode, user));
}

/**
 * Connect (or reconnect): in per-user mode, exchange the caller's token On-Behalf-Of, which stores the
 * refresh token in the encrypted cache for background work; then probe and store the status.
 */
export async function connect(deps: ConnectionDeps, identity: Identity): Promise<ConnectionView> {
  const settings = await settingsOfTenant(deps, identity.tenantId);
  assertIntegrationOn(settings);
  const user = await deps.tenants.getUser(identity.tenantId, identity.userId);
  const probed = await probe(deps, identity, settings.connectionMode, user);
  if (probed.connectionStatus !== 'connected') return view(settings, probed);
  // Connected: remember who they are and their mailbox's zone, for reminders and the bot.
  const profile = await deps.calendar.getProfile(identity);
  const saved: UserRecord = {
    ...probed,
    email: profile.userPrincipalName.toLowerCase(),
    displayName: profile.displayName,
    timeZone: probed.preferences.timeZoneOverride ?? profile.timeZone,
  };
  await deps.tenants.upsertUser(saved);
  deps.afterConnect?.(identity.tenantId, identity.userId);
  return view(settings, saved);
}

/**
 * Forget the person's calendar tokens (per-user mode). Refused, with nothing changed, when the admin keeps
 * connections in place (`allowDisconnect: false`). While the integration is off it still works: the tokens are
 * Confer's own to delete, and Outlook sync marks the person's subscription removed without calling Graph (Graph's
 * copy lapses at its expiry).
 */
export async function disconnect(deps: ConnectionDeps, identity: Identity): Promise<ConnectionView> {
  const settings = await settingsOfTenant(deps, identity.tenantId);
  if (!settings.allowDisconnect) {
    throw new AppError(
      'disconnect_forbidden',
      'Your organisation keeps calendars connected to Confer; ask your admin if you need yours disconnected.',
    );
  }
  if (settings.connectionMode === 'tenant') {
    throw new AppError(
      'forbidden',
      'Your organisation connects calendars for everyone; only an admin can change that.',
    );
  }
  await deps.beforeDisconnect?.(identity.tenantId, identity.userId);
  await deps.tokens.forget(identity.tenantId, identity.userId);
  const user = (await deps.tenants.getUser(identity.tenantId, identity.userId)) ?? newUser(identity, deps.clock.now());
  const saved: UserRecord = {
    ...user,
    connectionStatus: 'not_connected',
    connectionCheckedAt: deps.clock.now(),
    updatedAt: deps.clock.now(),
  };
  await deps.tenants.upsertUser(saved);
  return view(settings, saved);
}

export async function getPreferences(deps: ConnectionDeps, identity: Identity): Promise<UserPreferences> {
  return (await deps.tenants.getUser(identity.tenantId, identity.userId))?.preferences ?? DEFAULT_PREFERENCES;
}

export async function savePreferences(
  deps: ConnectionDeps,
  identity: Identity,
  preferences: UserPreferences,
): Promise<UserPreferences> {
  const user = (await deps.tenants.getUser(identity.tenantId, identity.userId)) ?? newUser(identity, deps.clock.now());
  // A setting the request leaves out keeps its stored value (nudges are turned on and off on their own).
  const merged: UserPreferences = {
    ...user.preferences,
    ...preferences,
    ...(preferences.cadenceNudges === undefined && user.preferences.cadenceNudges !== undefined
      ? { cadenceNudges: user.preferences.cadenceNudges }
      : {}),
  };
  await deps.tenants.upsertUser({
    ...user,
    preferences: merged,
    timeZone: preferences.timeZoneOverride ?? user.timeZone,
    updatedAt: deps.clock.now(),
  });
  return merged;
}

async function probe(
  deps: ConnectionDeps,
  identity: Identity,
  mode: ConnectionMode,
  user: UserRecord | undefined,
): Promise<UserRecord> {
  let status: ConnectionStatus;
  if (mode === 'user') {
    // The exchange itself stores the refresh token; its failure already says what is wrong.
    status = await deps.tokens.forUser(identity, ['User.Read']).then(
      () => deps.checkConnection(identity.tenantId, identity.userId, mode),
      (error: unknown) => statusFromError(error),
    );
  } else {
    status = await deps.checkConnection(identity.tenantId, identity.userId, mode);
  }
  const now = deps.clock.now();
  const saved: UserRecord = {
    ...(user ?? newUser(identity, now)),
    connectionStatus: status,
    connectionCheckedAt: now,
    updatedAt: now,
  };
  await deps.tenants.upsertUser(saved);
  return saved;
}

function statusFromError(error: unknown): ConnectionStatus {
  if (!(error instanceof AppError)) throw error;
  if (error.code === 'consent_required') return 'consent_required';
  if (error.code === 'connection_expired' || error.code === 'interaction_required') return 'expired';
  throw error;
}

function settingsOfTenant(deps: ConnectionDeps, tenantId: string): Promise<EffectiveSettings> {
  return settingsOf(deps.tenants, tenantId, deps.defaultConnectionMode);
}

function newUser(identity: Identity, now: Date): UserRecord {
  return {
    tenantId: identity.tenantId,
    userId: identity.userId,
    email: (identity.userPrincipalName ?? '').toLowerCase(),
    displayName: identity.name ?? identity.userPrincipalName ?? identity.userId,
    timeZone: 'UTC',
    connectionStatus: 'not_connected',
    connectionCheckedAt: null,
    connectionExpiresAt: null,
    preferences: DEFAULT_PREFERENCES,
    updatedAt: now,
  };
}

function view(settings: EffectiveSettings, user: UserRecord): ConnectionView {
  const mode = settings.connectionMode;
  return {
    mode,
    status: user.connectionStatus,
    checkedAt: user.connectionCheckedAt?.toISOString() ?? null,
    message: connectionMessage(user.connectionStatus, mode),
    canDisconnect: settings.allowDisconnect && mode === 'user' && user.connectionStatus === 'connected',
    restriction: !settings.allowDisconnect && mode === 'user' ? 'disconnect_forbidden' : null,
  };
}

/** While the integration is off Confer uses no calendar, whatever was stored before: the view says why. */
function integrationOffView(mode: ConnectionMode): ConnectionView {
  return {
    mode,
    status: 'not_connected',
    checkedAt: null,
    message: INTEGRATION_OFF_MESSAGE,
    canDisconnect: false,
    restriction: 'integration_off',
  };
}
