import type { AppRegistry, RegisteredApp } from './app-registry.ts';
import { EntraError } from './entra-error.ts';
import { canonicalGraphScope, GRAPH_APP_ID, GRAPH_RESOURCE, OIDC_SCOPES } from './graph-scopes.ts';

export type TokenResource = { kind: 'graph' } | { kind: 'app'; app: RegisteredApp };

/** A parsed `scope` parameter: at most one resource, its permissions, and the OIDC scopes beside it. */
export interface ScopeRequest {
  oidc: ReadonlySet<string>;
  /** Undefined when only OIDC scopes were asked for (Entra then issues a Graph token). */
  resource: TokenResource | undefined;
  /** Permission names on the resource, canonical spelling, without the resource prefix. */
  scopes: readonly string[];
  /** `{resource}/.default`: every permission granted to the client on that resource. */
  isDefault: boolean;
}

/**
 * Parses the way Entra v2 does: bare names (`User.Read`) belong to Graph, prefixed names to the resource
 * before the last `/`; a request naming two resources is refused (AADSTS28000), an unknown resource gives
 * AADSTS500011 and an unknown permission AADSTS70011 / AADSTS65005.
 */
export function parseScopeRequest(scopeParam: string | undefined, apps: AppRegistry, tenantId: string): ScopeRequest {
  const items = (scopeParam ?? '').split(/\s+/).filter(Boolean);
  if (items.length === 0) {
    throw new EntraError('invalid_request', 900144, "The request body must contain the following parameter: 'scope'.");
  }
  const oidc = new Set<string>();
  const named: { resource: TokenResource; resourceKey: string; scope: string }[] = [];
  for (const item of items) {
    if (OIDC_SCOPES.has(item.toLowerCase())) {
      oidc.add(item.toLowerCase());
      continue;
    }
    named.push(resolveItem(item, apps, tenantId));
  }
  const keys = new Set(named.map((n) => n.resourceKey));
  if (keys.size > 1) {
    throw new EntraError(
      'invalid_request',
      28000,
      `Provided value for the input parameter scope is not valid because it contains more than one resource. Scope ${items.join(' ')} is not valid.`,
    );
  }
  const first = named[0];
  const isDefault = named.some((n) => n.scope === '.default');
  if (isDefault && named.length > 1) {
    throw new EntraError(
      'invalid_scope',
      70011,
      `The provided value for the input parameter 'scope' is not valid. The scope ${items.join(' ')} is not valid. static scope limit exceeded.`,
    );
  }
  return {
    oidc,
    resource: first?.resource,
    scopes: isDefault ? [] : [...new Set(named.map((n) => n.scope))],
    isDefault,
  };
}

function resolveItem(item: string, apps: AppRegistry, tenantId: string) {
  const slash = item.lastIndexOf('/');
  const prefix = slash > 0 ? item.slice(0, slash) : undefined;
  const name = slash > 0 ? item.slice(slash + 1) : item;
  if (!prefix || isGraph(prefix)) {
    const scope = name === '.default' ? '.default' : canonicalGraphScope(name);
    if (!scope) {
      throw new EntraError(
        'invalid_scope',
        70011,
        `The provided value for the input parameter 'scope' is not valid. The scope ${item} is not valid.`,
      );
    }
    return { resource: { kind: 'graph' } as const, resourceKey: GRAPH_RESOURCE, scope };
  }
  const app = apps.byResource(prefix);
  if (!app) {
    throw new EntraError(
      'invalid_resource',
      500011,
      `The resource principal named ${prefix} was not found in the tenant named ${tenantId}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.`,
    );
  }
  const scope =
    name === '.default' ? '.default' : app.exposedScopes.find((s) => s.toLowerCase() === name.toLowerCase());
  if (!scope) {
    throw new EntraError(
      'invalid_scope',
      65005,
      `The application '${app.displayName}' asked for scope '${name}' that doesn't exist on the resource '${app.clientId}'.`,
    );
  }
  return { resource: { kind: 'app', app } as const, resourceKey: app.clientId, scope };
}

function isGraph(prefix: string): boolean {
  const p = prefix.replace(/\/+$/, '').toLowerCase();
  return p === GRAPH_RESOURCE || p === 'https://graph.microsoft.com/v1.0' || p === GRAPH_APP_ID;
}
