import type { RuntimeConfig } from '@confer/contracts';
import { LOCAL_CLIENT_ID, LOCAL_TENANT_ID } from '@confer/contracts';
import { describe, expect, it } from 'vitest';
import { buildConsentUrl } from './consent-url.ts';

const config: RuntimeConfig = {
  clientId: LOCAL_CLIENT_ID,
  authority: `https://localhost:8443/${LOCAL_TENANT_ID}`,
  authorityHost: 'localhost:8443',
  apiScope: `api://localhost:3978/${LOCAL_CLIENT_ID}/access_as_user`,
  redirectUri: 'http://localhost:3978/auth-end.html',
  devTenant: true,
};

describe('buildConsentUrl', () => {
  const input = { scopes: [], loginHint: 'alexw@contoso.onmicrosoft.com', state: 's1', codeChallenge: 'c1' };

  it('asks the authority for consent and comes back to auth-end.html', () => {
    const url = new URL(buildConsentUrl(config, input));
    expect(url.origin + url.pathname).toBe(`${config.authority}/oauth2/v2.0/authorize`);
    expect(url.searchParams.get('prompt')).toBe('consent');
    expect(url.searchParams.get('redirect_uri')).toBe('http://localhost:3978/auth-end.html');
    expect(url.searchParams.get('login_hint')).toBe('alexw@contoso.onmicrosoft.com');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
  });

  it("falls back to Graph's .default (the registration's Graph permissions) when the API named none", () => {
    const url = new URL(buildConsentUrl(config, input));
    expect(url.searchParams.get('scope')).toBe('openid profile offline_access https://graph.microsoft.com/.default');
  });

  it('requests exactly the scopes the API named', () => {
    const scopes = ['https://graph.microsoft.com/Calendars.ReadWrite'];
    const url = new URL(buildConsentUrl(config, { ...input, scopes }));
    expect(url.searchParams.get('scope')).toBe(
      'openid profile offline_access https://graph.microsoft.com/Calendars.ReadWrite',
    );
  });

  it('derives the redirect from the configured origin even when the SPA redirect is the root', () => {
    const url = new URL(buildConsentUrl({ ...config, redirectUri: 'https://confer.example.com/' }, input));
    expect(url.searchParams.get('redirect_uri')).toBe('https://confer.example.com/auth-end.html');
  });
});
