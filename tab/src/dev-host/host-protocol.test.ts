import { LOCAL_TENANT_ID } from '@confer/contracts';
import { describe, expect, it } from 'vitest';
import {
  hostRuntimeConfig,
  initializeResponseArgs,
  legacyContext,
  parseHostRequest,
  responseTo,
} from './host-protocol.ts';

const alex = {
  id: '00000000-0000-0000-0000-0000000000020',
  displayName: 'Alex Wilber',
  userPrincipalName: 'alexw@contoso.onmicrosoft.com',
  tenantId: LOCAL_TENANT_ID,
};

describe('teams host protocol', () => {
  it('parses a teams-js request and ignores other messages', () => {
    expect(parseHostRequest({ id: 0, uuidAsString: 'u', func: 'initialize', args: ['2.58.0', 4, null] })).toEqual({
      id: 0,
      uuidAsString: 'u',
      func: 'initialize',
      args: ['2.58.0', 4, null],
    });
    expect(parseHostRequest({ type: 'webpackOk' })).toBeNull();
    expect(parseHostRequest('hello')).toBeNull();
  });

  it('answers initialize with the frame context, web client and a v4 runtime', () => {
    const [frame, client, runtime] = initializeResponseArgs('content');
    expect([frame, client]).toEqual(['content', 'web']);
    expect(JSON.parse(String(runtime))).toEqual(hostRuntimeConfig);
    expect(hostRuntimeConfig.apiVersion).toBe(4);
  });

  it('describes the chosen person in the legacy context fields teams-js maps', () => {
    const context = legacyContext(
      { user: alex, theme: 'dark', locale: 'en-gb', entityId: 'home', subEntityId: '', sessionId: 's' },
      'content',
    );
    expect(context).toMatchObject({
      userObjectId: alex.id,
      tid: alex.tenantId,
      loginHint: alex.userPrincipalName,
      userPrincipalName: alex.userPrincipalName,
      theme: 'dark',
      locale: 'en-gb',
      hostName: 'Teams',
      frameContext: 'content',
    });
  });

  it('echoes id and uuid in responses', () => {
    const request = { id: 3, uuidAsString: 'abc', func: 'getContext', args: [] };
    expect(responseTo(request, [1])).toEqual({ id: 3, uuidAsString: 'abc', args: [1] });
  });
});
