import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../logging/logger.ts';
import type { Change, ChangeFeed } from '../../ports/replica-coordination.ts';
import { testPostgresUrl, usePostgresSchemas } from '../../test-support/postgres.ts';
import { createPostgresChangeFeed, parseChange } from './pg-change-feed.ts';
import { createPostgresLeases } from './pg-leases.ts';
import { createPostgresWindowCounter } from './pg-window-counter.ts';

const schemas = usePostgresSchemas();
const logger = createLogger('silent');
const feeds: ChangeFeed[] = [];
afterAll(async () => {
  await Promise.all(feeds.map((feed) => feed.close()));
});

async function feedOn(schema: string): Promise<{ feed: ChangeFeed; heard: Change[] }> {
  const db = await schemas.open({ schema, poolSize: 2 });
  const feed = createPostgresChangeFeed({ db, url: testPostgresUrl(), schema, logger });
  feeds.push(feed);
  const heard: Change[] = [];
  feed.subscribe((change) => heard.push(change));
  return { feed, heard };
}

async function until(condition: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('PostgreSQL leases', () => {
  it('gives a lease to one replica of several asking at once, and to another only once it expired', async () => {
    const schema = schemas.newSchema();
    const dbs = await Promise.all([0, 1, 2].map(() => schemas.open({ schema, poolSize: 2 })));
    const leases = dbs.map((db) => createPostgresLeases(db));
    const answers = await Promise.all(leases.map((lease, i) => lease.hold('work', `r${i}`, 1_000, 7_000)));
    expect(answers.filter(Boolean)).toHaveLength(1);
    const winner = answers.indexOf(true);
    const other = (winner + 1) % 3;
    expect(await leases[winner]!.hold('work', `r${winner}`, 5_000, 11_000)).toBe(true);
    expect(await leases[other]!.hold('work', `r${other}`, 10_999, 16_000)).toBe(false);
    expect(await leases[other]!.hold('work', `r${other}`, 11_000, 17_000)).toBe(true);
    expect(await leases[winner]!.hold('work', `r${winner}`, 12_000, 18_000)).toBe(false);
    const [row] = await dbs[0]!.query<{ holder: string; epoch: number }>(
      "SELECT holder, epoch FROM leases WHERE name = 'work'",
    );
    expect(row).toEqual({ holder: `r${other}`, epoch: 2 });
  });

  it('lets another replica take a released lease at once', async () => {
    const db = await schemas.open();
    const leases = createPostgresLeases(db);
    expect(await leases.hold('work', 'a', 0, 60_000)).toBe(true);
    await leases.release('work', 'b');
    expect(await leases.hold('work', 'b', 1, 60_000)).toBe(false);
    await leases.release('work', 'a');
    expect(await leases.hold('work', 'b', 1, 60_000)).toBe(true);
  });
});

describe('PostgreSQL shared window counter', () => {
  it('counts one limit across replicas, and starts over in the next window', async () => {
    const schema = schemas.newSchema();
    const dbs = await Promise.all([0, 1, 2].map(() => schemas.open({ schema, poolSize: 2 })));
    const counters = dbs.map((db) => createPostgresWindowCounter(db, 10, 60_000));
    const verdicts = await Promise.all(
      Array.from({ length: 15 }, (_, i) => counters[i % 3]!.hit('tenant|user', 120_000 + i)),
    );
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(10);
    expect(verdicts.find((v) => !v.allowed)).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(await counters[0]!.hit('tenant|other', 120_100)).toEqual({ allowed: true });
    expect(await counters[1]!.hit('tenant|user', 180_000)).toEqual({ allowed: true });
  });
});

describe('PostgreSQL change feed', () => {
  it('tells every other replica on the same schema, and nobody on another', async () => {
    const schema = schemas.newSchema();
    const a = await feedOn(schema);
    const b = await feedOn(schema);
    const elsewhere = await feedOn(schemas.newSchema());
    // Listening starts in the background: repeat until the other replica hears it.
    await until(() => {
      a.feed.publish({ topic: 'availability', tenantId: 't1' });
      return b.heard.length > 0;
    });
    expect(b.heard[0]).toEqual({ topic: 'availability', tenantId: 't1' });
    expect(a.heard.every((change) => change.topic === 'availability')).toBe(true);
    b.feed.publish({ topic: 'sync', what: 'watch', tenantId: 't1', userId: 'u1' });
    await until(() => a.heard.some((change) => change.topic === 'sync'));
    expect(elsewhere.heard).toEqual([]);
  });

  it('reads only changes it knows, whatever arrives on the channel', () => {
    expect(parseChange({ topic: 'availability', tenantId: 't' })).toEqual({ topic: 'availability', tenantId: 't' });
    expect(parseChange({ topic: 'availability' })).toBeNull();
    expect(parseChange({ topic: 'sync', what: 'watch', tenantId: 't' })).toBeNull();
    expect(parseChange({ topic: 'drop tables' })).toBeNull();
    expect(parseChange('availability')).toBeNull();
    expect(parseChange(null)).toBeNull();
  });
});
