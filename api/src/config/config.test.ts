import { LOCAL_BOT_ID, LOCAL_CLIENT_ID, LOCAL_TENANT_ID } from '@confer/contracts';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.ts';

const valid = {
  AAD_APP_CLIENT_ID: LOCAL_CLIENT_ID,
  SECRET_AAD_APP_CLIENT_SECRET: 's3cret',
  AAD_APP_TENANT_ID: LOCAL_TENANT_ID,
  AAD_APP_OAUTH_AUTHORITY_HOST: 'https://localhost:8443/',
  TAB_ENDPOINT: 'http://localhost:3978',
  TAB_DOMAIN: 'localhost:3978',
  GRAPH_BASE_URL: 'https://localhost:8443',
  CONFER_TOKEN_CACHE_KEY: Buffer.alloc(32, 7).toString('base64'),
};

describe('parseConfig', () => {
  it('derives the issuer, JWKS and Application ID URI from the toolkit variables', () => {
    const config = parseConfig(valid);
    expect(config.issuer).toBe(`https://localhost:8443/${LOCAL_TENANT_ID}/v2.0`);
    expect(config.jwksUri).toBe(`https://localhost:8443/${LOCAL_TENANT_ID}/discovery/v2.0/keys`);
    expect(config.applicationIdUri).toBe(`api://localhost:3978/${LOCAL_CLIENT_ID}`);
    expect(config.port).toBe(3978);
    expect(config.bot.credentials).toBeNull();
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('names every missing variable', () => {
    const { SECRET_AAD_APP_CLIENT_SECRET: _s, GRAPH_BASE_URL: _g, ...rest } = valid;
    expect(() => parseConfig(rest)).toThrowError(ConfigError);
    try {
      parseConfig(rest);
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        'SECRET_AAD_APP_CLIENT_SECRET is missing',
        'GRAPH_BASE_URL is missing',
      ]);
    }
  });

  it('names a malformed variable', () => {
    expect(() => parseConfig({ ...valid, AAD_APP_CLIENT_ID: 'not-a-guid' })).toThrow(
      /AAD_APP_CLIENT_ID must be a GUID/,
    );
    expect(() => parseConfig({ ...valid, GRAPH_BASE_URL: 'http://graph.local' })).toThrow(
      /GRAPH_BASE_URL must be an https URL/,
    );
    expect(() => parseConfig({ ...valid, PORT: 'eighty' })).toThrow(/PORT/);
  });

  it('takes GUIDs of 8-4-4-4-12 digits, and the local tenant’s 13-digit id only as that exact value', () => {
    expect(parseConfig(valid).tenantId).toBe(LOCAL_TENANT_ID);
    const realTenant = '72f988bf-86f1-41af-91ab-2d7cd011db47';
    expect(parseConfig({ ...valid, AAD_APP_TENANT_ID: realTenant }).tenantId).toBe(realTenant);
    // One digit too many, as a mistyped real tenant id might have: refused, naming the variable.
    expect(() => parseConfig({ ...valid, AAD_APP_TENANT_ID: `${realTenant}0` })).toThrow(
      /AAD_APP_TENANT_ID must be a GUID/,
    );
    expect(() => parseConfig({ ...valid, AAD_APP_TENANT_ID: '00000000-0000-0000-0000-0000000000002' })).toThrow(
      /AAD_APP_TENANT_ID must be a GUID/,
    );
    // The exception is for the tenant id alone: an app or bot id of that shape is refused.
    expect(() => parseConfig({ ...valid, AAD_APP_CLIENT_ID: LOCAL_TENANT_ID })).toThrow(
      /AAD_APP_CLIENT_ID must be a GUID/,
    );
    expect(() => parseConfig({ ...valid, BOT_ID: LOCAL_TENANT_ID, SECRET_BOT_PASSWORD: 'pw' })).toThrow(
      /BOT_ID must be a GUID/,
    );
  });

  it('keeps an empty optional value apart from a set one', () => {
    expect(() => parseConfig({ ...valid, BOT_ID: '', SECRET_BOT_PASSWORD: 'pw' })).toThrow(/BOT_ID is missing/);
    expect(() => parseConfig({ ...valid, SECRET_BOT_PASSWORD: 'pw' })).toThrow(/BOT_ID is missing/);
    const withBot = parseConfig({
      ...valid,
      BOT_ID: LOCAL_BOT_ID,
      SECRET_BOT_PASSWORD: 'pw',
    });
    // One identity for every Bot Connector client and the inbound check, in the served tenant.
    expect(withBot.bot.credentials).toEqual({
      appId: LOCAL_BOT_ID,
      password: 'pw',
      tenantId: valid.AAD_APP_TENANT_ID,
    });
    expect(withBot.bot.inboundAuth).toBe('verify');
  });

  it('reads the incident alert mailbox and the client secret expiry, both optional', () => {
    expect(parseConfig(valid)).toMatchObject({ alertMailbox: null, clientSecretExpiresAt: null });
    const set = parseConfig({
      ...valid,
      CONFER_ALERT_MAILBOX: 'alerts@contoso.com',
      CONFER_CLIENT_SECRET_EXPIRES_AT: '2027-06-30T00:00:00Z',
    });
    expect(set.alertMailbox).toBe('alerts@contoso.com');
    expect(set.clientSecretExpiresAt).toEqual(new Date('2027-06-30T00:00:00Z'));
    expect(() => parseConfig({ ...valid, CONFER_ALERT_MAILBOX: 'alerts' })).toThrowError(
      /CONFER_ALERT_MAILBOX must be a mailbox address/,
    );
    expect(() => parseConfig({ ...valid, CONFER_CLIENT_SECRET_EXPIRES_AT: 'June 2027' })).toThrowError(
      /CONFER_CLIENT_SECRET_EXPIRES_AT must be an ISO 8601 instant/,
    );
  });

  it('refuses the local tenant in production', () => {
    expect(() => parseConfig({ ...valid, NODE_ENV: 'production', DEVTENANT_URL: 'https://localhost:8443' })).toThrow(
      /DEVTENANT_URL must not be set/,
    );
  });

  it('requires a 32-byte token cache key outside tests', () => {
    const { CONFER_TOKEN_CACHE_KEY: _k, ...rest } = valid;
    expect(parseConfig(valid).tokenCacheKey).toEqual(Buffer.alloc(32, 7));
    expect(() => parseConfig(rest)).toThrow(/CONFER_TOKEN_CACHE_KEY is missing/);
    expect(parseConfig({ ...rest, NODE_ENV: 'test' }).tokenCacheKey).toBeNull();
    expect(() => parseConfig({ ...valid, CONFER_TOKEN_CACHE_KEY: Buffer.alloc(16).toString('base64') })).toThrow(
      /CONFER_TOKEN_CACHE_KEY must be 32 bytes/,
    );
  });

  describe('the bot endpoint', () => {
    const botId = LOCAL_BOT_ID;
    const local = { ...valid, DEVTENANT_URL: 'https://localhost:8443' };

    it('refuses BOT_ID without SECRET_BOT_PASSWORD: the endpoint would take activities from anyone', () => {
      expect(() => parseConfig({ ...valid, BOT_ID: botId })).toThrow(ConfigError);
      expect(() => parseConfig({ ...valid, BOT_ID: botId })).toThrow(
        /BOT_ID is set but SECRET_BOT_PASSWORD is missing/,
      );
      expect(() => parseConfig({ ...valid, BOT_ID: botId, NODE_ENV: 'production' })).toThrow(/SECRET_BOT_PASSWORD/);
    });

    it('lets only the local tenant run without inbound authentication', () => {
      expect(parseConfig({ ...local, BOT_ID: botId }).bot.inboundAuth).toBe('off');
      expect(parseConfig({ ...valid, BOT_ID: botId, SECRET_BOT_PASSWORD: 'pw' }).bot.inboundAuth).toBe('verify');
      expect(parseConfig({ ...local, BOT_ID: botId, SECRET_BOT_PASSWORD: 'pw' }).bot.inboundAuth).toBe('verify');
      // No bot identity at all outside the local tenant: nothing can be verified, so nothing is accepted.
      expect(parseConfig(valid).bot.inboundAuth).toBe('closed');
    });

    it("reads the Bot Framework's signing keys from its published metadata unless told otherwise", () => {
      expect(parseConfig(valid).bot.openIdMetadataUrl).toBe(
        'https://login.botframework.com/v1/.well-known/openidconfiguration',
      );
      expect(() => parseConfig({ ...valid, BOT_OPENID_METADATA_URL: 'http://keys.example.com/metadata' })).toThrow(
        /BOT_OPENID_METADATA_URL must be an https URL/,
      );
      const localKeys = 'http://127.0.0.1:4000/.well-known/openidconfiguration';
      expect(parseConfig({ ...local, BOT_OPENID_METADATA_URL: localKeys }).bot.openIdMetadataUrl).toBe(localKeys);
    });

    it("sends only to Microsoft's Bot Connector, plus loopback connectors for the local tenant", () => {
      expect(parseConfig(valid).bot.allowedServiceUrls).toEqual([
        'https://smba.trafficmanager.net',
        'https://*.botframework.com',
      ]);
      expect(parseConfig(local).bot.allowedServiceUrls).toEqual([
        'https://smba.trafficmanager.net',
        'https://*.botframework.com',
        'http://localhost:*',
        'http://127.0.0.1:*',
      ]);
      const listed = parseConfig({
        ...valid,
        BOT_ALLOWED_SERVICE_URLS: ' https://*.teams.microsoft.us, http://127.0.0.1:4000 ',
      });
      expect(listed.bot.allowedServiceUrls).toEqual(['https://*.teams.microsoft.us', 'http://127.0.0.1:4000']);
    });

    it('names a malformed list of Bot Connector origins', () => {
      for (const bad of ['smba.trafficmanager.net', 'https://smba.trafficmanager.net/teams/', ' , ']) {
        expect(() => parseConfig({ ...valid, BOT_ALLOWED_SERVICE_URLS: bad })).toThrow(
          /BOT_ALLOWED_SERVICE_URLS must be/,
        );
      }
    });
  });
});
