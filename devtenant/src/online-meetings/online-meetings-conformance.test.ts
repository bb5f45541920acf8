import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GraphError } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createControllableClock } from '../core/clock.ts';
import {
  ADELE,
  ALEX,
  CONFER_APP,
  CONFER_CLIENT_ID,
  MEGAN,
  startTestTenant,
  type TestTenant,
} from '../core/test-support.ts';
import { DEFAULT_ADMIN_CONSENT } from '../index.ts';
import { meetingIdOf } from './join-url.ts';
import {
  type OnlineMeetingsControl,
  OnlineMeetingsControlError,
  onlineMeetingsControl,
} from './test-support/online-meetings-control.ts';

/**
 * Teams online meetings and attendance reports as Microsoft Graph v1.0 serves them (docs/online-meetings.md), through
 * msal-node tokens, the Graph JS client and raw HTTPS. The tenant clock is pinned: nothing here waits real time.
 */
// biome-ignore lint/suspicious/noExplicitAny: Graph JSON is read field by field in assertions
type Json = Record<string, any>;

const MINUTE = 60_000;
const START = new Date(Math.floor(Date.now() / MINUTE) * MINUTE);
const MEGAN_MAIL = 'meganb@contoso.onmicrosoft.com';

let tenant: TestTenant;
let meetings: OnlineMeetingsControl;

beforeAll(async () => {
  tenant = await startTestTenant({ clock: createControllableClock(START, () => START.getTime()) });
  meetings = onlineMeetingsControl(tenant.origin, (url, init) => tenant.fetch(url, init));
});
afterAll(async () => {
  await tenant?.close();
});

const now = () => tenant.clock.now().getTime();
const advance = (ms: number) => tenant.clock.advance(ms);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19);

async function raw(t: TestTenant, path: string, token: string, init: { method?: string; body?: unknown } = {}) {
  const response = await t.fetch(`/v1.0${path}`, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${token}`,
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as Json };
}

/** Alex's Teams meeting with Megan, created the way Confer creates them (an Outlook event with isOnlineMeeting). */
async function teamsEvent(
  t: TestTenant,
  options: { subject?: string; startMs?: number; minutes?: number; recurrence?: Json; attendees?: string[] } = {},
) {
  const startMs = options.startMs ?? now() + 60 * MINUTE;
  const created = await raw(t, `/users/${ALEX}/events`, await t.appToken(), {
    method: 'POST',
    body: {
      subject: options.subject ?? 'Mentoring: Alex and Megan',
      start: { dateTime: iso(startMs), timeZone: 'UTC' },
      end: { dateTime: iso(startMs + (options.minutes ?? 30) * MINUTE), timeZone: 'UTC' },
      attendees: (options.attendees ?? [MEGAN_MAIL]).map((address) => ({
        type: 'required',
        emailAddress: { address },
      })),
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      ...(options.recurrence ? { recurrence: options.recurrence } : {}),
    },
  });
  expect(created.status).toBe(201);
  return { eventId: created.body.id as string, joinUrl: created.body.onlineMeeting.joinUrl as string };
}

const byUrl = (joinUrl: string) => `$filter=JoinWebUrl eq '${encodeURIComponent(joinUrl)}'`;

async function meetingId(joinUrl: string): Promise<string> {
  const found = await raw(tenant, `/me/onlineMeetings?${byUrl(joinUrl)}`, await tenant.userToken(ALEX));
  expect(found.status).toBe(200);
  return found.body.value[0].id;
}

async function reports(id: string, user = 'me', token?: string) {
  return raw(
    tenant,
    `/${user === 'me' ? 'me' : `users/${user}`}/onlineMeetings/${id}/attendanceReports`,
    token ?? (await tenant.userToken(ALEX)),
  );
}

describe('onlineMeetings lookup', () => {
  it('finds the meeting behind an event join URL with /me (Graph JS client) and /users/{id} (app token, URL-encoded as documented)', async () => {
    const { joinUrl } = await teamsEvent(tenant, { subject: 'Quarterly check-in' });
    const client = tenant.graph(() => tenant.userToken(ALEX));
    const mine = await client.api('/me/onlineMeetings').filter(`JoinWebUrl eq '${joinUrl}'`).get();
    expect(mine.value).toHaveLength(1);
    const meeting = mine.value[0];
    expect(meeting).toMatchObject({
      joinWebUrl: joinUrl,
      subject: 'Quarterly check-in',
      participants: {
        organizer: {
          upn: 'alexw@contoso.onmicrosoft.com',
          role: 'presenter',
          identity: { user: { id: ALEX, displayName: 'Alex Wilber', tenantId: tenant.tenantId } },
        },
        attendees: [{ upn: MEGAN_MAIL, identity: { user: { id: MEGAN } } }],
      },
      joinMeetingIdSettings: { isPasscodeRequired: false, joinMeetingId: expect.stringMatching(/^\d{12}$/) },
    });
    expect(Buffer.from(meeting.id, 'base64').toString()).toMatch(new RegExp(`^1\\*${ALEX}\\*0\\*\\*19:meeting_`));
    for (const field of ['creationDateTime', 'startDateTime', 'endDateTime']) {
      expect(Number.isNaN(Date.parse(meeting[field]))).toBe(false);
    }

    const appToken = await tenant.appToken();
    const viaApp = await raw(tenant, `/users/${ALEX}/onlineMeetings?${byUrl(joinUrl)}`, appToken);
    expect(viaApp.status).toBe(200);
    expect(viaApp.body.value.map((m: Json) => m.id)).toEqual([meeting.id]);
    const byId = await raw(tenant, `/users/${ALEX}/onlineMeetings/${meeting.id}`, appToken);
    expect(byId).toMatchObject({ status: 200, body: { id: meeting.id, joinWebUrl: joinUrl } });
    const byJoinId = await raw(
      tenant,
      `/me/onlineMeetings?$filter=joinMeetingIdSettings/joinMeetingId eq '${meeting.joinMeetingIdSettings.joinMeetingId}'`,
      await tenant.userToken(ALEX),
    );
    expect(byJoinId.body.value.map((m: Json) => m.id)).toEqual([meeting.id]);
  });

  it('a join URL that matches no meeting gives an empty value', async () => {
    const { joinUrl } = await teamsEvent(tenant);
    const unknown = joinUrl.replace('meeting_', 'meeting_X');
    const found = await raw(tenant, `/me/onlineMeetings?${byUrl(unknown)}`, await tenant.userToken(ALEX));
    expect(found).toMatchObject({ status: 200, body: { value: [] } });
  });

  it('the list form needs a JoinWebUrl or joinMeetingId filter: anything else is 400 InvalidArgument', async () => {
    const token = await tenant.userToken(ALEX);
    for (const query of ['', "?$filter=subject eq 'Mentoring'", '?$filter=startDateTime ge 2026-01-01', '?$top=5']) {
      const refused = await raw(tenant, `/me/onlineMeetings${query}`, token);
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({
        code: 'InvalidArgument',
        message: expect.stringContaining('$filter'),
      });
    }
  });

  it('unknown meeting ids are 404, ids that are not meeting ids are 400, /me with an app token is 400', async () => {
    const token = await tenant.userToken(ALEX);
    const unknown = meetingIdOf(ALEX, '19:meeting_doesnotexist@thread.v2');
    expect((await raw(tenant, `/me/onlineMeetings/${unknown}`, token)).body.error.code).toBe('NotFound');
    expect((await raw(tenant, `/me/onlineMeetings/${unknown}/attendanceReports`, token)).status).toBe(404);
    const corrupt = await raw(tenant, '/me/onlineMeetings/not-a-meeting-id', token);
    expect(corrupt).toMatchObject({ status: 400, body: { error: { message: 'Meeting Id is corrupted.' } } });
    const id = await meetingId((await teamsEvent(tenant)).joinUrl);
    const noReport = await raw(tenant, `/me/onlineMeetings/${id}/attendanceReports/${crypto.randomUUID()}`, token);
    expect(noReport).toMatchObject({ status: 404, body: { error: { code: 'NotFound' } } });
    expect((await raw(tenant, `/me/onlineMeetings/${id}`, await tenant.appToken())).status).toBe(400);
  });
});

describe('attendance reports', () => {
  it('appear only after the session ends and the report delay has passed on the tenant clock', async () => {
    const { joinUrl } = await teamsEvent(tenant);
    const id = await meetingId(joinUrl);
    const started = now();
    await meetings.join(joinUrl, { userId: ALEX });
    await meetings.join(joinUrl, { email: MEGAN_MAIL });
    advance(30 * MINUTE);
    expect((await meetings.leave(joinUrl, { userId: MEGAN })).sessionEnded).toBe(false);
    advance(15 * MINUTE);
    const ended = await meetings.leave(joinUrl, { userId: ALEX });
    expect(ended).toMatchObject({
      sessionEnded: true,
      report: { availableAt: new Date(now() + 5 * MINUTE).toISOString() },
    });
    expect((await reports(id)).body.value).toEqual([]);
    advance(5 * MINUTE - 1000);
    expect((await reports(id)).body.value).toEqual([]);
    advance(1000);
    const listed = (await reports(id)).body.value;
    expect(listed).toEqual([
      {
        id: ended.report?.id,
        totalParticipantCount: 2,
        meetingStartDateTime: new Date(started).toISOString(),
        meetingEndDateTime: new Date(started + 45 * MINUTE).toISOString(),
      },
    ]);

    const client = tenant.graph(() => tenant.userToken(ALEX));
    const report = await client
      .api(`/me/onlineMeetings/${id}/attendanceReports/${ended.report?.id}`)
      .expand('attendanceRecords')
      .get();
    expect(report.attendanceRecords).toEqual([
      {
        id: expect.any(String),
        emailAddress: 'alexw@contoso.onmicrosoft.com',
        totalAttendanceInSeconds: 45 * 60,
        role: 'Organizer',
        identity: { id: ALEX, displayName: 'Alex Wilber', tenantId: tenant.tenantId },
        attendanceIntervals: [
          {
            joinDateTime: new Date(started).toISOString(),
            leaveDateTime: new Date(started + 45 * MINUTE).toISOString(),
            durationInSeconds: 45 * 60,
          },
        ],
      },
      expect.objectContaining({
        emailAddress: MEGAN_MAIL,
        totalAttendanceInSeconds: 30 * 60,
        role: 'Presenter',
        identity: { id: MEGAN, displayName: 'Megan Bowen', tenantId: tenant.tenantId },
      }),
    ]);
    const records = await raw(
      tenant,
      `/users/${ALEX}/onlineMeetings/${id}/attendanceReports/${ended.report?.id}/attendanceRecords`,
      await tenant.appToken(),
    );
    expect(records.body.value).toEqual(report.attendanceRecords);
    const withoutExpand = await client.api(`/me/onlineMeetings/${id}/attendanceReports/${ended.report?.id}`).get();
    expect(withoutExpand.attendanceRecords).toBeUndefined();
  });

  it('a meeting nobody joined gets no report, and noReport keeps a held session from getting one', async () => {
    const empty = await teamsEvent(tenant);
    expect(await meetings.end(empty.joinUrl)).toMatchObject({ sessionEnded: false, report: null });
    advance(10 * MINUTE);
    expect((await reports(await meetingId(empty.joinUrl))).body.value).toEqual([]);

    const quiet = await teamsEvent(tenant);
    expect((await meetings.settings(quiet.joinUrl, { noReport: true })).settings).toEqual({
      reportDelaySeconds: 300,
      noReport: true,
    });
    await meetings.join(quiet.joinUrl, { userId: ALEX });
    advance(20 * MINUTE);
    expect(await meetings.leave(quiet.joinUrl, { userId: ALEX })).toMatchObject({ sessionEnded: true, report: null });
    advance(60 * MINUTE);
    expect((await reports(await meetingId(quiet.joinUrl))).body.value).toEqual([]);
    expect((await meetings.state(quiet.joinUrl)).reports).toEqual([]);
  });

  it('several joins give several intervals; a guest is known by address only; end closes everyone out', async () => {
    const { joinUrl } = await teamsEvent(tenant, { attendees: [MEGAN_MAIL, 'sam@fabrikam.example'] });
    await meetings.settings(joinUrl, { reportDelaySeconds: 60 });
    const t0 = now();
    await meetings.join(joinUrl, { userId: ALEX });
    await meetings.join(joinUrl, { email: 'Sam@Fabrikam.example', displayName: 'Sam (Fabrikam)' });
    await meetings.join(joinUrl, { userId: MEGAN }, new Date(t0 + 5 * MINUTE));
    await meetings.leave(joinUrl, { email: MEGAN_MAIL }, new Date(t0 + 10 * MINUTE));
    await meetings.join(joinUrl, { userId: MEGAN }, new Date(t0 + 12 * MINUTE));
    const ended = await meetings.end(joinUrl, new Date(t0 + 20 * MINUTE));
    expect(ended.sessionEnded).toBe(true);
    advance(21 * MINUTE);
    const id = await meetingId(joinUrl);
    const report = await raw(
      tenant,
      `/me/onlineMeetings/${id}/attendanceReports/${ended.report?.id}?$expand=attendanceRecords`,
      await tenant.userToken(ALEX),
    );
    expect(report.body.totalParticipantCount).toBe(3);
    const [alex, sam, megan] = report.body.attendanceRecords as [Json, Json, Json];
    expect(alex).toMatchObject({ role: 'Organizer', totalAttendanceInSeconds: 20 * 60 });
    expect(sam).toMatchObject({
      emailAddress: 'Sam@Fabrikam.example',
      role: 'Attendee',
      identity: { id: null, displayName: 'Sam (Fabrikam)', tenantId: null },
      totalAttendanceInSeconds: 20 * 60,
    });
    expect(megan.attendanceIntervals).toEqual([
      {
        joinDateTime: new Date(t0 + 5 * MINUTE).toISOString(),
        leaveDateTime: new Date(t0 + 10 * MINUTE).toISOString(),
        durationInSeconds: 300,
      },
      {
        joinDateTime: new Date(t0 + 12 * MINUTE).toISOString(),
        leaveDateTime: new Date(t0 + 20 * MINUTE).toISOString(),
        durationInSeconds: 480,
      },
    ]);
    expect(megan.totalAttendanceInSeconds).toBe(780);
    const unknownExpand = await raw(
      tenant,
      `/me/onlineMeetings/${id}/attendanceReports/${ended.report?.id}?$expand=participants`,
      await tenant.userToken(ALEX),
    );
    expect(unknownExpand.status).toBe(400);
  });

  it('a recurring series is one online meeting; each session gets its own report, newest first', async () => {
    const firstMs = now() + 24 * 60 * MINUTE;
    const day = new Date(firstMs).toISOString().slice(0, 10);
    const { eventId, joinUrl } = await teamsEvent(tenant, {
      subject: 'Weekly 1:1',
      startMs: firstMs,
      recurrence: {
        pattern: { type: 'daily', interval: 1 },
        range: { type: 'numbered', startDate: day, numberOfOccurrences: 5 },
      },
    });
    const occurrences = await raw(
      tenant,
      `/users/${ALEX}/events/${eventId}/instances?startDateTime=${iso(firstMs - MINUTE)}&endDateTime=${iso(firstMs + 5 * 1440 * MINUTE)}`,
      await tenant.appToken(),
    );
    expect(occurrences.body.value.length).toBe(5);
    expect(new Set(occurrences.body.value.map((o: Json) => o.onlineMeeting.joinUrl))).toEqual(new Set([joinUrl]));

    const held: { id: string | undefined; startMs: number }[] = [];
    for (const dayOffset of [1, 2]) {
      tenant.clock.set(new Date(firstMs + (dayOffset - 1) * 1440 * MINUTE));
      const startMs = now();
      await meetings.join(joinUrl, { userId: ALEX });
      await meetings.join(joinUrl, { userId: MEGAN });
      advance(25 * MINUTE);
      await meetings.leave(joinUrl, { userId: MEGAN });
      const ended = await meetings.leave(joinUrl, { userId: ALEX });
      held.push({ id: ended.report?.id, startMs });
    }
    advance(10 * MINUTE);
    const id = await meetingId(joinUrl);
    const listed = (await reports(id)).body.value as Json[];
    expect(listed.map((r) => r.id)).toEqual([held[1]?.id, held[0]?.id]);
    expect(listed.map((r) => r.meetingStartDateTime)).toEqual([
      new Date(held[1]?.startMs ?? 0).toISOString(),
      new Date(held[0]?.startMs ?? 0).toISOString(),
    ]);
  });

  it('deleting the event keeps the meeting readable by id and its reports', async () => {
    const { eventId, joinUrl } = await teamsEvent(tenant);
    const id = await meetingId(joinUrl);
    await meetings.join(joinUrl, { userId: ALEX });
    advance(MINUTE);
    const ended = await meetings.leave(joinUrl, { userId: ALEX });
    expect(
      (await raw(tenant, `/users/${ALEX}/events/${eventId}`, await tenant.appToken(), { method: 'DELETE' })).status,
    ).toBe(204);
    advance(6 * MINUTE);
    const token = await tenant.userToken(ALEX);
    expect((await raw(tenant, `/me/onlineMeetings/${id}`, token)).body.joinWebUrl).toBe(joinUrl);
    expect((await reports(id, 'me', token)).body.value.map((r: Json) => r.id)).toEqual([ended.report?.id]);
  });
});

describe('permissions', () => {
  it('a token without OnlineMeetings or OnlineMeetingArtifact permissions is refused with 403', async () => {
    const { joinUrl } = await teamsEvent(tenant);
    const id = await meetingId(joinUrl);
    const grant = (delegated: string[], roles: string[]) =>
      tenant.control('/consent/admin', { clientId: CONFER_CLIENT_ID, granted: true, delegated, roles });
    try {
      await tenant.control('/consent/admin', { clientId: CONFER_CLIENT_ID, granted: false });
      await grant(
        DEFAULT_ADMIN_CONSENT.delegated.filter((s) => !s.startsWith('OnlineMeeting')),
        DEFAULT_ADMIN_CONSENT.roles.filter((s) => s !== 'OnlineMeetingArtifact.Read.All'),
      );
      const user = await tenant.userToken(ALEX);
      expect((await raw(tenant, `/me/onlineMeetings?${byUrl(joinUrl)}`, user)).status).toBe(403);
      expect((await raw(tenant, `/me/onlineMeetings/${id}/attendanceReports`, user)).status).toBe(403);
      const app = await tenant.appToken();
      expect((await raw(tenant, `/users/${ALEX}/onlineMeetings/${id}`, app)).status).toBe(200);
      expect((await raw(tenant, `/users/${ALEX}/onlineMeetings/${id}/attendanceReports`, app)).status).toBe(403);
    } finally {
      await tenant.control('/consent/admin', { clientId: CONFER_CLIENT_ID, granted: false });
      await grant(DEFAULT_ADMIN_CONSENT.delegated, DEFAULT_ADMIN_CONSENT.roles);
    }
  });

  it('a delegated caller reads only their own meetings (an invitee may get the meeting, never its reports)', async () => {
    const { joinUrl } = await teamsEvent(tenant);
    const id = await meetingId(joinUrl);
    const megan = await tenant.userToken(MEGAN);
    expect((await raw(tenant, `/users/${ALEX}/onlineMeetings?${byUrl(joinUrl)}`, megan)).body.error.code).toBe(
      'Forbidden',
    );
    expect((await raw(tenant, `/me/onlineMeetings?${byUrl(joinUrl)}`, megan)).status).toBe(403);
    expect((await raw(tenant, `/me/onlineMeetings/${id}`, megan)).body.joinWebUrl).toBe(joinUrl);
    expect((await raw(tenant, `/me/onlineMeetings/${id}/attendanceReports`, megan)).status).toBe(403);
    const adele = await tenant.userToken(ADELE);
    expect((await raw(tenant, `/me/onlineMeetings/${id}`, adele)).status).toBe(403);
  });

  it('an app needs the Teams application access policy for the user in the path', async () => {
    const { joinUrl } = await teamsEvent(tenant);
    const id = await meetingId(joinUrl);
    const app = await tenant.appToken();
    try {
      expect(await meetings.removeAccessPolicy()).toEqual({ global: false, userIds: [], appIds: null });
      const refused = await raw(tenant, `/users/${ALEX}/onlineMeetings?${byUrl(joinUrl)}`, app);
      expect(refused).toMatchObject({
        status: 403,
        body: { error: { code: 'Forbidden', message: 'No application access policy found for this app.' } },
      });
      expect((await raw(tenant, `/users/${ALEX}/onlineMeetings/${id}/attendanceReports`, app)).status).toBe(403);
      // Delegated calls never depend on the policy.
      expect((await raw(tenant, `/me/onlineMeetings/${id}`, await tenant.userToken(ALEX))).status).toBe(200);

      await meetings.setAccessPolicy({ users: ['alexw@contoso.onmicrosoft.com'] });
      expect((await raw(tenant, `/users/${ALEX}/onlineMeetings/${id}`, app)).status).toBe(200);
      expect((await raw(tenant, `/users/${MEGAN}/onlineMeetings?${byUrl(joinUrl)}`, app)).status).toBe(403);
      const unknownApp = meetings.setAccessPolicy({ global: true, appIds: ['11111111-2222-4333-8444-555555555555'] });
      await expect(unknownApp).rejects.toBeInstanceOf(OnlineMeetingsControlError);
      await expect(unknownApp).rejects.toMatchObject({ status: 404, code: 'unknown_app' });
      await meetings.setAccessPolicy({ global: true, appIds: [CONFER_CLIENT_ID] });
      expect((await raw(tenant, `/users/${MEGAN}/onlineMeetings?${byUrl(joinUrl)}`, app)).status).toBe(403);
      expect((await raw(tenant, `/users/${ALEX}/onlineMeetings/${id}`, app)).status).toBe(200);
    } finally {
      await meetings.setAccessPolicy({ global: true });
    }
    expect((await raw(tenant, `/users/${ALEX}/onlineMeetings/${id}`, app)).status).toBe(200);
  });
});

describe('control API and the rest of devtenant', () => {
  it('bad control input is 400 naming the field; unknown meetings 404; impossible moves 409 or 400', async () => {
    const { joinUrl } = await teamsEvent(tenant);
    const post = (path: string, body: unknown) => tenant.control(`/online-meetings/${path}`, body);
    const bad = [
      await post('join', { userId: ALEX }),
      await post('join', { joinWebUrl: joinUrl }),
      await post('join', { joinWebUrl: joinUrl, userId: ALEX, email: MEGAN_MAIL }),
      await post('join', { joinWebUrl: joinUrl, userId: ALEX, at: 'yesterday' }),
      await post('join', { joinWebUrl: joinUrl, email: 'not-an-address' }),
      await post('join', { joinWebUrl: joinUrl, userId: MEGAN, role: 'Organizer' }),
      await post('leave', { joinWebUrl: joinUrl, userId: ALEX, extra: true }),
      await post('end', { joinWebUrl: 42 }),
    ];
    for (const answer of bad) {
      expect(answer).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } });
    }
    await expect(meetings.settings(joinUrl, { reportDelaySeconds: -1 })).rejects.toMatchObject({ status: 400 });
    await expect(meetings.settings(joinUrl, {})).rejects.toMatchObject({ status: 400, code: 'invalid_request' });
    await expect(meetings.join(joinUrl, { userId: ALEX, role: 'Presenter' })).rejects.toMatchObject({ status: 400 });
    await expect(meetings.join(`${joinUrl}x`, { userId: ALEX })).rejects.toMatchObject({
      status: 404,
      code: 'unknown_meeting',
    });
    await expect(meetings.join(joinUrl, { userId: 'nobody@contoso.onmicrosoft.com' })).rejects.toMatchObject({
      status: 404,
      code: 'unknown_user',
    });
    await expect(meetings.leave(joinUrl, { userId: ALEX })).rejects.toMatchObject({
      status: 409,
      code: 'not_in_meeting',
    });
    await meetings.join(joinUrl, { userId: ALEX });
    await expect(meetings.join(joinUrl, { userId: ALEX })).rejects.toMatchObject({
      status: 409,
      code: 'already_in_meeting',
    });
    await expect(meetings.leave(joinUrl, { userId: ALEX }, new Date(now() - MINUTE))).rejects.toMatchObject({
      status: 400,
      code: 'out_of_order',
    });
    const state = await meetings.state(joinUrl);
    expect(state.session?.participants).toEqual([
      expect.objectContaining({ userId: ALEX, role: 'Organizer', inMeeting: true }),
    ]);
    expect((await tenant.fetch('/_devtenant/online-meetings/state')).status).toBe(400);
    await meetings.end(joinUrl);
  });

  it('injected Graph faults apply to online meetings like any Graph path', async () => {
    const { joinUrl } = await teamsEvent(tenant);
    try {
      await tenant.control('/faults', { errorRates: { '503': 1 }, pathPrefixes: ['/me/onlineMeetings'] });
      const failed = await raw(tenant, `/me/onlineMeetings?${byUrl(joinUrl)}`, await tenant.userToken(ALEX));
      expect(failed).toMatchObject({ status: 503, body: { error: { code: 'serviceNotAvailable' } } });
    } finally {
      await tenant.control('/faults', {});
    }
  });

  it('reset forgets sessions and reports and grants the access policy globally again', async () => {
    const { joinUrl } = await teamsEvent(tenant);
    await meetings.join(joinUrl, { userId: ALEX });
    await meetings.setAccessPolicy({ users: [ALEX] });
    const client = tenant.graph(() => tenant.appToken());
    const outsidePolicy = client.api(`/users/${MEGAN}/onlineMeetings`).filter(`JoinWebUrl eq '${joinUrl}'`).get();
    await expect(outsidePolicy).rejects.toMatchObject({ statusCode: 403 } satisfies Partial<GraphError>);
    expect((await tenant.control('/reset', {})).status).toBe(200);
    expect(await meetings.accessPolicy()).toEqual({ global: true, userIds: [], appIds: null });
    // The calendar is back to its seed too, so the meeting is gone with its event.
    await expect(meetings.state(joinUrl)).rejects.toMatchObject({ status: 404 });
  });
});

describe('persistence', () => {
  it('sessions, settings, reports and the access policy survive a restart through state.json', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'devtenant-meetings-'));
    const clock = createControllableClock(START, () => START.getTime());
    const apps = [{ ...CONFER_APP }];
    try {
      const first = await startTestTenant({ clock, dataDir, persist: true, apps });
      const control = onlineMeetingsControl(first.origin, (url, init) => first.fetch(url, init));
      let joinUrl: string;
      let reportId: string | undefined;
      try {
        ({ joinUrl } = await teamsEvent(first));
        await control.settings(joinUrl, { reportDelaySeconds: 120 });
        await control.join(joinUrl, { userId: ALEX });
        clock.advance(10 * MINUTE);
        reportId = (await control.leave(joinUrl, { userId: ALEX })).report?.id;
        await control.join(joinUrl, { email: 'guest@fabrikam.example' });
        await control.setAccessPolicy({ users: [ALEX] });
      } finally {
        await first.close();
      }
      const second = await startTestTenant({ clock, dataDir, persist: true, apps });
      try {
        const again = onlineMeetingsControl(second.origin, (url, init) => second.fetch(url, init));
        const state = await again.state(joinUrl);
        expect(state.settings.reportDelaySeconds).toBe(120);
        expect(state.session?.participants.map((p) => p.email)).toEqual(['guest@fabrikam.example']);
        expect(state.reports.map((r) => r.id)).toEqual([reportId]);
        expect(await again.accessPolicy()).toEqual({ global: false, userIds: [ALEX], appIds: null });
        clock.advance(2 * MINUTE);
        const token = await second.appToken();
        const found = await raw(second, `/users/${ALEX}/onlineMeetings?${byUrl(joinUrl)}`, token);
        const listed = await raw(
          second,
          `/users/${ALEX}/onlineMeetings/${found.body.value[0].id}/attendanceReports`,
          token,
        );
        expect(listed.body.value.map((r: Json) => r.id)).toEqual([reportId]);
      } finally {
        await second.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
