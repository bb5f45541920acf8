import type { ErrorBody } from '@confer/contracts';
import type { CloudAdapter, Request as SdkRequest, WebResponse } from '@microsoft/agents-hosting';
import type { RequestHandler } from 'express';

/**
 * Runs the SDK's inbound JWT validation (CloudAdapter.authorizeRequest) and answers a refusal in the
 * app's error shape `{ error: { code, message } }` instead of the SDK's `{ "jwt-auth-error": … }`.
 * Without bot credentials the SDK lets the request through as anonymous.
 */
export function authorizeRequest(adapter: CloudAdapter): RequestHandler {
  return async (req, res, next) => {
    const refusal = { status: 401, detail: '' };
    const capture: WebResponse = {
      status(code) {
        refusal.status = code;
        return this;
      },
      setHeader() {
        return this;
      },
      send(body) {
        refusal.detail = readDetail(body);
        return this;
      },
      end() {
        return this;
      },
      headersSent: false,
      writableEnded: false,
    };
    let authorized = false;
    await adapter.authorizeRequest(req as SdkRequest, capture, () => {
      authorized = true;
    });
    if (authorized) return next();
    const body: ErrorBody = {
      error: { code: 'unauthorized', message: refusal.detail || 'The request carries no valid Bot Framework token.' },
    };
    res.status(refusal.status).json(body);
  };
}

function readDetail(body: unknown): string {
  if (typeof body !== 'object' || body === null || !('jwt-auth-error' in body)) return '';
  const detail = body['jwt-auth-error'];
  return typeof detail === 'string' ? detail : '';
}
