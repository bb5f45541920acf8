import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  text: string;
  /** Parsed `value` of a notification POST; empty for validation requests. */
  value: Record<string, unknown>[];
}

export interface ReceiverReply {
  status: number;
  contentType?: string;
  body?: string;
  delayMs?: number;
}

export type ReceiverBehaviour = (request: ReceivedRequest) => ReceiverReply;

/** Answers validation as a correct app does and accepts notifications with 202. */
export const wellBehaved: ReceiverBehaviour = (request) => {
  const token = request.query.get('validationToken');
  if (token !== null) return { status: 200, contentType: 'text/plain', body: token };
  return { status: 202 };
};

/** The app's webhook endpoint: a real HTTP server on 127.0.0.1 that records what Graph sends it. */
export interface WebhookReceiver {
  url: string;
  requests: ReceivedRequest[];
  /** Notification POSTs only (validation requests left out). */
  notifications(path?: string): ReceivedRequest[];
  behave(behaviour: ReceiverBehaviour): void;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const requests: ReceivedRequest[] = [];
  let behaviour = wellBehaved;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = toReceived(req, Buffer.concat(chunks).toString('utf8'));
      requests.push(request);
      reply(res, behaviour(request));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    notifications: (path) => requests.filter((r) => !r.query.has('validationToken') && (!path || r.path === path)),
    behave: (next) => {
      behaviour = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function toReceived(req: IncomingMessage, text: string): ReceivedRequest {
  const url = new URL(req.url ?? '/', 'http://receiver');
  let value: Record<string, unknown>[] = [];
  if (!url.searchParams.has('validationToken') && text) {
    value = (JSON.parse(text) as { value: Record<string, unknown>[] }).value;
  }
  return { path: url.pathname, query: url.searchParams, headers: req.headers, text, value };
}

function reply(res: ServerResponse, answer: ReceiverReply): void {
  const send = () => {
    if (res.destroyed) return;
    res.statusCode = answer.status;
    if (answer.contentType) res.setHeader('Content-Type', answer.contentType);
    res.end(answer.body ?? '');
  };
  if (answer.delayMs) setTimeout(send, answer.delayMs);
  else send();
}
