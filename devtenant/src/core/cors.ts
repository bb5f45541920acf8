import type { NextFunction, Request, Response } from 'express';

/**
 * Entra's token, discovery and key endpoints and Graph answer cross-origin calls from SPAs (msal-browser
 * redeems codes with fetch from the app's origin). Preflights are answered here; the response echoes the
 * caller's origin and exposes the ids and Retry-After that clients read.
 */
export function cors(req: Request, res: Response, next: NextFunction): void {
  const origin = req.get('origin');
  if (!origin) {
    next();
    return;
  }
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Vary', 'Origin');
  res.setHeader(
    'Access-Control-Expose-Headers',
    'request-id, client-request-id, Retry-After, ETag, Location, Preference-Applied',
  );
  if (req.method === 'OPTIONS') {
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PATCH, PUT, DELETE, OPTIONS');
    res.setHeader(
      'Access-Control-Allow-Headers',
      req.get('access-control-request-headers') ?? 'Content-Type, Authorization',
    );
    res.setHeader('Access-Control-Max-Age', '86400');
    res.status(204).end();
    return;
  }
  next();
}
