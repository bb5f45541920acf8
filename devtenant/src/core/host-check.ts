import type { NextFunction, Request, Response } from 'express';
import type { Clock } from '../graph/context.ts';
import { graphErrorBody } from './graph-errors.ts';

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);
const HOST_PATTERN = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/;

/**
 * devtenant answers only for itself: a `Host` naming localhost, 127.0.0.1 or [::1] on the port the request
 * arrived at. A web page the developer visits can point its own domain name at 127.0.0.1 (DNS rebinding)
 * and call devtenant as its own origin — mint tokens through the control API, read calendars — but the
 * browser still sends the page's host name, which is refused here (421).
 */
export function requireLoopbackHost(clock: Clock) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const host = (req.headers.host ?? '').toLowerCase();
    const match = HOST_PATTERN.exec(host);
    const [, name = '', port = '443'] = match ?? [];
    if (match && LOOPBACK_NAMES.has(name) && Number(port) === req.socket.localPort) {
      next();
      return;
    }
    res
      .status(421)
      .json(
        graphErrorBody(res, clock, 'host_not_allowed', 'devtenant answers only for localhost, 127.0.0.1 or [::1].'),
      );
  };
}
