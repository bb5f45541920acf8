import { z } from 'zod';

/**
 * An Entra object id, kept in lower case so each person is listed once. Its shape depends on the tenant (a GUID,
 * or the local tenant's own ids), so the settings use case checks it against the admin's tenant.
 */
const entraObjectId = z
  .string()
  .min(1)
  .max(64)
  .transform((id) => id.toLowerCase());

/** PUT /api/admin/settings: every setting, each checked; an unknown field is refused rather than ignored. */
export const adminSettingsSchema = z.strictObject({
  connectionMode: z.enum(['user', 'tenant']),
  integrationEnabled: z.boolean(),
  allowDisconnect: z.boolean(),
  integrationOwners: z
    .array(entraObjectId)
    .max(20)
    .refine((ids) => new Set(ids).size === ids.length, 'Each owner may be listed once'),
});

/** GET/PUT /api/admin/settings answer. */
export const adminSettingsViewSchema = z.object({
  connectionMode: z.enum(['user', 'tenant']),
  integrationEnabled: z.boolean(),
  allowDisconnect: z.boolean(),
  integrationOwners: z.array(z.string()),
  updatedAt: z.string().nullable(),
});

/** GET /api/admin/audit?limit= */
export const auditQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const auditListSchema = z.object({
  entries: z.array(
    z.object({
      at: z.string(),
      actorId: z.string().nullable(),
      action: z.string(),
      target: z.string().nullable(),
      details: z.record(z.string(), z.unknown()),
    }),
  ),
});
