import type { FaultInjector } from '../control/fault-settings.ts';
import { createFaultInjector } from '../control/fault-settings.ts';
import { createDirectoryStore, type DirectoryStore } from '../directory/directory-store.ts';
import type { CalendarChange, GraphContext, GraphFeature } from '../graph/context.ts';
import { type AppRegistry, createAppRegistry } from '../identity/app-registry.ts';
import {
  type AppRoleAssignmentStore,
  createAppRoleAssignmentStore,
  seedAppRoleAssignments,
} from '../identity/app-role-assignments.ts';
import { createAuthCodeStore } from '../identity/auth-code-store.ts';
import { type ConsentSnapshot, type ConsentStore, createConsentStore } from '../identity/consent-store.ts';
import type { IdentityDeps } from '../identity/identity-deps.ts';
import { createRefreshTokenStore, type RefreshTokenStore } from '../identity/refresh-token-store.ts';
import type { SigningKey } from '../identity/signing-keys.ts';
import { createTokenIssuer } from '../identity/token-issuer.ts';
import { createOutbox, type Outbox } from '../mail/outbox.ts';
import type { OnlineMeetingsService } from '../online-meetings/index.ts';
import type { NotificationFaults } from '../subscriptions/notification-faults.ts';
import { type AccessPolicyStore, createAccessPolicyStore } from './access-policy.ts';
import type { ControllableClock } from './clock.ts';
import { createGraphAuthorization, type GraphAuthorization } from './graph-authorization.ts';
import { type AppRegistration, DEFAULT_ADMIN_CONSENT, TENANT_DOMAIN, TENANT_ID } from './options.ts';
import { createRequestCounters, type RequestCounters } from './request-counters.ts';
import { createThrottle, type Throttle } from './throttling.ts';

/** Everything one devtenant instance knows; routes and the control API share it. */
export interface Tenant {
  origin: string;
  tenantId: string;
  clock: ControllableClock;
  apps: AppRegistry;
  directory: DirectoryStore;
  consent: ConsentStore;
  /** People and groups holding the apps' own roles (carried in `roles` of tokens for those apps). */
  appRoles: AppRoleAssignmentStore;
  refreshTokens: RefreshTokenStore;
  accessPolicies: AccessPolicyStore;
  outbox: Outbox;
  throttle: Throttle;
  faults: FaultInjector;
  counters: RequestCounters;
  identity: IdentityDeps;
  auth: GraphAuthorization;
  graphContext: GraphContext;
  /** Graph features mounted under /v1.0 by name (calendar, subscriptions), for persistence and reset. */
  features: Map<string, GraphFeature>;
  /** Subscribers to calendar changes (the subscriptions feature). */
  changeListeners: ((change: CalendarChange) => void)[];
  /** Hooks the calendar feature registers to forget its delta sync states (control API `delta-tokens/expire`). */
  deltaExpiryListeners: (() => void)[];
  /** Control API hooks into the features (set when they are attached). */
  hooks: {
    expireDeltaTokens?(mailboxId?: string): void;
    setNotificationFaults?(faults: NotificationFaults): void;
    notificationFaults?(): NotificationFaults;
    fireLifecycle?(
      subscriptionId: string,
      event: 'reauthorizationRequired' | 'subscriptionRemoved' | 'missed',
    ): Promise<void>;
    /** Lets time-driven features act after the control API moved the clock. */
    afterClockMoved?(): Promise<void>;
    close?(): void;
    /** Teams meetings: joins, leaves, session ends, report settings and the Teams application access policy. */
    onlineMeetings?: OnlineMeetingsService;
  };
  /** Back to the seed: consent, app role assignments, tokens, policies, outbox, faults, throttling windows and every feature. */
  reset(): void;
}

export interface TenantDeps {
  origin: string;
  clock: ControllableClock;
  key: SigningKey;
  apps: readonly AppRegistration[];
  random?: () => number;
  monotonicNow?: () => number;
}

export function createTenant(deps: TenantDeps): Tenant {
  const tenantId = TENANT_ID;
  const apps = createAppRegistry(deps.apps);
  const directory = createDirectoryStore(tenantId, TENANT_DOMAIN);
  const seedConsent = seedConsentOf(deps.apps);
  const consent = createConsentStore(seedConsent);
  const seedRoles = seedAppRoleAssignments(deps.apps);
  const appRoles = createAppRoleAssignmentStore(seedRoles);
  const refreshTokens = createRefreshTokenStore();
  const accessPolicies = createAccessPolicyStore();
  const outbox = createOutbox();
  const throttle = createThrottle(deps.clock);
  const faults = createFaultInjector({
    random: deps.random ?? Math.random,
    monotonicNow: deps.monotonicNow ?? (() => performance.now()),
  });
  const counters = createRequestCounters(deps.clock.now());
  const issuer = createTokenIssuer({ key: deps.key, clock: deps.clock, origin: deps.origin, tenantId });
  const identity: IdentityDeps = {
    origin: deps.origin,
    tenantId,
    clock: deps.clock,
    key: deps.key,
    issuer,
    apps,
    directory,
    consent,
    appRoles,
    refreshTokens,
    codes: createAuthCodeStore(),
  };
  const auth = createGraphAuthorization({
    verifier: { key: deps.key, clock: deps.clock, issuer: issuer.issuer, tenantId },
    origin: deps.origin,
    directory,
    accessPolicies,
  });
  const changeListeners: ((change: CalendarChange) => void)[] = [];
  const deltaExpiryListeners: (() => void)[] = [];
  const features = new Map<string, GraphFeature>();
  const graphContext: GraphContext = {
    clock: deps.clock,
    baseUrl: deps.origin,
    directory,
    authorize: auth.authorize,
    resolveMailbox: auth.resolveMailbox,
    publishChange: (change) => {
      for (const listener of changeListeners) listener(change);
    },
    onDeltaTokensExpired: (listener) => {
      deltaExpiryListeners.push(listener);
    },
  };
  return {
    origin: deps.origin,
    tenantId,
    clock: deps.clock,
    apps,
    directory,
    consent,
    appRoles,
    refreshTokens,
    accessPolicies,
    outbox,
    throttle,
    faults,
    counters,
    identity,
    auth,
    graphContext,
    features,
    changeListeners,
    deltaExpiryListeners,
    hooks: {},
    reset() {
      consent.restore(seedConsent);
      appRoles.restore(seedRoles);
      refreshTokens.clear();
      accessPolicies.restore([]);
      outbox.clear();
      throttle.reset();
      faults.reset();
      counters.reset(deps.clock.now());
      for (const feature of features.values()) feature.reset();
    },
  };
}

function seedConsentOf(apps: readonly AppRegistration[]): ConsentSnapshot {
  const admin: ConsentSnapshot['admin'] = {};
  for (const app of apps) {
    const grant = app.adminConsent === undefined ? DEFAULT_ADMIN_CONSENT : app.adminConsent;
    if (grant) admin[app.clientId.toLowerCase()] = { delegated: [...grant.delegated], roles: [...grant.roles] };
  }
  return { admin, user: {} };
}
