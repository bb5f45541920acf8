import { z } from 'zod';

/**
 * Development-only endpoints behind the Teams-host emulation page. They exist only while the app is
 * configured against devtenant, and are never mounted for a real tenant.
 */
export const demoUserSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  userPrincipalName: z.string(),
  tenantId: z.string(),
});
export type DemoUser = z.infer<typeof demoUserSchema>;

/** GET /dev/api/demo-users */
export const demoUsersResponseSchema = z.object({ users: z.array(demoUserSchema) });

/** POST /dev/api/teams-token { userId } → the token Teams would hand to getAuthToken. */
export const teamsTokenRequestSchema = z.object({ userId: z.string().min(1) }).strict();
export const teamsTokenResponseSchema = z.object({ token: z.string() });
