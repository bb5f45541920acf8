import { createHash, randomBytes } from 'node:crypto';
import type { ConsentLinkDto, ConsentStatusDto } from '@confer/contracts';
import { z } from 'zod';
import { AppError } from '../../domain/app-error.ts';
import type { Logger } from '../../logging/logger.ts';
import type { AdminConsentStore, ConsentOutcome } from '../../ports/admin-consent-store.ts';
import type { Clock } from '../../ports/clock.ts';
import type { AuditLog } from '../../ports/tenant-store.ts';
import type { Admin } from './admin-settings.ts';

/** How long a consent link stays usable: a day, for an admin who forwards it to their Global Administrator. */
export const CONSENT_LINK_LIFETIME_MS = 24 * 3600_000;

/**
 * `/.default` asks for every permission the registration lists, application permissions included
 * (docs/reference/teams-platform.md §10).
 */
const GRAPH_DEFAULT_SCOPE = 'https://graph.microsoft.com/.default';

export interface AdminConsentDeps {
  clock: Clock;
  store: AdminConsentStore;
  audit: AuditLog;
  logger: Pick<Logger, 'error'>;
  /** `{authority host}/{tenant id}` from the app's configuration. */
  authority: string;
  clientId: string;
  /** `{TAB_ENDPOINT}/admin/consent/return`: registered on the app, where Entra sends the admin back. */
  redirectUri: string;
  /** The tenant Confer serves (configuration): consent requests are looked up, and unknown answers audited, there. */
  tenantId: string;
  /** The admin pages in the tab, linked from the return page. */
  adminPageUrl: string;
  /** A fresh unguessable `state`; 32 random bytes by default. */
  newState?: () => string;
  /** Runs after a granted outcome is recorded (the access test); it should start its work, not wait for it. */
  afterConsentGranted?: (tenantId: string, adminUserId: string) => Promise<void> | void;
}

/** What the return page tells the admin. */
export interface ConsentReturnView {
  outcome: 'granted' | 'refused';
  scope: string | null;
  error: string | null;
  errorDescription: string | null;
}

/**
 * A fresh single-use link to Entra's admin consent endpoint (docs/reference/teams-platform.md §10). Only the
 * digest of its `state` is stored, with who asked and for which tenant; it expires after 24 hours.
 */
export async function createConsentLink(deps: AdminConsentDeps, admin: Admin): Promise<ConsentLinkDto> {
  const state = deps.newState?.() ?? randomBytes(32).toString('base64url');
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + CONSENT_LINK_LIFETIME_MS);
  await deps.store.saveRequest({
    stateDigest: digestOf(state),
    tenantId: admin.tenantId,
    requestedBy: admin.userId,
    createdAt: now,
    expiresAt,
    usedAt: null,
  });
  await deps.audit.append({
    tenantId: admin.tenantId,
    at: now,
    actorId: admin.userId,
    action: 'admin.consent_link_created',
    target: 'admin_consent',
    details: { expiresAt: expiresAt.toISOString() },
  });
  const url = new URL(`${deps.authority}/v2.0/adminconsent`);
  url.search = new URLSearchParams({
    client_id: deps.clientId,
    scope: GRAPH_DEFAULT_SCOPE,
    redirect_uri: deps.redirectUri,
    state,
  }).toString();
  return { url: url.toString(), expiresAt: expiresAt.toISOString() };
}

export async function getConsentStatus(deps: AdminConsentDeps, admin: Admin): Promise<ConsentStatusDto> {
  const latest = await deps.store.latestOutcome(admin.tenantId);
  if (!latest) return { latest: null };
  return {
    latest: {
      outcome: latest.outcome,
      at: latest.at.toISOString(),
      requestedBy: latest.requestedBy,
      error: latest.error,
      errorDescription: latest.errorDescription,
    },
  };
}

/** The state Confer put in the link: 32 bytes, base64url. */
const stateSchema = z.string().regex(/^[A-Za-z0-9_-]{16,128}$/);
const entraText = (max: number) => z.string().max(max).optional();

/**
 * Entra's redirect (docs/reference/teams-platform.md §10): success carries admin_consent, tenant and scope; failure
 * error, error_description and error_uri.
 */
const returnQuerySchema = z
  .object({
    state: stateSchema,
    admin_consent: z.literal('True').optional(),
    tenant: z.string().min(1).max(64).optional(),
    scope: entraText(4000),
    error: z.string().min(1).max(100).optional(),
    error_description: entraText(2000),
    error_uri: entraText(2000),
  })
  .refine((q) => (q.error === undefined) !== (q.admin_consent === undefined), 'Either admin_consent or error')
  .refine((q) => q.admin_consent === undefined || q.tenant !== undefined, 'A granted consent names its tenant');

type Refusal = 'malformed' | 'unknown' | 'used' | 'expired' | 'tenant_mismatch';

/**
 * The admin's browser back from Entra, without any token: the `state` is the credential. An answer Confer cannot
 * tie to one of its own live requests records nothing but an audit entry; otherwise the outcome is recorded once,
 * the state is used up, and a granted consent starts what follows it.
 */
export async function completeConsent(deps: AdminConsentDeps, query: unknown): Promise<ConsentReturnView> {
  const parsed = returnQuerySchema.safeParse(query);
  if (!parsed.success) return refuse(deps, 'malformed', undefined);
  const answer = parsed.data;
  // Confer serves the tenant of its configuration; its links are made for admins of that tenant only.
  const request = await deps.store.findRequest(deps.tenantId, digestOf(answer.state));
  const now = deps.clock.now();
  if (!request) return refuse(deps, 'unknown', undefined);
  if (request.usedAt !== null) return refuse(deps, 'used', request);
  if (request.expiresAt.getTime() <= now.getTime()) return refuse(deps, 'expired', request);
  if (answer.tenant !== undefined && answer.tenant.toLowerCase() !== request.tenantId.toLowerCase()) {
    return refuse(deps, 'tenant_mismatch', request);
  }
  const outcome: ConsentOutcome = {
    tenantId: request.tenantId,
    outcome: answer.error === undefined ? 'granted' : 'refused',
    at: now,
    requestedBy: request.requestedBy,
    scope: answer.error === undefined ? (answer.scope ?? '') : null,
    error: answer.error ?? null,
    errorDescription: answer.error === undefined ? null : (answer.error_description ?? ''),
  };
  if (!(await deps.store.completeRequest(request.tenantId, request.stateDigest, outcome)))
    return refuse(deps, 'used', request);
  await deps.audit.append({
    tenantId: request.tenantId,
    at: now,
    actorId: request.requestedBy,
    action: outcome.outcome === 'granted' ? 'admin.consent_granted' : 'admin.consent_refused',
    target: 'admin_consent',
    details:
      outcome.outcome === 'granted'
        ? { scope: outcome.scope }
        : { error: outcome.error, errorDescription: outcome.errorDescription },
  });
  if (outcome.outcome === 'granted') await afterGranted(deps, request.tenantId, request.requestedBy);
  return {
    outcome: outcome.outcome,
    scope: outcome.scope,
    error: outcome.error,
    errorDescription: outcome.errorDescription,
  };
}

async function afterGranted(deps: AdminConsentDeps, tenantId: string, adminUserId: string): Promise<void> {
  try {
    await deps.afterConsentGranted?.(tenantId, adminUserId);
  } catch (error) {
    // The consent stands and is recorded; what follows it failing must not turn the admin's page into an error.
    deps.logger.error('after admin consent failed', { tenantId, error });
  }
}

async function refuse(
  deps: AdminConsentDeps,
  reason: Refusal,
  request: { tenantId: string; requestedBy: string } | undefined,
): Promise<never> {
  await deps.audit.append({
    tenantId: request?.tenantId ?? deps.tenantId,
    at: deps.clock.now(),
    actorId: null,
    action: 'admin.consent_return_refused',
    target: 'admin_consent',
    details: { reason, ...(request ? { requestedBy: request.requestedBy } : {}) },
  });
  throw new AppError('consent_request_invalid', messageFor(reason), { details: { reason } });
}

function messageFor(reason: Refusal): string {
  switch (reason) {
    case 'expired':
      return 'This consent link has expired (links are valid for 24 hours).';
    case 'used':
      return 'This consent link has already been used.';
    case 'tenant_mismatch':
      return 'The answer is for another organisation than the one the link was made for.';
    default:
      return 'This is not an answer to a consent link Confer made.';
  }
}

function digestOf(state: string): string {
  return createHash('sha256').update(state).digest('hex');
}
