import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ExecuteButton {
  title: string;
  verb: string;
  data: Record<string, string>;
}

/** Every Action.Execute on a card (top-level, in ActionSets and inside ShowCard sub-cards), as a click would send it. */
export function executeActions(card: unknown): ExecuteButton[] {
  const found: ExecuteButton[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (record.type === 'Action.Execute' && typeof record.verb === 'string' && record.verb !== 'refresh') {
      found.push({
        title: String(record.title),
        verb: record.verb,
        data: record.data as Record<string, string>,
      });
    }
    for (const [key, value] of Object.entries(record)) if (key !== 'fallback' && key !== 'refresh') visit(value);
  };
  visit(card);
  return found;
}

export async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((done) => probe.close(() => done()));
  return port;
}

export async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((done) => setTimeout(done, 50));
  }
}

export interface TeamsPerson {
  /** Teams user id (the Playground's `user-id-N`). */
  id: string;
  name: string;
  aadObjectId: string;
}

/**
 * Someone other than the Playground's current user, talking to the bot in their personal chat. The
 * Playground's personal chat has only its current user as member (it answers `UserNotFound` for anyone
 * else, pinned 0.2.28), so this posts their activities to the bot as the Bot Connector would, with the
 * Playground's connector as `serviceUrl`: the bot's answers and later proactive cards land in the same
 * chat stream.
 */
export function teamsClientFor(options: {
  botEndpoint: string;
  serviceUrl: string;
  conversationId: string;
  tenantId: string;
  botId: string;
  person: TeamsPerson;
}) {
  let sequence = 0;
  const activity = (fields: Record<string, unknown>) => ({
    id: `direct-${options.person.id}-${++sequence}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: options.serviceUrl,
    from: { id: options.person.id, name: options.person.name, aadObjectId: options.person.aadObjectId },
    recipient: { id: options.botId, name: 'Confer' },
    conversation: { id: options.conversationId, conversationType: 'personal', tenantId: options.tenantId },
    channelData: { tenant: { id: options.tenantId } },
    locale: 'en-US',
    ...fields,
  });
  const post = (body: unknown) =>
    fetch(options.botEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  return {
    async say(text: string): Promise<void> {
      const response = await post(activity({ type: 'message', text, textFormat: 'plain' }));
      if (!response.ok) throw new Error(`message: ${response.status} ${await response.text()}`);
    },
    /** An `adaptiveCard/action` invoke; answers the invoke response body, as Teams would read it. */
    async invoke(
      replyToId: string,
      action: { verb: string; data: unknown },
      trigger: 'manual' | 'automatic' = 'manual',
    ): Promise<{ statusCode: number; type: string; value: unknown }> {
      const response = await post(
        activity({
          type: 'invoke',
          name: 'adaptiveCard/action',
          replyToId,
          value: { action: { type: 'Action.Execute', ...action }, trigger },
        }),
      );
      const text = await response.text();
      if (response.status !== 200) throw new Error(`invoke: ${response.status} ${text}`);
      return JSON.parse(text) as { statusCode: number; type: string; value: unknown };
    },
  };
}
