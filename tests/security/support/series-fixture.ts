import type { MeetingDto, SuggestionsResponse } from '@confer/contracts';
import { type Api, bodyOf, mail } from '../../scheduling/support/scheduling-api.ts';

export interface SeriesFixture {
  /** A weekly series of three that Adele organizes and Alex attends. */
  series: MeetingDto;
  noteId: string;
  actionId: string;
}

/**
 * Something for every meeting route to act on: a weekly series at the first time Adele and Alex are both
 * free, with a shared note and an action for Alex.
 */
export async function createSeriesFixture(adele: Api): Promise<SeriesFixture> {
  const recurrence = { kind: 'weekly', count: 3 };
  const slot = bodyOf<SuggestionsResponse>(
    await adele.post('/api/suggestions', { attendees: [mail('alexw')], durationMinutes: 30, recurrence }),
    200,
  ).suggestions[0];
  if (!slot) throw new Error('no free time for a weekly series');
  const series = bodyOf<MeetingDto>(
    await adele.post('/api/meetings', {
      title: 'Mentoring',
      attendees: [mail('alexw')],
      start: slot.start,
      end: slot.end,
      timeZone: 'Europe/London',
      recurrence,
      // The last occurrence may fall after the window the suggestion could check.
      acceptConflicts: true,
    }),
    201,
  );
  const m = `/api/meetings/${series.id}`;
  const note = bodyOf<{ id: string }>(await adele.post(`${m}/notes`, { visibility: 'shared', body: 'Goals' }), 201);
  const action = bodyOf<{ id: string }>(
    await adele.post(`${m}/actions`, { title: 'Read the book', ownerEmail: mail('alexw') }),
    201,
  );
  return { series, noteId: note.id, actionId: action.id };
}

/** A documented path with its parameters filled in from the fixture (the second occurrence for `{start}`). */
/** The person a pair's routes name: someone the series' organizer meets (Alex Wilber in the local tenant). */
export const PARTNER_ID = '00000000-0000-0000-0000-0000000000020';

export function fillPath(template: string, fixture: SeriesFixture): string {
  const occurrence = fixture.series.occurrences[1]?.originalStart ?? fixture.series.start;
  return template
    .replace('{id}', fixture.series.id)
    .replace('{noteId}', fixture.noteId)
    .replace('{actionId}', fixture.actionId)
    .replace('{start}', encodeURIComponent(occurrence))
    .replace('{partnerId}', PARTNER_ID);
}
