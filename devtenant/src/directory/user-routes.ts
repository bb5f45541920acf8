import express, { type Request, type Response, type Router } from 'express';
import type { GraphAuthorization } from '../core/graph-authorization.ts';
import type { GraphCaller } from '../graph/context.ts';
import { GraphHttpError } from '../graph/context.ts';
import type { DirectoryStore } from './directory-store.ts';
import { encodeSkipToken, parseUserListQuery } from './user-query.ts';
import { contextUrl, parseSelect, renderUser } from './user-view.ts';

export interface UserRoutesDeps {
  origin: string;
  auth: GraphAuthorization;
  directory: DirectoryStore;
}

/** Permissions per the Graph reference for user get/list (v1.0). */
const SELF = { delegated: ['User.Read', 'User.ReadBasic.All', 'User.Read.All'], application: ['User.Read.All'] };
const OTHERS = { delegated: ['User.ReadBasic.All', 'User.Read.All'], application: ['User.Read.All'] };
const DENIED = ['Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'] as const;

/** `GET /me`, `GET /users/{id|upn}`, `GET /users` (filter, search, select, top, count, paging), `GET /users/$count`. */
export function createUserRoutes(deps: UserRoutesDeps): Router {
  const router = express.Router();
  router.get('/me', (req, res) => {
    const caller = deps.auth.authenticate(req);
    if (caller.kind !== 'delegated' || !caller.userId) {
      throw new GraphHttpError(400, 'BadRequest', '/me request is only valid with delegated authentication flow.');
    }
    deps.auth.requirePermission(caller, SELF, ...DENIED);
    sendUser(deps, req, res, caller, caller.userId);
  });
  router.get('/users', (req, res) => {
    const caller = deps.auth.authenticate(req);
    deps.auth.requirePermission(caller, OTHERS, ...DENIED);
    listUsers(deps, req, res, caller);
  });
  router.get('/users/:id', (req, res) => {
    const caller = deps.auth.authenticate(req);
    const id = String(req.params.id);
    if (id === '$count') {
      deps.auth.requirePermission(caller, OTHERS, ...DENIED);
      countUsers(deps, req, res, caller);
      return;
    }
    const target = deps.directory.findUser(caller.tenantId, id);
    deps.auth.requirePermission(caller, target && target.id === caller.userId ? SELF : OTHERS, ...DENIED);
    sendUser(deps, req, res, caller, id);
  });
  return router;
}

function sendUser(deps: UserRoutesDeps, req: Request, res: Response, caller: GraphCaller, id: string): void {
  const user = deps.directory.findUser(caller.tenantId, id);
  if (!user) {
    throw new GraphHttpError(
      404,
      'Request_ResourceNotFound',
      `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
    );
  }
  const select = parseSelect(typeof req.query.$select === 'string' ? req.query.$select : undefined);
  res.json({
    '@odata.context': contextUrl(deps.origin, select, true),
    ...renderUser(user, select, basicOnly(caller, user.id)),
  });
}

function listUsers(deps: UserRoutesDeps, req: Request, res: Response, caller: GraphCaller): void {
  const query = parseUserListQuery(req);
  const all = deps.directory.listUsers(caller.tenantId).filter(query.matches);
  const ordered = query.order ? [...all].sort(query.order) : all;
  const page = ordered.slice(query.skip, query.skip + query.top);
  const body: Record<string, unknown> = { '@odata.context': contextUrl(deps.origin, query.select, false) };
  if (query.count) body['@odata.count'] = ordered.length;
  const next = query.skip + query.top;
  if (next < ordered.length) body['@odata.nextLink'] = nextLink(deps.origin, req, next);
  body.value = page.map((user) => renderUser(user, query.select, basicOnly(caller, user.id)));
  res.json(body);
}

function countUsers(deps: UserRoutesDeps, req: Request, res: Response, caller: GraphCaller): void {
  if ((req.get('consistencylevel') ?? '').toLowerCase() !== 'eventual') {
    throw new GraphHttpError(400, 'Request_BadRequest', '$count is not currently supported.');
  }
  res.type('text/plain').send(String(deps.directory.listUsers(caller.tenantId).length));
}

/**
 * Graph's nextLink repeats the query and adds `$skiptoken`; always absolute https
 * (docs/reference/graph-calendar.md §10: PageIterator needs it).
 */
function nextLink(origin: string, req: Request, offset: number): string {
  const url = new URL(`${origin}/v1.0${req.baseUrl.replace(/^\/v1\.0/, '')}${req.path}`);
  for (const [name, value] of Object.entries(req.query)) {
    if (name !== '$skiptoken' && typeof value === 'string') url.searchParams.set(name, value);
  }
  url.searchParams.set('$skiptoken', encodeSkipToken(offset));
  // Graph writes OData system query options with a literal `$`.
  return url.toString().replaceAll('%24', '$');
}

/** A delegated caller with only User.ReadBasic.All sees the basic profile of other people. */
function basicOnly(caller: GraphCaller, userId: string): boolean {
  if (caller.kind !== 'delegated' || caller.userId === userId) return false;
  const scopes = caller.scopes.map((s) => s.toLowerCase());
  return !scopes.includes('user.read.all') && !scopes.includes('directory.read.all');
}
