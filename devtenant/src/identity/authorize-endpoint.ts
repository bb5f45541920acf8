import { randomUUID } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import { DEFAULT_ADMIN_CONSENT } from '../core/options.ts';
import type { DirectoryUser } from '../graph/context.ts';
import { AUTHORIZATION_CODE_LIFETIME_MS } from './auth-code-store.ts';
import {
  type AuthorizeRequest,
  parseAuthorizeRequest,
  RedirectableError,
  requestedScopeNames,
  scopesNeedingConsent,
  UntrustedRequestError,
} from './authorize-request.ts';
import { EntraError } from './entra-error.ts';
import type { IdentityDeps } from './identity-deps.ts';
import { renderConsentPage } from './pages/consent-page.ts';
import { renderErrorPage, renderFormPost, renderSignedOutPage } from './pages/message-page.ts';
import { pickedAccount, sendAccountPicker, sendHtml, stringParams } from './pages/page-response.ts';
import { clientInfo } from './token-issuer.ts';

/** What `.default` means on a consent screen: the delegated permissions Confer's registration asks for. */
const STATIC_DELEGATED = DEFAULT_ADMIN_CONSENT.delegated.filter(
  (s) => !['openid', 'profile', 'offline_access'].includes(s),
);

/**
 * `/{tenant}/oauth2/v2.0/authorize`: the demo sign-in page (pick a person), the consent screen for missing
 * (or `prompt=consent`) Graph scopes, `prompt=none` for silent SSO by `login_hint`, and the redirect back
 * with `code`, `state` and `client_info` by query, fragment or form_post.
 */
export function createAuthorizeEndpoint(deps: IdentityDeps): Router {
  const router = express.Router();
  router.get('/:tenant/oauth2/v2.0/authorize', (req, res) => {
    handle(deps, req, res, stringParams(req.query), (request) => {
      const hinted = findHinted(deps, request.params.login_hint);
      if (request.prompt === 'none') return silent(deps, res, request, hinted);
      // Entra would sign a hinted account with a live session straight in; devtenant has no sessions, so the
      // picker shows that person first ("Continue as …") and keeps the choice visible in demos.
      sendAccountPicker(res, deps, {
        appName: request.app.displayName,
        action: req.originalUrl.split('?')[0] ?? '',
        fields: request.params,
        hinted,
      });
    });
  });
  router.post('/:tenant/oauth2/v2.0/authorize', express.urlencoded({ extended: false }), (req, res) => {
    const body = stringParams(req.body);
    handle(deps, req, res, body, (request) => {
      const user = pickedAccount(res, deps, body.user_id, {
        appName: request.app.displayName,
        action: req.originalUrl,
        fields: request.params,
      });
      if (!user) return;
      if (body.action === 'consent_cancel') {
        throw new RedirectableError(
          request,
          new EntraError('access_denied', 65004, 'User declined to consent to access the app.', {
            suberror: 'consent_required',
          }),
        );
      }
      if (body.action === 'consent_accept') {
        deps.consent.grantUser(request.app.clientId, user.id, requestedScopeNames(request, STATIC_DELEGATED));
        redirectWithCode(deps, res, request, user);
        return;
      }
      const missing = scopesNeedingConsent(deps, request, user.id, STATIC_DELEGATED);
      if (missing.length > 0 || request.prompt === 'consent') {
        sendHtml(
          res,
          renderConsentPage({
            appName: request.app.displayName,
            action: req.originalUrl,
            fields: request.params,
            user,
            scopes: requestedScopeNames(request, STATIC_DELEGATED),
          }),
        );
        return;
      }
      redirectWithCode(deps, res, request, user);
    });
  });
  router.get('/:tenant/oauth2/v2.0/logout', (req, res) => {
    const target =
      typeof req.query.post_logout_redirect_uri === 'string' ? req.query.post_logout_redirect_uri : undefined;
    const registered = deps.apps
      .list()
      .some((app) => app.redirectUris.some((uri) => target && new URL(uri).origin === safeOrigin(target)));
    if (target && registered) res.redirect(302, target);
    else sendHtml(res, renderSignedOutPage());
  });
  return router;
}

function handle(
  deps: IdentityDeps,
  req: Request,
  res: Response,
  raw: Record<string, string | undefined>,
  next: (request: AuthorizeRequest) => void,
): void {
  try {
    next(parseAuthorizeRequest(deps, String(req.params.tenant), raw));
  } catch (error) {
    if (error instanceof UntrustedRequestError) {
      res.status(400);
      sendHtml(res, renderErrorPage(error.aadsts, error.message));
    } else if (error instanceof RedirectableError) {
      redirect(res, error.request, errorParams(error.entra, error.request.params.state));
    } else {
      throw error;
    }
  }
}

function silent(deps: IdentityDeps, res: Response, request: AuthorizeRequest, hinted: DirectoryUser | undefined): void {
  if (!hinted) {
    throw new RedirectableError(
      request,
      new EntraError('login_required', 50058, 'A silent sign-in request was sent but no user is signed in.'),
    );
  }
  if (scopesNeedingConsent(deps, request, hinted.id, STATIC_DELEGATED).length > 0) {
    throw new RedirectableError(
      request,
      new EntraError(
        'consent_required',
        65001,
        `The user or administrator has not consented to use the application with ID '${request.app.clientId}' named '${request.app.displayName}'.`,
      ),
    );
  }
  redirectWithCode(deps, res, request, hinted);
}

function redirectWithCode(deps: IdentityDeps, res: Response, request: AuthorizeRequest, user: DirectoryUser): void {
  const method = request.params.code_challenge_method;
  const code = deps.codes.issue({
    clientId: request.app.clientId,
    redirectUri: request.redirectUri,
    userId: user.id,
    scope: request.params.scope ?? '',
    nonce: request.params.nonce,
    codeChallenge: request.params.code_challenge,
    codeChallengeMethod: request.params.code_challenge ? (method === 'S256' ? 'S256' : 'plain') : undefined,
    expiresAt: deps.clock.now().getTime() + AUTHORIZATION_CODE_LIFETIME_MS,
  });
  redirect(res, request, {
    code,
    client_info: request.params.client_info === '1' ? clientInfo(user) : undefined,
    state: request.params.state,
    session_state: randomUUID(),
  });
}

function errorParams(error: EntraError, state: string | undefined): Record<string, string | undefined> {
  return {
    error: error.error,
    error_description: `AADSTS${error.aadsts}: ${error.message}`,
    error_codes: String(error.aadsts),
    suberror: error.suberror,
    state,
  };
}

function redirect(
  res: Response,
  request: Pick<AuthorizeRequest, 'redirectUri' | 'responseMode'>,
  params: Record<string, string | undefined>,
): void {
  if (request.responseMode === 'form_post') {
    sendHtml(res, renderFormPost(request.redirectUri, params));
    return;
  }
  const encoded = new URLSearchParams(
    Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined),
  ).toString();
  const url = new URL(request.redirectUri);
  if (request.responseMode === 'fragment') url.hash = encoded;
  else url.search = url.search ? `${url.search.slice(1)}&${encoded}` : encoded;
  res.redirect(302, url.toString());
}

function findHinted(deps: IdentityDeps, hint: string | undefined): DirectoryUser | undefined {
  if (!hint) return undefined;
  return deps.directory.findByEmail(deps.tenantId, hint) ?? deps.directory.findUser(deps.tenantId, hint);
}

function safeOrigin(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
