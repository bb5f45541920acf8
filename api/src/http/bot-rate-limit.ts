import { readInboundFacts, tenantOf } from '@confer/bot';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { AppError, toHttpStatus } from '../domain/app-error.ts';
import type { Clock } from '../ports/clock.ts';
import { createFixedWindowCounter } from './fixed-window.ts';

const MINUTE_MS = 60_000;

/**
 * Everything `/api/messages` accepts in a minute, before any token is checked. Far above what a tenant's
 * people send by hand, low enough that a flood cannot turn into unbounded token checks, store writes and
 * Graph reads (in tenant-wide mode every person shares the app's Graph budget).
 */
export const BOT_GLOBAL_PER_MINUTE = 3_000;
/**
 * Activities per minute from one conversation, and from one sender. A person types and clicks far slower;
 * Teams itself lets a bot send at most 60 messages per 30 seconds into one conversation.
 */
export const BOT_CONVERSATION_PER_MINUTE = 60;
/** Conversations and senders tracked at once (least recently seen forgotten first). */
const MAX_TRACKED = 20_000;

export interface BotLimitOptions {
  clock: Clock;
  perMinute?: number;
}

/**
 * The global cap, mounted in front of the bot endpoint. It keys on nothing the caller chooses: keys taken
 * from an unauthenticated body could be forged to silence someone else's conversation.
 */
export function limitAllBotTraffic(options: BotLimitOptions): RequestHandler {
  const counter = createFixedWindowCounter({
    limit: options.perMinute ?? BOT_GLOBAL_PER_MINUTE,
    windowMs: MINUTE_MS,
    maxKeys: 1,
  });
  return (_req: Request, _res: Response, next: NextFunction) => {
    const verdict = counter.hit('all', options.clock.now().getTime());
    if (verdict.allowed) return next();
    next(rateLimited(verdict.retryAfterSeconds));
  };
}

/**
 * Per conversation and per sender, run by the bot endpoint once the activity is authenticated and parsed,
 * so only the real sender can use up their own allowance. It answers the refusal itself: it runs inside
 * the bot's router, whose error handler speaks for the SDK.
 */
export function limitBotActivity(options: BotLimitOptions): RequestHandler {
  const counter = createFixedWindowCounter({
    limit: options.perMinute ?? BOT_CONVERSATION_PER_MINUTE,
    windowMs: MINUTE_MS,
    maxKeys: MAX_TRACKED,
  });
  return (req: Request, res: Response, next: NextFunction) => {
    const now = options.clock.now().getTime();
    let waitSeconds = 0;
    for (const key of activityKeys(req.body)) {
      const verdict = counter.hit(key, now);
      if (!verdict.allowed) waitSeconds = Math.max(waitSeconds, verdict.retryAfterSeconds);
    }
    if (waitSeconds === 0) return next();
    const refusal = rateLimited(waitSeconds);
    req.context?.logger.info('request refused', { code: refusal.code });
    res.setHeader('retry-after', String(waitSeconds));
    res.status(toHttpStatus(refusal.code)).json({ error: { code: refusal.code, message: refusal.message } });
  };
}

function rateLimited(retryAfterSeconds: number): AppError {
  return new AppError('rate_limited', 'Too many messages to the bot. Wait a moment and try again.', {
    retryAfterSeconds,
  });
}

/** The conversation and the sender of an activity, each within its tenant, read as the trust check reads them. */
export function activityKeys(body: unknown): string[] {
  const facts = readInboundFacts(body);
  const tenant = tenantOf(facts) ?? '';
  const sender = facts.aadObjectId ?? facts.fromId;
  return [
    ...(facts.conversationId ? [`conversation|${tenant}|${facts.conversationId}`] : []),
    ...(sender ? [`sender|${tenant}|${sender}`] : []),
  ];
}
