import type { ErrorBody, ErrorCode } from '@confer/contracts';
import type { Request as SdkRequest } from '@microsoft/agents-hosting';
import express, { type ErrorRequestHandler, type RequestHandler, type Router } from 'express';
import { createConferAgent } from './agent-app.ts';
import type { BotDeps } from './bot-deps.ts';
import { type BotCredentials, createCloudAdapter } from './cloud-adapter.ts';
import { describeError } from './describe-error.ts';
import { type CallerIdentity, type InboundAuth, refuseWithoutToken, trustActivity } from './inbound/trust-activity.ts';
import { KeyedQueue } from './keyed-queue.ts';
import type { BotClock, BotLogger, ConversationStore, SchedulingActions, TenantMembership } from './ports.ts';
import type { ServiceUrlPolicy } from './service-url-policy.ts';
import type { SignInDeps } from './sign-in/sign-in-deps.ts';
import { runSignInInvoke } from './sign-in/sign-in-invokes.ts';

export interface BotOptions {
  /** How inbound activities prove they come from the Bot Connector (see InboundAuth). */
  inbound: InboundAuth;
  /** Outbound only: with them the SDK fetches a Bot Connector token for every reply. */
  credentials?: BotCredentials;
  /** The one tenant this deployment serves; activities of any other are refused. */
  tenantId: string;
  /** The Bot Connector origins the bot may answer to. */
  serviceUrls: ServiceUrlPolicy;
  /** Looks the acting person up in the tenant (see TenantMembership). */
  membership?: TenantMembership;
  conversations: ConversationStore;
  logger: BotLogger;
  clock: BotClock;
  /** Public URL of the tab (TAB_ENDPOINT), for "open Confer" links. */
  tabUrl: string;
  /** The scheduling core as the bot's cards and commands use it (the API wires it). */
  actions?: SchedulingActions;
  /** Sign-in from chat: the OAuth connection, the token service and the pending actions (docs/sign-in-from-chat.md). */
  signIn?: SignInDeps;
  /** Runs once the activity is trusted, before it is handled (the API's per-conversation rate limit). */
  limitActivity?: RequestHandler;
}

/** Bot Framework activities are small JSON documents; Teams caps a message at about 28 KB. */
const maxActivityBytes = '256kb';

/** What the SDK's own middleware sets for an unauthenticated caller: its connector calls then carry no token. */
const anonymousIdentity: CallerIdentity = { name: 'anonymous' };

/**
 * The Bot Framework messaging endpoint. Mount it with `app.use('/api/messages', createBotRouter(options))`;
 * it parses its own JSON body, so it works with or without an app-wide `express.json()`.
 */
export function createBotRouter(options: BotOptions): Router {
  const adapter = createCloudAdapter(options.credentials, options.serviceUrls, options.logger);
  const { conversations, logger, clock, tabUrl } = options;
  const deps: BotDeps = { conversations, logger, clock, tabUrl, perUser: new KeyedQueue() };
  if (options.actions) deps.actions = options.actions;
  if (options.signIn) deps.signIn = options.signIn;
  const agent = createConferAgent(adapter, deps);
  warnWhenUnauthenticated(options);

  const requireActivity: RequestHandler = (req, res, next) => {
    if (looksLikeActivity(req.body)) return next();
    sendError(
      res,
      400,
      'invalid_activity',
      'The request body must be a Bot Framework activity with a type and a conversation id.',
    );
  };
  const trusted = trustActivity({
    inbound: options.inbound,
    tenantId: options.tenantId,
    serviceUrls: options.serviceUrls,
    ...(options.membership ? { membership: options.membership } : {}),
    clock,
    logger,
    // Without outbound credentials the connector is called without a token, whatever the caller proved.
    identityOf: (claims) => (claims && options.credentials ? claims.payload : anonymousIdentity),
  });
  const processActivity: RequestHandler = async (req, res) => {
    await adapter.process(req as SdkRequest, res, async (context) => {
      if (!(await runSignInInvoke(context, deps))) await agent.run(context);
    });
  };

  const router = express.Router();
  router.post(
    '/',
    refuseWithoutToken(options),
    express.json({ limit: maxActivityBytes }),
    requireActivity,
    trusted,
    ...(options.limitActivity ? [options.limitActivity] : []),
    processActivity,
  );
  router.all('/', (_req, res) => {
    res.setHeader('allow', 'POST');
    sendError(res, 405, 'method_not_allowed', 'The bot endpoint accepts POST only.');
  });
  router.use(handleRouterError(options.logger));
  return router;
}

/** One line at start whenever activities are taken without proof of origin, so it cannot go unnoticed. */
function warnWhenUnauthenticated(options: BotOptions): void {
  if (options.inbound.mode === 'off') {
    options.logger.warn('bot.inbound_auth_off', {
      message:
        'Bot inbound authentication is OFF: /api/messages accepts activities without a Bot Connector token. ' +
        'Only for the local tenant and the Agents Playground; set SECRET_BOT_PASSWORD to turn it on.',
    });
  } else if (options.inbound.mode === 'closed') {
    options.logger.warn('bot.not_configured', {
      message: 'No bot identity (BOT_ID, SECRET_BOT_PASSWORD): /api/messages refuses every activity.',
    });
  }
}

function handleRouterError(logger: BotLogger): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) return next(error);
    const status = readStatus(error);
    // The body parser's refusals carry the same codes as the API's, so a client reads one vocabulary.
    if (status === 413) {
      sendError(res, 413, 'payload_too_large', 'The activity is larger than the bot endpoint accepts.');
      return;
    }
    if (status === 415) {
      sendError(res, 415, 'unsupported_media_type', 'Send the activity as UTF-8 JSON.');
      return;
    }
    // The SDK parses the activity with zod before any handler runs, so a ZodError means bad input.
    if (status === 400 || isZodError(error)) {
      sendError(res, status ?? 400, 'invalid_activity', 'The request body is not a readable Bot Framework activity.');
      return;
    }
    logger.error('bot.request_failed', { error: describeError(error) });
    sendError(res, 500, 'bot_failed', 'The bot could not process this activity.');
  };
}

/** The fields the SDK itself requires before it will route an activity (CloudAdapter.isValidChannelActivity). */
function looksLikeActivity(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  if (!('type' in body) || typeof body.type !== 'string' || body.type === '') return false;
  if (!('conversation' in body) || typeof body.conversation !== 'object' || body.conversation === null) return false;
  return 'id' in body.conversation && typeof body.conversation.id === 'string' && body.conversation.id !== '';
}

function isZodError(error: unknown): boolean {
  return error instanceof Error && error.name === 'ZodError';
}

function readStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('status' in error)) return undefined;
  return typeof error.status === 'number' ? error.status : undefined;
}

/** The API's code where the refusal is the same (an oversized or unreadable body), else the endpoint's own. */
type EndpointErrorCode = ErrorCode | 'invalid_activity' | 'method_not_allowed' | 'bot_failed';

function sendError(res: express.Response, status: number, code: EndpointErrorCode, message: string): void {
  const body: ErrorBody<EndpointErrorCode> = { error: { code, message } };
  res.status(status).json(body);
}
