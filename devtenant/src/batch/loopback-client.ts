import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:https';

export interface LoopbackResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export interface LoopbackRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer | undefined;
}

export interface LoopbackClient {
  /** Header (name, value) that marks a request as an inner `$batch` request of this instance. */
  marker: { name: string; value: string };
  send(request: LoopbackRequest): Promise<LoopbackResponse>;
  close(): void;
}

/**
 * Sends `$batch` inner requests back through this server's own HTTPS listener, so each passes the same
 * middleware as a direct request (authorization, throttling per mailbox, fault injection, routes).
 */
export function createLoopbackClient(target: () => { port: number; caPem: string }): LoopbackClient {
  const marker = { name: 'x-devtenant-batch-step', value: randomBytes(16).toString('hex') };
  let agent: Agent | undefined;
  return {
    marker,
    send(inner) {
      const { port, caPem } = target();
      agent ??= new Agent({ keepAlive: true, maxSockets: 32, ca: caPem });
      return new Promise((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            servername: 'localhost',
            port,
            method: inner.method,
            path: inner.path,
            agent,
            headers: { ...inner.headers, [marker.name]: marker.value },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => {
              const headers: Record<string, string> = {};
              for (const [name, value] of Object.entries(res.headers)) {
                if (typeof value === 'string') headers[name] = value;
                else if (Array.isArray(value)) headers[name] = value.join(', ');
              }
              resolve({ status: res.statusCode ?? 500, headers, body: Buffer.concat(chunks) });
            });
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end(inner.body);
      });
    },
    close() {
      agent?.destroy();
    },
  };
}
