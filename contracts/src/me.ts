import { z } from 'zod';

/**
 * GET /api/me: who is signed in as the API sees them. Its own module, apart from the admin API's schemas: every
 * page's shell reads it (it decides whether Admin is offered), so the tab's first load builds only this schema.
 */
export const meSchema = z.object({
  userId: z.string(),
  displayName: z.string().nullable(),
  isAdmin: z.boolean(),
});
export type MeDto = z.infer<typeof meSchema>;

/**
 * GET /api/me/time-zone: the zone the tab shows times in — the person's own override from Settings, else their
 * Outlook mailbox's zone. One small read that every page waits for, rather than the whole week's calendar.
 */
export const viewerTimeZoneSchema = z.object({
  timeZone: z.string().min(1).max(64),
  source: z.enum(['override', 'mailbox']),
});
export type ViewerTimeZoneDto = z.infer<typeof viewerTimeZoneSchema>;
