import type { ConflictsResponse, MeetingDto, SuggestionsResponse } from '@confer/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../support/api-client.ts';
import { PEOPLE, type Stack, startStack } from '../support/stack.ts';
import { devtenantGraph } from './support/devtenant-graph.ts';
import { bodyOf, expectError, mail, uniqueTitle } from './support/scheduling-api.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ tabDir: null });
});
afterAll(() => stack?.stop());

describe('clash checks when changing a meeting', () => {
  it("ignore the meeting's own busy time for its people, but not for someone being added who is booked at the same times", async () => {
    const adele = apiAs(stack, PEOPLE.adele.id);
    const suggestions = bodyOf<SuggestionsResponse>(
      await adele.post('/api/suggestions', { attendees: [mail('alexw'), mail('isaiahl')], durationMinutes: 30 }),
      200,
    );
    const slot = suggestions.suggestions[0];
    expect(slot).toBeDefined();
    const meeting = bodyOf<MeetingDto>(
      await adele.post('/api/meetings', {
        title: uniqueTitle('Same-time clash'),
        attendees: [mail('alexw')],
        start: slot?.start,
        end: slot?.end,
        timeZone: 'Europe/London',
      }),
      201,
    );
    // Moving nothing and checking the meeting against itself finds no clash for the people in it.
    const own = bodyOf<ConflictsResponse>(
      await adele.post('/api/conflicts', {
        attendees: [mail('alexw')],
        start: meeting.start,
        end: meeting.end,
        timeZone: 'Europe/London',
        meetingId: meeting.id,
      }),
      200,
    );
    expect(own.conflicts).toEqual([]);

    // Isaiah is booked at exactly the meeting's times elsewhere: adding him is a clash.
    await devtenantGraph(stack).createEvent(PEOPLE.isaiah.id, {
      subject: 'Customer call',
      start: { dateTime: meeting.start.slice(0, 19), timeZone: 'UTC' },
      end: { dateTime: meeting.end.slice(0, 19), timeZone: 'UTC' },
      showAs: 'busy',
    });
    const refused = await adele.patch(`/api/meetings/${meeting.id}`, {
      version: meeting.version,
      attendees: [mail('alexw'), mail('isaiahl')],
    });
    const error = expectError(refused, 409, 'conflicts_found');
    const conflicts = (error.details as ConflictsResponse).conflicts;
    expect(conflicts.map((c) => c.person.email)).toEqual([mail('isaiahl')]);
    expect(conflicts[0]?.subject).toBeUndefined();
    const unchanged = bodyOf<MeetingDto>(await adele.get(`/api/meetings/${meeting.id}`), 200);
    expect(unchanged.attendees.map((a) => a.email)).toEqual([mail('alexw')]);
  });
});
