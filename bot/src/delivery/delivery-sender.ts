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

/** Proactive sending, as a port: the Agents SDK in the app, anything that speaks the connector API in tests. */
export interface DeliverySender {
  send(target: DeliveryTarget, message: OutgoingMessage): Promise<SendOutcome>;
  confirm(target: DeliveryTarget, message: OutgoingMessage): Promise<ConfirmOutcome>;
}
