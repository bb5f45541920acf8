import { LOCAL_TENANT_ID } from '@confer/contracts';
import { Activity } from '@microsoft/agents-activity';
import { describe, expect, it } from 'vitest';
import { isPersonalConversation, readConversationRecord, readTenantId } from './conversation-record.ts';

const tenantId = LOCAL_TENANT_ID;
const now = new Date('2026-11-20T09:00:00.000Z');

function activity(overrides: Record<string, unknown> = {}): Activity {
  return Activity.fromObject({
    type: 'message',
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    from: { id: '29:alex', aadObjectId: '00000000-0000-0000-0000-0000000000020', name: 'Alex Wilber' },
    recipient: { id: '28:bot' },
    conversation: { id: 'a:1alex', conversationType: 'personal', tenantId },
    ...overrides,
  });
}

describe('readTenantId', () => {
  it('prefers conversation.tenantId and falls back to channelData.tenant.id', () => {
    expect(readTenantId(activity())).toBe(tenantId);
    const legacy = activity({ conversation: { id: 'a:1' }, channelData: { tenant: { id: 'from-channel-data' } } });
    expect(readTenantId(legacy)).toBe('from-channel-data');
    expect(readTenantId(activity({ conversation: { id: 'a:1' }, channelData: { tenant: 'nope' } }))).toBeUndefined();
  });
});

describe('readConversationRecord', () => {
  it('keys the conversation by tenant and Entra object id and keeps the SDK reference', () => {
    const result = readConversationRecord(activity(), 'Alex Wilber', now);
    expect(result).toEqual({
      ok: true,
      conversation: {
        tenantId,
        aadObjectId: '00000000-0000-0000-0000-0000000000020',
        userId: '29:alex',
        userName: 'Alex Wilber',
        conversationId: 'a:1alex',
        serviceUrl: 'https://smba.trafficmanager.net/emea/',
        channelId: 'msteams',
        reference: expect.objectContaining({
          conversation: expect.objectContaining({ id: 'a:1alex' }),
          user: expect.objectContaining({ id: '29:alex' }),
          serviceUrl: 'https://smba.trafficmanager.net/emea/',
          channelId: 'msteams',
        }),
        updatedAt: '2026-11-20T09:00:00.000Z',
      },
    });
  });

  it.each([
    ['missing_tenant', { conversation: { id: 'a:1' } }],
    ['missing_user_object_id', { from: { id: '29:alex' } }],
    ['missing_service_url', { serviceUrl: undefined }],
  ])('refuses with %s', (code, overrides) => {
    expect(readConversationRecord(activity(overrides), null, now)).toEqual({ ok: false, code });
  });
});

describe('isPersonalConversation', () => {
  it.each([
    [{ id: 'a:1', conversationType: 'personal' }, true],
    [{ id: 'emulator-chat' }, true],
    [{ id: '19:x@thread.v2', conversationType: 'groupChat', isGroup: true }, false],
    [{ id: '19:x@thread.tacv2', conversationType: 'channel', isGroup: true }, false],
  ])('%j → %s', (conversation, expected) => {
    expect(isPersonalConversation(activity({ conversation }))).toBe(expected);
  });
});
