import { importJWK, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { withTenant } from '../core/test-support.ts';

// What Entra does here: docs/reference/teams-platform.md §3.
describe('Entra discovery', () => {
  it('the OIDC document lists absolute https endpoints on the origin and the v2 issuer', async () => {
    await withTenant(async (t) => {
      const response = await t.fetch(`/${t.tenantId}/v2.0/.well-known/openid-configuration`);
      expect(response.status).toBe(200);
      const doc = (await response.json()) as Record<string, unknown>;
      expect(doc.issuer).toBe(`${t.origin}/${t.tenantId}/v2.0`);
      for (const key of ['authorization_endpoint', 'token_endpoint', 'jwks_uri', 'end_session_endpoint']) {
        expect(doc[key]).toMatch(new RegExp(`^${t.origin}/${t.tenantId}/`));
      }
      expect(doc.id_token_signing_alg_values_supported).toEqual(['RS256']);
    });
  });

  it('the common endpoint answers with the {tenantid} issuer template', async () => {
    await withTenant(async (t) => {
      const doc = (await (await t.fetch('/common/v2.0/.well-known/openid-configuration')).json()) as Record<
        string,
        unknown
      >;
      expect(doc.issuer).toBe(`${t.origin}/{tenantid}/v2.0`);
      expect(doc.token_endpoint).toBe(`${t.origin}/common/oauth2/v2.0/token`);
    });
  });

  it('tokens verify with jose against the published JWKS (RS256, kid)', async () => {
    await withTenant(async (t) => {
      const keys = (await (await t.fetch(`/${t.tenantId}/discovery/v2.0/keys`)).json()) as {
        keys: Record<string, string>[];
      };
      expect(keys.keys[0]).toMatchObject({
        kty: 'RSA',
        use: 'sig',
        alg: 'RS256',
        kid: expect.any(String),
        n: expect.any(String),
        e: 'AQAB',
      });
      const token = await t.teamsToken('meganb@contoso.onmicrosoft.com');
      const key = await importJWK(keys.keys[0] as never, 'RS256');
      const { protectedHeader, payload } = await jwtVerify(token, key, { issuer: `${t.origin}/${t.tenantId}/v2.0` });
      expect(protectedHeader).toMatchObject({ alg: 'RS256', kid: keys.keys[0]?.kid, typ: 'JWT' });
      expect(payload.ver).toBe('2.0');
    });
  });

  it('instance discovery answers with metadata naming this host', async () => {
    await withTenant(async (t) => {
      const authorize = encodeURIComponent(`${t.origin}/${t.tenantId}/oauth2/v2.0/authorize`);
      const response = await t.fetch(`/common/discovery/instance?api-version=1.1&authorization_endpoint=${authorize}`);
      const body = (await response.json()) as { tenant_discovery_endpoint: string; metadata: { aliases: string[] }[] };
      const host = new URL(t.origin).host;
      expect(body.tenant_discovery_endpoint).toBe(`${t.origin}/${t.tenantId}/v2.0/.well-known/openid-configuration`);
      expect(body.metadata[0]).toEqual({ preferred_network: host, preferred_cache: host, aliases: [host] });
    });
  });

  it('an unknown tenant is AADSTS90002', async () => {
    await withTenant(async (t) => {
      const response = await t.fetch('/11111111-2222-3333-4444-555555555555/v2.0/.well-known/openid-configuration');
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error_codes: [90002] });
    });
  });
});
