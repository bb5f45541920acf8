import { LOCAL_BOT_ID, LOCAL_TENANT_ID } from '@confer/contracts';

/**
 * Hand-built Teams activities shaped like the ones Teams sends to a personal-scope bot
 * (docs/teams-bot-platform.md): `29:` user ids, `28:` bot id, an `a:` conversation id, the tenant on the conversation
 * and on channelData.
 */
export const tenantId = LOCAL_TENANT_ID;
export const botId = `28:${LOCAL_BOT_ID}`;
export const megan = {
  id: '29:megan-teams-id',
  aadObjectId: '00000000-0000-0000-0000-0000000000021',
  name: 'Megan Bowen',
};
export const personalConversationId = 'a:1megan-personal-chat';

export type TeamsActivity = Record<string, unknown>;

let sequence = 0;

function base(serviceUrl: string, type: string, from: Record<string, unknown>): TeamsActivity {
  sequence += 1;
  return {
    type,
    id: `activity-${sequence}`,
    channelId: 'msteams',
    serviceUrl,
    timestamp: '2026-11-20T09:00:00.000Z',
    from,
    recipient: { id: botId, name: 'Confer' },
    conversation: { id: personalConversationId, conversationType: 'personal', tenantId },
    channelData: { tenant: { id: tenantId } },
    locale: 'en-GB',
  };
}

/** Install events carry no `from.name` (neither Teams nor the Agents Playground sends one). */
const installer = { id: megan.id, aadObjectId: megan.aadObjectId };

export function installationUpdate(serviceUrl: string, action: string): TeamsActivity {
  return { ...base(serviceUrl, 'installationUpdate', installer), action };
}

export function membersAdded(serviceUrl: string): TeamsActivity {
  return { ...base(serviceUrl, 'conversationUpdate', installer), membersAdded: [installer, { id: botId }] };
}

export function message(serviceUrl: string, text: string): TeamsActivity {
  return { ...base(serviceUrl, 'message', { ...megan }), text, textFormat: 'plain' };
}

export function groupChatMessage(serviceUrl: string, text: string): TeamsActivity {
  return {
    ...message(serviceUrl, text),
    conversation: { id: '19:group-chat@thread.v2', conversationType: 'groupChat', isGroup: true, tenantId },
  };
}
