/**
 * Drives the Agents Playground through its scripting API: undocumented and internal, verified against
 * the pinned 0.2.28 (docs/teams-bot-platform.md), which is why the version is pinned.
 */
import WebSocket from 'ws';

export interface PlaygroundMessage {
  messageId: string;
  text?: string;
  attachments?: { contentType: string; content: unknown }[];
  [key: string]: unknown;
}

interface StreamEvent {
  action?: string;
  actionConversationId?: string;
  message?: PlaygroundMessage;
}

export interface PlaygroundConfig {
  personalChat: { id: string };
  currentUser: { id: string; name: string; aadObjectId: string };
  tenantId: string;
}

export class PlaygroundClient {
  constructor(readonly url: string) {}

  async config(): Promise<PlaygroundConfig> {
    const response = await fetch(`${this.url}/_internal/v1/config`);
    if (!response.ok) throw new Error(`GET config: ${response.status}`);
    return ((await response.json()) as { config: PlaygroundConfig }).config;
  }

  /** What "Install app" does in the UI: `installationUpdate` (add) and `conversationUpdate` (membersAdded). */
  async install(conversationId: string): Promise<void> {
    await this.#post(`/_debug/conversation/${encodeURIComponent(conversationId)}/installation`, {});
  }

  /**
   * What "Mock an Activity" → uninstall does in the UI: the Playground builds the activity from its
   * template for the conversation, and relays it to the bot.
   */
  async uninstall(conversationId: string): Promise<void> {
    const query = new URLSearchParams({ conversationId, type: 'uninstall' });
    const response = await fetch(`${this.url}/_internal/v1/customActivities/template?${query}`);
    if (!response.ok) throw new Error(`GET uninstall template: ${response.status} ${await response.text()}`);
    await this.#post('/_internal/v1/customActivities', await response.json());
  }

  async sendMessage(conversationId: string, fromUserId: string, text: string): Promise<void> {
    await this.#post(`/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`, {
      from: { id: fromUserId },
      text,
      textFormat: 'plain',
    });
  }

  /**
   * What clicking an `Action.Execute` button does: an `adaptiveCard/action` invoke from `fromUserId`
   * (any of the Playground's users, to act as someone other than the current user). Answers the bot's
   * invoke response body.
   */
  async invoke(
    conversationId: string,
    fromUserId: string,
    replyToId: string,
    action: { verb: string; data: unknown },
    trigger: 'manual' | 'automatic' = 'manual',
  ): Promise<InvokeAnswer> {
    const response = await fetch(`${this.url}/_conversation/v1/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'adaptiveCard/action',
        from: { id: fromUserId },
        conversation: { id: conversationId },
        replyToId,
        value: { action: { type: 'Action.Execute', ...action }, trigger },
      }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`POST invoke: ${response.status} ${text}`);
    return JSON.parse(text) as InvokeAnswer;
  }

  /** Every message the bot posts, as the Playground's UI receives it (history first, then live). */
  async openStream(): Promise<MessageStream> {
    const socket = new WebSocket(`${this.url.replace(/^http/, 'ws')}/_ws_conversation/v1/conversations/stream`);
    const stream = new MessageStream(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return stream;
  }

  async #post(path: string, body: unknown): Promise<void> {
    const response = await fetch(`${this.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  }
}

/** An invoke response body as the Playground hands it back (no status). */
export interface InvokeAnswer {
  statusCode?: number;
  type: string;
  value: unknown;
}

export class MessageStream {
  readonly messages: PlaygroundMessage[] = [];
  readonly #listeners = new Set<() => void>();

  constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const event = JSON.parse(String(data)) as StreamEvent;
      if (event.action !== 'createMessage' || !event.message) return;
      this.messages.push(event.message);
      for (const listener of this.#listeners) listener();
    });
  }

  /** The first message matching `predicate`, waiting for it up to `timeoutMs`. */
  waitFor(predicate: (message: PlaygroundMessage) => boolean, timeoutMs = 15_000): Promise<PlaygroundMessage> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.messages.find(predicate);
        if (!found) return false;
        this.#listeners.delete(listener);
        clearTimeout(timer);
        resolve(found);
        return true;
      };
      const listener = () => void check();
      const timer = setTimeout(() => {
        this.#listeners.delete(listener);
        reject(new Error(`no matching bot message within ${timeoutMs} ms; got ${JSON.stringify(this.messages)}`));
      }, timeoutMs);
      this.#listeners.add(listener);
      check();
    });
  }

  close(): void {
    this.socket.close();
  }
}

/** The Adaptive Card content of a message, or undefined. */
export function cardOf(message: PlaygroundMessage): unknown {
  return message.attachments?.find((attachment) => attachment.contentType === 'application/vnd.microsoft.card.adaptive')
    ?.content;
}
