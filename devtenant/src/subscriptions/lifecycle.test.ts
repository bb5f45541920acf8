import { LOCAL_TENANT_ID } from '@confer/contracts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appToken } from './test-support/fake-graph-context.ts';
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
const lifecycleEvents = () =>
  h.receiver.notifications('/lifecycle').flatMap((post) => post.value.map((n) => n.lifecycleEvent));

describe('lifecycle notifications (docs/reference/graph-calendar.md §4)', () => {
  it('sends reauthorizationRequired from an hour before expiry, every 15 minutes, until renewed', async () => {
    const id = await h.subscribe({ expirationDateTime: inMinutes(120) });
    h.clock.advance(59 * MINUTE);
    await h.feature.tick();
    expect(lifecycleEvents()).toEqual([]);
    h.clock.advance(1 * MINUTE);
    await h.feature.tick();
    expect(h.receiver.notifications('/lifecycle')[0]!.value).toEqual([
      {
        subscriptionId: id,
        subscriptionExpirationDateTime: inMinutes(120),
        tenantId: LOCAL_TENANT_ID,
        clientState: 'secret-client-state',
        lifecycleEvent: 'reauthorizationRequired',
      },
    ]);
    h.clock.advance(14 * MINUTE);
    await h.feature.tick();
    expect(lifecycleEvents()).toHaveLength(1);
    h.clock.advance(1 * MINUTE);
    await h.feature.tick();
    expect(lifecycleEvents()).toEqual(['reauthorizationRequired', 'reauthorizationRequired']);
    await h.app.call('PATCH', `/subscriptions/${id}`, appToken(), { expirationDateTime: inMinutes(3000) });
    h.clock.advance(15 * MINUTE);
    await h.feature.tick();
    expect(lifecycleEvents()).toHaveLength(2);
  });

  it('sends no lifecycle events to a subscription created without lifecycleNotificationUrl', async () => {
    const id = await h.subscribe({ lifecycleNotificationUrl: undefined, expirationDateTime: inMinutes(61) });
    h.clock.advance(30 * MINUTE);
    await h.feature.tick();
    await h.feature.fireLifecycle(id, 'missed');
    expect(h.receiver.notifications('/lifecycle')).toEqual([]);
  });

  it('subscriptionRemoved: the app is told and the subscription is gone', async () => {
    const id = await h.subscribe();
    await h.feature.fireLifecycle(id, 'subscriptionRemoved');
    expect(lifecycleEvents()).toEqual(['subscriptionRemoved']);
    expect((await h.app.call('GET', `/subscriptions/${id}`, appToken())).status).toBe(404);
    await h.change('evt-1');
    expect(h.receiver.notifications('/notify')).toEqual([]);
  });

  it('missed: delivered to the lifecycle URL and the subscription stays', async () => {
    const id = await h.subscribe();
    await h.feature.fireLifecycle(id, 'missed');
    expect(lifecycleEvents()).toEqual(['missed']);
    expect((await h.app.call('GET', `/subscriptions/${id}`, appToken())).status).toBe(200);
  });

  it('an unanswered reauthorization challenge pauses delivery; changes in the pause are lost; reauthorize resumes', async () => {
    const id = await h.subscribe();
    await h.feature.fireLifecycle(id, 'reauthorizationRequired');
    expect(lifecycleEvents()).toEqual(['reauthorizationRequired']);
    await h.change('during-grace');
    h.clock.advance(10 * MINUTE);
    await h.change('while-paused');
    expect((await h.app.call('POST', `/subscriptions/${id}/reauthorize`, appToken())).status).toBe(204);
    await h.change('after-reauthorize');
    const delivered = h.receiver.notifications('/notify').flatMap((post) => post.value.map((n) => n.resource));
    expect(delivered.map((r) => String(r).split('/').pop())).toEqual(['during-grace', 'after-reauthorize']);
  });

  it('fireLifecycle on an unknown subscription is a 404', async () => {
    await expect(h.feature.fireLifecycle('nope', 'missed')).rejects.toMatchObject({ status: 404 });
  });
});
