import { connectionSchema } from '@confer/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../support/api-client.ts';
import { CLIENT_ID, PEOPLE, type Stack, startStack } from '../support/stack.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ tabDir: null });
});
afterAll(() => stack?.stop());

describe('my calendar connection (per-user mode)', () => {
  it('connects, stores the status, and disconnects', async () => {
    const megan = apiAs(stack, PEOPLE.megan.id);
    const connected = connectionSchema.parse((await megan.post('/api/me/connection')).body);
    expect(connected).toMatchObject({ mode: 'user', status: 'connected', canDisconnect: true });
    const stored = await stack.composed.scheduling.tenants.getUser(stack.config.tenantId, PEOPLE.megan.id);
    expect(stored?.connectionStatus).toBe('connected');
    expect(stored?.timeZone).toBe('America/Los_Angeles');
    expect(connectionSchema.parse((await megan.get('/api/me/connection')).body).status).toBe('connected');
    const gone = connectionSchema.parse((await megan.delete('/api/me/connection')).body);
    expect(gone).toMatchObject({ status: 'not_connected', canDisconnect: false });
  });

  it('stops reading a disconnected calendar, also from the tab, until it is connected again', async () => {
    const adele = apiAs(stack, PEOPLE.adele.id);
    expect((await adele.post('/api/me/connection')).body).toMatchObject({ status: 'connected' });
    expect((await adele.delete('/api/me/connection')).body).toMatchObject({ status: 'not_connected' });
    const week = await adele.get('/api/me/week');
    expect(week.status).toBe(403);
    expect(week.body).toMatchObject({ error: { code: 'not_connected' } });
    const availability = await adele.post('/api/availability', { attendees: ['alexw@contoso.onmicrosoft.com'] });
    expect(availability.status).toBe(403);
    expect(availability.body).toMatchObject({ error: { code: 'not_connected' } });
    expect((await adele.post('/api/me/connection')).body).toMatchObject({ status: 'connected' });
    expect((await adele.get('/api/me/week')).status).toBe(200);
  });

  it('says consent is needed when nobody granted it', async () => {
    await stack.devtenant.control('consent/admin', { clientId: CLIENT_ID, granted: false });
    try {
      const view = connectionSchema.parse((await apiAs(stack, PEOPLE.isaiah.id).post('/api/me/connection')).body);
      expect(view.status).toBe('consent_required');
      expect(view.message).toMatch(/permission/);
    } finally {
      await stack.devtenant.control('consent/admin', { clientId: CLIENT_ID, granted: true });
    }
  });

  it('says expired when the stored refresh token was revoked', async () => {
    const patti = apiAs(stack, PEOPLE.patti.id);
    expect((await patti.post('/api/me/connection')).body).toMatchObject({ status: 'connected' });
    await stack.devtenant.control('refresh-tokens/revoke', { userId: PEOPLE.patti.id, clientId: CLIENT_ID });
    const checked = stack.composed.graph.checkConnection(stack.config.tenantId, PEOPLE.patti.id, 'user');
    expect(await checked).toBe('expired');
  });
});

describe('my preferences', () => {
  it('saves and reads reminder, zone and working-hours preferences', async () => {
    const alex = apiAs(stack, PEOPLE.alex.id);
    const preferences = {
      reminderMinutes: [1440, 15],
      timeZoneOverride: 'Europe/Berlin',
      workingHoursOverride: { days: ['monday', 'tuesday'], start: '10:00', end: '16:00' },
    };
    expect((await alex.put('/api/me/preferences', preferences)).body).toEqual(preferences);
    expect((await alex.get('/api/me/preferences')).body).toEqual(preferences);
  });

  it.each([
    ['an unknown zone', { reminderMinutes: [], timeZoneOverride: 'Mars/Base', workingHoursOverride: null }],
    [
      'hours ending before they start',
      {
        reminderMinutes: [],
        timeZoneOverride: null,
        workingHoursOverride: { days: ['monday'], start: '17:00', end: '09:00' },
      },
    ],
    ['a repeated reminder', { reminderMinutes: [15, 15], timeZoneOverride: null, workingHoursOverride: null }],
    ['an unknown field', { reminderMinutes: [], timeZoneOverride: null, workingHoursOverride: null, colour: 'red' }],
  ])('refuses %s with 400 and keeps what was saved', async (_name, body) => {
    const lynne = apiAs(stack, PEOPLE.lynne.id);
    const before = (await lynne.get('/api/me/preferences')).body;
    const response = await lynne.put('/api/me/preferences', body);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { code: 'validation_failed' } });
    expect((await lynne.get('/api/me/preferences')).body).toEqual(before);
  });
});
