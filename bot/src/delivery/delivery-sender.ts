import type { SendOutcome } from './connector-outcome.ts';

/** The stored personal conversation a message goes to. */
export interface DeliveryTarget {
  tenantId: string;
  conversationId: string;
  serviceUrl: string;
  /** The ConversationReference the SDK stored on install. */
  reference: Record<string, unknown>;
}

/** A rendered message ready to go, under the activity id the worker proposes for it. */
export interface OutgoingMessage {
  deliveryId: string;
  card: Record<string, unknown>;
  summary: string;
  /** The locale the card is written in, when the renderer said. */
  locale?: string;
}

/**
 * Whether an earlier send of a delivery id reached the connector.
 * `unsupported`: this connector assigns its own activity ids (Teams does), so it cannot be asked.
 */
export type ConfirmOutcome =
  | { kind: 'delivered'; activityId: string }
  | { kind: 'absent' }
  | { kind: 'retry'; reason: string; retryAfterMs: number | null }
  | { kind: 'unsupported' };

/** A person to open a personal chat with, through their tenant's Bot Connector. */
export interface OpenRequest {
  tenantId: string;
  /** Entra object id; Teams accepts it as the member id of a new 1:1 (docs/teams-bot-platform.md). */
  aadObjectId: string;
  serviceUrl: string;
}

/**
 * What creating a personal chat came to. Creating is idempotent (Teams answers the existing chat), so a
 * lost answer is simply retried: there is no in-doubt state as there is for a send.
 */
export type OpenOutcome =
  | { kind: 'opened'; conversationId: string; channelId: string; reference: Record<string, unknown> }
  | { kind: 'retry'; reason: string; retryAfterMs: number | null }
  | { kind: 'permanent'; reason: string };

/** Proactive sending, as a port: the Agents SDK in the app, anything that speaks the connector API in tests. */
export interface DeliverySender {
  send(target: DeliveryTarget, message: OutgoingMessage): Promise<SendOutcome>;
  confirm(target: DeliveryTarget, message: OutgoingMessage): Promise<ConfirmOutcome>;
  /** `POST {serviceUrl}/v3/conversations` for a person who has the app but no chat with the bot yet. */
  open(request: OpenRequest): Promise<OpenOutcome>;
}
