import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CalendarTestApp, DELEGATED_SCOPES, startCalendarTestApp } from '../test-support/calendar-test-app.ts';
import { ADELE, ALEX, fakeToken, MEGAN, NO_MAILBOX } from '../test-support/fake-graph-context.ts';

let app: CalendarTestApp;
const megan = fakeToken({ kind: 'delegated', userId: MEGAN.id, scopes: DELEGATED_SCOPES });
const appToken = fakeToken({ kind: 'app', roles: ['Calendars.ReadWrite'] });
// biome-ignore lint/suspicious/noExplicitAny: the tests walk arbitrary Graph JSON responses
type Json = Record<string, any>;

beforeAll(async () => {
  app = await startCalendarTestApp('2026-03-25T12:00:00Z');
});
afterAll(async () => {
  await app.close();
});

const slot = (day: string, from: string, to: string, timeZone = 'UTC') => ({
  start: { dateTime: `${day}T${from}:00`, timeZone },
  end: { dateTime: `${day}T${to}:00`, timeZone },
});

async function json(res: Response): Promise<Json> {
  return (await res.json()) as Json;
}

describe('calendarView (docs/reference/graph-calendar.md §3)', () => {
  it('requires startDateTime and endDateTime (400 ErrorInvalidParameter)', async () => {
    const res = await app.call('GET', '/me/calendarView');
    expect(res.status).toBe(400);
    expect((await json(res)).error.code).toBe('ErrorInvalidParameter');
  });

  it('returns occurrences, exceptions and single instances of the seed, ordered, with absolute nextLinks', async () => {
    const first = await json(
      await app.call(
        'GET',
        '/me/calendarView?startDateTime=2026-03-23T00:00:00Z&endDateTime=2026-03-30T00:00:00Z&$top=5',
      ),
    );
    expect(first.value).toHaveLength(5);
    expect(first['@odata.nextLink']).toMatch(new RegExp(`^${app.url}/v1.0/me/calendarView\\?.*\\$skip=5`));
    const all: Json[] = [...first.value];
    let next: string | undefined = first['@odata.nextLink'];
    while (next) {
      const page = await json(await app.call('GET', next.slice(`${app.url}/v1.0`.length)));
      all.push(...page.value);
      next = page['@odata.nextLink'];
    }
    const types = new Set(all.map((e) => e.type));
    expect(types.has('occurrence') && types.has('singleInstance')).toBe(true);
    expect(types.has('seriesMaster')).toBe(false);
    const starts = all.map((e) => Date.parse(`${e.start.dateTime.slice(0, 19)}Z`));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    const workingDays = new Set(all.filter((e) => !e.isAllDay).map((e) => e.start.dateTime.slice(0, 10)));
    expect(all.length).toBeGreaterThanOrEqual(workingDays.size * 3);
  });

  it('converts times to Prefer outlook.timezone and echoes Preference-Applied (docs/reference/graph-calendar.md §9)', async () => {
    const res = await app.call(
      'GET',
      '/me/calendarView?startDateTime=2026-03-24T00:00:00Z&endDateTime=2026-03-25T00:00:00Z&$top=1',
      {
        headers: { Prefer: 'outlook.timezone="Pacific Standard Time"' },
      },
    );
    expect(res.headers.get('preference-applied')).toBe('outlook.timezone="Pacific Standard Time"');
    expect((await json(res)).value[0].start.timeZone).toBe('Pacific Standard Time');
  });

  it('pages with Prefer odata.maxpagesize and supports $select and $orderby=start/dateTime desc', async () => {
    const res = await app.call(
      'GET',
      '/me/calendarView?startDateTime=2026-03-23T00:00:00Z&endDateTime=2026-03-30T00:00:00Z&$select=subject&$orderby=start/dateTime desc',
      {
        headers: { Prefer: 'odata.maxpagesize=3' },
      },
    );
    const body = await json(res);
    expect(body.value).toHaveLength(3);
    expect(Object.keys(body.value[0]).sort()).toEqual(['@odata.etag', 'id', 'subject']);
    expect(body['@odata.nextLink']).toContain('$skip=3');
  });

  it('/events lists series masters and single instances but never occurrences', async () => {
    const body = await json(await app.call('GET', '/me/events?$top=500'));
    const types = new Set(body.value.map((e: Json) => e.type));
    expect([...types].sort()).toEqual(['seriesMaster', 'singleInstance']);
  });
});

describe('events: create, update, delete (docs/reference/graph-calendar.md §3)', () => {
  it('creates (201) with Graph defaults, and a reused transactionId answers 400 ErrorDuplicateTransactionId', async () => {
    const body = { subject: 'Retry me', ...slot('2026-03-26', '14:00', '14:30'), transactionId: 'tx-1' };
    const created = await app.call('POST', '/me/events', { body });
    expect(created.status).toBe(201);
    const event = await json(created);
    expect(event).toMatchObject({
      type: 'singleInstance',
      showAs: 'busy',
      transactionId: 'tx-1',
      isOrganizer: true,
      responseStatus: { response: 'organizer' },
    });
    expect(event['@odata.etag']).toBe(`W/"${event.changeKey}"`);
    const again = await app.call('POST', '/me/events', { body });
    expect(again.status).toBe(400);
    expect((await json(again)).error.code).toBe('ErrorDuplicateTransactionId');
  });

  it('changes etag and changeKey on every write and answers 412 to a stale If-Match', async () => {
    const event = await json(
      await app.call('POST', '/me/calendar/events', {
        body: { subject: 'Versioned', ...slot('2026-03-26', '15:00', '15:30') },
      }),
    );
    const patched = await app.call('PATCH', `/me/events/${event.id}`, {
      body: { subject: 'Versioned 2' },
      headers: { 'If-Match': event['@odata.etag'] },
    });
    expect(patched.status).toBe(200);
    const updated = await json(patched);
    expect(updated.changeKey).not.toBe(event.changeKey);
    const stale = await app.call('PATCH', `/me/events/${event.id}`, {
      body: { subject: 'Lost update' },
      headers: { 'If-Match': event['@odata.etag'] },
    });
    expect(stale.status).toBe(412);
    expect((await json(stale)).error.code).toBe('ErrorIrresolvableConflict');
    expect((await app.call('DELETE', `/me/events/${event.id}`)).status).toBe(204);
    expect((await app.call('GET', `/me/events/${event.id}`)).status).toBe(404);
  });

  it('refuses end before start, bad zones and unknown properties with 400 and writes nothing (docs/reference/graph-calendar.md §7)', async () => {
    const before = (await json(await app.call('GET', '/me/events?$top=1000'))).value.length;
    const cases = [
      {
        body: { subject: 'Backwards', ...slot('2026-03-26', '15:00', '14:00') },
        code: 'ErrorPropertyValidationFailure',
      },
      {
        body: { subject: 'Zone', ...slot('2026-03-26', '15:00', '16:00', 'Mars/Olympus') },
        code: 'TimeZoneNotSupportedException',
      },
      { body: { subject: 'Extra', colour: 'red', ...slot('2026-03-26', '15:00', '16:00') }, code: 'RequestBodyRead' },
      { body: { subject: 'No times' }, code: 'ErrorPropertyValidationFailure' },
    ];
    for (const c of cases) {
      const res = await app.call('POST', '/me/events', { body: c.body });
      expect(res.status).toBe(400);
      expect((await json(res)).error.code).toBe(c.code);
    }
    expect((await json(await app.call('GET', '/me/events?$top=1000'))).value.length).toBe(before);
  });

  it('Teams meetings get a meetup-join URL and join block that cannot be turned off; dropping the block breaks joining', async () => {
    const created = await json(
      await app.call('POST', '/me/events', {
        body: {
          subject: 'Teams',
          ...slot('2026-03-27', '09:00', '09:30'),
          isOnlineMeeting: true,
          onlineMeetingProvider: 'teamsForBusiness',
          body: { contentType: 'HTML', content: '<p>Agenda</p>' },
        },
      }),
    );
    expect(created.onlineMeeting.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\/19%3ameeting_/);
    expect(created.onlineMeeting.conferenceId).toMatch(/^\d{9}$/);
    expect(created.body.content).toContain(created.onlineMeeting.joinUrl);
    const off = await json(await app.call('PATCH', `/me/events/${created.id}`, { body: { isOnlineMeeting: false } }));
    expect(off).toMatchObject({ isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' });
    const kept = await json(
      await app.call('PATCH', `/me/events/${created.id}`, {
        body: { body: { contentType: 'html', content: `<p>New agenda</p>${created.body.content}` } },
      }),
    );
    expect(kept.onlineMeeting?.joinUrl).toBe(created.onlineMeeting.joinUrl);
    const broken = await json(
      await app.call('PATCH', `/me/events/${created.id}`, {
        body: { body: { contentType: 'html', content: '<p>Only the agenda</p>' } },
      }),
    );
    expect(broken.onlineMeeting).toBeNull();
    expect(broken.isOnlineMeeting).toBe(false);
  });

  it('cancel is for the organizer (202); an attendee gets 400, and responses are 202', async () => {
    const meeting = await json(
      await app.call('POST', '/me/events', {
        body: {
          subject: 'Invite',
          ...slot('2026-03-27', '13:00', '13:30'),
          attendees: [{ emailAddress: { address: MEGAN.mail } }],
        },
      }),
    );
    const copies = await json(
      await app.call('GET', `/me/events?$filter=iCalUId eq '${meeting.iCalUId}'`, { token: megan }),
    );
    const copy = copies.value[0];
    expect(copy).toMatchObject({ isOrganizer: false, responseStatus: { response: 'notResponded' } });
    const cancel = await app.call('POST', `/me/events/${copy.id}/cancel`, { token: megan, body: { comment: 'no' } });
    expect(cancel.status).toBe(400);
    expect((await app.call('POST', `/me/events/${meeting.id}/accept`, { body: {} })).status).toBe(400);
    const proposal = {
      start: { dateTime: '2026-03-27T15:00:00', timeZone: 'UTC' },
      end: { dateTime: '2026-03-27T15:30:00', timeZone: 'UTC' },
    };
    expect(
      (
        await app.call('POST', `/me/events/${copy.id}/tentativelyAccept`, {
          token: megan,
          body: { proposedNewTime: proposal, sendResponse: false },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await app.call('POST', `/me/events/${copy.id}/tentativelyAccept`, {
          token: megan,
          body: { comment: 'maybe', proposedNewTime: proposal },
        })
      ).status,
    ).toBe(202);
    const organizer = await json(await app.call('GET', `/me/events/${meeting.id}`));
    expect(organizer.attendees[0]).toMatchObject({
      status: { response: 'tentativelyAccepted' },
      proposedNewTime: proposal,
    });
    expect((await app.call('POST', `/me/events/${meeting.id}/cancel`, { body: { comment: 'Sorry' } })).status).toBe(
      202,
    );
    const cancelled = await json(await app.call('GET', `/me/events/${copy.id}`, { token: megan }));
    expect(cancelled).toMatchObject({ isCancelled: true });
  });

  it('addresses occurrences by id: GET, PATCH into an exception, and instances lists them', async () => {
    const series = await json(
      await app.call('POST', '/me/events', {
        body: {
          subject: 'Series',
          ...slot('2026-04-06', '09:00', '09:30', 'GMT Standard Time'),
          recurrence: {
            pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'] },
            range: { type: 'numbered', startDate: '2026-04-06', numberOfOccurrences: 3 },
          },
        },
      }),
    );
    expect(series).toMatchObject({
      type: 'seriesMaster',
      recurrence: { pattern: { index: 'first', month: 0 }, range: { recurrenceTimeZone: 'GMT Standard Time' } },
    });
    const instances = await json(
      await app.call(
        'GET',
        `/me/events/${series.id}/instances?startDateTime=2026-04-01T00:00:00Z&endDateTime=2026-05-01T00:00:00Z`,
      ),
    );
    expect(instances.value.map((i: Json) => i.start.dateTime)).toEqual([
      '2026-04-06T08:00:00.0000000',
      '2026-04-13T08:00:00.0000000',
      '2026-04-20T08:00:00.0000000',
    ]);
    const second = instances.value[1];
    expect(second).toMatchObject({ type: 'occurrence', seriesMasterId: series.id, recurrence: null });
    const exception = await json(await app.call('PATCH', `/me/events/${second.id}`, { body: { subject: 'Moved' } }));
    expect(exception).toMatchObject({ type: 'exception', subject: 'Moved', id: second.id });
    expect((await app.call('DELETE', `/me/events/${instances.value[2].id}`)).status).toBe(204);
    const after = await json(
      await app.call(
        'GET',
        `/me/events/${series.id}/instances?startDateTime=2026-04-01T00:00:00Z&endDateTime=2026-05-01T00:00:00Z`,
      ),
    );
    expect(after.value.map((i: Json) => i.type)).toEqual(['occurrence', 'exception']);
  });
});

describe('getSchedule (docs/reference/graph-calendar.md §1)', () => {
  const window = {
    startTime: { dateTime: '2026-03-26T08:00:00', timeZone: 'UTC' },
    endTime: { dateTime: '2026-03-26T18:00:00', timeZone: 'UTC' },
  };

  it('answers entries in request order, 5009 for an address that does not resolve, and still 200', async () => {
    const res = await app.call('POST', '/me/calendar/getSchedule', {
      body: {
        Schedules: [MEGAN.mail, 'nobody@fabrikam.example', ADELE.mail, NO_MAILBOX.userPrincipalName],
        StartTime: window.startTime,
        EndTime: window.endTime,
        availabilityViewInterval: 60,
      },
    });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.value.map((v: Json) => v.scheduleId)).toEqual([
      MEGAN.mail,
      'nobody@fabrikam.example',
      ADELE.mail,
      NO_MAILBOX.userPrincipalName,
    ]);
    expect(body.value[1].error).toEqual({
      message: 'Unable to resolve e-mail address nobody@fabrikam.example to an Active Directory object.',
      responseCode: '5009',
    });
    expect(body.value[0].availabilityView).toMatch(/^[0-4]{10}$/);
    expect(body.value[0].workingHours).toMatchObject({
      daysOfWeek: expect.any(Array),
      timeZone: { name: MEGAN.timeZone },
    });
    expect(body.value[3].error.responseCode).toBe('MailboxNotEnabledForRESTAPI');
  });

  it('hides subject and location of private items from others but shows them to the owner', async () => {
    await app.call('POST', '/me/events', {
      token: megan,
      body: {
        subject: 'Doctor',
        sensitivity: 'private',
        location: { displayName: 'Clinic' },
        ...slot('2026-03-26', '07:00', '08:00'),
      },
    });
    const request = {
      schedules: [MEGAN.mail],
      startTime: { dateTime: '2026-03-26T07:00:00', timeZone: 'UTC' },
      endTime: { dateTime: '2026-03-26T08:00:00', timeZone: 'UTC' },
    };
    const asAlex = await json(await app.call('POST', '/me/calendar/getSchedule', { body: request }));
    const hidden = asAlex.value[0].scheduleItems.find((i: Json) => i.status === 'busy' && !i.subject);
    expect(hidden).toBeDefined();
    expect(hidden).not.toHaveProperty('location');
    const asMegan = await json(await app.call('POST', '/me/calendar/getSchedule', { token: megan, body: request }));
    expect(
      asMegan.value[0].scheduleItems.some(
        (i: Json) => i.subject === 'Doctor' && i.isPrivate === true && i.location === 'Clinic',
      ),
    ).toBe(true);
  });

  it('refuses a window of 62 days or more, and more than 100 schedules', async () => {
    const long = await app.call('POST', '/me/calendar/getSchedule', {
      body: {
        schedules: [MEGAN.mail],
        startTime: { dateTime: '2026-03-01T00:00:00', timeZone: 'UTC' },
        endTime: { dateTime: '2026-05-02T00:00:00', timeZone: 'UTC' },
      },
    });
    expect(long.status).toBe(400);
    const many = await app.call('POST', '/me/calendar/getSchedule', {
      body: { schedules: Array.from({ length: 101 }, (_, i) => `p${i}@contoso.onmicrosoft.com`), ...window },
    });
    expect(many.status).toBe(400);
    expect((await json(many)).error.code).toBe('ErrorMailboxDataArrayTooBig');
  });

  it('works with an application token on /users/{id}', async () => {
    const res = await app.call('POST', `/users/${ALEX.id}/calendar/getSchedule`, {
      token: appToken,
      body: { schedules: [MEGAN.mail], ...window },
    });
    expect(res.status).toBe(200);
  });
});

describe('findMeetingTimes (docs/reference/graph-calendar.md §2)', () => {
  it('is delegated only: an application token gets 403', async () => {
    const res = await app.call('POST', `/users/${ALEX.id}/findMeetingTimes`, { token: appToken, body: {} });
    expect(res.status).toBe(403);
  });

  it('suggests slots ordered by confidence then time, with 49 for unknown attendees', async () => {
    const res = await app.call('POST', '/me/findMeetingTimes', {
      body: {
        attendees: [
          { type: 'required', emailAddress: { address: MEGAN.mail } },
          { type: 'required', emailAddress: { address: 'ext@fabrikam.example' } },
        ],
        timeConstraint: {
          activityDomain: 'unrestricted',
          timeSlots: [
            {
              start: { dateTime: '2026-03-30T00:00:00', timeZone: 'UTC' },
              end: { dateTime: '2026-03-31T00:00:00', timeZone: 'UTC' },
            },
          ],
        },
        meetingDuration: 'PT1H',
        returnSuggestionReasons: true,
        minimumAttendeePercentage: 70,
      },
    });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.emptySuggestionsReason).toBe('');
    const first = body.meetingTimeSuggestions[0];
    expect(first.confidence).toBe(74.5);
    expect(first.attendeeAvailability.map((a: Json) => a.availability)).toEqual(['free', 'unknown']);
    const confidences = body.meetingTimeSuggestions.map((s: Json) => s.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
  });
});

describe('calendarView delta (docs/reference/graph-calendar.md §5)', () => {
  it('pages the first round, then reports only changes and @removed, and 410 once tokens expire', async () => {
    const window = 'startDateTime=2026-04-13T00:00:00Z&endDateTime=2026-04-18T00:00:00Z';
    const pages: Json[] = [];
    let page = await json(
      await app.call('GET', `/me/calendarView/delta?${window}`, { headers: { Prefer: 'odata.maxpagesize=4' } }),
    );
    pages.push(page);
    while (page['@odata.nextLink']) {
      expect(page['@odata.nextLink']).toMatch(new RegExp(`^${app.url}/v1.0/me/calendarView/delta\\?\\$skiptoken=`));
      page = await json(
        await app.call('GET', page['@odata.nextLink'].slice(`${app.url}/v1.0`.length), {
          headers: { Prefer: 'odata.maxpagesize=4' },
        }),
      );
      pages.push(page);
    }
    expect(pages.length).toBeGreaterThan(1);
    const deltaLink: string = page['@odata.deltaLink'];
    expect(deltaLink).toMatch(/\$deltatoken=/);
    const quiet = await json(await app.call('GET', deltaLink.slice(`${app.url}/v1.0`.length)));
    expect(quiet.value).toEqual([]);
    const created = await json(
      await app.call('POST', '/me/events', { body: { subject: 'Delta new', ...slot('2026-04-14', '10:00', '10:30') } }),
    );
    const removed = (pages[0] as Json).value[0];
    await app.call('DELETE', `/me/events/${removed.id}`);
    const changes = await json(await app.call('GET', deltaLink.slice(`${app.url}/v1.0`.length)));
    expect(changes.value.map((v: Json) => v.id).sort()).toEqual([created.id, removed.id].sort());
    expect(changes.value.find((v: Json) => v.id === removed.id)).toEqual({
      '@odata.type': '#microsoft.graph.event',
      id: removed.id,
      '@removed': { reason: 'deleted' },
    });
    app.feature.expireDeltaTokens(ALEX.id);
    const expired = await app.call('GET', changes['@odata.deltaLink'].slice(`${app.url}/v1.0`.length));
    expect(expired.status).toBe(410);
    expect((await json(expired)).error.code).toBe('syncStateNotFound');
    expect(expired.headers.get('location')).toContain('/me/calendarView/delta?startDateTime=');
  });
});

describe('state', () => {
  it('round-trips snapshot/restore through JSON and reset returns to the seed', async () => {
    const created = await json(
      await app.call('POST', '/me/events', {
        body: { subject: 'Persist me', ...slot('2026-03-31', '10:00', '10:30') },
      }),
    );
    const saved = JSON.parse(JSON.stringify(app.feature.snapshot()));
    app.feature.reset();
    expect((await app.call('GET', `/me/events/${created.id}`)).status).toBe(404);
    app.feature.restore(saved);
    expect((await json(await app.call('GET', `/me/events/${created.id}`))).subject).toBe('Persist me');
    expect(() => app.feature.restore({ nope: true })).toThrow();
  });

  it('publishes a change for every affected mailbox', async () => {
    app.ctx.changes.length = 0;
    await app.call('POST', '/me/events', {
      body: {
        subject: 'Notify',
        ...slot('2026-03-31', '11:00', '11:30'),
        attendees: [{ emailAddress: { address: ADELE.mail } }],
      },
    });
    expect(app.ctx.changes.map((c) => [c.mailboxId, c.changeType])).toEqual([
      [ALEX.id, 'created'],
      [ADELE.id, 'created'],
    ]);
  });
});
