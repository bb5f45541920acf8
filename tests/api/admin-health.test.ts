import { type HealthPageDto, healthPageSchema } from '@confer/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createControllableClock } from '../../devtenant/src/index.ts';
import { apiAs } from '../support/api-client.ts';
import { PEOPLE, type Stack, startStack } from '../support/stack.ts';

const NOW = new Date('2026-11-16T09:00:00Z');
/** In the directory but outside the Confer users group the access policy allows (devtenant's seed). */
const GRADY = { id: '5f3b8c2e-9a41-4d7e-b6c0-c0de0000001b', name: 'Grady Archie' };
const mail = (alias: string) => `${alias}@contoso.onmicrosoft.com`;

let stack: Stack;
const megan = () => apiAs(stack, PEOPLE.megan.id);

/** The admin's health page (validated against the contract). */
async function health(query = ''): Promise<HealthPageDto> {
  const answer = await megan().get(`/api/admin/health${query}`);
  expect(answer.status).toBe(200);
  return healthPageSchema.parse(answer.body);
}

/** A download as the person asks for it: status, headers and the text as sent. */
async function download(userId: string, path: string) {
  const token = await stack.tabTokenFor(userId);
  const response = await fetch(`${stack.appUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

const statusOf = (page: HealthPageDto, userId: string) => page.people.find((p) => p.userId === userId)?.status;

beforeAll(async () => {
  stack = await startStack({ tabDir: null, clock: createControllableClock(NOW), connectionMode: 'user' });
  // Adele and Lynne connect; Lynne then disconnects; Patti only saves preferences (known, never connected).
  expect((await apiAs(stack, PEOPLE.adele.id).post('/api/me/connection')).body).toMatchObject({ status: 'connected' });
  const lynne = apiAs(stack, PEOPLE.lynne.id);
  expect((await lynne.post('/api/me/connection')).body).toMatchObject({ status: 'connected' });
  expect((await lynne.delete('/api/me/connection')).status).toBe(200);
  const patti = apiAs(stack, PEOPLE.patti.id);
  const preferences = { reminderMinutes: [15], timeZoneOverride: null, workingHoursOverride: null };
  expect((await patti.put('/api/me/preferences', preferences)).status).toBe(200);
  // Grady opens the tab while the organisation runs tenant-wide with an access policy he is outside of.
  const settings = { integrationEnabled: true, allowDisconnect: true, integrationOwners: [] };
  expect((await megan().put('/api/admin/settings', { ...settings, connectionMode: 'tenant' })).status).toBe(200);
  expect((await stack.devtenant.control('access-policy', { enabled: true })).status).toBe(200);
  try {
    expect((await apiAs(stack, GRADY.id).get('/api/me/connection')).body).toMatchObject({ status: 'outside_scope' });
  } finally {
    await stack.devtenant.control('access-policy', { enabled: false });
    await megan().put('/api/admin/settings', { ...settings, connectionMode: 'user' });
  }
});
afterAll(() => stack?.stop());

describe('connection health against the local tenant', () => {
  it('lists everyone Confer knows with the status each one is in, counted over everyone', async () => {
    const page = await health();
    expect(statusOf(page, PEOPLE.adele.id)).toBe('connected');
    expect(statusOf(page, PEOPLE.lynne.id)).toBe('disconnected');
    expect(statusOf(page, PEOPLE.patti.id)).toBe('never_connected');
    expect(statusOf(page, GRADY.id)).toBe('outside_scope');
    expect(page.people.map((p) => p.displayName)).toEqual([
      'Adele Vance',
      'Grady Archie',
      'Lynne Robbins',
      'Patti Fernandez',
    ]);
    expect(page).toMatchObject({ total: 4, matching: 4, nextCursor: null });
    expect(page.counts).toEqual({
      connected: 1,
      consent_required: 0,
      expired: 0,
      outside_scope: 1,
      disconnected: 1,
      never_connected: 1,
    });
    expect(page.people.find((p) => p.userId === PEOPLE.adele.id)).toMatchObject({
      email: mail('adelev'),
      subscription: 'none',
      lastSyncError: null,
    });
  });

  it("records a person's last successful Graph call when they schedule", async () => {
    const at = new Date('2026-11-18T14:00:00Z');
    stack.devtenant.clock.set(at);
    const adele = apiAs(stack, PEOPLE.adele.id);
    expect((await adele.post('/api/availability', { attendees: [mail('alexw')] })).status).toBe(200);
    const seen = (await health('?q=adele')).people[0]?.lastGraphSuccessAt;
    expect(seen).not.toBeNull();
    // The tenant's clock runs on from `at`: the success is stamped after it, within the test's own minute.
    const stamped = Date.parse(seen ?? '');
    expect(stamped).toBeGreaterThanOrEqual(at.getTime());
    expect(stamped).toBeLessThan(at.getTime() + 60_000);
    // Patti's preferences called no Graph for her.
    expect((await health('?q=patti')).people[0]?.lastGraphSuccessAt).toBeNull();
  });

  it('filters by status, searches names and emails, and pages with a cursor', async () => {
    expect((await health('?status=disconnected')).people.map((p) => p.userId)).toEqual([PEOPLE.lynne.id]);
    const searched = await health('?q=ROBBINS');
    expect(searched).toMatchObject({ total: 4, matching: 1 });
    expect((await health('?q=pattif%40')).people.map((p) => p.displayName)).toEqual(['Patti Fernandez']);
    expect((await health('?q=%25')).people).toEqual([]);
    const first = await health('?limit=3');
    expect(first.people).toHaveLength(3);
    const rest = await health(`?limit=3&cursor=${first.nextCursor}`);
    expect(rest.people.map((p) => p.displayName)).toEqual(['Patti Fernandez']);
    expect(rest.nextCursor).toBeNull();
  });

  it('exports every match as a CSV download named by the date', async () => {
    const csv = await download(PEOPLE.megan.id, '/api/admin/health.csv?status=connected');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const day = stack.devtenant.clock.now().toISOString().slice(0, 10);
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="confer-connection-health-${day}.csv"`);
    const lines = csv.text.split('\r\n');
    expect(lines[0]).toBe(
      'Display name,Email,User id,Status,Checked at,Last Graph success,Subscription,Last sync error code,Last sync error,Last sync error at',
    );
    expect(lines.slice(1, -1).map((line) => line.split(',').slice(0, 4))).toEqual([
      ['Adele Vance', mail('adelev'), PEOPLE.adele.id, 'connected'],
    ]);
    expect(lines.at(-1)).toBe('');
    const everyone = await download(PEOPLE.megan.id, '/api/admin/health.csv');
    expect(everyone.text.split('\r\n')).toHaveLength(6);
  });

  it('refuses non-admins and bad queries', async () => {
    const adele = apiAs(stack, PEOPLE.adele.id);
    expect(await adele.get('/api/admin/health')).toMatchObject({
      status: 403,
      body: { error: { code: 'admin_required' } },
    });
    expect((await download(PEOPLE.adele.id, '/api/admin/health.csv')).status).toBe(403);
    for (const query of [
      '?status=asleep',
      '?limit=0',
      '?limit=201',
      '?sort=name',
      '?cursor=%21%21',
      `?q=${'x'.repeat(101)}`,
    ]) {
      const answer = await megan().get(`/api/admin/health${query}`);
      expect([query, answer.status, answer.body]).toMatchObject([query, 400, { error: { code: 'validation_failed' } }]);
    }
    const tampered = Buffer.from('["Adele Vance"]').toString('base64url');
    expect((await megan().get(`/api/admin/health?cursor=${tampered}`)).status).toBe(400);
    const badExport = await download(PEOPLE.megan.id, '/api/admin/health.csv?limit=5');
    expect(badExport.status).toBe(400);
    expect(JSON.parse(badExport.text)).toMatchObject({ error: { code: 'validation_failed' } });
  });
});

describe('the audit log with filters and export', () => {
  it('filters by action, actor and time, newest first', async () => {
    const all = await megan().get<{ entries: { action: string; actorId: string | null; at: string }[] }>(
      '/api/admin/audit?limit=200',
    );
    expect(all.status).toBe(200);
    const refused = await megan().get<{ entries: { action: string; actorId: string | null }[] }>(
      '/api/admin/audit?action=admin.refused',
    );
    expect(refused.body.entries.length).toBeGreaterThan(0);
    expect(refused.body.entries.every((e) => e.action === 'admin.refused' && e.actorId === PEOPLE.adele.id)).toBe(true);
    const byMegan = await megan().get<{ entries: { action: string; actorId: string | null }[] }>(
      `/api/admin/audit?actor=${PEOPLE.megan.id}`,
    );
    expect(byMegan.body.entries.map((e) => e.action)).toEqual(['admin.settings_changed', 'admin.settings_changed']);
    const early = await megan().get<{ entries: unknown[] }>('/api/admin/audit?until=2026-11-16T08:59:59Z');
    expect(early.body.entries).toEqual([]);
    const since = await megan().get<{ entries: { at: string }[] }>(
      '/api/admin/audit?since=2026-11-18T00:00:00%2B01:00',
    );
    expect(since.body.entries.length).toBe(all.body.entries.filter((e) => e.at >= '2026-11-17T23:00:00.000Z').length);
    expect((await megan().get('/api/admin/audit?since=yesterday')).status).toBe(400);
    const backwards = await megan().get('/api/admin/audit?since=2026-11-19T00:00:00Z&until=2026-11-18T00:00:00Z');
    expect(backwards).toMatchObject({ status: 400, body: { error: { code: 'validation_failed' } } });
    expect((await apiAs(stack, PEOPLE.adele.id).get('/api/admin/audit')).status).toBe(403);
  });

  it('exports every matching entry as CSV, details as JSON in one column', async () => {
    const csv = await download(PEOPLE.megan.id, `/api/admin/audit.csv?actor=${PEOPLE.megan.id}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(
      /^attachment; filename="confer-audit-log-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = csv.text.split('\r\n');
    expect(lines[0]).toBe('At,Actor id,Action,Target,Details');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(`,${PEOPLE.megan.id},admin.settings_changed,tenant_settings,"{""before"":`);
    expect((await download(PEOPLE.megan.id, '/api/admin/audit.csv?limit=5')).status).toBe(400);
    expect((await download(PEOPLE.adele.id, '/api/admin/audit.csv')).status).toBe(403);
  });
});
