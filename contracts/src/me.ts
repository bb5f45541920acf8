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
