import { describe, expect, it } from 'vitest';
import { AppError } from '../../domain/app-error.ts';
import { eventRecordFrom, fitsFullEvent } from './graph-event-check.ts';
import { toEventRecord } from './graph-event-mapper.ts';
import { graphFullEventSchema } from './graph-event-schemas.ts';

/** An event as Graph answers a read with Confer's $select (extra fields included, as Graph sends them). */
const EVENT = {
  '@odata.context': "https://graph.microsoft.com/v1.0/$metadata#users('oid')/events/$entity",
  '@odata.etag': 'W/"DwAAABYAAADI6x"',
  id: 'AAMkAD-event',
  changeKey: 'DwAAABYAAADI6x',
  iCalUId: '040000008200E00074C5B7101A82E008',
  type: 'singleInstance',
  seriesMasterId: null,
  subject: 'Planning',
  start: { dateTime: '2026-11-23T13:00:00.0000000', timeZone: 'UTC' },
  end: { dateTime: '2026-11-23T13:30:00.0000000', timeZone: 'UTC' },
  isCancelled: false,
  isOnlineMeeting: true,
  onlineMeeting: { joinUrl: 'https://teams.microsoft.com/l/meetup-join/x', conferenceId: '1', phones: [] },
  webLink: 'https://outlook.office365.com/owa/?itemid=x',
  location: { displayName: '', locationType: 'default', uniqueId: null },
  originalStart: null,
  transactionId: 'tx-1',
  body: { contentType: 'html', content: '<p>Agenda</p>' },
  attendees: [
    {
      type: 'required',
      status: { response: 'accepted', time: '2026-11-20T10:00:00Z' },
      emailAddress: { name: 'Megan Bowen', address: 'meganb@contoso.com' },
    },
    {
      type: 'optional',
      status: { response: 'tentativelyAccepted', time: '0001-01-01T00:00:00Z' },
      emailAddress: { name: null, address: 'adelev@contoso.com' },
      proposedNewTime: {
        start: { dateTime: '2026-11-23T14:00:00.0000000', timeZone: 'UTC' },
        end: { dateTime: '2026-11-23T14:30:00.0000000', timeZone: 'UTC' },
      },
    },
  ],
  responseStatus: { response: 'organizer', time: '0001-01-01T00:00:00Z' },
};

type Json = Record<string, unknown>;
const clone = (value: unknown) => structuredClone(value) as Json;
const attendee = (event: Json, i: number) => (event.attendees as Json[])[i] as Json;

/** Events that differ from EVENT in one place each: values the schema takes, replaces, or refuses. */
const variants: [string, (event: Json) => void][] = [
  ['as it is', () => {}],
  [
    'no optional fields',
    (e) => {
      for (const key of Object.keys(e)) if (!['id', 'start', 'end', 'type'].includes(key)) delete e[key];
    },
  ],
  [
    'nulls where allowed',
    (e) => {
      for (const key of [
        'changeKey',
        'iCalUId',
        'subject',
        'isCancelled',
        'isOnlineMeeting',
        'onlineMeeting',
        'webLink',
        'location',
        'originalStart',
        'transactionId',
        'body',
        'attendees',
        'responseStatus',
      ])
        e[key] = null;
    },
  ],
  [
    'no type',
    (e) => {
      delete e.type;
    },
  ],
  [
    'an unknown type',
    (e) => {
      e.type = 'somethingNew';
    },
  ],
  [
    'a type of another case',
    (e) => {
      e.type = 'SingleInstance';
    },
  ],
  [
    'an occurrence',
    (e) => {
      e.type = 'occurrence';
      e.seriesMasterId = 'master';
      e.originalStart = '2026-11-23T13:00:00Z';
    },
  ],
  [
    'a null etag',
    (e) => {
      e['@odata.etag'] = null;
    },
  ],
  [
    'no id',
    (e) => {
      delete e.id;
    },
  ],
  [
    'a numeric id',
    (e) => {
      e.id = 42;
    },
  ],
  [
    'no start',
    (e) => {
      delete e.start;
    },
  ],
  [
    'a start without zone',
    (e) => {
      e.start = { dateTime: '2026-11-23T13:00:00' };
    },
  ],
  [
    'a start as text',
    (e) => {
      e.start = '2026-11-23T13:00:00Z';
    },
  ],
  [
    'isCancelled as text',
    (e) => {
      e.isCancelled = 'false';
    },
  ],
  [
    'subject as a number',
    (e) => {
      e.subject = 7;
    },
  ],
  [
    'a join URL as a number',
    (e) => {
      e.onlineMeeting = { joinUrl: 1 };
    },
  ],
  [
    'an online meeting as a list',
    (e) => {
      e.onlineMeeting = [];
    },
  ],
  [
    'a location as text',
    (e) => {
      e.location = 'Room 1';
    },
  ],
  [
    'a null content type',
    (e) => {
      e.body = { contentType: null, content: 'x' };
    },
  ],
  [
    'no body content',
    (e) => {
      e.body = { contentType: 'html' };
    },
  ],
  [
    'attendees as an object',
    (e) => {
      e.attendees = { 0: attendee(e, 0) };
    },
  ],
  [
    'an attendee without email',
    (e) => {
      delete attendee(e, 0).emailAddress;
    },
  ],
  [
    'an attendee with a null type',
    (e) => {
      attendee(e, 0).type = null;
    },
  ],
  [
    'an attendee answer unknown',
    (e) => {
      attendee(e, 0).status = { response: 'maybe' };
    },
  ],
  [
    'an attendee status without answer',
    (e) => {
      attendee(e, 0).status = {};
    },
  ],
  [
    'an attendee with a null status',
    (e) => {
      attendee(e, 0).status = null;
    },
  ],
  [
    'a proposal without end',
    (e) => {
      delete (attendee(e, 1).proposedNewTime as Json).end;
    },
  ],
  [
    'a null proposal',
    (e) => {
      attendee(e, 1).proposedNewTime = null;
    },
  ],
  [
    'an own answer unknown',
    (e) => {
      e.responseStatus = { response: 'Organizer' };
    },
  ],
  [
    'an attendee that is null',
    (e) => {
      (e.attendees as unknown[]).push(null);
    },
  ],
  [
    'a list instead of an event',
    (e) => {
      Object.setPrototypeOf(e, Array.prototype);
    },
  ],
];

describe('fitsFullEvent', () => {
  it.each(variants)('reads %s exactly as the schema does, or leaves it to the schema', (_name, change) => {
    const event = clone(EVENT);
    change(event);
    const schema = graphFullEventSchema.safeParse(event);
    if (fitsFullEvent(event)) {
      expect(schema.success).toBe(true);
      expect(toEventRecord(event)).toEqual(toEventRecord(schema.data as never));
    }
    if (schema.success) {
      expect(eventRecordFrom(event, 'event')).toEqual(toEventRecord(schema.data));
    } else {
      expect(() => eventRecordFrom(event, 'event')).toThrow(AppError);
      try {
        eventRecordFrom(event, 'event');
      } catch (error) {
        expect((error as AppError).code).toBe('graph_bad_response');
      }
    }
  });

  it('takes an ordinary event without the schema', () => {
    expect(fitsFullEvent(clone(EVENT))).toBe(true);
    expect(fitsFullEvent(null)).toBe(false);
    expect(fitsFullEvent('event')).toBe(false);
  });
});
