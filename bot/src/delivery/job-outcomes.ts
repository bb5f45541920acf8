import type { DeliveryDeps } from './delivery-deps.ts';
import type { ClaimedJob } from './delivery-types.ts';
import { retryDelayMs } from './retry-policy.ts';

/**
 * Puts the job back for a later attempt, or ends it as failed once the attempts are spent. A job whose
 * last send is in doubt stays `sending`, so the next attempt confirms before it sends.
 */
export async function retryOrGiveUp(
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

export async function finish(
  deps: DeliveryDeps,
  job: ClaimedJob,
  state: 'failed' | 'skipped',
  reason: string,
): Promise<void> {
  await record(deps, job, state, () => deps.store.finish(job, { state, reason, at: deps.clock.now() }));
}

export async function record(
  deps: DeliveryDeps,
  job: ClaimedJob,
  what: string,
  write: () => Promise<boolean>,
): Promise<void> {
  if (!(await write())) deps.logger.warn('delivery.claim_lost', { key: job.message.key, while: what });
}
