import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import { type GraphCaller, type GraphContext, GraphHttpError } from '../graph/context.ts';
import { validateEndpoint } from './endpoint-validator.ts';
import { resolveExpiration } from './expiration-policy.ts';
import { parseEventResource } from './resource-path.ts';
import type { SubscriptionLimits } from './subscription-limits.ts';
import type { StoredSubscription } from './subscription-model.ts';
import { parseCreateRequest, parseRenewRequest } from './subscription-request.ts';
import type { SubscriptionStore } from './subscription-store.ts';

/**
 * Calendars.Read is the least privilege for event subscriptions (docs/reference/graph-calendar.md §8); ReadWrite
 * includes it.
 */
const EVENT_SUBSCRIPTION_PERMISSIONS = {
  delegated: ['Calendars.Read', 'Calendars.ReadWrite'],
  application: ['Calendars.Read', 'Calendars.ReadWrite'],
} as const;

export interface SubscriptionServiceDeps {
  ctx: GraphContext;
  store: SubscriptionStore;
  fetch: typeof fetch;
  limits: SubscriptionLimits;
}

/** The subscription use cases behind the Graph routes: check, decide, save. */
export class SubscriptionService {
  constructor(private readonly deps: SubscriptionServiceDeps) {}

  async create(req: Request): Promise<StoredSubscription> {
    const { ctx, store, limits } = this.deps;
    const caller = ctx.authorize(req, EVENT_SUBSCRIPTION_PERMISSIONS);
    const input = parseCreateRequest(req.body, limits.maxClientStateLength);
    // resolveMailbox applies `me` rules, own-mailbox-only for delegated callers and the access policy.
    const mailbox = ctx.resolveMailbox(req, caller, parseEventResource(input.resource).mailbox);
    const now = ctx.clock.now();
    const expiration = resolveExpiration(input.expirationDateTime, now, limits);
    if (store.countForMailbox(caller.tenantId, mailbox.id) >= limits.maxSubscriptionsPerMailbox) {
      throw new GraphHttpError(
        403,
        'ExtensionError',
        `The mailbox already has the maximum of ${limits.maxSubscriptionsPerMailbox} active subscriptions.`,
      );
    }
    await this.validate(input.notificationUrl);
    if (input.lifecycleNotificationUrl) await this.validate(input.lifecycleNotificationUrl);
    const sub: StoredSubscription = {
      id: randomUUID(),
      tenantId: caller.tenantId,
      applicationId: caller.appId,
      creatorId: caller.kind === 'delegated' && caller.userId ? caller.userId : caller.appId,
      createdBy: caller.kind,
      mailboxId: mailbox.id,
      resource: input.resource,
      changeTypes: input.changeTypes,
      notificationUrl: input.notificationUrl,
      lifecycleNotificationUrl: input.lifecycleNotificationUrl,
      clientState: input.clientState,
      latestSupportedTlsVersion: input.latestSupportedTlsVersion,
      expirationDateTime: expiration.toISOString(),
      lastReauthorizationNoticeAt: null,
      reauthorizeBy: null,
    };
    store.save(sub);
    return sub;
  }

  list(req: Request): StoredSubscription[] {
    const caller = this.deps.ctx.authorize(req, EVENT_SUBSCRIPTION_PERMISSIONS);
    const now = this.deps.ctx.clock.now();
    return this.deps.store.all().filter((sub) => ownedBy(sub, caller) && isLive(sub, now));
  }

  get(req: Request, id: string): StoredSubscription {
    return this.findOwned(req, id).sub;
  }

  /** Renewal also reauthorizes, so it re-checks access to the mailbox (lifecycle docs). */
  async renew(req: Request, id: string): Promise<StoredSubscription> {
    const { sub, caller } = this.findOwned(req, id);
    const input = parseRenewRequest(req.body);
    this.deps.ctx.resolveMailbox(req, caller, sub.mailboxId);
    const expiration = resolveExpiration(input.expirationDateTime, this.deps.ctx.clock.now(), this.deps.limits);
    if (input.notificationUrl && input.notificationUrl !== sub.notificationUrl)
      await this.validate(input.notificationUrl);
    const renewed: StoredSubscription = {
      ...sub,
      notificationUrl: input.notificationUrl ?? sub.notificationUrl,
      expirationDateTime: expiration.toISOString(),
      lastReauthorizationNoticeAt: null,
      reauthorizeBy: null,
    };
    this.deps.store.save(renewed);
    return renewed;
  }

  /** Reauthorize resumes delivery without extending the expiration. */
  reauthorize(req: Request, id: string): void {
    const { sub, caller } = this.findOwned(req, id);
    this.deps.ctx.resolveMailbox(req, caller, sub.mailboxId);
    this.deps.store.save({ ...sub, reauthorizeBy: null });
  }

  remove(req: Request, id: string): void {
    this.deps.store.remove(this.findOwned(req, id).sub.id);
  }

  /** Another app's (or another user's) subscription is indistinguishable from a missing one, as in Graph. */
  private findOwned(req: Request, id: string): { sub: StoredSubscription; caller: GraphCaller } {
    const caller = this.deps.ctx.authorize(req, EVENT_SUBSCRIPTION_PERMISSIONS);
    const sub = this.deps.store.get(id);
    if (!sub || !ownedBy(sub, caller) || !isLive(sub, this.deps.ctx.clock.now())) {
      throw new GraphHttpError(404, 'ResourceNotFound', 'The object was not found.');
    }
    return { sub, caller };
  }

  private validate(url: string): Promise<void> {
    return validateEndpoint(this.deps.fetch, url, this.deps.limits.validationTimeoutMs);
  }
}

function ownedBy(sub: StoredSubscription, caller: GraphCaller): boolean {
  if (sub.tenantId !== caller.tenantId || sub.applicationId !== caller.appId) return false;
  return caller.kind === 'application' || sub.creatorId === caller.userId;
}

function isLive(sub: StoredSubscription, now: Date): boolean {
  return Date.parse(sub.expirationDateTime) > now.getTime();
}
