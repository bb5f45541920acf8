import { afterEach, describe, expect, it } from 'vitest';
import { appToken } from './test-support/fake-graph-context.ts';
import { type Harness, startHarness } from './test-support/harness.ts';
import { MINUTE } from './test-support/manual-clock.ts';

let h: Harness;
afterEach(async () => {
  await h.close();
});

const eventIds = () =>
  h.receiver.notifications('/notify').flatMap((post) => post.value.map((n) => (n.resourceData as { id: string }).id));
const lifecycleEvents = () =>
  h.receiver.notifications('/lifecycle').flatMap((post) => post.value.map((n) => n.lifecycleEvent));

/** Moves the tenant clock in one-minute steps, letting the feature deliver what falls due at each. */
async function minutesPass(minutes: number): Promise<void> {
  for (let i = 0; i < minutes; i += 1) {
    h.clock.advance(MINUTE);
    await h.feature.tick();
  }
}

describe('the app endpoint taken away (docs/reference/graph-calendar.md §4)', () => {
  it('away for ten minutes, then back: every change is delivered by the retries, none is missed', async () => {
    h = await startHarness();
    await h.subscribe();
    h.feature.setFaults({ endpointDown: true });
    const changed: string[] = [];
    for (let minute = 0; minute < 10; minute += 1) {
      changed.push(`evt-${minute}`);
      await h.change(`evt-${minute}`, minute % 2 === 0 ? 'created' : 'updated');
      await minutesPass(1);
    }
    expect(h.receiver.notifications()).toEqual([]);
    h.feature.setFaults({ endpointDown: false });
    await minutesPass(60);
    expect(new Set(eventIds())).toEqual(new Set(changed));
    expect(lifecycleEvents()).toEqual([]);
  });

  it('lifecycle notifications wait out the outage too', async () => {
    h = await startHarness();
    const id = await h.subscribe();
    h.feature.setFaults({ endpointDown: true });
    await h.feature.fireLifecycle(id, 'missed');
    await minutesPass(5);
    expect(h.receiver.notifications()).toEqual([]);
    h.feature.setFaults({ endpointDown: false });
    await minutesPass(10);
    expect(lifecycleEvents()).toEqual(['missed']);
  });

  it('away for longer than 4 hours: the changes are given up and one missed reaches the app once it is back', async () => {
    h = await startHarness();
    await h.subscribe();
    h.feature.setFaults({ endpointDown: true });
    await h.change('evt-1');
    await h.change('evt-2', 'updated');
    await minutesPass(270);
    h.feature.setFaults({ endpointDown: false });
    await minutesPass(60);
    expect(eventIds()).toEqual([]);
    expect(lifecycleEvents()).toEqual(['missed']);
  });

  it('refuses a new subscription with 400 ValidationError while away, as a refused connection does', async () => {
    h = await startHarness();
    h.feature.setFaults({ endpointDown: true });
    const created = await h.app.call('POST', '/subscriptions', appToken(), h.body());
    expect(created.status).toBe(400);
    expect(created.body.error?.code).toBe('ValidationError');
    expect(h.receiver.requests).toEqual([]);
    expect((await h.app.call('GET', '/subscriptions', appToken())).body.value).toEqual([]);
  });
});
