import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SentActivity {
  method: string;
  path: string;
  conversationId: string;
  authorization: string | undefined;
  body: {
    type?: string;
    text?: string;
    attachments?: { contentType: string; content: unknown }[];
    [key: string]: unknown;
  };
}

export interface FakeConnector {
  /** The `serviceUrl` to put on inbound activities. */
  serviceUrl: string;
  sent: SentActivity[];
  /** Resolves once `count` activities have been sent (or rejects after `timeoutMs`). */
  waitForSent(count: number, timeoutMs?: number): Promise<SentActivity[]>;
  close(): Promise<void>;
}

export interface FakeConnectorOptions {
  /** Conversation members by user id, answered on `GET v3/conversations/{id}/members/{userId}`. */
  members?: Record<string, { name: string; aadObjectId?: string }>;
}

/**
 * A local stand-in for the Bot Connector service (`serviceUrl`): records what the bot sends and
 * answers member look-ups, like the Agents Playground's mock connector does.
 */
export async function startFakeConnector(options: FakeConnectorOptions = {}): Promise<FakeConnector> {
  const sent: SentActivity[] = [];
  const waiters: (() => void)[] = [];
  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://connector');
    const member = /^\/connector\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'GET' && member) {
      const found = options.members?.[decodeURIComponent(member[2] ?? '')];
      if (!found) return json(res, 404, { error: { code: 'MemberNotFoundInConversation', message: 'Not found' } });
      return json(res, 200, { id: member[2], ...found });
    }
    const activity = /^\/connector\/v3\/conversations\/([^/]+)\/activities(?:\/[^/]+)?$/.exec(url.pathname);
    // POST sends; PUT updates a sent activity (a card replaced in place).
    if ((req.method === 'POST' || req.method === 'PUT') && activity) {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      sent.push({
        method: req.method,
        path: url.pathname,
        conversationId: decodeURIComponent(activity[1] ?? ''),
        authorization: req.headers.authorization,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as SentActivity['body'],
      });
      for (const wake of waiters.splice(0)) wake();
      return json(res, 201, { id: `sent-${sent.length}` });
    }
    json(res, 404, { error: { code: 'NotFound', message: `${req.method} ${url.pathname}` } });
  }

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    serviceUrl: `http://127.0.0.1:${port}/connector/`,
    sent,
    async waitForSent(count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (sent.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`expected ${count} sent activities, got ${sent.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, left);
        });
      }
      return sent;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
