import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The body as JSON (null when it is not JSON). */
  json(): unknown;
}

/**
 * One request exactly as given: the path is sent byte for byte (fetch would resolve `..` and `./`) and any
 * `Host` header can be set (fetch fixes it to the URL's host), as an attacker's client or a rebinding
 * browser would send them.
 */
export function rawRequest(
  origin: string,
  options: { path: string; method?: string; headers?: Record<string, string>; body?: string; caPem?: string },
): Promise<RawAnswer> {
  const url = new URL(origin);
  const https = url.protocol === 'https:';
  const send = https ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      {
        host: '127.0.0.1',
        port: url.port,
        path: options.path,
        method: options.method ?? 'GET',
        headers: { host: url.host, ...options.headers },
        ...(https ? { servername: url.hostname, ca: options.caPem } : {}),
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            json() {
              try {
                return JSON.parse(body) as unknown;
              } catch {
                return null;
              }
            },
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}
