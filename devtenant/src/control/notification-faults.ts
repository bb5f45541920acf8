import { z } from 'zod';

/**
 * How change notifications misbehave on their way to the app; applied by the subscriptions feature (a dropped
 * notification is followed by a `missed` lifecycle event, as Graph documents).
 */
export const notificationFaultsSchema = z
  .object({
    /** Probability a notification is never delivered. */
    dropRate: z.number().min(0).max(1).default(0),
    /** Extra delay before each notification is sent. */
    delayMs: z.number().int().min(0).max(600_000).default(0),
    /** Probability a notification is delivered twice (receivers must dedupe). */
    duplicateRate: z.number().min(0).max(1).default(0),
  })
  .strict();

export type NotificationFaults = z.infer<typeof notificationFaultsSchema>;

export const NO_NOTIFICATION_FAULTS: NotificationFaults = { dropRate: 0, delayMs: 0, duplicateRate: 0 };
