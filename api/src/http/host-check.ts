import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../domain/app-error.ts';

export interface HostCheckOptions {
  /** The public host (`TAB_DOMAIN`): always answered. */
  publicHost: string;
  /** Outside production, the loopback names are answered too, on the port the request arrived at. */
  production: boolean;
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);
const HOST_PATTERN = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/;

/**
 * Refuses a request whose `Host` header names a server other than this one (421). A web page the developer
 * visits can point its own domain name at 127.0.0.1 (DNS rebinding) and then call the local app as if it
 * were its own origin; the browser still sends the page's host name, which is what this checks. Health is
 * answered for any host: it tells nothing, and load balancers probe it by address.
 */
/** Liveness and readiness: load balancers probe them by address. */
const PROBES = new Set(['/api/health', '/api/ready']);

export function requireKnownHost(options: HostCheckOptions) {
  const publicHost = withoutDefaultPort(options.publicHost.toLowerCase());
  return (req: Request, _res: Response, next: NextFunction) => {
    if (PROBES.has(req.path) && (req.method === 'GET' || req.method === 'HEAD')) return next();
    const host = (req.headers.host ?? '').toLowerCase();
    if (isAllowed(host, publicHost, options.production, req.socket.localPort)) return next();
    next(
      new AppError('host_not_allowed', 'This server does not answer for that host name.', {
        details: { host: host.slice(0, 255) },
      }),
    );
  };
}

function isAllowed(host: string, publicHost: string, production: boolean, localPort: number | undefined): boolean {
  const match = HOST_PATTERN.exec(host);
  if (!match) return false;
  if (withoutDefaultPort(host) === publicHost) return true;
  if (production) return false;
  const [, name = '', port = '80'] = match;
  return LOOPBACK_NAMES.has(name) && Number(port) === localPort;
}

function withoutDefaultPort(host: string): string {
  return host.replace(/:(80|443)$/, '');
}
