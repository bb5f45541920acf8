import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aMeeting } from '../../api/src/ports/store-fixtures.contract.ts';
import { adaptiveCardProblems } from '../../bot/test/parse-adaptive-card.ts';
import { PEOPLE, type Stack, startStack, TENANT_ID } from '../support/stack.ts';
import { executeActions, teamsClientFor } from './bot-test-support.ts';

// The app in per-user mode (the default): Megan is invited but never connected her calendar in the tab,
// so Confer holds no token to answer in Outlook as her.
let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ tabDir: null });
}, 60_000);

afterAll(async () => {
  await stack?.stop();
});

describe('an invitation answered from Teams by someone who never connected', () => {
  it('answers with a way to connect (Open Confer settings) and records nothing', async () => {
    const start = new Date(stack.devtenant.clock.now().getTime() + 2 * 86_400_000);
    const meeting = aMeeting({
      id: randomUUID(),
      tenantId: TENANT_ID,
      organizerId: PEOPLE.alex.id,
      organizerName: PEOPLE.alex.name,
      typeId: null,
      title: 'Per-user check-in',
      start,
      end: new Date(start.getTime() + 30 * 60_000),
      attendees: [
        {
          email: 'meganb@contoso.onmicrosoft.com',
          userId: PEOPLE.megan.id,
          displayName: PEOPLE.megan.name,
          type: 'required',
          response: 'none',
          respondedAt: null,
          proposedStart: null,
          proposedEnd: null,
          addedInOutlook: false,
        },
      ],
    });
    await stack.composed.scheduling.meetings.insert(meeting);
    // The invitation as the delivery side would send it to her.
    const accept = executeActions(await invitationCard(meeting.id)).find((action) => action.verb === 'accept');
    if (!accept) throw new Error('the invitation has no Accept');

    const megan = teamsClientFor({
      botEndpoint: `${stack.appUrl}/api/messages`,
      serviceUrl: 'http://127.0.0.1:9/no-connector-needed/',
      conversationId: 'a:megan-personal',
      tenantId: TENANT_ID,
      botId: '28:confer',
      person: { id: '29:megan', name: PEOPLE.megan.name, aadObjectId: PEOPLE.megan.id },
    });
    const answer = await megan.invoke('card-1', { verb: accept.verb, data: accept.data });

    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(adaptiveCardProblems(answer.value)).toEqual([]);
    const text = JSON.stringify(answer.value);
    expect(text).toContain('Your calendar is not connected');
    expect(text).toContain(`"url":"${stack.config.tabEndpoint.replace(/\/+$/, '')}/#/settings"`);
    expect(text).toContain('Open Confer settings');
    expect(executeActions(answer.value).map((action) => action.verb)).toContain('accept');

    const after = await stack.composed.scheduling.meetings.get(TENANT_ID, meeting.id);
    expect(after?.attendees[0]?.response).toBe('none');
    expect(after?.version).toBe(meeting.version);
  });
});

async function invitationCard(meetingId: string): Promise<unknown> {
  const rendered = await stack.composed.bot.render({
    key: `invitation:${meetingId}:${PEOPLE.megan.id}`,
    tenantId: TENANT_ID,
    userId: PEOPLE.megan.id,
    kind: 'invitation',
    payload: { meetingId },
    notBefore: stack.devtenant.clock.now(),
  });
  return rendered?.card ?? null;
}
