import type { OutboundMessage } from '../ports.ts';

/**
 * Where a message is in its life. `claimed`: a worker holds it and has not started sending. `sending`: the
 * send intent (a delivery id) was committed before the request left, so after a crash the outcome is
 * unknown until the connector is asked. The rest are final.
 */
export const OUTBOUND_STATES = ['pending', 'claimed', 'sending', 'sent', 'skipped', 'failed'] as const;
export type OutboundState = (typeof OUTBOUND_STATES)[number];

/** A count of zero for every state, for stores to fill in (a state with no messages still appears). */
export function zeroStateCounts(): Record<OutboundState, number> {
  return Object.fromEntries(OUTBOUND_STATES.map((state) => [state, 0])) as Record<OutboundState, number>;
}

/** A due message as a worker holds it: the message plus what the store knows about earlier attempts. */
export interface ClaimedJob {
  message: OutboundMessage;
  /** `sending` means an earlier attempt may have reached the connector: confirm before sending again. */
  state: 'claimed' | 'sending';
  claimToken: string;
  /** Sends started so far (the one in doubt included). */
  attempts: number;
  /** Set once a send was attempted; the activity id proposed to the connector. */
  deliveryId: string | null;
}

export interface ReleaseDetails {
  notBefore: Date;
  error: string | null;
  inDoubt: boolean;
  countAttempt: boolean;
}

/** A send that reached the connector, for rebuilding the rate limiter's windows after a restart. */
export interface RecentSend {
  tenantId: string;
  conversationId: string;
  sentAt: number;
}

/**
 * The worker's side of the queue. Every write is conditional on the claim token, so a worker whose lease
 * ran out (and whose job another worker took over) changes nothing.
 */
export interface OutboundJobStore {
  /**
   * Atomically takes up to `limit` messages that are due (`notBefore <= now`) or whose lease expired,
   * stamping them with `claimToken` and a lease until `leaseUntil`.
   */
  claim(options: { now: Date; limit: number; claimToken: string; leaseUntil: Date }): Promise<ClaimedJob[]>;
  /** Records the send intent before the request leaves; false when the claim was lost (or the message cancelled). */
  markSending(
    job: ClaimedJob,
    details: { deliveryId: string; conversationId: string; leaseUntil: Date },
  ): Promise<boolean>;
  markSent(job: ClaimedJob, details: { activityId: string; sentAt: Date }): Promise<boolean>;
  /**
   * Gives the job back, due again at `notBefore`: pending, or, when `inDoubt` (the last send may have
   * arrived), still `sending` with its lease ending then, so whoever takes it next confirms first.
   * `countAttempt` counts a request that did not go through `markSending` (a confirmation).
   */
  release(job: ClaimedJob, details: ReleaseDetails): Promise<boolean>;
  /** Ends the message for good with a reason: `failed` (cannot be delivered) or `skipped` (nothing to send). */
  finish(job: ClaimedJob, details: { state: 'failed' | 'skipped'; reason: string; at: Date }): Promise<boolean>;
  /** Sends since `since`, oldest first. */
  recentSends(since: Date): Promise<RecentSend[]>;
  /** When the next pending message falls due, to sleep until then. */
  nextDue(): Promise<Date | null>;
}

/** What the queue holds for one key, for tests, the benchmark and support. */
export interface OutboundRecord {
  key: string;
  state: OutboundState;
  attempts: number;
  deliveryId: string | null;
  activityId: string | null;
  reason: string | null;
  sentAt: Date | null;
}

export interface OutboundInspector {
  get(key: string): Promise<OutboundRecord | undefined>;
  countByState(): Promise<Record<OutboundState, number>>;
}
