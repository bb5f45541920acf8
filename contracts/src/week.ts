import { z } from 'zod';

/** One of the signed-in user's own calendar entries (an occurrence when it belongs to a series). */
export const weekEventSchema = z.object({
  id: z.string(),
  subject: z.string(),
  /** UTC instants, ISO 8601 with `Z`; the interval is half-open `[start, end)`. */
  start: z.string(),
  end: z.string(),
  isAllDay: z.boolean(),
  showAs: z.enum(['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown']),
  type: z.enum(['singleInstance', 'occurrence', 'exception', 'seriesMaster']),
  sensitivity: z.enum(['normal', 'personal', 'private', 'confidential']),
  location: z.string().nullable(),
  isOnlineMeeting: z.boolean(),
  joinUrl: z.string().nullable(),
  organizer: z.string().nullable(),
  isOrganizer: z.boolean(),
  isCancelled: z.boolean(),
});
export type WeekEvent = z.infer<typeof weekEventSchema>;

/** GET /api/me/week: the signed-in user's next 7 days, read through Microsoft Graph. */
export const weekResponseSchema = z.object({
  user: z.object({
    id: z.string(),
    displayName: z.string(),
    userPrincipalName: z.string(),
    /** IANA zone of the user's mailbox settings, e.g. `Europe/London`. */
    timeZone: z.string(),
  }),
  /** The window read: `[start, end)`, UTC instants. */
  window: z.object({ start: z.string(), end: z.string() }),
  events: z.array(weekEventSchema),
});
export type WeekResponse = z.infer<typeof weekResponseSchema>;
