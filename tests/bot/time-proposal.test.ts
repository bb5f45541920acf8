import type { MeetingDto, SuggestionsResponse } from '@confer/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../bot/src/ports.ts';
import { adaptiveCardProblems } from '../../bot/test/parse-adaptive-card.ts';
import { devtenantGraph, type GraphEvent } from '../scheduling/support/devtenant-graph.ts';
import { apiAs } from '../support/api-client.ts';
import { PEOPLE, type Stack, startStack, TENANT_ID } from '../support/stack.ts';
import { executeActions, teamsClientFor } from './bot-test-support.ts';

const MEGAN = 'meganb@contoso.onmicrosoft.com';
const DAY = 86_400_000;

/**
 * Megan proposes another time in Outlook (sync records it on her attendee entry and tells the notifier);
 * Adele, the organizer, gets a card and accepts it in one click: the same Outlook event moves there and keeps
 * its Teams link. The app runs in tenant-wide mode, so the click acts through the app's Graph permission.
 */
describe('a time proposed in Outlook, accepted from the organizer card', () => {
  let stack: Stack;
  let meeting: MeetingDto;
  let proposed: { start: Date; end: Date };

  beforeAll(async () => {
    stack = await startStack({ tabDir: null, connectionMode: 'tenant' });
    const adele = apiAs(stack, PEOPLE.adele.id);
    const suggestions = await adele.post<SuggestionsResponse>('/api/suggestions', {
      attendees: [MEGAN],
      durationMinutes: 30,
      maxSuggestions: 5,
    });
    const [first, , later] = suggestions.body.suggestions;
    if (!first || !later) throw new Error(`too few suggestions: ${suggestions.status}`);
    const created = await adele.post<MeetingDto>('/api/meetings', {
      title: 'Mentoring: Adele and Megan',
      attendees: [MEGAN],
      start: first.start,
      end: first.end,
      timeZone: 'Europe/London',
    });
    expect(created.status).toBe(201);
    meeting = created.body;
    proposed = { start: new Date(later.start), end: new Date(later.end) };
  }, 60_000);
  afterAll(async () => {
    await stack?.stop();
  });

  /** Records Megan's proposal as sync would, and tells the notifier; answers the message it queued. */
  async function meganProposes(): Promise<OutboundMessage> {
    const { meetings, notifier } = stack.composed.scheduling;
    const stored = await meetings.get(TENANT_ID, meeting.id);
    if (!stored || !notifier) throw new Error('no meeting or no notifier');
    const withProposal = {
      ...stored,
      attendees: stored.attendees.map((a) =>
        a.email === MEGAN
          ? { ...a, response: 'tentativelyAccepted' as const, proposedStart: proposed.start, proposedEnd: proposed.end }
          : a,
      ),
      version: stored.version + 1,
    };
    expect(await meetings.update(withProposal, stored.version)).toBe(true);
    await notifier.timeProposed(withProposal, MEGAN);
    await notifier.timeProposed(withProposal, MEGAN);
    const key = `proposal:${meeting.id}:${PEOPLE.megan.id}:${proposed.start.toISOString()}`;
    expect(await stack.composed.bot.outbound.get(key)).toMatchObject({ key, state: 'pending' });
    return {
      key,
      tenantId: TENANT_ID,
      userId: PEOPLE.adele.id,
      kind: 'time-proposal',
      payload: {
        meetingId: meeting.id,
        attendeeEmail: MEGAN,
        proposedStart: proposed.start.toISOString(),
        proposedEnd: proposed.end.toISOString(),
        version: withProposal.version,
      },
      notBefore: stack.devtenant.clock.now(),
    };
  }

  const adeleInTeams = () =>
    teamsClientFor({
      botEndpoint: `${stack.appUrl}/api/messages`,
      serviceUrl: 'http://127.0.0.1:9/no-connector-needed/',
      conversationId: 'a:adele-personal',
      tenantId: TENANT_ID,
      botId: '28:confer',
      person: { id: '29:adele', name: PEOPLE.adele.name, aadObjectId: PEOPLE.adele.id },
    });

  async function organizerEvent(): Promise<GraphEvent> {
    const now = stack.devtenant.clock.now().getTime();
    const graph = devtenantGraph(stack);
    const [event] = await graph.withSubject(
      PEOPLE.adele.id,
      meeting.title,
      new Date(now - DAY),
      new Date(now + 30 * DAY),
    );
    if (!event) throw new Error('no Outlook event');
    return event;
  }

  it('one click moves the same Outlook event to the proposed time; the Teams link stays; a second click is stale', async () => {
    const message = await meganProposes();
    const rendered = await stack.composed.bot.render(message);
    expect(adaptiveCardProblems(rendered?.card)).toEqual([]);
    expect(rendered?.summary).toBe(`${PEOPLE.megan.name} proposed a new time for "${meeting.title}"`);
    const accept = executeActions(rendered?.card).find((action) => action.verb === 'accept-proposal');
    if (!accept) throw new Error('the card has no Accept proposed time');
    expect(accept.title).toBe('Accept proposed time');
    const before = await organizerEvent();

    const adele = adeleInTeams();
    const answer = await adele.invoke('card-1', accept);
    expect(answer).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(JSON.stringify(answer.value)).toContain('Everyone has the new time');

    const after = await organizerEvent();
    expect(after.id).toBe(before.id);
    expect(new Date(`${after.start.dateTime}Z`).toISOString()).toBe(proposed.start.toISOString());
    expect(new Date(`${after.end.dateTime}Z`).toISOString()).toBe(proposed.end.toISOString());
    expect(after.onlineMeeting?.joinUrl).toBe(meeting.joinUrl);

    // The same card again: the meeting has moved since, so nothing changes.
    const again = await adele.invoke('card-1', accept);
    expect(again).toMatchObject({ statusCode: 409, value: { code: 'version_conflict' } });
    // Its refresh shows the meeting as it is now, without the button.
    const refresh = await adele.invoke(
      'card-1',
      { verb: 'refresh', data: { ...accept.data, card: 'proposal', verb: 'refresh' } },
      'automatic',
    );
    expect(refresh.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(executeActions(refresh.value)).toEqual([]);
    expect(JSON.stringify(refresh.value)).toContain('This proposal no longer stands');
  });
});
