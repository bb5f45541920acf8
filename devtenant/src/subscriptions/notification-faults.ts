import { z } from 'zod';
import { GraphHttpError } from '../graph/context.ts';

const rate = z.number().min(0, 'a rate between 0 and 1').max(1, 'a rate between 0 and 1');

/**
 * How change notifications misbehave on their way to the app, so its dedupe, ordering, resync and outage paths can
 * be exercised (an unreachable endpoint gets Graph's 4-hour retries, docs/reference/graph-calendar.md §4). The
 * subscriptions feature applies them; the control API sets them with this schema, so both refuse the same values.
 */
export const notificationFaultsSchema = z
  .object({
    /** Probability a notification is never delivered (a `missed` lifecycle event follows). */
    dropRate: rate.default(0),
    /** Extra delay on the tenant clock before each notification is due. */
    delayMs: z.number().int('whole milliseconds').min(0, 'at least 0').max(600_000, 'at most 600000').default(0),
    /** Probability a notification is delivered twice (receivers must dedupe). */
    duplicateRate: rate.default(0),
    /** Notifications due together for one URL go out newest first: apps must not rely on arrival order. */
    reorder: z.boolean().default(false),
    /** The app's endpoints are away: every delivery and validation request fails as a refused connection. */
    endpointDown: z.boolean().default(false),
  })
  .strict();

export type NotificationFaults = z.infer<typeof notificationFaultsSchema>;

export const NO_NOTIFICATION_FAULTS: Readonly<NotificationFaults> = Object.freeze(notificationFaultsSchema.parse({}));

/** Checks merged settings for the feature's own callers; a bad value is a 400 and changes nothing. */
export function checkNotificationFaults(faults: unknown): NotificationFaults {
  const parsed = notificationFaultsSchema.safeParse(faults);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new GraphHttpError(
    400,
    'InvalidRequest',
    `Notification faults: ${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid value'}.`,
  );
}

/**
 * A fetch that fails as a refused connection would while `isDown()` says the app's endpoint is away, so the
 * validation handshake and every delivery (change and lifecycle) take the same path as a real outage.
 */
export function fetchUnlessDown(fetchImpl: typeof fetch, isDown: () => boolean): typeof fetch {
  return (input, init) => {
    if (!isDown()) return fetchImpl(input, init);
    const refused = Object.assign(new Error('connect ECONNREFUSED (endpoint taken away by the control API)'), {
      code: 'ECONNREFUSED',
    });
    return Promise.reject(new TypeError('fetch failed', { cause: refused }));
  };
}
