import { beforeEach, describe, expect, it } from 'vitest';
import type { CalendarChange } from '../../graph/context.ts';
import { CalendarStore } from '../calendar-store.ts';
import { cryptoRandomBytes, occurrenceId } from '../events/event-ids.ts';
import { findInstance } from '../events/event-lookup.ts';
import type { EventRecord } from '../events/event-model.ts';
import { createEvent, deleteEvent, updateEvent } from '../events/event-writer.ts';
import type { WriterDeps } from '../events/writer-deps.ts';
import { ADELE, ALEX, createFakeContext, MEGAN } from '../test-support/fake-graph-context.ts';
import { respondToEvent } from './meeting-responses.ts';

let store: CalendarStore;
let changes: CalendarChange[];
let deps: WriterDeps;

beforeEach(() => {
  store = new CalendarStore();
  changes = [];
  const ctx = createFakeContext('https://localhost:8443', '2026-03-10T08:00:00Z');
  deps = {
    store,
    directory: ctx.directory,
    random: cryptoRandomBytes,
    clock: ctx.clock,
    publish: (c) => changes.push(c),
  };
});

const slot = {
  start: { dateTime: '2026-03-12T15:00:00', timeZone: 'UTC' },
  end: { dateTime: '2026-03-12T15:30:00', timeZone: 'UTC' },
};
const invitees = [
  { emailAddress: { address: MEGAN.mail as string, name: 'Megan Bowen' } },
  { emailAddress: { address: ADELE.mail as string, name: 'Adele Vance' } },
  { emailAddress: { address: 'guest@fabrikam.example', name: 'Guest' } },
];

function copyOf(organizerItem: EventRecord, mailboxId: string): EventRecord | undefined {
  return store.findByICalUId(organizerItem.iCalUId).find((c) => c.mailboxId === mailboxId)?.record;
}

describe('Exchange meeting model, issue 3 (docs/reference/graph-calendar.md §3)', () => {
  it('puts a copy on each internal attendee calendar with the same iCalUId, its own id and no response', () => {
    const meeting = createEvent(deps, ALEX, { subject: 'Mentoring', ...slot, attendees: invitees });
    const megan = copyOf(meeting, MEGAN.id);
    expect(megan).toMatchObject({
      iCalUId: meeting.iCalUId,
      isOrganizer: false,
      responseStatus: { response: 'notResponded' },
      showAs: 'tentative',
    });
    expect(megan?.id).not.toBe(meeting.id);
    expect(copyOf(meeting, ADELE.id)).toBeDefined();
    expect(store.findByICalUId(meeting.iCalUId)).toHaveLength(3);
    expect(meeting.attendees.map((a) => a.status.response)).toEqual(['none', 'none', 'none']);
    expect(
      changes
        .filter((c) => c.changeType === 'created')
        .map((c) => c.mailboxId)
        .sort(),
    ).toEqual([ALEX.id, MEGAN.id, ADELE.id].sort());
  });

  it('carries an attendee response to the organizer attendees[].status, and sendResponse:false does not', () => {
    const meeting = createEvent(deps, ALEX, { subject: 'Mentoring', ...slot, attendees: invitees });
    respondToEvent(deps, MEGAN, copyOf(meeting, MEGAN.id)?.id as string, 'accept', { comment: 'See you' });
    respondToEvent(deps, ADELE, copyOf(meeting, ADELE.id)?.id as string, 'tentativelyAccept', { sendResponse: false });
    const organizer = store.get(ALEX.id, meeting.id) as EventRecord;
    expect(organizer.attendees.map((a) => a.status.response)).toEqual(['accepted', 'none', 'none']);
    expect(copyOf(meeting, MEGAN.id)).toMatchObject({ responseStatus: { response: 'accepted' }, showAs: 'busy' });
    expect(copyOf(meeting, ADELE.id)?.responseStatus.response).toBe('tentativelyAccepted');
  });

  it('lets an organizer update reach the copies, while an attendee edit of their copy stays theirs', () => {
    const meeting = createEvent(deps, ALEX, { subject: 'Mentoring', ...slot, attendees: invitees });
    const meganCopy = copyOf(meeting, MEGAN.id) as EventRecord;
    updateEvent(deps, MEGAN, meganCopy.id, { subject: 'My own title', categories: ['Red'] }, undefined);
    expect((store.get(ALEX.id, meeting.id) as EventRecord).subject).toBe('Mentoring');
    updateEvent(deps, ALEX, meeting.id, { location: { displayName: 'Room 5' } }, undefined);
    const after = copyOf(meeting, MEGAN.id) as EventRecord;
    expect(after.location.displayName).toBe('Room 5');
    expect(after.categories).toEqual(['Red']);
    expect(copyOf(meeting, ADELE.id)?.location.displayName).toBe('Room 5');
  });

  it('cancels the copies when the organizer deletes the meeting', () => {
    const meeting = createEvent(deps, ALEX, { subject: 'Mentoring', ...slot, attendees: invitees });
    deleteEvent(deps, ALEX, meeting.id, undefined);
    expect(store.get(ALEX.id, meeting.id)).toBeUndefined();
    expect(copyOf(meeting, MEGAN.id)).toMatchObject({ isCancelled: true, subject: 'Canceled: Mentoring' });
    expect(changes.some((c) => c.mailboxId === ADELE.id && c.changeType === 'updated')).toBe(true);
  });

  it('cancels the copy of an attendee the organizer removes, and declining removes the item from the calendar', () => {
    const meeting = createEvent(deps, ALEX, { subject: 'Mentoring', ...slot, attendees: invitees });
    updateEvent(deps, ALEX, meeting.id, { attendees: [invitees[0] as (typeof invitees)[number]] }, undefined);
    expect(copyOf(meeting, ADELE.id)?.isCancelled).toBe(true);
    respondToEvent(deps, MEGAN, copyOf(meeting, MEGAN.id)?.id as string, 'decline', {});
    expect(copyOf(meeting, MEGAN.id)).toBeUndefined();
    expect((store.get(ALEX.id, meeting.id) as EventRecord).attendees[0]?.status.response).toBe('declined');
  });

  it('resets responses when the organizer moves the meeting', () => {
    const meeting = createEvent(deps, ALEX, { subject: 'Mentoring', ...slot, attendees: invitees });
    respondToEvent(deps, MEGAN, copyOf(meeting, MEGAN.id)?.id as string, 'accept', {});
    updateEvent(
      deps,
      ALEX,
      meeting.id,
      {
        start: { dateTime: '2026-03-12T16:00:00', timeZone: 'UTC' },
        end: { dateTime: '2026-03-12T16:30:00', timeZone: 'UTC' },
      },
      undefined,
    );
    expect((store.get(ALEX.id, meeting.id) as EventRecord).attendees[0]?.status.response).toBe('none');
    expect(copyOf(meeting, MEGAN.id)).toMatchObject({
      responseStatus: { response: 'notResponded' },
      startMs: Date.parse('2026-03-12T16:00:00Z'),
    });
  });

  it('turns an edited occurrence into an exception on the organizer and on the copies', () => {
    const series = createEvent(deps, ALEX, {
      subject: 'Weekly',
      ...slot,
      attendees: invitees.slice(0, 1),
      recurrence: {
        pattern: { type: 'weekly', interval: 1, daysOfWeek: ['thursday'] },
        range: { type: 'numbered', startDate: '2026-03-12', numberOfOccurrences: 4 },
      },
    });
    updateEvent(
      deps,
      ALEX,
      occurrenceId(series.id, '2026-03-19'),
      {
        subject: 'Weekly (moved)',
        start: { dateTime: '2026-03-20T15:00:00', timeZone: 'UTC' },
        end: { dateTime: '2026-03-20T15:30:00', timeZone: 'UTC' },
      },
      undefined,
    );
    const organizerOccurrence = findInstance(store, ALEX.id, occurrenceId(series.id, '2026-03-19'));
    expect(organizerOccurrence).toMatchObject({ type: 'exception', content: { subject: 'Weekly (moved)' } });
    const copy = copyOf(series, MEGAN.id) as EventRecord;
    expect(findInstance(store, MEGAN.id, occurrenceId(copy.id, '2026-03-19')).content.subject).toBe('Weekly (moved)');
    expect(() =>
      updateEvent(
        deps,
        ALEX,
        occurrenceId(series.id, '2026-03-26'),
        {
          start: { dateTime: '2026-03-19T18:00:00', timeZone: 'UTC' },
          end: { dateTime: '2026-03-19T18:30:00', timeZone: 'UTC' },
        },
        undefined,
      ),
    ).toThrow(expect.objectContaining({ code: 'ErrorOccurrenceCrossingBoundary' }));
  });

  it('shows an occurrence the organizer deleted as cancelled on the attendee calendar', () => {
    const series = createEvent(deps, ALEX, {
      subject: 'Weekly',
      ...slot,
      attendees: invitees.slice(0, 1),
      recurrence: {
        pattern: { type: 'weekly', interval: 1, daysOfWeek: ['thursday'] },
        range: { type: 'numbered', startDate: '2026-03-12', numberOfOccurrences: 4 },
      },
    });
    deleteEvent(deps, ALEX, occurrenceId(series.id, '2026-03-19'), undefined);
    expect(() => findInstance(store, ALEX.id, occurrenceId(series.id, '2026-03-19'))).toThrow(
      expect.objectContaining({ status: 404 }),
    );
    const copy = copyOf(series, MEGAN.id) as EventRecord;
    expect(findInstance(store, MEGAN.id, occurrenceId(copy.id, '2026-03-19')).content).toMatchObject({
      isCancelled: true,
      subject: 'Canceled: Weekly',
    });
  });
});
