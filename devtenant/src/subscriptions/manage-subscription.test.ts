import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALEX, appToken, MEGAN, OTHER_APP_ID, userToken } from './test-support/fake-graph-context.ts';
import { type Harness, START, startHarness } from './test-support/harness.ts';
import { MINUTE } from './test-support/manual-clock.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const inMinutes = (minutes: number) => new Date(Date.parse(START) + minutes * MINUTE).toISOString();
const otherApp = () => appToken(['Calendars.ReadWrite'], OTHER_APP_ID);

describe('GET /subscriptions (docs/reference/graph-calendar.md §4)', () => {
  it('lists only the calling app’s subscriptions and hides clientState in the list', async () => {
    const mine = await h.subscribe();
    await h.subscribe({}, otherApp());
    const list = await h.app.call('GET', '/subscriptions', appToken());
    expect(list.status).toBe(200);
    expect(list.body['@odata.context']).toBe('https://localhost:8443/v1.0/$metadata#subscriptions');
    expect(list.body.value).toHaveLength(1);
    expect(list.body.value![0]).toMatchObject({ id: mine, clientState: null });
    const one = await h.app.call('GET', `/subscriptions/${mine}`, appToken());
    expect(one.body).toMatchObject({ id: mine, clientState: 'secret-client-state' });
  });

  it('shows a delegated caller only the subscriptions this app made for that user', async () => {
    const alexSub = await h.subscribe({ resource: '/me/events' }, userToken(ALEX));
    await h.subscribe({ resource: '/me/events' }, userToken(MEGAN));
    const appMade = await h.subscribe();
    const list = await h.app.call('GET', '/subscriptions', userToken(ALEX));
    expect(list.body.value!.map((s) => s.id)).toEqual([alexSub]);
    expect((await h.app.call('GET', `/subscriptions/${appMade}`, userToken(ALEX))).status).toBe(404);
    expect((await h.app.call('GET', '/subscriptions', appToken())).body.value).toHaveLength(3);
  });

  it.each([
    ['GET', undefined],
    ['PATCH', { expirationDateTime: '2026-03-03T09:00:00Z' }],
    ['DELETE', undefined],
  ])('answers %s on another app’s subscription with 404 ResourceNotFound', async (method, body) => {
    const id = await h.subscribe();
    const response = await h.app.call(method, `/subscriptions/${id}`, otherApp(), body);
    expect(response.status).toBe(404);
    expect(response.body.error).toMatchObject({ code: 'ResourceNotFound', message: 'The object was not found.' });
    expect((await h.app.call('GET', `/subscriptions/${id}`, appToken())).status).toBe(200);
  });

  it('answers an unknown id with 404', async () => {
    const response = await h.app.call('GET', '/subscriptions/6d3a5a5e-0000-4000-8000-000000000000', appToken());
    expect(response.status).toBe(404);
  });
});

describe('PATCH /subscriptions/{id} (docs/reference/graph-calendar.md §4)', () => {
  it('renews the expiration (200) and applies the same rules as creation', async () => {
    const id = await h.subscribe();
    const renewed = await h.app.call('PATCH', `/subscriptions/${id}`, appToken(), {
      expirationDateTime: inMinutes(6000),
    });
    expect(renewed.status).toBe(200);
    expect(renewed.body.expirationDateTime).toBe(inMinutes(6000));
    const raised = await h.app.call('PATCH', `/subscriptions/${id}`, appToken(), { expirationDateTime: inMinutes(10) });
    expect(raised.body.expirationDateTime).toBe(inMinutes(45));
    const tooLong = await h.app.call('PATCH', `/subscriptions/${id}`, appToken(), {
      expirationDateTime: inMinutes(20_000),
    });
    expect(tooLong.body.error?.code).toBe('ExtensionError');
    const past = await h.app.call('PATCH', `/subscriptions/${id}`, appToken(), { expirationDateTime: inMinutes(-5) });
    expect(past.status).toBe(400);
    expect((await h.app.call('GET', `/subscriptions/${id}`, appToken())).body.expirationDateTime).toBe(inMinutes(45));
  });

  it('requires expirationDateTime to renew', async () => {
    const id = await h.subscribe();
    const response = await h.app.call('PATCH', `/subscriptions/${id}`, appToken(), {});
    expect(response.status).toBe(400);
    expect(response.body.error?.message).toContain('expirationDateTime');
  });

  it('refuses to add a lifecycleNotificationUrl after creation', async () => {
    const id = await h.subscribe({ lifecycleNotificationUrl: undefined });
    const response = await h.app.call('PATCH', `/subscriptions/${id}`, appToken(), {
      expirationDateTime: inMinutes(600),
      lifecycleNotificationUrl: `${h.receiver.url}/lifecycle`,
    });
    expect(response.status).toBe(400);
  });

  it('validates a new notificationUrl before switching to it', async () => {
    const id = await h.subscribe();
    const refused = await h.app.call('PATCH', `/subscriptions/${id}`, appToken(), {
      expirationDateTime: inMinutes(600),
      notificationUrl: 'http://127.0.0.1:1/gone',
    });
    expect(refused.body.error?.code).toBe('ValidationError');
    const moved = await h.app.call('PATCH', `/subscriptions/${id}`, appToken(), {
      expirationDateTime: inMinutes(600),
      notificationUrl: `${h.receiver.url}/moved`,
    });
    expect(moved.status).toBe(200);
    await h.change('evt-1');
    expect(h.receiver.notifications('/moved')).toHaveLength(1);
  });

  it('refuses renewal once the mailbox left the access policy (docs/reference/graph-calendar.md §8)', async () => {
    const id = await h.subscribe();
    h.ctx.blockedMailboxes.add(ALEX);
    const response = await h.app.call('PATCH', `/subscriptions/${id}`, appToken(), {
      expirationDateTime: inMinutes(600),
    });
    expect(response.status).toBe(403);
  });
});

describe('DELETE and expiry (docs/reference/graph-calendar.md §4)', () => {
  it('deletes a subscription (204); it is gone and delivers nothing more', async () => {
    const id = await h.subscribe();
    expect((await h.app.call('DELETE', `/subscriptions/${id}`, appToken())).status).toBe(204);
    expect((await h.app.call('GET', `/subscriptions/${id}`, appToken())).status).toBe(404);
    await h.change('evt-1');
    expect(h.receiver.notifications()).toEqual([]);
  });

  it('deletes a subscription that was not renewed in time', async () => {
    const id = await h.subscribe({ expirationDateTime: inMinutes(60) });
    h.clock.advance(61 * MINUTE);
    await h.feature.tick();
    expect((await h.app.call('GET', `/subscriptions/${id}`, appToken())).status).toBe(404);
    expect((await h.app.call('GET', '/subscriptions', appToken())).body.value).toEqual([]);
    await h.change('evt-1');
    expect(h.receiver.notifications('/notify')).toEqual([]);
  });

  it('reauthorize answers 204 and needs the subscription to be the caller’s', async () => {
    const id = await h.subscribe();
    expect((await h.app.call('POST', `/subscriptions/${id}/reauthorize`, appToken())).status).toBe(204);
    expect((await h.app.call('POST', `/subscriptions/${id}/reauthorize`, otherApp())).status).toBe(404);
  });
});
