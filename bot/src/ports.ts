/**
 * What the bot needs from the rest of the app. The API wires real implementations
 * (SQLite store, directory through Graph); tests pass hand-written fakes.
 */

/** A user's personal conversation with the bot, kept so the bot can message them later. */
export interface StoredConversation {
  tenantId: string;
  /** Entra object id of the user (`from.aadObjectId`). */
  aadObjectId: string;
  /** Teams user id (`29:…` in Teams; the Playground uses its own ids). */
  userId: string;
  userName: string | null;
  conversationId: string;
  serviceUrl: string;
  channelId: string;
  /** The full ConversationReference as JSON, as the Agents SDK produced it. */
  reference: Record<string, unknown>;
  /** ISO instant of the last update. */
  updatedAt: string;
}

export interface ConversationStore {
  save(conversation: StoredConversation): Promise<void>;
  find(tenantId: string, aadObjectId: string): Promise<StoredConversation | undefined>;
  remove(tenantId: string, aadObjectId: string): Promise<void>;
}

export interface BotLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface BotClock {
  now(): Date;
}
