import { viewerTimeZoneSchema, weekResponseSchema } from '@confer/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../support/api-client.ts';
import { CLIENT_ID, PEOPLE, type Stack, startStack } from '../support/stack.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ tabDir: null });
});
afterAll(() => stack?.stop());

async function week(userId: string) {
  const token = await stack.tabTokenFor(userId);
  return fetch(`${stack.appUrl}/api/me/week`, { headers: { authorization: `Bearer ${token}` } });
}

/** What devtenant's Graph itself says is on the calendar, read with the same user's token chain bypassed. */
async function graphCalendarView(userId: string, start: string, end: string) {
  const token = await stack.appGraphToken();
  const url = new URL(`${stack.devtenant.origin}/v1.0/users/${userId}/calendarView`);
  url.searchParams.set('startDateTime', start);
  url.searchParams.set('endDateTime', end);
  url.searchParams.set('$top', '200');
  url.searchParams.set('$select', 'id,subject,start,end,type');
  const ids: string[] = [];
  for (let next: string | undefined = url.toString(); next; ) {
    const response = await stack.trustedFetch(next, {
      headers: { authorization: `Bearer ${token}`, prefer: 'outlook.timezone="UTC"' },
    });
    expect(response.status).toBe(200);
    const page = (await response.json()) as { value: { id: string; type: string }[]; '@odata.nextLink'?: string };
    ids.push(...page.value.filter((e) => e.type !== 'seriesMaster').map((e) => e.id));
    next = page['@odata.nextLink'];
  }
  return ids;
}

describe('GET /api/me/week against devtenant (On-Behalf-Of through msal-node, Graph client)', () => {
  it("answers Megan's own next 7 days in her mailbox time zone", async () => {
    const response = await week(PEOPLE.megan.id);
    expect(response.status).toBe(200);
    const body = weekResponseSchema.parse(await response.json());
    expect(body.user).toMatchObject({ id: PEOPLE.megan.id, displayName: PEOPLE.megan.name });
    expect(body.user.timeZone).toMatch(/^[A-Za-z]+\/[A-Za-z_]+$|^UTC$/);
    const hours = (Date.parse(body.window.end) - Date.parse(body.window.start)) / 3_600_000;
    expect([167, 168, 169]).toContain(hours);
    expect(body.events.length).toBeGreaterThan(0);
    const expected = await graphCalendarView(PEOPLE.megan.id, body.window.start, body.window.end);
    expect(body.events.map((e) => e.id).sort()).toEqual([...expected].sort());
    for (const event of body.events) {
      expect(Date.parse(event.end)).toBeGreaterThan(Date.parse(body.window.start));
      expect(Date.parse(event.start)).toBeLessThan(Date.parse(body.window.end));
    }
    const starts = body.events.map((e) => Date.parse(e.start));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('answers each person with their own calendar only', async () => {
    const alex = weekResponseSchema.parse(await (await week(PEOPLE.alex.id)).json());
    const megan = weekResponseSchema.parse(await (await week(PEOPLE.megan.id)).json());
    expect(alex.user.id).toBe(PEOPLE.alex.id);
    const alexOwn = await graphCalendarView(PEOPLE.alex.id, alex.window.start, alex.window.end);
    expect(alex.events.map((e) => e.id).sort()).toEqual([...alexOwn].sort());
    expect(alex.events.map((e) => e.id)).not.toEqual(megan.events.map((e) => e.id));
  });

  it('answers 409 mailbox_not_enabled for a person without an Exchange mailbox', async () => {
    const users = (await (await stack.devtenant.control('users')).json()) as {
      value: { id: string; hasMailbox: boolean }[];
    };
    const noMailbox = users.value.find((u) => !u.hasMailbox);
    expect(noMailbox).toBeDefined();
    const response = await week(noMailbox?.id ?? '');
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: { code: 'mailbox_not_enabled' } });
  });

  it('answers 403 consent_required when nobody consented to Graph access', async () => {
    const revoke = await stack.devtenant.control('consent/admin', { clientId: CLIENT_ID, granted: false });
    expect(revoke.status).toBe(200);
    try {
      const response = await week(PEOPLE.lynne.id);
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ error: { code: 'consent_required' } });
    } finally {
      await stack.devtenant.control('consent/admin', { clientId: CLIENT_ID, granted: true });
    }
    expect((await week(PEOPLE.lynne.id)).status).toBe(200);
  });

  it('answers 401 with a code when the token is missing', async () => {
    const response = await fetch(`${stack.appUrl}/api/me/week`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'token_missing' } });
  });
});

describe('GET /api/me/time-zone', () => {
  it("answers the mailbox's zone, the same the week is shown in", async () => {
    const megan = apiAs(stack, PEOPLE.megan.id);
    const zone = viewerTimeZoneSchema.parse((await megan.get('/api/me/time-zone')).body);
    const ownWeek = weekResponseSchema.parse(await (await week(PEOPLE.megan.id)).json());
    expect(zone).toEqual({ timeZone: ownWeek.user.timeZone, source: 'mailbox' });
  });

  it('answers the override from Settings once there is one, and the mailbox again without it', async () => {
    const adele = apiAs(stack, PEOPLE.adele.id);
    const mailbox = viewerTimeZoneSchema.parse((await adele.get('/api/me/time-zone')).body);
    const override = mailbox.timeZone === 'Asia/Tokyo' ? 'America/Chicago' : 'Asia/Tokyo';
    const preferences = { reminderMinutes: [], timeZoneOverride: override, workingHoursOverride: null };
    expect((await adele.put('/api/me/preferences', preferences)).status).toBe(200);
    expect((await adele.get('/api/me/time-zone')).body).toEqual({ timeZone: override, source: 'override' });
    await adele.put('/api/me/preferences', { ...preferences, timeZoneOverride: null });
    expect((await adele.get('/api/me/time-zone')).body).toEqual(mailbox);
  });

  it('answers 401 with a code when the token is missing', async () => {
    const response = await fetch(`${stack.appUrl}/api/me/time-zone`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'token_missing' } });
  });
});
