import type { NextFunction, Request, Response } from 'express';

/**
 * The endpoints a single-page app calls with fetch: msal-browser reads the OpenID metadata (and, without
 * `knownAuthorities`, instance discovery) and redeems codes and refresh tokens at the token endpoint; keys
 * are public as Entra publishes them. Everything else — Graph, the control API, the sign-in pages — is
 * never answered cross-origin.
 */
const BROWSER_PATHS: readonly RegExp[] = [
  /^\/[^/]+\/oauth2\/v2\.0\/token$/i,
  /^\/[^/]+\/v2\.0\/\.well-known\/openid-configuration$/i,
  /^\/[^/]+\/discovery(\/v2\.0)?\/keys$/i,
  /^\/common\/discovery\/instance$/i,
];

/**
 * CORS as Entra answers single-page apps: only for the origins of a registered app's redirect URIs (where
 * the app runs) and only on the endpoints above. Any other origin or endpoint gets no CORS headers, so a
 * page the developer happens to visit cannot read devtenant's answers. Preflights are answered here; the
 * response exposes the ids and Retry-After that clients read.
 */
export function cors(allowedOrigins: () => ReadonlySet<string>) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!BROWSER_PATHS.some((path) => path.test(req.path))) {
      next();
      return;
    }
    res.setHeader('Vary', 'Origin');
    const origin = req.get('origin');
    if (!origin || !allowedOrigins().has(origin.toLowerCase())) {
      next();
      return;
    }
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader(
      'Access-Control-Expose-Headers',
      'request-id, client-request-id, Retry-After, ETag, Location, Preference-Applied',
    );
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      res.setHeader(
        'Access-Control-Allow-Headers',
        req.get('access-control-request-headers') ?? 'Content-Type, Authorization',
      );
      res.setHeader('Access-Control-Max-Age', '86400');
      res.status(204).end();
      return;
    }
    next();
  };
}

/** Where registered apps run: the origins of their redirect URIs. */
export function redirectOrigins(apps: readonly { redirectUris: readonly string[] }[]): ReadonlySet<string> {
  const origins = new Set<string>();
  for (const app of apps) {
    for (const uri of app.redirectUris) {
      try {
        origins.add(new URL(uri).origin.toLowerCase());
      } catch {
        // Not a URL (a custom scheme a native client would use): no browser origin to allow.
      }
    }
  }
  return origins;
}
