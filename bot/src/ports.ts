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

/** A person the bot acts for, taken from the activity (`from.aadObjectId`, the conversation's tenant). */
export interface BotUser {
  tenantId: string;
  userId: string;
  name: string | null;
}

/**
 * A message the bot will send proactively. The queue delivers each `key` at most once and retries it
 * until it is delivered (exactly once), at or after `notBefore`; the card is rendered at send time from
 * the current meeting, so a reminder never shows stale times or reaches someone who declined.
 */
export interface OutboundMessage {
  /** Unique per logical message, e.g. `reminder:{meetingId}:{occurrenceStart}:{userId}:{leadMinutes}`. */
  key: string;
  tenantId: string;
  /** Recipient's Entra object id; their stored personal conversation is used. */
  userId: string;
  kind:
    | 'invitation'
    | 'organizer-update'
    | 'reschedule-options'
    | 'reminder'
    | 'change-notice'
    | 'reconnect'
    | 'expiry-warning';
  payload: Record<string, unknown>;
  notBefore: Date;
}

export interface OutboundQueue {
  /** Idempotent by key: enqueuing a key that exists (pending or sent) changes nothing. */
  enqueue(messages: readonly OutboundMessage[]): Promise<void>;
  /** Drops pending (unsent) messages whose key starts with the prefix; answers how many. */
  cancelPending(keyPrefix: string): Promise<number>;
}

/**
 * Turns a due message into what to send, or null to skip it (meeting cancelled, recipient declined,
 * reminder time passed). Card builders stay pure; this reads the current state.
 */
export type RenderOutbound = (message: OutboundMessage) => Promise<RenderedOutbound | null>;

export interface RenderedOutbound {
  /** Adaptive Card JSON (v1.5) to send as an attachment. */
  card: Record<string, unknown>;
  /** Text for notifications and clients that cannot render cards. */
  summary: string;
}
