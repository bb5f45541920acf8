import {
  AuthenticationHandler,
  Client,
  type FetchOptions,
  HTTPMessageHandler,
  RedirectHandler,
  RedirectHandlerOptions,
  RetryHandler,
  RetryHandlerOptions,
  TelemetryHandler,
} from '@microsoft/microsoft-graph-client';
import type { Agent } from 'undici';
import { GraphActivityHandler, type GraphCaller, type OnMailboxSuccess } from './graph-activity-handler.ts';

export interface GraphRetrySettings {
  /** Seconds before a retry when Graph sends no Retry-After (the SDK adds backoff and jitter); default 3. */
  delaySeconds?: number;
  /** Retries of a 429/503/504 before the error reaches Confer (SDK limit 10); default 5. */
  maxRetries?: number;
  /**
   * A Retry-After longer than this is not waited out inside a request: the caller gets `graph_throttled` /
   * `graph_unavailable` with the wait at once (default 30 s; Graph allows up to 180 s).
   */
  maxRetryAfterSeconds?: number;
}

export interface GraphClientFactoryOptions {
  /** `https://graph.microsoft.com` or devtenant's origin. */
  baseUrl: string;
  /** The dispatcher that trusts devtenant's CA, when configured. */
  dispatcher: Agent | undefined;
  retry?: GraphRetrySettings;
  /** Told of each successful request for a person (the admin's connection health); coalesced by the receiver. */
  onMailboxSuccess?: OnMailboxSuccess;
}

/** `caller` says whom the client acts for, so a success is credited to that person's connection. */
export type GraphClientFactory = (getToken: () => Promise<string>, caller?: GraphCaller) => Client;

/**
 * One Graph client per token source, with the SDK's default middleware chain (docs/reference/graph-calendar.md §10)
 * built explicitly so the RetryHandler's options are ours. The client sends the bearer token only to https hosts it
 * knows, so the configured host is added to `customHosts`. The RetryHandler retries 429/503/504 — POST and PATCH
 * included — honouring `Retry-After`; that is safe because every create carries a transactionId and every other write
 * is idempotent (see graph-event-writer.ts).
 */
export function createGraphClientFactory(options: GraphClientFactoryOptions): GraphClientFactory {
  const base = new URL(options.baseUrl);
  const customHosts = new Set([base.hostname.toLowerCase()]);
  const fetchOptions = options.dispatcher ? ({ dispatcher: options.dispatcher } as FetchOptions) : undefined;
  const retryOptions = createRetryOptions(options.retry ?? {});
  const { onMailboxSuccess } = options;
  return (getToken, caller) =>
    Client.initWithMiddleware({
      middleware: [
        ...(caller && onMailboxSuccess ? [new GraphActivityHandler(caller, onMailboxSuccess)] : []),
        new AuthenticationHandler({ getAccessToken: getToken }),
        new RetryHandler(retryOptions),
        new RedirectHandler(new RedirectHandlerOptions()),
        new TelemetryHandler(),
        new HTTPMessageHandler(),
      ],
      baseUrl: `${base.origin}/`,
      defaultVersion: 'v1.0',
      customHosts,
      ...(fetchOptions ? { fetchOptions } : {}),
    });
}

/**
 * The RetryHandler's own ceiling (docs/reference/graph-calendar.md §10). Under sustained throttling each retry is a
 * fresh draw, so the most retries make an operation fail least often; the Retry-After ceiling bounds the total wait.
 */
const DEFAULT_MAX_RETRIES = 10;

function createRetryOptions(settings: GraphRetrySettings): RetryHandlerOptions {
  const maxRetryAfter = settings.maxRetryAfterSeconds ?? 30;
  return new RetryHandlerOptions(
    settings.delaySeconds ?? 3,
    settings.maxRetries ?? DEFAULT_MAX_RETRIES,
    (_delay, _attempt, _req, _opts, response) => {
      const seconds = retryAfterSeconds(response.headers.get('retry-after'));
      return seconds === null || seconds <= maxRetryAfter;
    },
  );
}

/** `Retry-After` in seconds (decimals allowed, as Outlook sends them) or as an HTTP date. */
export function retryAfterSeconds(header: string | null | undefined): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, (date - Date.now()) / 1000);
}
