import type { KeyedQueue } from './keyed-queue.ts';
import type { BotClock, BotLogger, ConversationStore } from './ports.ts';

/** What the bot's handlers are given; built once by `createBotRouter`. */
export interface BotDeps {
  conversations: ConversationStore;
  logger: BotLogger;
  clock: BotClock;
  tabUrl: string;
  /** Serialises work per user so concurrent install events greet once. */
  perUser: KeyedQueue;
}

export function userKey(tenantId: string, aadObjectId: string): string {
  return `${tenantId}/${aadObjectId}`;
}
