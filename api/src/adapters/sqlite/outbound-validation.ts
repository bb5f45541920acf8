import type { OutboundMessage } from '@confer/bot/ports';
import { storeError } from './store-errors.ts';

const KINDS: ReadonlySet<OutboundMessage['kind']> = new Set([
  'invitation',
  'organizer-update',
  'reschedule-options',
  'reminder',
  'change-notice',
  'time-proposal',
  'reconnect',
  'expiry-warning',
  'incident-alert',
  'follow-up',
  'cadence-nudge',
  'guest-picked',
  'guest-proposed',
]);

/** Refuses the whole batch (writing nothing) when one message could never be delivered or keyed. */
export function assertOutboundMessages(messages: readonly OutboundMessage[]): void {
  for (const message of messages) {
    const problem = problemOf(message);
    if (problem) {
      throw storeError(
        { reason: 'invalid_argument', table: 'outbound_messages', key: message?.key, field: problem },
        `Outbound message ${JSON.stringify(message?.key)} has an invalid ${problem}`,
      );
    }
  }
}

function problemOf(message: OutboundMessage): string | null {
  if (typeof message?.key !== 'string' || message.key.trim() === '' || message.key.length > 512) return 'key';
  if (typeof message.tenantId !== 'string' || message.tenantId === '') return 'tenantId';
  if (typeof message.userId !== 'string' || message.userId === '') return 'userId';
  if (!KINDS.has(message.kind)) return 'kind';
  if (!(message.notBefore instanceof Date) || Number.isNaN(message.notBefore.getTime())) return 'notBefore';
  if (typeof message.payload !== 'object' || message.payload === null || Array.isArray(message.payload))
    return 'payload';
  return null;
}

/** An empty prefix would cancel every pending message of every tenant. */
export function assertKeyPrefix(prefix: string): void {
  if (typeof prefix !== 'string' || prefix.trim() === '') {
    throw storeError(
      { reason: 'invalid_argument', table: 'outbound_messages', field: 'keyPrefix' },
      'cancelPending needs a non-empty key prefix',
    );
  }
}
