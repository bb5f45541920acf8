import { type GraphError, PageIterator } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALEX, CONFER_APP, MEGAN, startTestTenant, type TestTenant } from '../core/test-support.ts';
import { DEFAULT_ADMIN_CONSENT } from '../index.ts';

/**
 * Conformance of the calendar through Microsoft's own clients (docs/reference/graph-calendar.md §10): msal-node tokens,
 * the Graph JS client with its PageIterator and RetryHandler, and raw HTTPS where the client hides the wire.
 */
let tenant: TestTenant;
let alexToken: string;
let appToken: string;
// biome-ignore lint/suspicious/noExplicitAny: Graph JSON is read field by field in assertions
type Json = Record<string, any>;

beforeAll(async () => {
  // Calendars.Read.Shared on top of Confer's consent so findMeetingTimes (delegated,
  // docs/reference/graph-calendar.md §2) can be exercised.
  const consent = {
    ...DEFAULT_ADMIN_CONSENT,
    delegated: [...DEFAULT_ADMIN_CONSENT.delegated, 'Calendars.Read.Shared'],
  };
  tenant = await startTestTenant({ apps: [{ ...CONFER_APP, adminConsent: consent }] });
  alexToken = await tenant.userToken(ALEX);
  appToken = await tenant.appToken();
});
afterAll(async () => {
  await tenant?.close();
});

const now = () => tenant.clock.now();
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19);

async function rawJson(path: string, init: Parameters<TestTenant['fetch']>[1] = {}, token = alexToken) {
  const response = await tenant.fetch(path, {
    ...init,
    headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) },
  });
  const text = await response.text();
  return { response, body: (text ? JSON.parse(text) : undefined) as Json };
}

describe('calendar through the Graph JS client and msal-node', () => {
  it("/me/calendarView reads the signed-in user's next 7 days across pages (PageIterator, https nextLinks) (docs/reference/graph-calendar.md §3)", async () => {
    const client = tenant.graph(async () => alexToken);
    const start = now().getTime();
    const options = { headers: { Prefer: 'outlook.timezone="Eastern Standard Time", odata.maxpagesize=5' } };
    const first = await client
      .api('/me/calendarView')
      .query({ startDateTime: iso(start), endDateTime: iso(start + 7 * 86_400_000) })
      .headers(options.headers)
      .get();
    expect(first['@odata.nextLink']).toMatch(/^https:\/\/localhost:\d+\/v1\.0\/me\/calendarView\?/);
    const items: Json[] = [];
    await new PageIterator(
      client,
      first,
      (event: Json) => {
        items.push(event);
        return true;
      },
      options,
    ).iterate();
    expect(items.length).toBeGreaterThan(10);
    expect(new Set(items.map((e) => e.id)).size).toBe(items.length);
    expect(items.some((e) => e.type === 'occurrence')).toBe(true);
    expect(items.every((e) => e.start.timeZone === 'Eastern Standard Time' && e.type !== 'seriesMaster')).toBe(true);
  });

  it('creates with transactionId (201) and a retry of the same id is 400 ErrorDuplicateTransactionId (docs/reference/graph-calendar.md §3)', async () => {
    const client = tenant.graph(async () => appToken);
    const start = now().getTime() + 3 * 86_400_000;
    const body = {
      subject: 'Mentoring: Alex and Megan',
      start: { dateTime: iso(start), timeZone: 'UTC' },
      end: { dateTime: iso(start + 1_800_000), timeZone: 'UTC' },
      attendees: [
        { type: 'required', emailAddress: { address: 'meganb@contoso.onmicrosoft.com', name: 'Megan Bowen' } },
      ],
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      transactionId: `conformance-${start}`,
    };
    const created = await client.api(`/users/${ALEX}/events`).post(body);
    expect(created.onlineMeeting.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    const duplicate = await client
      .api(`/users/${ALEX}/events`)
      .post(body)
      .catch((e: GraphError) => e);
    expect(duplicate).toMatchObject({ statusCode: 400, code: 'ErrorDuplicateTransactionId' });

    const copies = await client.api(`/users/${MEGAN}/events`).filter(`iCalUId eq '${created.iCalUId}'`).get();
    expect(copies.value).toHaveLength(1);
    expect(copies.value[0]).toMatchObject({ isOrganizer: false, responseStatus: { response: 'notResponded' } });
    await client
      .api(`/users/${MEGAN}/events/${copies.value[0].id}/accept`)
      .post({ comment: 'Yes', sendResponse: true });
    const organizer = await client.api(`/users/${ALEX}/events/${created.id}`).get();
    expect(organizer.attendees[0].status.response).toBe('accepted');
  });

  it('getSchedule answers in request order with a per-entry 5009 and HTTP 200 for an app token (docs/reference/graph-calendar.md §1)', async () => {
    const client = tenant.graph(async () => appToken);
    const start = now().getTime();
    const result = await client.api(`/users/${ALEX}/calendar/getSchedule`).post({
      schedules: ['adelev@contoso.onmicrosoft.com', 'stranger@fabrikam.example', 'meganb@contoso.onmicrosoft.com'],
      startTime: { dateTime: iso(start), timeZone: 'UTC' },
      endTime: { dateTime: iso(start + 14 * 86_400_000), timeZone: 'UTC' },
      availabilityViewInterval: 60,
    });
    expect(result.value.map((v: Json) => v.scheduleId)).toEqual([
      'adelev@contoso.onmicrosoft.com',
      'stranger@fabrikam.example',
      'meganb@contoso.onmicrosoft.com',
    ]);
    expect(result.value[1].error.responseCode).toBe('5009');
    expect(result.value[0].availabilityView).toHaveLength(14 * 24);
    expect(result.value[0].availabilityView).toMatch(/[1-4]/);
    expect(result.value[0].workingHours.timeZone.name).toBe('GMT Standard Time');
  });

  it('findMeetingTimes works delegated and answers 403 to an application token (docs/reference/graph-calendar.md §2)', async () => {
    const delegated = tenant.graph(async () => alexToken);
    const suggestions = await delegated.api('/me/findMeetingTimes').post({
      attendees: [{ type: 'required', emailAddress: { address: 'meganb@contoso.onmicrosoft.com' } }],
      meetingDuration: 'PT30M',
      maxCandidates: 3,
    });
    expect(suggestions.meetingTimeSuggestions.length).toBeGreaterThan(0);
    expect(suggestions.meetingTimeSuggestions.length).toBeLessThanOrEqual(3);
    const refused = await tenant
      .graph(async () => appToken)
      .api(`/users/${ALEX}/findMeetingTimes`)
      .post({})
      .catch((e: GraphError) => e);
    expect(refused).toMatchObject({ statusCode: 403 });
  });

  it('delta: PageIterator captures the deltaLink; the control API expiry makes it 410 syncStateNotFound (docs/reference/graph-calendar.md §5)', async () => {
    const client = tenant.graph(async () => alexToken);
    const start = now().getTime();
    const options = { headers: { Prefer: 'odata.maxpagesize=10' } };
    const first = await client
      .api('/me/calendarView/delta')
      .query({ startDateTime: iso(start), endDateTime: iso(start + 7 * 86_400_000) })
      .headers(options.headers)
      .get();
    let count = 0;
    const iterator = new PageIterator(
      client,
      first,
      () => {
        count += 1;
        return true;
      },
      options,
    );
    await iterator.iterate();
    const deltaLink = iterator.getDeltaLink() as string;
    expect(deltaLink).toMatch(/^https:\/\/localhost:\d+\/v1\.0\/me\/calendarView\/delta\?\$deltatoken=/);
    expect(count).toBeGreaterThan(10);
    const later = await client.api(deltaLink).get();
    expect(later.value).toEqual([]);
    expect((await tenant.control('/delta-tokens/expire', {})).status).toBe(200);
    const { response, body } = await rawJson(new URL(deltaLink).pathname + new URL(deltaLink).search);
    expect(response.status).toBe(410);
    expect(body.error.code).toBe('syncStateNotFound');
    expect(body.error.innerError['request-id']).toEqual(expect.any(String));
  });

  it('raw HTTP: 400 without calendarView window, Preference-Applied echoed, 404 ErrorItemNotFound for a bad id (docs/reference/graph-calendar.md §3)', async () => {
    const missing = await rawJson('/v1.0/me/calendarView');
    expect(missing.response.status).toBe(400);
    const start = now().getTime();
    const zoned = await rawJson(
      `/v1.0/me/calendarView?startDateTime=${iso(start)}&endDateTime=${iso(start + 86_400_000)}&$top=1`,
      {
        headers: { Prefer: 'outlook.timezone="Europe/London"' },
      },
    );
    expect(zoned.response.headers.get('preference-applied')).toBe('outlook.timezone="Europe/London"');
    const notFound = await rawJson('/v1.0/me/events/AAMkADnotthere');
    expect(notFound.response.status).toBe(404);
    expect(notFound.body.error.code).toBe('ErrorItemNotFound');
  });
});
