import express, { type Request, type Response, type Router } from 'express';
import { type AdminConsentGrant, DEFAULT_ADMIN_CONSENT } from '../core/options.ts';
import { AdminConsentRefusal, type AdminConsentRequest, parseAdminConsentRequest } from './admin-consent-request.ts';
import { UntrustedRequestError } from './authorize-request.ts';
import { canGrantAdminConsent } from './directory-roles.ts';
import { EntraError } from './entra-error.ts';
import { GRAPH_RESOURCE, OIDC_SCOPES } from './graph-scopes.ts';
import type { IdentityDeps } from './identity-deps.ts';
import { renderAdminConsentPage } from './pages/admin-consent-page.ts';
import { renderErrorPage } from './pages/message-page.ts';
import { pickedAccount, sendAccountPicker, sendHtml, stringParams } from './pages/page-response.ts';

/**
 * `/{tenant}/v2.0/adminconsent` (docs/reference/teams-platform.md §10): a person signs in; a Global or Privileged
 * Role Administrator sees the permissions the app requires and accepts (tenant-wide consent, back with
 * `admin_consent=True&tenant&scope&state`) or cancels (`error=access_denied`); anyone else is refused with
 * AADSTS90094. A refusal changes nothing in the tenant.
 */
export function createAdminConsentEndpoint(deps: IdentityDeps): Router {
  const router = express.Router();
  router.get('/:tenant/v2.0/adminconsent', (req, res) => {
    handle(deps, req, res, stringParams(req.query), (request) => {
      sendAccountPicker(res, deps, {
        appName: request.app.displayName,
        action: req.originalUrl.split('?')[0] ?? '',
        fields: request.params,
      });
    });
  });
  router.post('/:tenant/v2.0/adminconsent', express.urlencoded({ extended: false }), (req, res) => {
    const body = stringParams(req.body);
    handle(deps, req, res, body, (request) => {
      const user = pickedAccount(res, deps, body.user_id, {
        appName: request.app.displayName,
        action: req.originalUrl,
        fields: request.params,
      });
      if (!user) return;
      // Checked on every step, so a forged Accept from someone else's form grants nothing.
      if (!canGrantAdminConsent(user.id)) throw new AdminConsentRefusal(request, needsAdmin(request));
      if (body.action === 'consent_cancel') {
        throw new AdminConsentRefusal(
          request,
          new EntraError('access_denied', 65004, 'User declined to consent to access the app.'),
        );
      }
      if (body.action === 'consent_accept') {
        grant(deps, request);
        redirect(res, request, {
          admin_consent: 'True',
          tenant: deps.tenantId,
          scope: grantedScope(DEFAULT_ADMIN_CONSENT),
          state: request.state,
        });
        return;
      }
      sendHtml(
        res,
        renderAdminConsentPage({
          appName: request.app.displayName,
          action: req.originalUrl,
          fields: request.params,
          admin: user,
          permissions: DEFAULT_ADMIN_CONSENT,
        }),
      );
    });
  });
  return router;
}

function handle(
  deps: IdentityDeps,
  req: Request,
  res: Response,
  raw: Record<string, string | undefined>,
  next: (request: AdminConsentRequest) => void,
): void {
  try {
    next(parseAdminConsentRequest(deps, String(req.params.tenant), raw));
  } catch (error) {
    if (error instanceof UntrustedRequestError) {
      res.status(400);
      sendHtml(res, renderErrorPage(error.aadsts, error.message));
    } else if (error instanceof AdminConsentRefusal) {
      redirect(res, error.request, {
        error: error.entra.error,
        error_description: `AADSTS${error.entra.aadsts}: ${error.entra.message}`,
        error_uri: `${deps.origin}/error?code=${error.entra.aadsts}`,
        state: error.request.state,
      });
    } else {
      throw error;
    }
  }
}

function needsAdmin(request: AdminConsentRequest): EntraError {
  return new EntraError(
    'access_denied',
    90094,
    `The grant requires admin permission. ${request.app.displayName} needs admin approval: it needs permission to access resources in your organization that only an admin can grant.`,
  );
}

/**
 * The permissions Confer's registration requires (what `.default` means for it, as on the authorize endpoint),
 * added to any already granted: Entra's admin consent never narrows an existing grant.
 */
function grant(deps: IdentityDeps, request: AdminConsentRequest): void {
  const existing = deps.consent.adminGrant(request.app.clientId);
  const union = (a: readonly string[] = [], b: readonly string[] = []) => [...new Set([...a, ...b])];
  deps.consent.grantAdmin(request.app.clientId, {
    delegated: union(existing?.delegated, DEFAULT_ADMIN_CONSENT.delegated),
    roles: union(existing?.roles, DEFAULT_ADMIN_CONSENT.roles),
  });
}

/** The `scope` of the success redirect: the Graph permissions granted, by their full names. */
function grantedScope(permissions: AdminConsentGrant): string {
  const names = [...permissions.delegated.filter((s) => !OIDC_SCOPES.has(s.toLowerCase())), ...permissions.roles];
  return [...new Set(names)].map((name) => `${GRAPH_RESOURCE}/${name}`).join(' ');
}

function redirect(res: Response, request: AdminConsentRequest, params: Record<string, string | undefined>): void {
  const url = new URL(request.redirectUri);
  for (const [name, value] of Object.entries(params)) if (value !== undefined) url.searchParams.append(name, value);
  res.redirect(302, url.toString());
}
