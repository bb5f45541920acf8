import type { MeetingDto } from '@confer/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adaptiveCardProblems } from '../../bot/test/parse-adaptive-card.ts';
import { createMeeting, uniqueTitle } from '../browser/support/tab-session.ts';
import { apiAs } from '../support/api-client.ts';
import { PEOPLE, type Stack, startStack, TENANT_ID } from '../support/stack.ts';
import { executeActions, teamsClientFor } from './bot-test-support.ts';

/**
 * The admin's choices as the bot lives them: one invitation card, clicked by Megan (who never connected her
 * calendar in the tab) while an admin switches the connection mode and the integration itself. Every click is
 * the same card a person would still have in their chat.
 */
let stack: Stack;
let meeting: MeetingDto;
let megan: ReturnType<typeof teamsClientFor>;

beforeAll(async () => {
  stack = await startStack({ tabDir: null, connectionMode: 'tenant' });
  meeting = await createMeeting(stack, PEOPLE.alex, [PEOPLE.megan], { title: uniqueTitle('Mentoring Megan') });
  megan = teamsClientFor({
    botEndpoint: `${stack.appUrl}/api/messages`,
    serviceUrl: 'http://127.0.0.1:9/no-connector-needed/',
    conversationId: 'a:megan-personal',
    tenantId: TENANT_ID,
    botId: '28:confer',
    person: { id: '29:megan', name: PEOPLE.megan.name, aadObjectId: PEOPLE.megan.id },
  });
}, 90_000);
afterAll(async () => {
  await stack?.stop();
});

/** Saved through the admin API by Megan, who holds Confer.Admin in the local tenant. */
async function adminSets(changes: { connectionMode?: 'user' | 'tenant'; integrationEnabled?: boolean }) {
  const admin = apiAs(stack, PEOPLE.megan.id);
  const current = await admin.get<Record<string, unknown>>('/api/admin/settings');
  const { updatedAt: _updatedAt, ...settings } = current.body;
  const saved = await admin.put('/api/admin/settings', { ...settings, ...changes });
  expect(saved.status).toBe(200);
}

async function click(verb: 'accept' | 'decline' | 'tentative') {
  const rendered = await stack.composed.bot.render({
    key: `invitation:${meeting.id}:${PEOPLE.megan.id}`,
    tenantId: TENANT_ID,
    userId: PEOPLE.megan.id,
    kind: 'invitation',
    payload: { meetingId: meeting.id },
    notBefore: stack.devtenant.clock.now(),
  });
  const action = executeActions(rendered?.card).find((a) => a.verb === verb);
  if (!action) throw new Error(`the invitation has no ${verb}`);
  return megan.invoke('card-1', { verb: action.verb, data: action.data });
}

async function meganAnswer(): Promise<string | undefined> {
  const stored = await stack.composed.scheduling.meetings.get(TENANT_ID, meeting.id);
  return stored?.attendees.find((a) => a.userId === PEOPLE.megan.id)?.response;
}

describe('the connection mode and the integration switch, in the bot', () => {
  it('answers for Megan through the organisation in tenant-wide mode', async () => {
    const answer = await click('accept');
    expect(answer.statusCode).toBe(200);
    expect(adaptiveCardProblems(answer.value)).toEqual([]);
    expect(await meganAnswer()).toBe('accepted');
  });

  it('asks Megan to connect her own calendar once the admin switches to per-user mode, changing nothing', async () => {
    await adminSets({ connectionMode: 'user' });
    const answer = await click('decline');
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(answer.value)).toContain('Open Confer settings');
    expect(await meganAnswer()).toBe('accepted');
  });

  it('says the organisation switched Outlook off — not "reconnect" — while the integration is off, changing nothing', async () => {
    await adminSets({ connectionMode: 'tenant', integrationEnabled: false });
    const answer = await click('decline');
    expect(answer).toMatchObject({
      statusCode: 403,
      type: 'application/vnd.microsoft.error',
      value: { code: 'integration_off' },
    });
    const message = (answer.value as { message: string }).message;
    expect(message).toContain('switched the Outlook integration off');
    expect(message).not.toMatch(/reconnect/i);
    expect(await meganAnswer()).toBe('accepted');
  });

  it('works again as soon as the admin switches the integration back on', async () => {
    await adminSets({ integrationEnabled: true });
    const answer = await click('tentative');
    expect(answer.statusCode).toBe(200);
    expect(await meganAnswer()).toBe('tentativelyAccepted');
  });
});
