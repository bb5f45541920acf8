import type { KeyedQueue } from './keyed-queue.ts';
import type { BotClock, BotLogger, ConversationStore, SchedulingActions } from './ports.ts';
import type { SignInDeps } from './sign-in/sign-in-deps.ts';

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
  /** Sign-in from chat (per-user mode, an OAuth connection configured); without it the bot links to the tab. */
  signIn?: SignInDeps;
}

export function userKey(tenantId: string, aadObjectId: string): string {
  return `${tenantId}/${aadObjectId}`;
}
