import type { Client } from '@microsoft/microsoft-graph-client';
import { GraphError } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { AppError } from '../../domain/app-error.ts';
import type { GraphActor } from '../../ports/scheduling-gateway.ts';
import type { SubscriptionGateway, SubscriptionGrant } from '../../ports/subscription-gateway.ts';
import { clientFor, type GraphActorDeps } from './graph-actor.ts';
import { call, parse } from './graph-call.ts';

/** Confer follows every change to an event: new, edited, deleted (docs/reference/graph-calendar.md §4). */
const CHANGE_TYPES = 'created,updated,deleted';

const subscriptionSchema = z.object({
  id: z.string().min(1),
  resource: z.string(),
  expirationDateTime: z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'an instant'),
});

/**
 * Refusals of a create that are about Confer's endpoints: the validation handshake failed (`ValidationError`) or
 * the URL was not accepted or timed out (`InvalidRequest`), docs/reference/graph-calendar.md §4.
 */
const REFUSAL_CODES = new Set(['ValidationError', 'InvalidRequest']);

/**
 * SubscriptionGateway over Graph's `/subscriptions` (docs/reference/graph-calendar.md §4). The request body holds
 * the clientState, so nothing here logs requests, and an error carries Graph's answer, never what was sent.
 */
export function createGraphSubscriptionGateway(deps: GraphActorDeps): SubscriptionGateway {
  const run = async <T>(actor: GraphActor, request: (client: Client) => Promise<T>): Promise<T> => {
    const client = await clientFor(deps, actor);
    return call(() => request(client));
  };

  return {
    async create(actor, request) {
      const body = {
        changeType: CHANGE_TYPES,
        notificationUrl: request.notificationUrl,
        lifecycleNotificationUrl: request.lifecycleNotificationUrl,
        resource: request.resource,
        expirationDateTime: request.expiresAt.toISOString(),
        clientState: request.clientState,
      };
      try {
        return toGrant(await run(actor, (client) => client.api('/subscriptions').post(body)));
      } catch (error) {
        throw refusedOrSelf(error);
      }
    },

    async renew(actor, subscriptionId, expiresAt) {
      const body = { expirationDateTime: expiresAt.toISOString() };
      return toGrant(await run(actor, (client) => client.api(subscriptionPath(subscriptionId)).patch(body)));
    },

    async remove(actor, subscriptionId) {
      try {
        await run(actor, (client) => client.api(subscriptionPath(subscriptionId)).delete());
      } catch (error) {
        // Graph already deleted it (expired, removed, or an earlier DELETE whose answer was lost): removed.
        if (error instanceof AppError && error.code === 'not_found') return;
        throw error;
      }
    },
  };
}

function subscriptionPath(subscriptionId: string): string {
  return `/subscriptions/${encodeURIComponent(subscriptionId)}`;
}

function toGrant(raw: unknown): SubscriptionGrant {
  const subscription = parse(subscriptionSchema, raw, 'subscription');
  return {
    id: subscription.id,
    resource: subscription.resource,
    expiresAt: new Date(subscription.expirationDateTime),
  };
}

/** A 400 about the notification endpoints is `subscription_refused`; everything else keeps its mapping. */
function refusedOrSelf(error: unknown): unknown {
  const graph = error instanceof AppError ? error.cause : null;
  if (!(graph instanceof GraphError) || graph.statusCode !== 400 || !REFUSAL_CODES.has(graph.code ?? '')) return error;
  return new AppError(
    'subscription_refused',
    "Microsoft Graph refused the subscription: Confer's notification URL did not answer its validation.",
    { cause: graph, details: { graphCode: graph.code } },
  );
}
