import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';

/** How change-notification deliveries misbehave on their way to the app (webhook transport, not Graph's logic). */
export const notificationFaultsSchema = z
  .object({
    /** Probability a notification POST silently never arrives (the subscriptions feature sees it as delivered). */
    dropRate: z.number().min(0).max(1).default(0),
    /** Extra delay before each notification POST is sent. */
    delayMs: z.number().int().min(0).max(600_000).default(0),
    /** Probability a notification POST is delivered twice (Graph documents duplicates; receivers must dedupe). */
    duplicateRate: z.number().min(0).max(1).default(0),
  })
  .strict();

export type NotificationFaults = z.infer<typeof notificationFaultsSchema>;

export interface NotificationTransport {
  fetch: typeof fetch;
  settings(): NotificationFaults;
  configure(settings: NotificationFaults): void;
  reset(): void;
}

const NONE: NotificationFaults = { dropRate: 0, delayMs: 0, duplicateRate: 0 };

/**
 * The `fetch` handed to the subscriptions feature. Validation handshakes (`?validationToken=`) pass untouched:
 * Graph's handshake is synchronous with subscription creation; only notification deliveries are degraded.
 */
export function createNotificationTransport(
  realFetch: typeof fetch,
  random: () => number = Math.random,
): NotificationTransport {
  let settings = NONE;
  const faultyFetch: typeof fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (new URL(url).searchParams.has('validationToken')) return realFetch(input, init);
    const current = settings;
    if (current.delayMs > 0) await sleep(current.delayMs);
    if (random() < current.dropRate) return new Response(null, { status: 202 });
    const response = await realFetch(input, init);
    if (random() < current.duplicateRate) {
      // The duplicate's outcome is the receiver's business; the sender only saw the first attempt.
      realFetch(input, init).then(
        (r) => r.body?.cancel(),
        () => undefined,
      );
    }
    return response;
  };
  return {
    fetch: faultyFetch,
    settings: () => settings,
    configure(next) {
      settings = next;
    },
    reset() {
      settings = NONE;
    },
  };
}
