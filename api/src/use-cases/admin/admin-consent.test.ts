import { createHash } from 'node:crypto';
import { consentLinkSchema, consentStatusSchema } from '@confer/contracts';
import { describe, expect, it } from 'vitest';
import { createMemoryAdminConsentStore } from '../../adapters/memory/memory-admin-consent-store.ts';
import { createMemoryStores } from '../../adapters/memory/memory-stores.ts';
import { isAppError } from '../../domain/app-error.ts';
import { type AdminConsentDeps, completeConsent, createConsentLink, getConsentStatus } from './admin-consent.ts';
import type { Admin } from './admin-settings.ts';

const TENANT = 'tenant-contoso';
const RETURN = 'https://confer.contoso.com/admin/consent/return';
const admin = {
  tenantId: TENANT,
  userId: 'oid-megan',
  userPrincipalName: 'meganb@contoso.test',
  name: 'Megan Bowen',
  roles: ['Confer.Admin'],
  rawToken: 'token',
} as unknown as Admin;

function setup(afterConsentGranted?: AdminConsentDeps['afterConsentGranted']) {
  const stores = createMemoryStores();
  let now = new Date('2026-12-07T09:00:00.000Z');
  const errors: string[] = [];
  let states = 0;
  const deps: AdminConsentDeps = {
    clock: { now: () => now },
    store: createMemoryAdminConsentStore(),
    audit: stores.audit,
    logger: { error: (message) => errors.push(message) },
    authority: 'https://login.microsoftonline.com/tenant-contoso',
    clientId: 'client-confer',
    redirectUri: RETURN,
    tenantId: TENANT,
    adminPageUrl: 'https://confer.contoso.com/#/admin',
    newState: () => `state-${++states}-${'x'.repeat(40)}`,
    ...(afterConsentGranted ? { afterConsentGranted } : {}),
  };
  const at = (iso: string) => {
    now = new Date(iso);
  };
  const audit = async () => (await stores.audit.list(TENANT, 50)).reverse();
  return { deps, at, audit, errors };
}

async function linkState(deps: AdminConsentDeps): Promise<string> {
  const link = consentLinkSchema.parse(await createConsentLink(deps, admin));
  return new URL(link.url).searchParams.get('state') ?? '';
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return { code: error.code, reason: (error.details as { reason: string }).reason };
}

describe('admin consent links', () => {
  it('points at the authority’s adminconsent endpoint with Graph’s .default, the return URI and a fresh state', async () => {
    const { deps, audit } = setup();
    const link = await createConsentLink(deps, admin);
    const url = new URL(link.url);
    expect(`${url.origin}${url.pathname}`).toBe('https://login.microsoftonline.com/tenant-contoso/v2.0/adminconsent');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'client-confer',
      scope: 'https://graph.microsoft.com/.default',
      redirect_uri: RETURN,
      state: `state-1-${'x'.repeat(40)}`,
    });
    expect(link.expiresAt).toBe('2026-12-08T09:00:00.000Z');
    const second = new URL((await createConsentLink(deps, admin)).url);
    expect(second.searchParams.get('state')).not.toBe(url.searchParams.get('state'));
    expect((await audit()).map((e) => [e.action, e.actorId, e.details])).toEqual([
      ['admin.consent_link_created', 'oid-megan', { expiresAt: '2026-12-08T09:00:00.000Z' }],
      ['admin.consent_link_created', 'oid-megan', { expiresAt: '2026-12-08T09:00:00.000Z' }],
    ]);
  });

  it('stores only the digest of the state, never the state itself', async () => {
    const { deps } = setup();
    const state = await linkState(deps);
    expect(await deps.store.findRequest(TENANT, state)).toBeUndefined();
    const stored = await deps.store.findRequest(TENANT, createHash('sha256').update(state).digest('hex'));
    expect(stored).toMatchObject({ tenantId: TENANT, requestedBy: 'oid-megan', usedAt: null });
  });
});

describe('the return from Entra', () => {
  it('records a granted consent once, audits it as the admin who made the link, and starts what follows', async () => {
    const started: [string, string][] = [];
    const { deps, at, audit } = setup(async (tenantId, userId) => {
      started.push([tenantId, userId]);
    });
    const state = await linkState(deps);
    at('2026-12-07T09:05:00.000Z');
    const scope = 'https://graph.microsoft.com/Calendars.ReadWrite https://graph.microsoft.com/User.Read.All';
    const view = await completeConsent(deps, { admin_consent: 'True', tenant: TENANT, scope, state });
    expect(view).toEqual({ outcome: 'granted', scope, error: null, errorDescription: null });
    expect(started).toEqual([[TENANT, 'oid-megan']]);
    expect(consentStatusSchema.parse(await getConsentStatus(deps, admin))).toEqual({
      latest: {
        outcome: 'granted',
        at: '2026-12-07T09:05:00.000Z',
        requestedBy: 'oid-megan',
        error: null,
        errorDescription: null,
      },
    });
    expect((await audit()).at(-1)).toMatchObject({
      action: 'admin.consent_granted',
      actorId: 'oid-megan',
      details: { scope },
    });
    expect(await refusal(completeConsent(deps, { admin_consent: 'True', tenant: TENANT, scope, state }))).toEqual({
      code: 'consent_request_invalid',
      reason: 'used',
    });
    expect(started).toHaveLength(1);
  });

  it('records a refusal with Entra’s error and description, and starts nothing', async () => {
    const started: string[] = [];
    const { deps, audit } = setup(async (tenantId) => {
      started.push(tenantId);
    });
    const state = await linkState(deps);
    const description = 'AADSTS65004: User declined to consent to access the app.';
    const view = await completeConsent(deps, {
      error: 'access_denied',
      error_description: description,
      error_uri: 'https://login.microsoftonline.com/error?code=65004',
      state,
    });
    expect(view).toEqual({ outcome: 'refused', scope: null, error: 'access_denied', errorDescription: description });
    expect((await getConsentStatus(deps, admin)).latest).toMatchObject({ outcome: 'refused', error: 'access_denied' });
    expect((await audit()).at(-1)).toMatchObject({
      action: 'admin.consent_refused',
      actorId: 'oid-megan',
      details: { error: 'access_denied', errorDescription: description },
    });
    expect(started).toEqual([]);
  });

  it('keeps a granted consent recorded when what follows it fails, and logs the failure', async () => {
    const { deps, errors } = setup(async () => {
      throw new Error('access test could not start');
    });
    const state = await linkState(deps);
    expect((await completeConsent(deps, { admin_consent: 'True', tenant: TENANT, state })).outcome).toBe('granted');
    expect(errors).toEqual(['after admin consent failed']);
    expect((await getConsentStatus(deps, admin)).latest?.outcome).toBe('granted');
  });

  const refusals: [string, (state: string) => unknown, string][] = [
    ['no query at all', () => ({}), 'malformed'],
    ['no state', () => ({ admin_consent: 'True', tenant: TENANT }), 'malformed'],
    ['a state given twice', (state) => ({ admin_consent: 'True', tenant: TENANT, state: [state, state] }), 'malformed'],
    ['neither outcome', (state) => ({ tenant: TENANT, state }), 'malformed'],
    [
      'both outcomes',
      (state) => ({ admin_consent: 'True', tenant: TENANT, error: 'access_denied', state }),
      'malformed',
    ],
    ['granted without a tenant', (state) => ({ admin_consent: 'True', state }), 'malformed'],
    ['an overlong description', (state) => ({ error: 'x', error_description: 'd'.repeat(2001), state }), 'malformed'],
    ['a state Confer never made', () => ({ admin_consent: 'True', tenant: TENANT, state: 'y'.repeat(43) }), 'unknown'],
    ['another tenant', (state) => ({ admin_consent: 'True', tenant: 'tenant-fabrikam', state }), 'tenant_mismatch'],
  ];
  for (const [name, query, reason] of refusals) {
    it(`refuses ${name} (${reason}), records no outcome, audits the refusal`, async () => {
      const { deps, audit } = setup();
      const state = await linkState(deps);
      expect(await refusal(completeConsent(deps, query(state)))).toEqual({ code: 'consent_request_invalid', reason });
      expect((await getConsentStatus(deps, admin)).latest).toBeNull();
      expect((await audit()).at(-1)).toMatchObject({
        action: 'admin.consent_return_refused',
        actorId: null,
        details: { reason },
      });
      // The link itself is still good for its real answer.
      expect((await completeConsent(deps, { admin_consent: 'True', tenant: TENANT, state })).outcome).toBe('granted');
    });
  }

  it('refuses a link after its 24 hours, and takes it up to the last millisecond before', async () => {
    const { deps, at } = setup();
    const late = await linkState(deps);
    const onTime = await linkState(deps);
    at('2026-12-08T08:59:59.999Z');
    expect((await completeConsent(deps, { admin_consent: 'True', tenant: TENANT, state: onTime })).outcome).toBe(
      'granted',
    );
    at('2026-12-08T09:00:00.000Z');
    expect(await refusal(completeConsent(deps, { error: 'access_denied', state: late }))).toEqual({
      code: 'consent_request_invalid',
      reason: 'expired',
    });
    expect((await getConsentStatus(deps, admin)).latest?.outcome).toBe('granted');
  });
});
