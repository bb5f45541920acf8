import type { Response } from 'express';
import type { IdentityDeps } from '../identity-deps.ts';
import { renderSignInPage } from './sign-in-page.ts';

/** The string-valued parameters of a query or a form body (anything else is dropped, never coerced). */
export function stringParams(source: unknown): Record<string, string | undefined> {
  const params: Record<string, string | undefined> = {};
  if (typeof source !== 'object' || source === null) return params;
  for (const [name, value] of Object.entries(source as Record<string, unknown>)) {
    if (typeof value === 'string') params[name] = value;
  }
  return params;
}

/** A sign-in page is never cached and never framed. */
export function sendHtml(res: Response, html: string): void {
  res
    .set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'X-Frame-Options': 'DENY' })
    .send(html);
}

/** The account picker for an app, posting the request's own fields back to `action`. */
export function sendAccountPicker(
  res: Response,
  deps: Pick<IdentityDeps, 'directory' | 'tenantId'>,
  page: {
    appName: string;
    action: string;
    fields: Record<string, string | undefined>;
    hinted?: Parameters<typeof renderSignInPage>[0]['hinted'];
    error?: string;
  },
): void {
  sendHtml(res, renderSignInPage({ ...page, hinted: page.hinted, people: deps.directory.listUsers(deps.tenantId) }));
}

/** The person picked on the account picker; when nobody (or nobody known) was, the picker is shown again. */
export function pickedAccount(
  res: Response,
  deps: Pick<IdentityDeps, 'directory' | 'tenantId'>,
  userId: string | undefined,
  page: { appName: string; action: string; fields: Record<string, string | undefined> },
) {
  const user = userId ? deps.directory.findUser(deps.tenantId, userId) : undefined;
  if (!user) sendAccountPicker(res, deps, { ...page, error: 'Pick one of the accounts below.' });
  return user;
}
