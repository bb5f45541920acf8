import { createDelivery, type DeliveryWorker } from '../../bot/src/delivery/index.ts';
import { TEAMS_LIMITS } from '../../bot/src/delivery/teams-limits.ts';
import type {
  BotClock,
  BotLogger,
  ConversationStore,
  OutboundMessage,
  OutboundQueue,
  RenderedOutbound,
} from '../../bot/src/ports.ts';
import { createServiceUrlPolicy, LOCAL_BOT_CONNECTOR_ORIGINS } from '../../bot/src/service-url-policy.ts';

/**
 * The reminder runs' batch (benchmarks, and the replica failover test): 10,000 reminders due at once to 2,000
 * people, five each, so no conversation's limit binds and the tenant's 50/s does.
 */
export const REMINDER_BATCH = Object.freeze({ messages: 10_000, people: 2_000 });

const TENANT = 'tenant-bench';

export interface ReminderSeed {
  conversations: ConversationStore;
  queue: Pick<OutboundQueue, 'enqueue'>;
  messages: number;
  /** People (one personal conversation each); message i goes to person i mod this. */
  people: number;
  /** The connector every stored conversation points at. */
  serviceUrl: string;
  /** When every reminder is due. */
  due: Date;
}

/**
 * Stores a personal conversation per person and enqueues `messages` reminders spread evenly over them, all due at
 * once: the crash and replica runs on SQLite and PostgreSQL seed through the ports, so they seed the same thing.
 * Answers the reminders' keys (which the key card shows, so the connector counts deliveries per key).
 */
export async function seedReminders(seed: ReminderSeed): Promise<string[]> {
  for (let index = 0; index < seed.people; index++) {
    const conversationId = `a:conv-${index}`;
    await seed.conversations.save({
      tenantId: TENANT,
      aadObjectId: `user-${index}`,
      userId: `29:user-${index}`,
      userName: null,
      conversationId,
      serviceUrl: seed.serviceUrl,
      channelId: 'msteams',
      reference: {
        serviceUrl: seed.serviceUrl,
        channelId: 'msteams',
        conversation: { id: conversationId },
        user: { id: `29:user-${index}` },
      },
      updatedAt: seed.due.toISOString(),
    });
  }
  const keys = Array.from({ length: seed.messages }, (_, index) => {
    const person = index % seed.people;
    return `reminder:m${Math.floor(index / seed.people)}:${seed.due.toISOString()}:user-${person}:15`;
  });
  await seed.queue.enqueue(
    keys.map((key, index) => ({
      key,
      tenantId: TENANT,
      userId: `user-${index % seed.people}`,
      kind: 'reminder' as const,
      payload: {},
      notBefore: seed.due,
    })),
  );
  return keys;
}

/**
 * The card names its key, so the connector can count deliveries per key. Imported by the worker processes; it lives
 * here rather than in a worker's entry file because importing an entry file would run that worker.
 */
export function renderKeyCard(message: OutboundMessage): Promise<RenderedOutbound> {
  return Promise.resolve({
    card: {
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      body: [{ type: 'TextBlock', text: message.key, wrap: true }],
    },
    summary: `Reminder ${message.key}`,
  });
}

/** Keys the connector took more than once (counting each extra delivery) and keys it never took. */
export function deliveryErrors(
  keys: readonly string[],
  deliveries: ReadonlyMap<string, number>,
): { duplicates: number; lost: number } {
  const counts = keys.map((key) => deliveries.get(key) ?? 0);
  return {
    duplicates: counts.reduce((sum, count) => sum + Math.max(0, count - 1), 0),
    lost: counts.filter((count) => count === 0).length,
  };
}

/**
 * The least time Teams' limits allow for `messages` to one tenant: at 50 requests/s per app per tenant, the last
 * of N can leave no sooner than (⌈N / 50⌉ − 1) s after the first.
 */
export function limitsMinimumMs(messages: number): number {
  const tenantLimit = TEAMS_LIMITS.perTenant[0] as { count: number; windowMs: number };
  return (Math.ceil(messages / tenantLimit.count) - 1) * tenantLimit.windowMs;
}

/**
 * The delivery worker of the benchmark's worker and replica processes: the real worker with Teams' limits, sending
 * key cards to the run's connector on loopback; the claim lease and send timeout are the run's.
 */
export function createKeyCardDelivery(options: {
  store: Parameters<typeof createDelivery>[0]['store'];
  conversations: ConversationStore;
  clock: BotClock;
  logger: BotLogger;
  leaseMs: number;
  sendTimeoutMs: number;
}): DeliveryWorker {
  return createDelivery({
    store: options.store,
    conversations: options.conversations,
    render: renderKeyCard,
    clock: options.clock,
    logger: options.logger,
    connectorKeepsActivityIds: true,
    serviceUrls: createServiceUrlPolicy(LOCAL_BOT_CONNECTOR_ORIGINS),
    sendTimeoutMs: options.sendTimeoutMs,
    tuning: { leaseMs: options.leaseMs, pollMs: 200 },
  });
}
