import express, { type Request, type Response, type Router } from 'express';
import type { IdentityDeps } from '../identity/identity-deps.ts';
import { escapeHtml, renderPage } from '../identity/pages/page-layout.ts';
import { type BotOAuthConnection, TOKEN_SERVICE_REDIRECT_PATH } from './connections.ts';
import { exchangeToken } from './exchange.ts';
import { authorizeUrl, completeSignIn, readSignInState, signInResource } from './sign-in-flow.ts';
import type { HeldToken, TokenServiceState } from './token-service-state.ts';

export interface TokenServiceDeps {
  identity: IdentityDeps;
  state: TokenServiceState;
  connections: readonly BotOAuthConnection[];
}

/**
 * The Bot Framework user-token service (`https://api.botframework.com` for Azure Bot) at devtenant's origin, with
 * the paths and parameters the Agents SDK's `UserTokenClient` uses (devtenant/docs/bot-token-service.md).
 * Errors carry the service's body `{ error: { code, message } }`.
 */
export function createTokenServiceRoutes(deps: TokenServiceDeps): Router {
  const router = express.Router();
  router.get('/api/usertoken/GetToken', (req, res) => {
    const query = readQuery(req, res, ['userId', 'connectionName', 'channelId']);
    if (!query) return;
    const connection = findConnection(deps, query.connectionName, res);
    if (!connection) return;
    const now = deps.identity.clock.now().getTime();
    const code = typeof req.query.code === 'string' && req.query.code !== '' ? req.query.code : undefined;
    if (code) {
      const redeemed = deps.state.redeemCode(code, query.userId, connection.name, query.channelId, now);
      if (!redeemed) return sendError(res, 404, 'invalid_code', 'The magic code is not valid for this person.');
      deps.state.hold(query.userId, connection.name, query.channelId, redeemed);
      return res.json(tokenResponse(connection, query.channelId, redeemed));
    }
    const held = deps.state.held(query.userId, connection.name, query.channelId);
    if (!held || Date.parse(held.expiration) <= now) {
      return sendError(res, 404, 'token_not_found', 'No token is held for this person and connection.');
    }
    res.json(tokenResponse(connection, query.channelId, held));
  });
  router.post('/api/usertoken/exchange', express.json({ limit: '64kb' }), (req, res) => {
    const query = readQuery(req, res, ['userId', 'connectionName', 'channelId']);
    if (!query) return;
    const connection = findConnection(deps, query.connectionName, res);
    if (!connection) return;
    const token = (req.body as { token?: unknown } | undefined)?.token;
    if (typeof token !== 'string' || token === '') {
      return sendError(res, 400, 'invalid_request', 'The body must be a token exchange request with a token.');
    }
    const outcome = exchangeToken(deps.identity, deps.state, connection, { ...query, token });
    if (!outcome.ok) return sendError(res, outcome.status, outcome.code, outcome.message);
    res.json(tokenResponse(connection, query.channelId, outcome.value));
  });
  router.delete('/api/usertoken/SignOut', (req, res) => {
    const userId = typeof req.query.userId === 'string' ? req.query.userId : '';
    if (!userId) return sendError(res, 400, 'invalid_request', 'The query must name the userId.');
    const optional = (name: string) =>
      typeof req.query[name] === 'string' && req.query[name] ? String(req.query[name]) : undefined;
    deps.state.drop(userId, optional('connectionName'), optional('channelId'));
    res.status(200).json({});
  });
  router.get('/api/botsignin/GetSignInResource', (req, res) => {
    const state = readSignInState(typeof req.query.state === 'string' ? req.query.state : undefined);
    if (!state)
      return sendError(
        res,
        400,
        'invalid_state',
        'The state must be base64 JSON naming a connection and a conversation.',
      );
    const connection = findConnection(deps, state.connectionName, res);
    if (!connection) return;
    const { user, channelId } = state.conversation;
    res.json(signInResource(deps.identity, deps.state, connection, { userId: user.id, channelId }));
  });
  router.get('/api/oauth/signin', (req, res) => {
    const id = typeof req.query.signin === 'string' ? req.query.signin : '';
    const pending = deps.state.peekSignIn(id, deps.identity.clock.now().getTime());
    const connection = pending && deps.connections.find((c) => c.name === pending.connectionName);
    if (!pending || !connection) {
      res
        .status(400)
        .type('html')
        .send(page('Sign-in link expired', 'This sign-in link has expired or was used. Ask the bot again.'));
      return;
    }
    res.redirect(302, authorizeUrl(deps.identity, connection, id));
  });
  router.get(TOKEN_SERVICE_REDIRECT_PATH, (req, res) => {
    const text = (name: string) => (typeof req.query[name] === 'string' ? String(req.query[name]) : undefined);
    const outcome = completeSignIn(deps.identity, deps.state, deps.connections, {
      state: text('state'),
      code: text('code'),
      error: text('error'),
      error_description: text('error_description'),
    });
    if (!outcome.ok) {
      res.status(outcome.status).type('html').send(page('Sign-in failed', outcome.message));
      return;
    }
    res
      .type('html')
      .send(
        page(
          'Signed in',
          `Go back to the chat. If the bot asks for a code, enter <strong data-magic-code>${escapeHtml(outcome.value.code)}</strong>.`,
          true,
        ),
      );
  });
  return router;
}

function tokenResponse(connection: BotOAuthConnection, channelId: string, held: HeldToken) {
  return { channelId, connectionName: connection.name, token: held.token, expiration: held.expiration };
}

function findConnection(deps: TokenServiceDeps, name: string, res: Response): BotOAuthConnection | undefined {
  const connection = deps.connections.find((c) => c.name.toLowerCase() === name.toLowerCase());
  if (!connection) sendError(res, 404, 'unknown_connection', `No OAuth connection named '${name}' on this bot.`);
  return connection;
}

function readQuery<K extends string>(req: Request, res: Response, names: readonly K[]): Record<K, string> | undefined {
  const values = {} as Record<K, string>;
  for (const name of names) {
    const value = req.query[name];
    if (typeof value !== 'string' || value === '') {
      sendError(res, 400, 'invalid_request', `The query must name the ${name}.`);
      return undefined;
    }
    values[name] = value;
  }
  return values;
}

function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}

function page(title: string, html: string, trusted = false): string {
  return renderPage(title, `<h1>${escapeHtml(title)}</h1><p class="lead">${trusted ? html : escapeHtml(html)}</p>`);
}
