import type { AvailabilityResponse, SuggestionsResponse } from '@confer/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createControllableClock } from '../../devtenant/src/index.ts';
import { apiAs } from '../support/api-client.ts';
import { PEOPLE, type Stack, startStack } from '../support/stack.ts';
import { bodyOf, expectError, mail } from './support/scheduling-api.ts';

const DAY = 86_400_000;
/** A Monday morning in London: the week on screen starts today and the suggestions reach into the next. */
const NOW = new Date('2026-12-07T09:10:00Z');

/**
 * POST /api/availability with `suggest`: what the picker needs when it opens, in one round trip and one Graph
 * request, and the same answer the two separate calls give.
 */
describe('availability with suggestions in one answer', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ tabDir: null, clock: createControllableClock(NOW) });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const attendees = [mail('alexw'), mail('meganb')];
  /** The picker's week (Monday to Sunday, a day either side) and its two-week suggestion horizon from now. */
  const week = {
    start: new Date('2026-12-06T00:00:00Z').toISOString(),
    end: new Date('2026-12-15T00:00:00Z').toISOString(),
  };
  const horizon = { start: NOW.toISOString(), end: new Date(NOW.getTime() + 14 * DAY).toISOString() };
  const options = { durationMinutes: 45, maxSuggestions: 5, recurrence: null, ...horizon };

  const graphRequests = async () =>
    ((await (await stack.devtenant.control('counters')).json()) as { graphRequests: number }).graphRequests;
  const resetCounters = async () => expect((await stack.devtenant.control('counters/reset', {})).status).toBe(200);

  it('answers the availability and the suggestions the separate calls give, from one getSchedule', async () => {
    const adele = apiAs(stack, PEOPLE.adele.id);
    // People resolved once, so the count below is the calendar read alone (a wider window: not a cached answer).
    bodyOf(await adele.post('/api/availability', { attendees, ...week }), 200);
    const later = options;

    await resetCounters();
    const both = bodyOf<AvailabilityResponse>(
      await adele.post('/api/availability', { attendees, ...week, suggest: later }),
      200,
    );
    expect(await graphRequests()).toBe(1);

    const alone = bodyOf<AvailabilityResponse>(await adele.post('/api/availability', { attendees, ...week }), 200);
    const suggestions = bodyOf<SuggestionsResponse>(await adele.post('/api/suggestions', { attendees, ...later }), 200);
    const { suggestions: carried, ...availability } = both;
    expect(availability).toEqual(alone);
    expect(carried).toEqual(suggestions);
    expect(carried?.suggestions.length).toBe(5);
    expect(carried?.window).toEqual(horizon);
  });

  it('reads windows too far apart for one getSchedule separately, with the same answers', async () => {
    const adele = apiAs(stack, PEOPLE.adele.id);
    const now = stack.devtenant.clock.now().getTime();
    // A week seven weeks ahead: with the two-week horizon from now the two span more than 62 days.
    const far = { start: new Date(now + 49 * DAY).toISOString(), end: new Date(now + 58 * DAY).toISOString() };
    const suggest = { ...options, start: new Date(now).toISOString(), end: new Date(now + 14 * DAY).toISOString() };
    const both = bodyOf<AvailabilityResponse>(
      await adele.post('/api/availability', { attendees, ...far, suggest }),
      200,
    );
    const { suggestions: carried, ...availability } = both;
    expect(availability).toEqual(bodyOf(await adele.post('/api/availability', { attendees, ...far }), 200));
    expect(carried).toEqual(bodyOf(await adele.post('/api/suggestions', { attendees, ...suggest }), 200));
  });

  it('refuses bad suggestion options with validation_failed, naming the field', async () => {
    const adele = apiAs(stack, PEOPLE.adele.id);
    const bad = [
      { durationMinutes: 1 },
      { durationMinutes: 30, attendees },
      { maxSuggestions: 5 },
      'soon',
      { durationMinutes: 30, start: 'tomorrow' },
    ];
    for (const suggest of bad) {
      const error = expectError(
        await adele.post('/api/availability', { attendees, ...week, suggest }),
        400,
        'validation_failed',
      );
      expect(JSON.stringify(error)).toContain('suggest');
    }
  });
});
