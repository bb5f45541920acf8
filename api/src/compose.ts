import { randomBytes, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { createBotRouter, createServiceUrlPolicy } from '@confer/bot';
import { createDelivery, type DeliveryWorker } from '@confer/bot/delivery';
import type { RenderOutbound, SchedulingActions } from '@confer/bot/ports';
import { createOutboundRenderer } from '@confer/bot/render';
import { ADMIN_CONSENT_RETURN_PATH } from '@confer/contracts';
import type { Express } from 'express';
import { botInboundAuth } from './adapters/bot/bot-inbound-auth.ts';
import { createChatConnections } from './adapters/bot/chat-connections.ts';
import { createChatSignIn } from './adapters/bot/chat-sign-in.ts';
import { createSchedulingActions } from './adapters/bot/scheduling-actions.ts';
import { createTenantMembership } from './adapters/bot/tenant-membership.ts';
import { createCachedDirectory } from './adapters/cache/cached-directory.ts';
import { createDevTenantSsoEmulator } from './adapters/devtenant/devtenant-sso-emulator.ts';
import { createAppConsentProbe } from './adapters/entra/app-consent-probe.ts';
import { createEntraTokenValidator } from './adapters/entra/entra-token-validator.ts';
import { createMsalGraphTokenProvider } from './adapters/entra/msal-graph-token-provider.ts';
import { createMsalNetworkClient } from './adapters/entra/msal-network-client.ts';
import { createRemoteKeys } from './adapters/entra/remote-jwks.ts';
import { createTokenCacheCipher } from './adapters/entra/token-cache-cipher.ts';
import { createGraphAccessProbe } from './adapters/graph/graph-access-probe.ts';
import { createGraphAlertMailer } from './adapters/graph/graph-alert-mailer.ts';
import { createGraphAttendanceGateway } from './adapters/graph/graph-attendance-gateway.ts';
import { createBotPersonFinder } from './adapters/graph/graph-bot-person.ts';
import { createGraphCalendarGateway } from './adapters/graph/graph-calendar-gateway.ts';
import { createGraphClientFactory } from './adapters/graph/graph-client-factory.ts';
import { type CheckConnection, createConnectionProbe } from './adapters/graph/graph-connection-probe.ts';
import { createMailboxLocaleReader } from './adapters/graph/graph-mailbox-locale.ts';
import { createGraphPeopleDirectory } from './adapters/graph/graph-people-directory.ts';
import { createGraphSchedulingGateway } from './adapters/graph/graph-scheduling-gateway.ts';
import { createGraphSubscriptionGateway } from './adapters/graph/graph-subscription-gateway.ts';
import { createTrustedHttp } from './adapters/http/trusted-fetch.ts';
import { openDatabase, type SqliteDatabase } from './adapters/sqlite/database.ts';
import type { OutboundStore } from './adapters/sqlite/outbound-queue-store.ts';
import { createSqliteAdapters } from './adapters/sqlite/sqlite-adapters.ts';
import type { StoreAdapters } from './adapters/store-adapters.ts';
import type { Config } from './config/config.ts';
import { limitBotActivity } from './http/bot-rate-limit.ts';
import { createApp } from './http/create-app.ts';
import type { Logger } from './logging/logger.ts';
import type { Clock } from './ports/clock.ts';
import type { GraphTokenProvider } from './ports/graph-token-provider.ts';
import type { IncidentStore } from './ports/incident-store.ts';
import type { NotificationInbox } from './ports/notification-inbox.ts';
import type { SchedulingGateway } from './ports/scheduling-gateway.ts';
import type { SubscriptionStore } from './ports/subscription-store.ts';
import { type AccessTestDeps, runAccessTestAfterConsent } from './use-cases/admin/access-test.ts';
import { ACTIVITY_INTERVAL_MS, createConnectionActivity } from './use-cases/admin/connection-activity.ts';
import type { ConnectionDeps } from './use-cases/connection/my-connection.ts';
import { createAwayCheck } from './use-cases/follow-through/away-check.ts';
import type { FollowThroughDeps } from './use-cases/follow-through/follow-through-deps.ts';
import {
  createFollowThroughWorker,
  type FollowThroughWorker,
} from './use-cases/follow-through/follow-through-worker.ts';
import type { GuestDeps } from './use-cases/guest/guest-deps.ts';
import { createGuestTokenSigner, deriveGuestLinkKey } from './use-cases/guest/guest-token.ts';
import { createIncidentMonitor, type IncidentMonitor } from './use-cases/incidents/incident-monitor.ts';
import { createMeetingNotifier } from './use-cases/notifications/meeting-notifier.ts';
import { planMeetingReminders, type ReminderDeps, withConnectionPrompts } from './use-cases/reminders/index.ts';
import { createLeadership, type Leadership } from './use-cases/replicas/leadership.ts';
import { shareInvalidation } from './use-cases/replicas/shared-availability-cache.ts';
import { startSingletonWork } from './use-cases/replicas/singleton-work.ts';
import { routeSyncSignals } from './use-cases/replicas/sync-signals.ts';
import { createAvailabilityCache } from './use-cases/scheduling/availability-cache.ts';
import { actorForUser } from './use-cases/scheduling/caller.ts';
import type { SchedulingDeps } from './use-cases/scheduling/scheduling-deps.ts';
import { createSyncWorker, type SyncWorker, wakingInbox, watchingNotifier } from './use-cases/sync/index.ts';

/** Graph's resource for scopes; the same string against devtenant, which answers for it locally. */
const GRAPH_RESOURCE = 'https://graph.microsoft.com';

export interface ComposeOptions {
  config: Readonly<Config>;
  logger: Logger;
  clock: Clock;
  version: string;
  /** PEM of the extra CA to trust (devtenant); null for the system store only. */
  trustedCaPem: string | null;
  /** SQLite file, or ':memory:'; ignored when `adapters` are given. */
  databaseFile?: string;
  /** The stores over a database opened beforehand (PostgreSQL: pg-adapters.ts). */
  adapters?: StoreAdapters;
  tabDir: string | null;
}

export interface ComposedApp {
  app: Express;
  /** The SQLite database (tests read it directly); reading it when the app runs on PostgreSQL throws. */
  readonly db: SqliteDatabase;
  /** Which store the app runs on, and the ports replicas share through it. */
  store: StoreAdapters;
  /** Who does the singleton work: started by main.ts (tests start the workers they need themselves). */
  leadership: Leadership;
  /** The Graph side of scheduling, for the use cases (and tests) to run on. */
  graph: { tokens: GraphTokenProvider; scheduling: SchedulingGateway; checkConnection: CheckConnection };
  /** The scheduling core's dependencies (use cases, the reconciler, tests). */
  scheduling: SchedulingDeps;
  /** The bot's side of meetings: the outbound queue the notifier fills, and how a due message is rendered. */
  bot: { outbound: OutboundStore; render: RenderOutbound; actions: SchedulingActions };
  /** Proactive delivery: the worker (started by main.ts, or by a test) and what reminder planning reads. */
  delivery: { worker: DeliveryWorker; reminders: ReminderDeps };
  /** Outlook sync: Graph subscriptions, the inbox of accepted notifications, and the worker (started by main.ts). */
  sync: { subscriptions: SubscriptionStore; inbox: NotificationInbox; worker: SyncWorker };
  /** Incidents of the Outlook integration: the store, and the monitor that evaluates them (started by main.ts). */
  incidents: { store: IncidentStore; monitor: IncidentMonitor };
  /** Guest links: the offers and their signing (tests make links and read offers through these). */
  guest: GuestDeps;
  /** Attendance, follow-ups and cadence nudges: their dependencies, and the worker the leader runs. */
  followThrough: { deps: FollowThroughDeps; worker: FollowThroughWorker };
  /** `/api/ready` answers 503 from now on (graceful shutdown: the load balancer stops sending requests). */
  beginStopping(): void;
  /** Stops all work (giving back claimed messages and the lease) and closes the store. */
  close(): Promise<void>;
}

/** Wires every adapter to every port. The only place that knows which implementation serves which role. */
export function composeApp(options: ComposeOptions): ComposedApp {
  const { config, logger, clock } = options;
  const http = createTrustedHttp(options.trustedCaPem);
  const sqlite = options.adapters ? null : openDatabase(options.databaseFile ?? ':memory:');
  const store = options.adapters ?? createSqliteAdapters(sqlite as SqliteDatabase, clock);
  // Only NODE_ENV=test runs without a configured key (config.ts); what it protects then ends with the process.
  const serverSecret = config.tokenCacheKey ?? randomBytes(32);
  // Set when the process begins a graceful stop: readiness fails first, so no new requests arrive.
  let stopping = false;
  const graphTokens = createMsalGraphTokenProvider({
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    tenantId: config.tenantId,
    authority: config.authority,
    authorityHost: new URL(config.authorityHost).host,
    graphResource: GRAPH_RESOURCE,
    networkClient: createMsalNetworkClient(http.fetch),
    authorityClock: clock,
    logger,
    tokenCache: {
      store: store.stores.tokenCache,
      cipher: createTokenCacheCipher(serverSecret),
    },
  });
  // Connection health for admins: each person's last Graph success and sync error, coalesced before writing.
  const healthStore = store.health;
  const activity = createConnectionActivity({
    store: healthStore,
    logger: logger.child({ part: 'connection-health' }),
    intervalMs: ACTIVITY_INTERVAL_MS,
  });
  const createClient = createGraphClientFactory({
    baseUrl: config.graphBaseUrl,
    dispatcher: http.dispatcher,
    onMailboxSuccess: (tenantId, userId) => activity.recordSuccess(tenantId, userId, clock.now()),
  });
  // Join links must be Teams meeting links; the local tenant's own host is accepted too when it is configured.
  const localJoinHost = config.devTenantUrl ? new URL(config.devTenantUrl).host : null;
  const graph = {
    tokens: graphTokens,
    scheduling: createGraphSchedulingGateway({ tokens: graphTokens, createClient, logger, localJoinHost }),
    checkConnection: createConnectionProbe({ tokens: graphTokens, createClient }),
  };
  const stores = store.stores;
  const people = createGraphPeopleDirectory({
    tokens: graphTokens,
    createClient,
    tenantId: config.tenantId,
  });
  const calendar = createGraphCalendarGateway({ tokens: graphTokens, createClient, logger, localJoinHost });
  const scheduling: SchedulingDeps = {
    clock,
    logger: logger.child({ part: 'scheduling' }),
    gateway: graph.scheduling,
    directory: createCachedDirectory(people, clock),
    meetings: stores.meetings,
    history: stores.history,
    notes: stores.notes,
    tenants: stores.tenants,
    meetingTypes: stores.meetingTypes,
    // Dropped on every replica when any replica writes in the tenant (replica-coordination.ts).
    availabilityCache: shareInvalidation(createAvailabilityCache(clock), store.changes),
    newId: randomUUID,
    tabUrl: config.tabEndpoint,
    defaultConnectionMode: config.defaultConnectionMode,
  };
  // The interactive bot: meeting events become durable outbound messages; card clicks and chat commands
  // run the scheduling use cases as the person; due messages are rendered from the meeting as it is then.
  const conversations = store.conversations;
  const outbound = store.outbound;
  const reminders: ReminderDeps = {
    queue: outbound,
    meetings: stores.meetings,
    meetingTypes: stores.meetingTypes,
    tenants: stores.tenants,
    clock,
  };
  const notifier = createMeetingNotifier({
    queue: outbound,
    clock,
    planReminders: (meeting) => planMeetingReminders(reminders, meeting),
  });
  // Connection changes are saved here; a broken or expiring connection queues the user's prompt.
  const connections = withConnectionPrompts(stores.tenants, {
    queue: outbound,
    clock,
    warnDaysBefore: config.expiryWarningDays,
  });
  // Outlook sync (docs/reference/graph-calendar.md §4): Graph delivers to the app's public URL.
  const syncWorker = createSyncWorker({
    scheduling,
    subscriptions: store.subscriptions,
    graphSubscriptions: createGraphSubscriptionGateway({ tokens: graphTokens, createClient }),
    inbox: store.inbox,
    deltaStates: store.deltaStates,
    connections,
    audit: stores.audit,
    activity,
    notificationUrl: `${config.tabEndpoint}/api/graph/notifications`,
    lifecycleNotificationUrl: `${config.tabEndpoint}/api/graph/lifecycle`,
  });
  // Outlook sync runs on the leading replica; what sets it going may happen on any (sync-signals.ts).
  const syncSignals = routeSyncSignals(syncWorker, store.changes);
  scheduling.notifier = watchingNotifier(notifier, syncSignals);
  // After the meeting and between meetings: attendance from Teams, follow-ups and cadence nudges.
  const followThrough: FollowThroughDeps = {
    clock,
    logger: logger.child({ part: 'follow-through' }),
    meetings: stores.meetings,
    attendance: stores.attendance,
    pairs: stores.pairs,
    meetingTypes: stores.meetingTypes,
    tenants: stores.tenants,
    gateway: createGraphAttendanceGateway({
      tokens: graphTokens,
      createClient,
      tenants: stores.tenants,
      defaultConnectionMode: config.defaultConnectionMode,
    }),
    queue: outbound,
    away: createAwayCheck({
      tenants: stores.tenants,
      defaultConnectionMode: config.defaultConnectionMode,
      gateway: graph.scheduling,
      now: () => clock.now(),
    }),
    defaultConnectionMode: config.defaultConnectionMode,
  };
  const followThroughWorker = createFollowThroughWorker(followThrough, config.tenantId);
  const botActions = createSchedulingActions({
    scheduling,
    findPerson: createBotPersonFinder({ tokens: graphTokens, createClient, tenants: stores.tenants, clock }),
    followThrough,
  });
  const renderOutbound = createOutboundRenderer({
    actions: botActions,
    conversations,
    clock,
    tabUrl: config.tabEndpoint,
    // Cards go out in the language of the person's latest activity; for someone who never wrote, their mailbox's.
    mailboxLocale: createMailboxLocaleReader({
      tokens: graphTokens,
      createClient,
      clock,
      logger: logger.child({ part: 'delivery' }),
      actorFor: (user) => actorForUser(scheduling, user.tenantId, user.userId),
    }),
  });
  // One list of Bot Connector hosts for answers and proactive messages alike: the bot's token goes nowhere else.
  const serviceUrls = createServiceUrlPolicy(config.bot.allowedServiceUrls);
  const deliveryWorker = createDelivery({
    store: outbound,
    conversations,
    render: renderOutbound,
    tenantServiceUrl: store.tenantServiceUrl,
    serviceUrls,
    clock,
    logger: logger.child({ part: 'delivery' }),
    ...(config.bot.credentials ? { credentials: config.bot.credentials } : {}),
  });
  // Incidents: evaluated periodically; owners get a bot card through the outbound queue and an email.
  const incidentStore = store.incidents;
  const accessTestStore = store.accessTests;
  const incidentMonitor = createIncidentMonitor({
    clock,
    logger: logger.child({ part: 'incidents' }),
    newId: randomUUID,
    tenantIds: [config.tenantId],
    incidents: incidentStore,
    tenants: stores.tenants,
    defaultConnectionMode: config.defaultConnectionMode,
    signals: store.incidentSignals,
    probeAppConsent: createAppConsentProbe(graphTokens),
    clientSecretExpiresAt: config.clientSecretExpiresAt,
    queue: outbound,
    canReach: async (tenantId, userId) => (await conversations.find(tenantId, userId)) !== undefined,
    mailer: config.alertMailbox
      ? createGraphAlertMailer({ tokens: graphTokens, createClient, mailbox: config.alertMailbox })
      : null,
    tabUrl: config.tabEndpoint,
    // A sharp drop between the latest access tests opens an incident (incident-rules.ts).
    recentAccessTests: (tenantId) => accessTestStore.list(tenantId, 5),
  });
  // Outlook change notifications: the subscriptions Confer owns and the inbox the endpoint records into.
  const sync = { subscriptions: syncWorker.deps.subscriptions, inbox: syncWorker.deps.inbox, worker: syncWorker };
  // The admin's access test: reads only, its own client retrying a throttled request once (the test reports
  // throttling rather than waiting it out); the consent return page runs it too (runAccessTestAfterConsent).
  const accessTests: AccessTestDeps = {
    clock,
    logger: logger.child({ part: 'access-test' }),
    tenants: stores.tenants,
    audit: stores.audit,
    defaultConnectionMode: config.defaultConnectionMode,
    probe: createGraphAccessProbe({
      tokens: graphTokens,
      createClient: createGraphClientFactory({
        baseUrl: config.graphBaseUrl,
        dispatcher: http.dispatcher,
        retry: { maxRetries: 1 },
      }),
    }),
    tests: accessTestStore,
    newId: randomUUID,
    random: Math.random,
  };
  // Guest links are signed with a key derived from the server secret, so every replica verifies every link.
  const guest: GuestDeps = {
    scheduling,
    offers: store.guestOffers,
    signer: createGuestTokenSigner(deriveGuestLinkKey(serverSecret)),
    queue: outbound,
    publicUrl: config.tabEndpoint,
  };
  const tokenValidator = createEntraTokenValidator({
    keys: createRemoteKeys(config.jwksUri, http.fetch),
    issuer: config.issuer,
    tenantId: config.tenantId,
    clientId: config.clientId,
    applicationIdUri: config.applicationIdUri,
    requiredScope: 'access_as_user',
    clock,
  });
  const connectionDeps: ConnectionDeps = {
    clock,
    tenants: connections,
    beforeDisconnect: (tenantId, userId) => syncWorker.unwatch(tenantId, userId),
    afterConnect: (tenantId, userId) => syncSignals.reconnected(tenantId, userId),
    tokens: graphTokens,
    calendar,
    checkConnection: graph.checkConnection,
    defaultConnectionMode: config.defaultConnectionMode,
  };
  // Sign-in from chat (docs/sign-in-from-chat.md): only with an OAuth connection configured.
  const signIn = config.bot.signIn
    ? createChatSignIn({
        config: config.bot,
        fetch: http.fetch,
        connections: createChatConnections({ connection: connectionDeps, tokens: tokenValidator }),
        pending: store.pendingSignIns,
      })
    : undefined;
  const app = createApp({
    config,
    version: options.version,
    logger,
    clock,
    tokens: tokenValidator,
    calendar,
    directory: people,
    teamsSsoEmulator: config.devTenantUrl
      ? createDevTenantSsoEmulator({
          devTenantUrl: config.devTenantUrl,
          applicationIdUri: config.applicationIdUri,
          fetch: http.fetch,
        })
      : null,
    botRouter: createBotRouter({
      inbound: botInboundAuth(config, http.fetch, clock),
      ...(config.bot.credentials ? { credentials: config.bot.credentials } : {}),
      tenantId: config.tenantId,
      serviceUrls,
      membership: createTenantMembership({
        directory: people,
        tenants: stores.tenants,
        clock,
        logger: logger.child({ part: 'bot' }),
      }),
      conversations,
      logger: logger.child({ part: 'bot' }),
      clock,
      tabUrl: config.tabEndpoint,
      actions: botActions,
      ...(signIn ? { signIn } : {}),
      limitActivity: limitBotActivity({ clock }),
    }),
    tabDir: options.tabDir,
    graphNotifications: { subscriptions: sync.subscriptions, inbox: wakingInbox(sync.inbox, syncSignals) },
    rateLimitPerMinute: config.rateLimitPerMinute,
    ...(store.sharedRateCounter ? { sharedRateCounter: store.sharedRateCounter } : {}),
    ready: async () => !stopping && (await store.ping()),
    scheduling,
    followThrough,
    guest,
    admin: {
      clock,
      tenants: stores.tenants,
      audit: stores.audit,
      defaultConnectionMode: config.defaultConnectionMode,
      afterChange: (tenantId, { before, after }) => {
        scheduling.availabilityCache.invalidateTenant(tenantId);
        const resumed = after.integrationEnabled && !before.integrationEnabled;
        if (resumed || (after.integrationEnabled && after.connectionMode !== before.connectionMode)) {
          syncSignals.catchUp();
        }
      },
      incidents: incidentStore,
      health: { clock, store: healthStore, activity },
      consent: {
        clock,
        store: store.adminConsent,
        audit: stores.audit,
        logger: logger.child({ part: 'admin-consent' }),
        authority: config.authority,
        clientId: config.clientId,
        // Registered on the app (appPackage/aad.manifest.json), like the Graph notification URL under TAB_ENDPOINT.
        redirectUri: `${config.tabEndpoint}${ADMIN_CONSENT_RETURN_PATH}`,
        tenantId: config.tenantId,
        adminPageUrl: `${config.tabEndpoint}/#/admin`,
        // Right after consent, the access test shows whether it took effect; the return page does not wait for it.
        afterConsentGranted: (tenantId, adminUserId) => {
          runAccessTestAfterConsent(accessTests, tenantId, adminUserId).catch((error: unknown) =>
            logger.warn('the access test after consent did not run', { error }),
          );
        },
      },
      accessTests,
      meetingTypes: stores.meetingTypes,
      people: {
        tenants: stores.tenants,
        directory: people,
        defaultConnectionMode: config.defaultConnectionMode,
        logger: logger.child({ part: 'admin-people' }),
      },
    },
    connection: connectionDeps,
  });
  const leadership = createLeadership({
    leases: store.leases,
    name: 'confer:singleton-work',
    holder: `${hostname()}:${process.pid}:${randomUUID()}`,
    clock,
    logger: logger.child({ part: 'leadership' }),
    lead: () =>
      startSingletonWork({
        scheduling,
        delivery: deliveryWorker,
        reminders,
        sync: syncWorker,
        incidents: incidentMonitor,
        followThrough: followThroughWorker,
        tenantId: config.tenantId,
        logger,
      }),
  });
  return {
    app,
    get db(): SqliteDatabase {
      if (!sqlite) throw new Error('This app runs on PostgreSQL: it has no SQLite database');
      return sqlite;
    },
    store,
    leadership,
    graph,
    scheduling,
    bot: { outbound, render: renderOutbound, actions: botActions },
    delivery: { worker: deliveryWorker, reminders },
    sync,
    incidents: { store: incidentStore, monitor: incidentMonitor },
    followThrough: { deps: followThrough, worker: followThroughWorker },
    guest,
    beginStopping() {
      stopping = true;
    },
    async close() {
      stopping = true;
      await leadership.stop();
      await incidentMonitor.stop();
      await followThroughWorker.stop();
      await syncWorker.stop();
      await deliveryWorker.stop();
      await activity.close();
      await store.changes.close();
      await store.close();
      await http.dispatcher?.close();
    },
  };
}
