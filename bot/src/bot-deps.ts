import type { KeyedQueue } from './keyed-queue.ts';
import type { BotClock, BotLogger, ConversationStore, SchedulingActions } from './ports.ts';

/** What the bot's handlers are given; built once by `createBotRouter`. */
export interface BotDeps {
  conversations: ConversationStore;
  logger: BotLogger;
  clock: BotClock;
  tabUrl: string;
  /** Serialises work per user so concurrent install events greet once. */
  perUser: KeyedQueue;
  /** The scheduling core, for card actions and chat commands; without it they answer "unavailable". */
  actions?: SchedulingActions;
}

export function userKey(tenantId: string, aadObjectId: string): string {
  return `${tenantId}/${aadObjectId}`;
}
