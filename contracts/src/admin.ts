import { z } from 'zod';

/**
 * The admin center's API (`/api/admin/*`, holders of the Confer.Admin app role only). One set of zod schemas
 * validates requests in the API, types the tab's admin pages and generates /api/openapi.json.
 */

export const ADMIN_LIMITS = {
  maxOwners: 20,
  /** People tested by one access test: a random sample plus named people, together at most this many. */
  maxAccessTestPeople: 100,
  maxNamedPeople: 50,
  /** One page of the connection health list; the list itself holds every person Confer knows. */
  maxHealthPage: 200,
  defaultHealthPage: 50,
  maxSearch: 100,
  maxAuditPage: 200,
} as const;

const instant = z.iso.datetime({ offset: true }).describe('ISO 8601 instant');
const personRef = z.string().trim().min(1).max(320).describe('Entra object id or user principal name / email');

/**
 * An Entra object id, kept in lower case so each person is listed once. Its shape depends on the tenant (a GUID,
 * or the local tenant's own ids), so the API checks it against the admin's tenant.
 */
const entraObjectId = z
  .string()
  .min(1)
  .max(64)
  .transform((id) => id.toLowerCase());

// ---------------------------------------------------------------------------------------------------------------
// Settings

export const connectionModeSchema = z.enum(['user', 'tenant']);

/** PUT /api/admin/settings: every setting, each checked; an unknown field is refused rather than ignored. */
export const adminSettingsSchema = z.strictObject({
  connectionMode: connectionModeSchema,
  integrationEnabled: z.boolean(),
  allowDisconnect: z.boolean(),
  integrationOwners: z
    .array(entraObjectId)
    .max(ADMIN_LIMITS.maxOwners)
    .refine((ids) => new Set(ids).size === ids.length, 'Each owner may be listed once'),
});
export type AdminSettingsInput = z.infer<typeof adminSettingsSchema>;

/** GET/PUT /api/admin/settings answer. */
export const adminSettingsViewSchema = z.object({
  connectionMode: connectionModeSchema,
  integrationEnabled: z.boolean(),
  allowDisconnect: z.boolean(),
  integrationOwners: z.array(z.string()),
  updatedAt: z.string().nullable(),
});
export type AdminSettingsDto = z.infer<typeof adminSettingsViewSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Admin consent (Entra's /adminconsent endpoint and Confer's return page)

/**
 * Where Entra sends the admin's browser back after admin consent, under the app's public URL (TAB_ENDPOINT). It
 * must be a registered redirect URI of the app (appPackage/aad.manifest.json; devtenant's registration).
 */
export const ADMIN_CONSENT_RETURN_PATH = '/admin/consent/return';

export const consentOutcomeSchema = z.object({
  outcome: z.enum(['granted', 'refused']),
  at: instant,
  /** Who started the consent request in Confer (the admin who copied or opened the link). */
  requestedBy: z.string().nullable(),
  /** Entra's error code and text when refused (e.g. `access_denied`). */
  error: z.string().nullable(),
  errorDescription: z.string().nullable(),
});
export type ConsentOutcomeDto = z.infer<typeof consentOutcomeSchema>;

/** POST /api/admin/consent-link: a fresh single-use link (valid 24 h) for the Microsoft administrator. */
export const consentLinkSchema = z.object({
  url: z.url(),
  expiresAt: instant,
});
export type ConsentLinkDto = z.infer<typeof consentLinkSchema>;

/** GET /api/admin/consent: the latest outcome recorded by the return page, if any. */
export const consentStatusSchema = z.object({
  latest: consentOutcomeSchema.nullable(),
});
export type ConsentStatusDto = z.infer<typeof consentStatusSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Access test

export const accessFailureReasonSchema = z.enum([
  'no_mailbox',
  'outside_access_policy',
  'consent_missing',
  'user_not_found',
  'throttled',
  'error',
]);
export type AccessFailureReason = z.infer<typeof accessFailureReasonSchema>;

export const accessCheckSchema = z.enum(['ok', 'failed', 'skipped']);

/** POST /api/admin/access-tests: a random sample of the given size plus the named people. */
export const accessTestRequestSchema = z
  .strictObject({
    sampleSize: z.number().int().min(0).max(ADMIN_LIMITS.maxAccessTestPeople).default(10),
    people: z.array(personRef).max(ADMIN_LIMITS.maxNamedPeople).default([]),
  })
  .refine((body) => body.sampleSize > 0 || body.people.length > 0, 'Test at least one person');
export type AccessTestRequest = z.infer<typeof accessTestRequestSchema>;

export const accessTestPersonSchema = z.object({
  /** The directory id, or null for a named person the directory does not know. */
  userId: z.string().nullable(),
  /** As the admin typed it, or the person's address. */
  person: z.string(),
  displayName: z.string().nullable(),
  named: z.boolean(),
  freeBusy: accessCheckSchema,
  mailboxSettings: accessCheckSchema,
  calendarWrite: accessCheckSchema,
  reason: accessFailureReasonSchema.nullable(),
  /** Graph's (or the sign-in service's) code behind a failure, e.g. `ErrorAccessDenied`; absent when none. */
  code: z.string().nullable().optional(),
});

export const accessTestSchema = z.object({
  id: z.string(),
  at: instant,
  by: z.string(),
  /** What triggered it: an admin's click, or the consent return page right after consent. */
  trigger: z.enum(['manual', 'after_consent']),
  mode: connectionModeSchema,
  tested: z.number().int(),
  succeeded: z.number().int(),
  /** One entry per failure reason seen, with who and what to do. */
  failures: z.array(
    z.object({
      reason: accessFailureReasonSchema,
      count: z.number().int(),
      advice: z.string(),
      people: z.array(z.string()),
    }),
  ),
  people: z.array(accessTestPersonSchema),
});
export type AccessTestDto = z.infer<typeof accessTestSchema>;

/** GET /api/admin/access-tests: kept results, newest first, without the per-person list. */
export const accessTestListSchema = z.object({
  tests: z.array(accessTestSchema.omit({ people: true })),
});

// ---------------------------------------------------------------------------------------------------------------
// Connection health

export const healthStatusSchema = z.enum([
  'connected',
  'consent_required',
  'expired',
  'outside_scope',
  'disconnected',
  'never_connected',
]);
export type HealthStatus = z.infer<typeof healthStatusSchema>;

/** GET /api/admin/health?status=&q=&cursor=&limit= (and /api/admin/health.csv?status=&q= for every match). */
export const healthQuerySchema = z.strictObject({
  status: healthStatusSchema.optional(),
  q: z.string().trim().max(ADMIN_LIMITS.maxSearch).optional(),
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(ADMIN_LIMITS.maxHealthPage).default(ADMIN_LIMITS.defaultHealthPage),
});

export const healthPersonSchema = z.object({
  userId: z.string(),
  displayName: z.string(),
  email: z.string(),
  status: healthStatusSchema,
  checkedAt: instant.nullable(),
  lastGraphSuccessAt: instant.nullable(),
  lastSyncError: z.object({ code: z.string(), message: z.string(), at: instant }).nullable(),
  subscription: z.enum(['active', 'failed', 'removed', 'none']),
});
export type HealthPersonDto = z.infer<typeof healthPersonSchema>;

export const healthPageSchema = z.object({
  /** Everyone Confer knows, by status (not only the filtered ones). */
  counts: z.record(healthStatusSchema, z.number().int()),
  total: z.number().int(),
  /** How many match the filter and search. */
  matching: z.number().int(),
  people: z.array(healthPersonSchema),
  nextCursor: z.string().nullable(),
});
export type HealthPageDto = z.infer<typeof healthPageSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Incidents and alerts

export const incidentKindSchema = z.enum([
  'consent_revoked',
  'secret_expiring',
  'subscription_failures',
  'delivery_failures',
  'access_test_failures',
]);
export type IncidentKind = z.infer<typeof incidentKindSchema>;

/** One message about an incident to one integration owner: whether the card and the email went out. */
export const incidentNoticeSchema = z.object({
  ownerId: z.string(),
  kind: z.enum(['opened', 'reminder', 'resolved']),
  at: instant,
  /** `unreachable`: the bot has no chat with this owner yet (they get the email only). */
  card: z.enum(['planned', 'queued', 'unreachable']),
  /** `pending`: not accepted yet, tried again on each pass (`emailError` says why); `not_configured`: no alert mailbox. */
  email: z.enum(['pending', 'sent', 'not_configured']),
  emailError: z.string().nullable(),
});
export type IncidentNoticeDto = z.infer<typeof incidentNoticeSchema>;

export const incidentSchema = z.object({
  id: z.string(),
  kind: incidentKindSchema,
  state: z.enum(['open', 'resolved']),
  summary: z.string(),
  /** What an owner should do about it. */
  advice: z.string(),
  affected: z.number().int(),
  openedAt: instant,
  lastSeenAt: instant,
  remindedAt: instant.nullable(),
  resolvedAt: instant.nullable(),
  /** The messages sent (or still owed) to the integration owners, oldest first. */
  notices: z.array(incidentNoticeSchema).optional(),
});
export type IncidentDto = z.infer<typeof incidentSchema>;

/** GET /api/admin/incidents?state=open|resolved */
export const incidentQuerySchema = z.strictObject({
  state: z.enum(['open', 'resolved']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const incidentListSchema = z.object({ incidents: z.array(incidentSchema) });

// ---------------------------------------------------------------------------------------------------------------
// Audit log

/** GET /api/admin/audit?limit=&action=&actor=&since=&until= (and /api/admin/audit.csv with the same filters). */
export const auditQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(ADMIN_LIMITS.maxAuditPage).default(50),
  action: z.string().trim().max(64).optional(),
  actor: z.string().trim().max(64).optional(),
  since: instant.optional(),
  until: instant.optional(),
});

export const auditEntrySchema = z.object({
  at: z.string(),
  actorId: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntryDto = z.infer<typeof auditEntrySchema>;

export const auditListSchema = z.object({ entries: z.array(auditEntrySchema) });

// ---------------------------------------------------------------------------------------------------------------
// Names for the ids the admin pages show

/**
 * GET /api/admin/people?ids=a,b,… : names for Entra object ids the admin pages show (integration owners, who ran
 * a test, who changed a setting). Up to 50 at a time; ids nobody can name are left out of the answer.
 */
export const peopleNamesQuerySchema = z.strictObject({
  ids: z
    .string()
    .max(64 * ADMIN_LIMITS.maxNamedPeople + ADMIN_LIMITS.maxNamedPeople)
    .transform((list) => [...new Set(list.split(',').map((id) => id.trim().toLowerCase()))].filter(Boolean))
    .pipe(z.array(z.string().max(64)).min(1).max(ADMIN_LIMITS.maxNamedPeople)),
});

export const peopleNamesSchema = z.object({
  people: z.array(z.object({ userId: z.string(), displayName: z.string(), email: z.string() })),
});
export type PersonNameDto = z.infer<typeof peopleNamesSchema>['people'][number];
