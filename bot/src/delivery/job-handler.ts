import { describeError } from '../describe-error.ts';
import type { SendOutcome } from './connector-outcome.ts';
import type { DeliveryDeps } from './delivery-deps.ts';
import type { DeliveryTarget, OutgoingMessage } from './delivery-sender.ts';
import type { ClaimedJob } from './delivery-types.ts';
import { retryDelayMs } from './retry-policy.ts';

/** A claimed job with everything needed to send it; `confirmFirst` when an earlier send is in doubt. */
export interface ReadyJob {
  job: ClaimedJob;
  target: DeliveryTarget;
  outgoing: OutgoingMessage;
  confirmFirst: boolean;
}

/** Looks up the recipient's conversation and renders the card; ends or defers the job when it cannot go. */
export async function prepareJob(deps: DeliveryDeps, job: ClaimedJob): Promise<ReadyJob | null> {
  const { message } = job;
  const now = deps.clock.now();
  try {
    const conversation = await deps.conversations.find(message.tenantId, message.userId);
    if (!conversation) {
      // Without an install there is no chat to post into; Teams also refuses bots the user never added.
      await finish(deps, job, 'failed', 'no_conversation');
      return null;
    }
    const rendered = await deps.render(message);
    if (!rendered) {
      await finish(deps, job, 'skipped', 'not_applicable');
      return null;
    }
    return {
      job,
      target: {
        tenantId: message.tenantId,
        conversationId: conversation.conversationId,
        serviceUrl: conversation.serviceUrl,
        reference: conversation.reference,
      },
      outgoing: { deliveryId: job.deliveryId ?? deps.newId(), card: rendered.card, summary: rendered.summary },
      confirmFirst: job.state === 'sending',
    };
  } catch (error) {
    deps.logger.error('delivery.prepare_failed', { key: message.key, error: describeError(error) });
    await retryOrGiveUp(deps, job, { reason: 'prepare_failed', retryAfterMs: null }, now, {
      inDoubt: job.state === 'sending',
      countAttempt: true,
    });
    return null;
  }
}

/**
 * One request for a ready job, already counted against the rate limits. Returns the job again when it
 * needs another request right away (an earlier send turned out not to have arrived).
 */
export async function runJob(deps: DeliveryDeps, ready: ReadyJob, startedAt: Date): Promise<ReadyJob | null> {
  const { job, target, outgoing } = ready;
  if (ready.confirmFirst) {
    const confirmed = await deps.sender.confirm(target, outgoing);
    if (confirmed.kind === 'delivered') {
      await record(deps, job, 'sent', () =>
        deps.store.markSent(job, { activityId: confirmed.activityId, sentAt: startedAt }),
      );
      return null;
    }
    if (confirmed.kind === 'retry') {
      await retryOrGiveUp(deps, job, confirmed, deps.clock.now(), { inDoubt: true, countAttempt: true });
      return null;
    }
    if (confirmed.kind === 'unsupported') {
      // Teams cannot be asked whether an activity arrived (it assigns its own ids): resending is the only way
      // not to lose the message, and a duplicate is possible if the earlier send did arrive.
      deps.logger.warn('delivery.outcome_unknown_resent', { key: job.message.key, deliveryId: outgoing.deliveryId });
    }
    return { ...ready, confirmFirst: false };
  }
  const leaseUntil = new Date(deps.clock.now().getTime() + deps.tuning.leaseMs);
  const intent = { deliveryId: outgoing.deliveryId, conversationId: target.conversationId, leaseUntil };
  // The intent is committed before the request leaves: after a crash from here on the message is
  // `sending`, and whoever takes it over confirms before sending again.
  if (!(await deps.store.markSending(job, intent))) {
    deps.logger.info('delivery.claim_lost', { key: job.message.key });
    return null;
  }
  const sending: ClaimedJob = { ...job, state: 'sending', attempts: job.attempts + 1, deliveryId: outgoing.deliveryId };
  const outcome = await deps.sender.send(target, outgoing);
  await settle(deps, sending, target, outcome, startedAt);
  return null;
}

async function settle(
  deps: DeliveryDeps,
  job: ClaimedJob,
  target: DeliveryTarget,
  outcome: SendOutcome,
  startedAt: Date,
): Promise<void> {
  const now = deps.clock.now();
  switch (outcome.kind) {
    case 'delivered':
      await record(deps, job, 'sent', () =>
        deps.store.markSent(job, { activityId: outcome.activityId, sentAt: startedAt }),
      );
      return;
    case 'permanent':
      deps.logger.warn('delivery.failed', { key: job.message.key, reason: outcome.reason });
      await finish(deps, job, 'failed', outcome.reason);
      return;
    case 'retry':
      if (outcome.retryAfterMs !== null) {
        // Throttled despite the limiter (Teams may lower its limits): hold the whole conversation back.
        deps.limiter.pause(target.tenantId, target.conversationId, now.getTime() + outcome.retryAfterMs);
      }
      await retryOrGiveUp(deps, job, outcome, now, { inDoubt: false, countAttempt: false });
      return;
    case 'unknown':
      deps.logger.warn('delivery.outcome_unknown', { key: job.message.key, reason: outcome.reason });
      await retryOrGiveUp(deps, job, { reason: outcome.reason, retryAfterMs: null }, now, {
        inDoubt: true,
        countAttempt: false,
      });
      return;
  }
}

/**
 * Puts the job back for a later attempt, or ends it as failed once the attempts are spent. A job whose
 * last send is in doubt stays `sending`, so the next attempt confirms before it sends.
 */
async function retryOrGiveUp(
  deps: DeliveryDeps,
  job: ClaimedJob,
  outcome: { reason: string; retryAfterMs: number | null },
  now: Date,
  how: { inDoubt: boolean; countAttempt: boolean },
): Promise<void> {
  const { inDoubt, countAttempt } = how;
  const attempts = job.attempts + (countAttempt ? 1 : 0);
  if (attempts >= deps.retry.maxAttempts) {
    await finish(
      deps,
      job,
      'failed',
      inDoubt ? `outcome_unknown:${outcome.reason}` : `retries_exhausted:${outcome.reason}`,
    );
    return;
  }
  const delay = retryDelayMs(deps.retry, Math.max(1, attempts), outcome.retryAfterMs, deps.random);
  await record(deps, job, 'released', () =>
    deps.store.release(job, {
      notBefore: new Date(now.getTime() + delay),
      error: outcome.reason,
      inDoubt,
      countAttempt,
    }),
  );
}

async function finish(deps: DeliveryDeps, job: ClaimedJob, state: 'failed' | 'skipped', reason: string): Promise<void> {
  await record(deps, job, state, () => deps.store.finish(job, { state, reason, at: deps.clock.now() }));
}

async function record(deps: DeliveryDeps, job: ClaimedJob, what: string, write: () => Promise<boolean>): Promise<void> {
  if (!(await write())) deps.logger.warn('delivery.claim_lost', { key: job.message.key, while: what });
}
