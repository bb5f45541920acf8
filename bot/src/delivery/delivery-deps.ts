import type { BotClock, BotLogger, ConversationStore, RenderOutbound } from '../ports.ts';
import type { ServiceUrlPolicy } from '../service-url-policy.ts';
import type { DeliverySender } from './delivery-sender.ts';
import type { OutboundJobStore } from './delivery-types.ts';
import type { RateLimiter } from './rate-limiter.ts';
import type { RetryPolicy } from './retry-policy.ts';
import type { ServiceUrlBook } from './service-urls.ts';

export interface DeliveryTuning {
  /** Messages claimed at once; about two seconds of Teams' 50 requests/s, so a crash strands few. */
  batchSize: number;
  /** A claim not finished by then is taken over by another worker (longer than a send's timeout). */
  leaseMs: number;
  /** A message its conversation's limits hold back longer than this goes back to the store until then. */
  holdMs: number;
  /** Longest sleep while idle, so a moved clock or another process's enqueue is noticed. */
  pollMs: number;
}

export const DEFAULT_TUNING: DeliveryTuning = Object.freeze({
  batchSize: 100,
  leaseMs: 60_000,
  holdMs: 5_000,
  pollMs: 1_000,
});

export interface DeliveryDeps {
  store: OutboundJobStore;
  conversations: ConversationStore;
  /** Where to open a chat with someone who has none yet. */
  serviceUrls: ServiceUrlBook;
  /** The Bot Connector origins a message may go to; nothing is sent anywhere else. */
  serviceUrlPolicy: ServiceUrlPolicy;
  render: RenderOutbound;
  sender: DeliverySender;
  limiter: RateLimiter;
  retry: RetryPolicy;
  tuning: DeliveryTuning;
  clock: BotClock;
  logger: BotLogger;
  newId: () => string;
  random: () => number;
}
