import type { NextFunction, Request, Response } from 'express';

/**
 * The hosts that may frame the tab: Teams, Outlook and the Microsoft 365 app, on their current and their
 * `cloud.microsoft` domains — the hosts Microsoft's tab requirements list and teams-js accepts messages
 * from (docs/web-security.md). Nothing else may put Confer in a frame.
 */
export const TAB_FRAME_ANCESTORS: readonly string[] = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://teams.cloud.microsoft',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://*.office365.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://*.outlook.com',
  'https://*.microsoft365.com',
  'https://www.microsoft365.com',
];

/** teams-js refreshes its list of accepted host origins from here (and falls back to its own copy). */
const TEAMS_JS_ORIGINS_CDN = 'https://res.cdn.office.net';

/** A year: browsers keep using https for the app's host that long after one https answer. */
const HSTS_MAX_AGE_SECONDS = 365 * 24 * 3600;

export interface SecurityHeaderOptions {
  /** The sign-in authority's origin (`https://login.microsoftonline.com` or devtenant): MSAL talks to it. */
  authorityOrigin: string;
  /** The app's public URL: HSTS only when it is https. */
  tabEndpoint: string;
  /** The Teams-host emulation is on: its page frames the tab from the app's own origin. */
  emulatedTeamsHost: boolean;
}

/** The tab's Content-Security-Policy: what a page of the built tab may load, call and be framed by. */
export function tabContentSecurityPolicy(options: SecurityHeaderOptions): string {
  const authority = options.authorityOrigin;
  const ancestors = options.emulatedTeamsHost ? ["'self'", ...TAB_FRAME_ANCESTORS] : TAB_FRAME_ANCESTORS;
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Fluent UI (Griffel) writes its styles into <style> elements at run time, and the pages carry one too.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    // MSAL reads the authority's metadata and redeems codes with fetch; teams-js fetches its origin list.
    `connect-src 'self' ${authority} ${TEAMS_JS_ORIGINS_CDN}`,
    // MSAL may renew silently in a hidden frame at the authority; the emulation frames the tab itself.
    `frame-src 'self' ${authority}`,
    `frame-ancestors ${ancestors.join(' ')}`,
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
}

/** API answers are data: nothing in them may run, load or be framed. */
const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * Headers on every answer: the Content-Security-Policy (the tab's on pages, a closed one on the API),
 * `nosniff` so a browser never runs a JSON or text answer as script, no `Referer` (Join links and other
 * sites learn nothing of Confer's addresses), and HSTS when the app is served over https.
 */
export function securityHeaders(options: SecurityHeaderOptions) {
  const tabPolicy = tabContentSecurityPolicy(options);
  const https = options.tabEndpoint.startsWith('https://');
  return (req: Request, res: Response, next: NextFunction) => {
    const isApi = req.path === '/api' || req.path.startsWith('/api/');
    res.setHeader('content-security-policy', isApi ? API_POLICY : tabPolicy);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    if (https) res.setHeader('strict-transport-security', `max-age=${HSTS_MAX_AGE_SECONDS}`);
    next();
  };
}
