import { describe, expect, it } from 'vitest';
import {
  createServiceUrlPolicy,
  LOCAL_BOT_CONNECTOR_ORIGINS,
  MICROSOFT_BOT_CONNECTOR_ORIGINS,
  parseOriginPattern,
} from './service-url-policy.ts';

describe("Microsoft's Bot Connector hosts", () => {
  const policy = createServiceUrlPolicy(MICROSOFT_BOT_CONNECTOR_ORIGINS);

  it.each([
    'https://smba.trafficmanager.net/teams/',
    'https://smba.trafficmanager.net/amer/',
    'https://SMBA.trafficmanager.net/emea/72f988bf-86f1-41af-91ab-2d7cd011db47/',
    'https://webchat.botframework.com/',
    'https://europe.directline.botframework.com/',
    'https://smba.trafficmanager.net:443/apac/',
  ])('allow %s', (url) => {
    expect(policy.allows(url)).toBe(true);
  });

  it.each([
    ['plain http', 'http://smba.trafficmanager.net/teams/'],
    ['another port', 'https://smba.trafficmanager.net:8443/teams/'],
    ['a look-alike host', 'https://smba.trafficmanager.net.evil.example/teams/'],
    ['a host ending in the name', 'https://evilsmba.trafficmanager.net/teams/'],
    ['the bare wildcard domain', 'https://botframework.com/'],
    ['a suffix without a dot', 'https://evilbotframework.com/'],
    ['credentials hiding the host', 'https://smba.trafficmanager.net:pw@evil.example/teams/'],
    ['credentials in front of a listed host', 'https://user:pw@smba.trafficmanager.net/teams/'],
    ['loopback', 'http://127.0.0.1:56150/_connector'],
    ['not a URL', 'smba.trafficmanager.net/teams'],
    ['empty', ''],
  ])('refuse %s', (_what, url) => {
    expect(policy.allows(url)).toBe(false);
  });
});

describe('local connectors', () => {
  const policy = createServiceUrlPolicy(LOCAL_BOT_CONNECTOR_ORIGINS);

  it('allow the Agents Playground and test connectors on any port, over http', () => {
    expect(policy.allows('http://localhost:56150/_connector')).toBe(true);
    expect(policy.allows('http://127.0.0.1:40123/connector/')).toBe(true);
  });

  it('refuse other hosts and Microsoft’s own', () => {
    expect(policy.allows('http://127.0.0.2:56150/_connector')).toBe(false);
    expect(policy.allows('http://[::1]:56150/_connector')).toBe(false);
    expect(policy.allows('https://smba.trafficmanager.net/teams/')).toBe(false);
  });

  it('an exact origin allows that port only', () => {
    const exact = createServiceUrlPolicy(['http://127.0.0.1:40123']);
    expect(exact.allows('http://127.0.0.1:40123/connector/')).toBe(true);
    expect(exact.allows('http://127.0.0.1:40124/connector/')).toBe(false);
  });
});

describe('origin patterns', () => {
  it.each([
    'https://smba.trafficmanager.net',
    'https://*.botframework.com',
    'https://*.teams.microsoft.us',
    'http://localhost:*',
    'http://127.0.0.1:3978/',
  ])('read %s', (text) => {
    expect(parseOriginPattern(text)).not.toBeNull();
  });

  it.each([
    'smba.trafficmanager.net',
    'ftp://smba.trafficmanager.net',
    'https://*',
    'https://*.',
    'https://evil.*.com',
    'https://smba.trafficmanager.net/teams/',
    'https://a..b',
  ])('refuse %s', (text) => {
    expect(parseOriginPattern(text)).toBeNull();
    expect(() => createServiceUrlPolicy([text])).toThrow(/allowed-origin/);
  });
});
