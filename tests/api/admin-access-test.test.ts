import { type AccessTestDto, accessTestListSchema, accessTestSchema } from '@confer/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteAuditLog } from '../../api/src/adapters/sqlite/sqlite-audit-log.ts';
import type { TenantSettings } from '../../api/src/ports/tenant-store.ts';
import { SEED_PEOPLE } from '../../devtenant/src/directory/seed-people.ts';
import { apiAs } from '../support/api-client.ts';
import { rememberPeople } from '../support/known-people.ts';
import { CLIENT_ID, PEOPLE, type Stack, startStack } from '../support/stack.ts';

/**
 * The admin's access test end to end against devtenant: Megan (Confer.Admin) tests people whose access differs —
 * inside and outside the Application Access Policy ("Confer Users": Alex, Patti, Diego inside; Joni outside), Nora
 * without a mailbox, an address nobody has — in both connection modes, with throttling and consent set up in
 * devtenant, and Graph's requests counted by devtenant.
 */
const DOMAIN = 'contoso.onmicrosoft.com';
const at = (alias: string) => `${alias}@${DOMAIN}`;
const NOBODY = at('nobody.here');

type Person = AccessTestDto['people'][number];
const byPerson = (test: AccessTestDto) => new Map(test.people.map((p) => [p.person, p]));
const outcome = (p: Person | undefined) =>
  p && { freeBusy: p.freeBusy, mailboxSettings: p.mailboxSettings, calendarWrite: p.calendarWrite, reason: p.reason };

async function control(stack: Stack, path: string, body?: unknown) {
  const response = await stack.devtenant.control(path, body);
  expect(response.status, `devtenant ${path}`).toBe(200);
  return response.json() as Promise<Record<string, unknown>>;
}

async function graphRequests(stack: Stack): Promise<{ httpRequests: number; graphRequests: number }> {
  return (await (await stack.devtenant.control('counters')).json()) as { httpRequests: number; graphRequests: number };
}

async function settle(stack: Stack, changes: Partial<TenantSettings>) {
  await stack.composed.scheduling.tenants.saveSettings({
    tenantId: stack.config.tenantId,
    connectionMode: 'tenant',
    securityGroupId: null,
    integrationEnabled: true,
    allowDisconnect: true,
    integrationOwners: [],
    updatedAt: stack.devtenant.clock.now(),
    ...changes,
  });
}

async function runTest(stack: Stack, body: unknown): Promise<AccessTestDto> {
  const answer = await apiAs(stack, PEOPLE.megan.id).post('/api/admin/access-tests', body);
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return accessTestSchema.parse(answer.body);
}

describe('access test, tenant-wide mode', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ tabDir: null, connectionMode: 'tenant' });
  });
  afterAll(() => stack?.stop());

  it('tells each kind of failure apart with what to do, keeps the result, lists it and audits it', async () => {
    await control(stack, 'access-policy', { enabled: true });
    // Diego's mailbox answers 429 twice: the first answer and the one retry after its Retry-After.
    await control(stack, 'throttle-storm', { requests: 2, retryAfterSeconds: 0.05, mailbox: at('diegos') });
    const named = [at('alexw'), PEOPLE.patti.id, at('jonis'), at('noraf'), NOBODY, at('diegos')];
    const test = await runTest(stack, { sampleSize: 0, people: named });

    expect(test).toMatchObject({ trigger: 'manual', mode: 'tenant', by: PEOPLE.megan.id, tested: 6, succeeded: 2 });
    const people = byPerson(test);
    const fine = { freeBusy: 'ok', mailboxSettings: 'ok', calendarWrite: 'ok', reason: null };
    expect(outcome(people.get(at('alexw')))).toEqual(fine);
    expect(outcome(people.get(PEOPLE.patti.id))).toEqual(fine);
    expect(people.get(PEOPLE.patti.id)).toMatchObject({ userId: PEOPLE.patti.id, displayName: 'Patti Fernandez' });
    expect(outcome(people.get(at('jonis')))).toEqual({
      freeBusy: 'failed',
      mailboxSettings: 'skipped',
      calendarWrite: 'skipped',
      reason: 'outside_access_policy',
    });
    expect(people.get(at('jonis'))?.code).toBe('ErrorAccessDenied');
    expect(outcome(people.get(at('noraf')))).toMatchObject({ freeBusy: 'failed', reason: 'no_mailbox' });
    expect(people.get(NOBODY)).toMatchObject({ userId: null, named: true, reason: 'user_not_found' });
    expect(outcome(people.get(at('diegos')))).toEqual({
      freeBusy: 'ok',
      mailboxSettings: 'failed',
      calendarWrite: 'ok',
      reason: 'throttled',
    });

    expect(test.failures.map((f) => [f.reason, f.count, f.people])).toEqual([
      ['no_mailbox', 1, [at('noraf')]],
      ['outside_access_policy', 1, [at('jonis')]],
      ['user_not_found', 1, [NOBODY]],
      ['throttled', 1, [at('diegos')]],
    ]);
    const advice = new Map(test.failures.map((f) => [f.reason, f.advice]));
    expect(advice.get('outside_access_policy')).toMatch(/mail-enabled security group.*up to an hour/);
    expect(advice.get('no_mailbox')).toMatch(/licence that includes Exchange Online/);

    const megan = apiAs(stack, PEOPLE.megan.id);
    const kept = await megan.get(`/api/admin/access-tests/${test.id}`);
    expect(kept.status).toBe(200);
    expect(kept.body).toEqual(test);
    const list = accessTestListSchema.parse((await megan.get('/api/admin/access-tests')).body);
    expect(list.tests[0]).toMatchObject({ id: test.id, tested: 6, succeeded: 2, at: test.at });
    expect(list.tests[0]).not.toHaveProperty('people');
    const audit = await createSqliteAuditLog(stack.composed.db).list(stack.config.tenantId, 20);
    expect(audit.find((e) => e.action === 'admin.access_test_run')).toMatchObject({
      actorId: PEOPLE.megan.id,
      target: test.id,
      details: { trigger: 'manual', mode: 'tenant', tested: 6, succeeded: 2 },
    });
  });

  it('reports someone outside the access policy exactly as the scheduling picker does', async () => {
    const picker = await apiAs(stack, PEOPLE.alex.id).post('/api/availability', { attendees: [at('jonis')] });
    expect(picker.status).toBe(200);
    const joni = (picker.body as { people: { person: { email: string }; status: string }[] }).people.find(
      (p) => p.person.email === at('jonis'),
    );
    expect(joni?.status).toBe('outside_access_policy');
    const test = await runTest(stack, { sampleSize: 0, people: [at('jonis')] });
    expect(test.people[0]?.reason).toBe(joni?.status);
  });

  it('records what it found as the connection status of people Confer knows, so the health page says the same', async () => {
    const joni = SEED_PEOPLE.find((p) => p.alias === 'jonis');
    if (!joni) throw new Error('the seed has no Joni');
    await rememberPeople(stack, [{ userId: joni.id, email: at('jonis'), displayName: 'Joni Sherman' }]);
    const healthOf = async () => {
      const page = await apiAs(stack, PEOPLE.megan.id).get<{ people: { userId: string; status: string }[] }>(
        `/api/admin/health?q=${encodeURIComponent('Joni')}`,
      );
      return page.body.people.find((p) => p.userId === joni.id)?.status;
    };
    await control(stack, 'access-policy', { enabled: true });
    try {
      expect((await runTest(stack, { sampleSize: 0, people: [at('jonis'), NOBODY] })).succeeded).toBe(0);
      expect(await healthOf()).toBe('outside_scope');
    } finally {
      await control(stack, 'access-policy', { enabled: false });
    }
    // Let into the policy: the next test finds her reachable, and she is connected through the organisation again.
    expect((await runTest(stack, { sampleSize: 0, people: [at('jonis')] })).succeeded).toBe(1);
    expect(await healthOf()).toBe('connected');
  });

  it('retries a throttled read once after its Retry-After, and a second answer is what counts', async () => {
    await control(stack, 'access-policy', { enabled: false });
    await control(stack, 'throttle-storm', { requests: 1, retryAfterSeconds: 0.05, mailbox: at('adelev') });
    const test = await runTest(stack, { sampleSize: 0, people: [at('adelev')] });
    expect(outcome(test.people[0])).toEqual({
      freeBusy: 'ok',
      mailboxSettings: 'ok',
      calendarWrite: 'ok',
      reason: null,
    });
  });

  it("reads free/busy through someone else's mailbox when the admin's own is outside the access policy", async () => {
    // DenyAccess on "Confer Users" shuts Confer out of Megan's mailbox (and Alex's) but not Joni's.
    await control(stack, 'access-policy', { enabled: true, accessRight: 'DenyAccess' });
    try {
      const test = await runTest(stack, { sampleSize: 0, people: [at('jonis'), at('alexw')] });
      expect(test.people.map((p) => [p.person, p.freeBusy, p.reason])).toEqual([
        [at('jonis'), 'ok', null],
        [at('alexw'), 'failed', 'outside_access_policy'],
      ]);
    } finally {
      await control(stack, 'access-policy', { enabled: false });
    }
  });

  it('tests 100 people with at most 10 Graph requests, batched', async () => {
    await control(stack, 'access-policy', { enabled: false });
    const directory = SEED_PEOPLE.map((p) => ({
      userId: p.id,
      email: at(p.alias),
      displayName: `${p.givenName} ${p.surname}`,
    }));
    // People Confer still lists who have since left the organisation: the directory no longer knows them.
    const former = Array.from({ length: 100 - directory.length }, (_, i) => ({
      userId: `9c0f0000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      email: at(`former${i}`),
      displayName: `Former colleague ${i}`,
    }));
    await rememberPeople(stack, [...directory, ...former]);
    await control(stack, 'counters/reset', {});
    const test = await runTest(stack, { sampleSize: 100 });
    const counted = await graphRequests(stack);

    expect(test.tested).toBe(100);
    expect(new Set(test.people.map((p) => p.userId)).size).toBe(100);
    const reasons = Object.fromEntries(test.failures.map((f) => [f.reason, f.count]));
    expect(reasons).toEqual({ no_mailbox: 1, user_not_found: former.length });
    expect(test.succeeded).toBe(directory.length - 1);
    // Five getSchedule requests of 20 and the mailbox settings of the 32 reachable people in two $batch requests.
    expect(counted.httpRequests).toBeLessThanOrEqual(10);
    expect(counted.httpRequests).toBe(7);
  });

  it('lets one test run at a time per tenant', async () => {
    await control(stack, 'faults', { latencyMs: 300 });
    try {
      const megan = apiAs(stack, PEOPLE.megan.id);
      const body = { sampleSize: 0, people: [at('alexw')] };
      const answers = await Promise.all([
        megan.post('/api/admin/access-tests', body),
        megan.post('/api/admin/access-tests', body),
      ]);
      expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
      expect(answers.find((a) => a.status === 409)?.body).toMatchObject({ error: { code: 'access_test_running' } });
      expect((await megan.post('/api/admin/access-tests', body)).status).toBe(201);
    } finally {
      await control(stack, 'faults', {});
    }
  });

  it('refuses bad input with validation_failed and an unknown test with not_found', async () => {
    const megan = apiAs(stack, PEOPLE.megan.id);
    for (const body of [
      { sampleSize: 0, people: [] },
      { sampleSize: 101 },
      { sampleSize: 1.5 },
      { sampleSize: 5, people: [''] },
      { sampleSize: 5, people: Array.from({ length: 51 }, (_, i) => at(`p${i}`)) },
      { sampleSize: 5, extra: true },
      '[1,2]',
    ]) {
      const answer = await megan.post('/api/admin/access-tests', body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body).toMatchObject({ error: { code: 'validation_failed' } });
    }
    expect((await megan.get(`/api/admin/access-tests/${'x'.repeat(65)}`)).status).toBe(400);
    const unknown = await megan.get('/api/admin/access-tests/no-such-test');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: { code: 'not_found' } });
  });

  it('is refused to someone without the Confer.Admin role', async () => {
    const adele = apiAs(stack, PEOPLE.adele.id);
    for (const answer of [
      await adele.post('/api/admin/access-tests', { sampleSize: 1 }),
      await adele.get('/api/admin/access-tests'),
    ]) {
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ error: { code: 'admin_required' } });
    }
  });

  it('calls no Graph at all while the integration is off', async () => {
    await settle(stack, { integrationEnabled: false });
    try {
      await control(stack, 'counters/reset', {});
      const answer = await apiAs(stack, PEOPLE.megan.id).post('/api/admin/access-tests', { sampleSize: 5 });
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ error: { code: 'integration_off' } });
      expect((await graphRequests(stack)).httpRequests).toBe(0);
    } finally {
      await settle(stack, {});
    }
  });
});

describe('access test, tenant-wide mode without the write permission', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ tabDir: null, connectionMode: 'tenant' });
    // Before Confer's first application token: the admin consented to reading only.
    await control(stack, 'consent/admin', {
      clientId: CLIENT_ID,
      granted: true,
      roles: ['Calendars.Read', 'User.Read.All', 'MailboxSettings.Read'],
    });
  });
  afterAll(() => stack?.stop());

  it('reads calendars and settings but reports the write as consent_missing, writing nothing', async () => {
    const test = await runTest(stack, { sampleSize: 0, people: [at('alexw')] });
    expect(outcome(test.people[0])).toEqual({
      freeBusy: 'ok',
      mailboxSettings: 'ok',
      calendarWrite: 'failed',
      reason: 'consent_missing',
    });
    expect(test.people[0]?.code).toBe('Calendars.ReadWrite');
    expect(test.failures[0]?.advice).toMatch(/Grant admin consent/);
  });
});

describe('access test, per-user mode', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ tabDir: null, connectionMode: 'user' });
    for (const person of [PEOPLE.alex.id, PEOPLE.patti.id]) {
      const connected = await apiAs(stack, person).post('/api/me/connection');
      expect(connected.body).toMatchObject({ status: 'connected' });
    }
  });
  afterAll(() => stack?.stop());

  it("reads free/busy with the admin's token and each person's own connection for the rest", async () => {
    // The policy limits application access only: in this mode it changes nothing (docs/reference/graph-calendar.md §8).
    await control(stack, 'access-policy', { enabled: true });
    await control(stack, 'throttle-storm', { requests: 2, retryAfterSeconds: 0.05, mailbox: at('pattif') });
    const test = await runTest(stack, {
      sampleSize: 0,
      people: [at('alexw'), at('pattif'), at('jonis'), at('noraf'), NOBODY],
    });
    expect(test).toMatchObject({ mode: 'user', tested: 5, succeeded: 1 });
    const people = byPerson(test);
    expect(outcome(people.get(at('alexw')))).toEqual({
      freeBusy: 'ok',
      mailboxSettings: 'ok',
      calendarWrite: 'ok',
      reason: null,
    });
    expect(outcome(people.get(at('pattif')))).toEqual({
      freeBusy: 'ok',
      mailboxSettings: 'failed',
      calendarWrite: 'ok',
      reason: 'throttled',
    });
    // Joni never connected: free/busy is readable, but Confer could not write to her calendar.
    expect(outcome(people.get(at('jonis')))).toEqual({
      freeBusy: 'ok',
      mailboxSettings: 'skipped',
      calendarWrite: 'failed',
      reason: 'consent_missing',
    });
    expect(outcome(people.get(at('noraf')))).toMatchObject({ freeBusy: 'failed', reason: 'no_mailbox' });
    expect(people.get(NOBODY)?.reason).toBe('user_not_found');
    expect(test.failures.find((f) => f.reason === 'consent_missing')?.advice).toMatch(/open Confer in Teams/);
  });

  it('reports consent_missing for everyone once admin consent is withdrawn, and lists the newest test first', async () => {
    await control(stack, 'consent/admin', { clientId: CLIENT_ID, granted: false });
    const test = await runTest(stack, { sampleSize: 0, people: [at('alexw'), at('jonis')] });
    // Alex is in Confer's list; Joni cannot even be looked up in the directory without consent.
    expect(test.people.map((p) => [p.person, p.freeBusy, p.reason])).toEqual([
      [at('alexw'), 'failed', 'consent_missing'],
      [at('jonis'), 'skipped', 'consent_missing'],
    ]);
    expect(test.people.map((p) => p.code)).toEqual(['consent_required', 'consent_required']);
    const list = accessTestListSchema.parse((await apiAs(stack, PEOPLE.megan.id).get('/api/admin/access-tests')).body);
    expect(list.tests.map((t) => t.id)[0]).toBe(test.id);
    expect(list.tests).toHaveLength(2);
  });
});
