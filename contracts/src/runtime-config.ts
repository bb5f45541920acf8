import { z } from 'zod';

/**
 * GET /api/config: what the tab needs to sign in. Public values only (no secrets).
 */
export const runtimeConfigSchema = z.object({
  /** Entra app (client) id of Confer. */
  clientId: z.string(),
  /** Authority for browser sign-in, e.g. `https://login.microsoftonline.com/{tenant}`. */
  authority: z.string().url(),
  /** Host of the authority, e.g. `login.microsoftonline.com` or `localhost:8443`. */
  authorityHost: z.string(),
  /** Scope for the API, e.g. `api://localhost:3978/{clientId}/access_as_user`. */
  apiScope: z.string(),
  /** Redirect URI registered for the tab's browser sign-in. */
  redirectUri: z.string().url(),
  /** True when the local tenant (devtenant) is configured; enables the Teams-host emulation page. */
  devTenant: z.boolean(),
});
export type RuntimeConfig = z.infer<typeof runtimeConfigSchema>;
