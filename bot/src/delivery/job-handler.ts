import { describeError } from '../describe-error.ts';
import type { ConversationStore, StoredConversation } from '../ports.ts';
import type { SendOutcome } from './connector-outcome.ts';
import type { DeliveryDeps } from './delivery-deps.ts';
import type { DeliveryTarget, OpenRequest, OutgoingMessage } from './delivery-sender.ts';
import type { ClaimedJob } from './delivery-types.ts';
import { finish, record, retryOrGiveUp } from './job-outcomes.ts';

/**
 * A claimed job with everything needed to send it; `confirmFirst` when an earlier send is in doubt;
 * `open` when the recipient has no stored chat yet and one must be created first.
 */
export interface ReadyJob {
  job: ClaimedJob;
  target: DeliveryTarget;
  outgoing: OutgoingMessage;
  confirmFirst: boolean;
  open: OpenRequest | null;
}

/** What a job's next request counts against: its conversation, or the person a chat is being opened with. */
export function limitKeyOf(ready: ReadyJob): string {
  return ready.open ? `open:${ready.open.aadObjectId}` : ready.target.conversationId;
}

/** Renders the card and finds (or plans to open) the recipient's chat; ends or defers the job when it cannot go. */
export async function prepareJob(deps: DeliveryDeps, job: ClaimedJob): Promise<ReadyJob | null> {
  const { message } = job;
  const now = deps.clock.now();
  try {
    const conversation = await deps.conversations.find(message.tenantId, message.userId);
    const rendered = await deps.render(message);
    if (!rendered) {
      await finish(deps, job, 'skipped', 'not_applicable');
      return null;
    }
    const outgoing = {
      deliveryId: job.deliveryId ?? deps.newId(),
      card: rendered.card,
      summary: rendered.summary,
      ...(rendered.locale ? { locale: rendered.locale } : {}),
    };
    const confirmFirst = job.state === 'sending';
    // Installed for them (often by an admin) but never talked to the bot: the chat is opened first.
    const serviceUrl = conversation?.serviceUrl ?? (await deps.serviceUrls.forTenant(message.tenantId));
    if (!deps.serviceUrlPolicy.allows(serviceUrl)) {
      await refuseServiceUrl(deps, job, serviceUrl);
      return null;
    }
    if (conversation) {
      deps.serviceUrls.learn(message.tenantId, conversation.serviceUrl);
      return { job, target: targetOf(conversation), outgoing, confirmFirst, open: null };
    }
    const open = { tenantId: message.tenantId, aadObjectId: message.userId, serviceUrl };
    const target = { tenantId: message.tenantId, conversationId: '', serviceUrl, reference: {} };
    return { job, target, outgoing, confirmFirst, open };
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
 * A stored service URL no Bot Connector on the list answers at ends the message for good: sending would hand
 * the bot's token to that host, and retrying would not change where it points.
 */
async function refuseServiceUrl(deps: DeliveryDeps, job: ClaimedJob, serviceUrl: string): Promise<void> {
  deps.logger.warn('delivery.service_url_refused', {
    key: job.message.key,
    serviceUrl,
    allowed: deps.serviceUrlPolicy.origins,
  });
  await finish(deps, job, 'failed', 'service_url_not_allowed');
}

/** The SDK sends to the reference's service URL: it is set from the record's, so the one checked is the one used. */
function targetOf(conversation: StoredConversation): DeliveryTarget {
  return {
    tenantId: conversation.tenantId,
    conversationId: conversation.conversationId,
    serviceUrl: conversation.serviceUrl,
    reference: { ...conversation.reference, serviceUrl: conversation.serviceUrl },
  };
}

/**
 * One request for a ready job, already counted against the rate limits. Returns the job again when it
 * needs another request right away (a chat was just opened, or an earlier send turned out not to have
 * arrived).
 */
export async function runJob(deps: DeliveryDeps, ready: ReadyJob, startedAt: Date): Promise<ReadyJob | null> {
  const { job, target, outgoing } = ready;
  if (ready.open) return openConversation(deps, { ...ready, open: ready.open });
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
 * Opens the personal chat and keeps it as the person's conversation, so later messages (and the bot's
 * answers) use it. Teams refuses with 403 when the app is not installed for them: that ends the message.
 */
async function openConversation(deps: DeliveryDeps, ready: ReadyJob & { open: OpenRequest }): Promise<ReadyJob | null> {
  const { job, open } = ready;
  const outcome = await deps.sender.open(open);
  if (outcome.kind === 'permanent') {
    deps.logger.warn('delivery.failed', { key: job.message.key, reason: outcome.reason });
    await finish(deps, job, 'failed', outcome.reason);
    return null;
  }
  if (outcome.kind === 'retry') {
    await retryOrGiveUp(deps, job, outcome, deps.clock.now(), { inDoubt: job.state === 'sending', countAttempt: true });
    return null;
  }
  const conversation = await keepConversation(deps.conversations, {
    tenantId: open.tenantId,
    aadObjectId: open.aadObjectId,
    // The Teams user id (`29:…`) arrives with their first activity, which replaces this record.
    userId: open.aadObjectId,
    userName: null,
    conversationId: outcome.conversationId,
    serviceUrl: open.serviceUrl,
    channelId: outcome.channelId,
    reference: outcome.reference,
    updatedAt: deps.clock.now().toISOString(),
  });
  if (!deps.serviceUrlPolicy.allows(conversation.serviceUrl)) {
    await refuseServiceUrl(deps, job, conversation.serviceUrl);
    return null;
  }
  deps.serviceUrls.learn(open.tenantId, open.serviceUrl);
  deps.logger.info('delivery.conversation_opened', {
    key: job.message.key,
    conversationId: conversation.conversationId,
  });
  return { ...ready, open: null, target: targetOf(conversation) };
}

/** A chat stored meanwhile (the person's own install event) wins: it carries their Teams user id and name. */
async function keepConversation(store: ConversationStore, opened: StoredConversation): Promise<StoredConversation> {
  const existing = await store.find(opened.tenantId, opened.aadObjectId);
  if (existing) return existing;
  await store.save(opened);
  return opened;
}
