import type { BotUser, MailboxLocale } from '@confer/bot/ports';
import { z } from 'zod';
import { AppError } from '../../domain/app-error.ts';
import type { Logger } from '../../logging/logger.ts';
import type { Clock } from '../../ports/clock.ts';
import type { GraphActor } from '../../ports/scheduling-gateway.ts';
import { clientFor, type GraphActorDeps } from './graph-actor.ts';
import { call, parse } from './graph-call.ts';

const mailboxLanguageSchema = z.object({
  language: z.object({ locale: z.string().nullable().optional() }).nullable().optional(),
});

/**
 * People rarely change their mailbox language; a day keeps the bot from asking Graph on every card it sends
 * them. A mailbox that cannot be read is asked again after an hour rather than on every card.
 */
const ANSWER_TTL_MS = 24 * 60 * 60_000;
const FAILURE_TTL_MS = 60 * 60_000;
const MAX_ENTRIES = 10_000;

export interface MailboxLocaleDeps extends GraphActorDeps {
  clock: Clock;
  logger: Logger;
  /** Who reads the mailbox: the person's stored token in per-user mode, the app in tenant-wide mode. */
  actorFor(user: BotUser): Promise<GraphActor>;
}

/**
 * The bot's `MailboxLocale`: `GET /users/{id}/mailboxSettings?$select=language`, kept per person. Null when the
 * mailbox sets no language or cannot be read (no mailbox, no permission, consent lapsed); the failure is logged
 * and the card goes out in English rather than not at all.
 */
export function createMailboxLocaleReader(deps: MailboxLocaleDeps): MailboxLocale {
  const cache = new Map<string, { until: number; locale: string | null }>();
  return async (user) => {
    const key = `${user.tenantId}|${user.userId}`;
    const now = deps.clock.now().getTime();
    const cached = cache.get(key);
    if (cached && now < cached.until) return cached.locale;
    let entry: { until: number; locale: string | null };
    try {
      entry = { until: now + ANSWER_TTL_MS, locale: await readLocale(deps, user) };
    } catch (error) {
      deps.logger.warn('bot.mailbox_language_unreadable', {
        tenantId: user.tenantId,
        userId: user.userId,
        code: error instanceof AppError ? error.code : 'unknown',
        error: error instanceof Error ? error.message : String(error),
      });
      entry = { until: now + FAILURE_TTL_MS, locale: null };
    }
    cache.delete(key);
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
    cache.set(key, entry);
    return entry.locale;
  };
}

async function readLocale(deps: MailboxLocaleDeps, user: BotUser): Promise<string | null> {
  const client = await clientFor(deps, await deps.actorFor(user));
  const path = `/users/${encodeURIComponent(user.userId)}/mailboxSettings`;
  const body = await call(() => client.api(path).select('language').get());
  return parse(mailboxLanguageSchema, body, 'mailboxSettings').language?.locale || null;
}
