import { LOCAL_CLIENT_ID } from '@confer/contracts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALEX, appToken, MEGAN, NO_MAILBOX, userToken } from './test-support/fake-graph-context.ts';
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

describe('POST /subscriptions (docs/reference/graph-calendar.md §4)', () => {
  it('creates an event subscription (201) with the documented fields after validating both URLs', async () => {
    const created = await h.app.call('POST', '/subscriptions', appToken(), h.body());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      '@odata.context': 'https://localhost:8443/v1.0/$metadata#subscriptions/$entity',
      resource: `/users/${ALEX}/events`,
      applicationId: LOCAL_CLIENT_ID,
      changeType: 'created,updated,deleted',
      clientState: 'secret-client-state',
      notificationUrl: `${h.receiver.url}/notify`,
      lifecycleNotificationUrl: `${h.receiver.url}/lifecycle`,
      includeResourceData: false,
      latestSupportedTlsVersion: 'v1_2',
    });
    expect(created.body.id).toMatch(/^[0-9a-f-]{36}$/);
    const validations = h.receiver.requests.filter((r) => r.query.has('validationToken'));
    expect(validations.map((r) => r.path)).toEqual(['/notify', '/lifecycle']);
    expect(validations[0]!.headers['content-type']).toBe('text/plain; charset=utf-8');
    // The token is opaque text with spaces: the app has to URL-decode it before echoing.
    expect(validations[0]!.query.get('validationToken')).toContain(' ');
  });

  it('keeps query-string parameters of notificationUrl on validation and delivery', async () => {
    await h.subscribe({ notificationUrl: `${h.receiver.url}/notify?tenant=contoso` });
    await h.change('evt-1');
    const [validation] = h.receiver.requests;
    expect(validation!.query.get('tenant')).toBe('contoso');
    expect(h.receiver.notifications('/notify')[0]!.query.get('tenant')).toBe('contoso');
  });

  it.each([
    ['a status other than 200', { status: 202, contentType: 'text/plain' }, 'must respond with 200 OK'],
    ['a body that is still URL-encoded', { status: 200, contentType: 'text/plain', encode: true }, 'exactly match'],
    ['a JSON content type', { status: 200, contentType: 'application/json' }, 'text/plain'],
  ])(
    'refuses the subscription (400 ValidationError) when the endpoint answers validation with %s',
    async (_name, answer, message) => {
      h.receiver.behave((request) => {
        const token = request.query.get('validationToken') ?? '';
        return {
          status: answer.status,
          contentType: answer.contentType,
          body: 'encode' in answer ? encodeURIComponent(token) : token,
        };
      });
      const created = await h.app.call('POST', '/subscriptions', appToken(), h.body());
      expect(created.status).toBe(400);
      expect(created.body.error?.code).toBe('ValidationError');
      expect(created.body.error?.message).toContain(message);
      h.receiver.behave((r) => ({
        status: 200,
        contentType: 'text/plain',
        body: r.query.get('validationToken') ?? '',
      }));
      expect((await h.app.call('GET', '/subscriptions', appToken())).body.value).toEqual([]);
    },
  );

  it('refuses the subscription when the lifecycleNotificationUrl fails validation', async () => {
    h.receiver.behave((request) =>
      request.path === '/lifecycle'
        ? { status: 404 }
        : { status: 200, contentType: 'text/plain', body: request.query.get('validationToken') ?? '' },
    );
    const created = await h.app.call('POST', '/subscriptions', appToken(), h.body());
    expect(created.status).toBe(400);
    expect(created.body.error?.code).toBe('ValidationError');
  });

  it('refuses the subscription when nothing listens at notificationUrl', async () => {
    const created = await h.app.call(
      'POST',
      '/subscriptions',
      appToken(),
      h.body({ notificationUrl: 'http://127.0.0.1:1/notify' }),
    );
    expect(created.status).toBe(400);
    expect(created.body.error?.code).toBe('ValidationError');
  });

  it('raises an expiration under 45 minutes to 45 minutes', async () => {
    const created = await h.app.call(
      'POST',
      '/subscriptions',
      appToken(),
      h.body({ expirationDateTime: inMinutes(5) }),
    );
    expect(created.status).toBe(201);
    expect(created.body.expirationDateTime).toBe(inMinutes(45));
  });

  it('accepts an expiration of 10,070 minutes and refuses one beyond it with ExtensionError', async () => {
    const longest = await h.app.call(
      'POST',
      '/subscriptions',
      appToken(),
      h.body({ expirationDateTime: inMinutes(10_070) }),
    );
    expect(longest.status).toBe(201);
    expect(longest.body.expirationDateTime).toBe(inMinutes(10_070));
    const tooLong = await h.app.call(
      'POST',
      '/subscriptions',
      appToken(),
      h.body({ expirationDateTime: inMinutes(10_080) }),
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error).toMatchObject({
      code: 'ExtensionError',
      message: 'Subscription expiration can only be 10070 minutes in the future.',
    });
  });

  it('refuses an expiration in the past', async () => {
    const created = await h.app.call(
      'POST',
      '/subscriptions',
      appToken(),
      h.body({ expirationDateTime: inMinutes(-1) }),
    );
    expect(created.status).toBe(400);
    expect(created.body.error?.code).toBe('InvalidRequest');
  });

  it('reads Graph-style 7-digit fractions and offsets in expirationDateTime', async () => {
    const created = await h.app.call(
      'POST',
      '/subscriptions',
      appToken(),
      h.body({ expirationDateTime: '2026-03-03T11:00:00.1234567+02:00' }),
    );
    expect(created.body.expirationDateTime).toBe('2026-03-03T09:00:00.123Z');
  });

  it.each(['changeType', 'notificationUrl', 'resource', 'expirationDateTime'])(
    'refuses a request without the required %s (400 naming it) and validates nothing',
    async (field) => {
      const body = h.body();
      delete body[field];
      const created = await h.app.call('POST', '/subscriptions', appToken(), body);
      expect(created.status).toBe(400);
      expect(created.body.error?.message).toContain(field);
      expect(h.receiver.requests).toEqual([]);
    },
  );

  it.each([
    ['an unknown changeType', { changeType: 'created,moved' }],
    ['a clientState over 128 characters', { clientState: 'x'.repeat(129) }],
    ['an http URL that is not loopback', { notificationUrl: 'http://example.com/notify' }],
    ['a resource that is not events', { resource: `/users/${ALEX}/messages` }],
    ['a resource with query options', { resource: `/users/${ALEX}/events?$select=subject` }],
    ['includeResourceData', { includeResourceData: true }],
    ['an unknown property', { expiration: 'soon' }],
  ])('refuses %s with 400', async (_name, overrides) => {
    const created = await h.app.call('POST', '/subscriptions', appToken(), h.body(overrides));
    expect(created.status).toBe(400);
    expect(created.body.error?.code).toBe('InvalidRequest');
  });

  it('accepts a clientState of exactly 128 characters', async () => {
    const created = await h.app.call('POST', '/subscriptions', appToken(), h.body({ clientState: 'x'.repeat(128) }));
    expect(created.status).toBe(201);
  });

  it('answers a body that is not JSON with 400 BadRequest (docs/reference/graph-calendar.md §7)', async () => {
    const created = await h.app.call('POST', '/subscriptions', appToken(), '{"changeType":');
    expect(created.status).toBe(400);
    expect(created.body.error?.code).toBe('BadRequest');
  });

  it.each([
    `/users/${ALEX}/events`,
    `users/${ALEX}/calendar/events`,
    `/users('${ALEX}')/events`,
    '/users/alexw@contoso.onmicrosoft.com/events',
  ])('accepts the event resource %s and binds it to the mailbox id', async (resource) => {
    const id = await h.subscribe({ resource, changeType: 'created' });
    await h.change('evt-9');
    const [notification] = h.receiver.notifications('/notify')[0]!.value;
    expect(notification).toMatchObject({ subscriptionId: id, resource: `Users/${ALEX}/Events/evt-9` });
  });

  it('accepts /me/events and /me/calendar/events with a delegated token', async () => {
    for (const resource of ['/me/events', '/me/calendar/events']) {
      const created = await h.app.call('POST', '/subscriptions', userToken(ALEX), h.body({ resource }));
      expect(created.status).toBe(201);
      expect(created.body.creatorId).toBe(ALEX);
    }
  });
});

describe('POST /subscriptions permissions (docs/reference/graph-calendar.md §8)', () => {
  it('accepts Calendars.Read, the least privilege for event subscriptions', async () => {
    const created = await h.app.call('POST', '/subscriptions', appToken(['Calendars.Read']), h.body());
    expect(created.status).toBe(201);
  });

  it('refuses a token without a calendar permission (403)', async () => {
    const created = await h.app.call('POST', '/subscriptions', appToken(['User.Read.All']), h.body());
    expect(created.status).toBe(403);
    expect(created.body.error?.code).toBe('ErrorAccessDenied');
  });

  it('refuses a delegated subscription to someone else’s mailbox', async () => {
    const created = await h.app.call(
      'POST',
      '/subscriptions',
      userToken(ALEX),
      h.body({ resource: `/users/${MEGAN}/events` }),
    );
    expect(created.status).toBe(403);
  });

  it('refuses an app subscription to a mailbox outside the Application Access Policy', async () => {
    h.ctx.blockedMailboxes.add(MEGAN);
    const created = await h.app.call(
      'POST',
      '/subscriptions',
      appToken(),
      h.body({ resource: `/users/${MEGAN}/events` }),
    );
    expect(created.status).toBe(403);
    expect(created.body.error?.message).toContain('[RAOP]');
  });

  it('refuses /me with an app token and a user without a mailbox', async () => {
    const me = await h.app.call('POST', '/subscriptions', appToken(), h.body({ resource: '/me/events' }));
    expect(me.status).toBe(400);
    const noMailbox = await h.app.call(
      'POST',
      '/subscriptions',
      appToken(),
      h.body({ resource: `/users/${NO_MAILBOX}/events` }),
    );
    expect(noMailbox.body.error?.code).toBe('MailboxNotEnabledForRESTAPI');
    expect(h.receiver.requests).toEqual([]);
  });
});
