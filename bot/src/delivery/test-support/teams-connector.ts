import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type DeliveryLimits, TEAMS_LIMITS } from '../teams-limits.ts';

export interface ConnectorActivity {
  id: string;
  conversationId: string;
  body: Record<string, unknown>;
  receivedAt: number;
}

export interface LocalTeamsConnectorOptions {
  limits?: DeliveryLimits;
  /** What a delivered message counts under (default: the text of the card's first TextBlock). */
  countKey?: (activity: ConnectorActivity) => string;
  /** Runs after a message is stored and before the answer leaves (e.g. to kill the sender right there). */
  onAccepted?: (activity: ConnectorActivity, acceptedCount: number) => void;
  /** Answers with this status instead, e.g. 403 MessageWritesBlocked for one conversation. */
  refuse?: (conversationId: string) => { status: number; code: string } | null;
  /** People the app is not installed for: creating a chat with them answers 403, as Teams does. */
  notInstalled?: (memberId: string) => boolean;
  /** Answers a chat creation with this status instead (e.g. a 503 to see it retried). */
  refuseOpen?: (memberId: string) => { status: number; code: string } | null;
}

export interface CreatedConversation {
  conversationId: string;
  body: Record<string, unknown>;
}

export interface LocalTeamsConnector {
  serviceUrl: string;
  /** Deliveries per count key: 1 each means exactly once. */
  deliveries: Map<string, number>;
  accepted: ConnectorActivity[];
  throttled: number;
  updates: number;
  /** Every `POST /v3/conversations` that created (or found) a chat. */
  created: CreatedConversation[];
  /** Chat creations asked for, refused ones included. */
  openRequests: number;
  close(): Promise<void>;
}

/**
 * A Bot Connector for tests and the benchmark that enforces Teams' limits (docs/teams-bot-platform.md) the way
 * the service does: every request to a conversation counts, and one over a limit gets 429 with a
 * Retry-After saying when its window reopens. It keeps the activity id the bot proposes, so an update of
 * an unknown id answers 404 — which is what lets a sender ask whether an earlier send arrived. Creating a
 * 1:1 chat (`POST /v3/conversations`, members `[{ id: <Entra object id> }]`) answers the same chat for the
 * same person, and 403 for someone the app is not installed for.
 */
export async function startLocalTeamsConnector(options: LocalTeamsConnectorOptions = {}): Promise<LocalTeamsConnector> {
  const limits = options.limits ?? TEAMS_LIMITS;
  const countKey = options.countKey ?? firstText;
  const byConversation = new Map<string, number[]>();
  const tenant: number[] = [];
  const activities = new Map<string, ConnectorActivity>();
  const state: LocalTeamsConnector = {
    serviceUrl: '',
    deliveries: new Map(),
    accepted: [],
    throttled: 0,
    updates: 0,
    created: [],
    openRequests: 0,
    close: async () => {},
  };

  /** Milliseconds until a request fits every window, counting the requests that already arrived. */
  function waitFor(conversationId: string, now: number): number {
    const times = byConversation.get(conversationId) ?? [];
    let wait = 0;
    for (const [list, windows] of [
      [times, limits.perConversation],
      [tenant, limits.perTenant],
    ] as const) {
      for (const { count, windowMs } of windows) {
        const inWindow = list.filter((at) => at > now - windowMs);
        if (inWindow.length >= count)
          wait = Math.max(wait, (inWindow[inWindow.length - count] as number) + windowMs - now);
      }
    }
    return wait;
  }

  function admit(conversationId: string, now: number): number {
    const wait = waitFor(conversationId, now);
    if (wait > 0) return wait;
    const times = byConversation.get(conversationId) ?? [];
    times.push(now);
    byConversation.set(conversationId, prune(times, now, 3_600_000));
    tenant.push(now);
    prune(tenant, now, 1_000);
    return 0;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const now = Date.now();
    const url = new URL(req.url ?? '/', 'http://connector');
    if (url.pathname === '/connector/v3/conversations' && req.method === 'POST') {
      return openConversation(JSON.parse(await readBody(req)) as Record<string, unknown>, res, now);
    }
    const match = /^\/connector\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(url.pathname);
    if (!match || (req.method !== 'POST' && req.method !== 'PUT'))
      return json(res, 404, { error: { code: 'NotFound' } });
    const conversationId = decodeURIComponent(match[1] ?? '');
    const body = JSON.parse(await readBody(req)) as Record<string, unknown>;
    const wait = admit(conversationId, now);
    if (wait > 0) {
      state.throttled++;
      res.setHeader('retry-after', String(Math.ceil(wait / 1000)));
      return json(res, 429, { error: { code: 'Throttled', message: 'Too many requests' } });
    }
    const refusal = options.refuse?.(conversationId);
    if (refusal) return json(res, refusal.status, { error: { code: refusal.code, message: 'refused' } });
    if (req.method === 'PUT') {
      const id = decodeURIComponent(match[2] ?? '');
      const existing = activities.get(`${conversationId}\n${id}`);
      if (!existing) return json(res, 404, { error: { code: 'ActivityNotFound', message: id } });
      state.updates++;
      existing.body = body;
      return json(res, 200, { id });
    }
    const id = typeof body.id === 'string' && body.id !== '' ? body.id : `act-${state.accepted.length + 1}`;
    const activity: ConnectorActivity = { id, conversationId, body, receivedAt: now };
    activities.set(`${conversationId}\n${id}`, activity);
    state.accepted.push(activity);
    const key = countKey(activity);
    state.deliveries.set(key, (state.deliveries.get(key) ?? 0) + 1);
    options.onAccepted?.(activity, state.accepted.length);
    json(res, 201, { id });
  }

  function openConversation(body: Record<string, unknown>, res: ServerResponse, now: number) {
    state.openRequests++;
    const members = Array.isArray(body.members) ? (body.members as { id?: unknown }[]) : [];
    const memberId = typeof members[0]?.id === 'string' ? members[0].id : '';
    const tenantId = typeof body.tenantId === 'string' ? body.tenantId : '';
    if (members.length !== 1 || memberId === '' || tenantId === '' || body.isGroup === true) {
      return json(res, 400, { error: { code: 'BadArgument', message: 'one member and a tenant are required' } });
    }
    const wait = admit(`create:${memberId}`, now);
    if (wait > 0) {
      state.throttled++;
      res.setHeader('retry-after', String(Math.ceil(wait / 1000)));
      return json(res, 429, { error: { code: 'Throttled', message: 'Too many requests' } });
    }
    const refusal = options.refuseOpen?.(memberId);
    if (refusal) return json(res, refusal.status, { error: { code: refusal.code, message: 'refused' } });
    if (options.notInstalled?.(memberId)) {
      return json(res, 403, { error: { code: 'Forbidden', message: 'The bot is not installed for this user.' } });
    }
    const conversationId = `a:${memberId}`;
    state.created.push({ conversationId, body });
    json(res, 201, { id: conversationId });
  }

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) =>
      json(res, 500, { error: { code: 'Failed', message: String(error) } }),
    );
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  state.serviceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/connector/`;
  state.close = () =>
    new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    });
  return state;
}

function prune(times: number[], now: number, keepMs: number): number[] {
  let drop = 0;
  while (drop < times.length && (times[drop] as number) <= now - keepMs) drop++;
  times.splice(0, drop);
  return times;
}

function firstText(activity: ConnectorActivity): string {
  const attachments = activity.body.attachments as { content?: { body?: { text?: string }[] } }[] | undefined;
  return attachments?.[0]?.content?.body?.[0]?.text ?? activity.id;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function json(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
