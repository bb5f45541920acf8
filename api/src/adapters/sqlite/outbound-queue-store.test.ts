import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { outboundQueueContract, reminder } from '../../ports/outbound-queue.contract.ts';
import { openDatabase } from './database.ts';
import { createSqliteOutboundStore } from './outbound-queue-store.ts';

const clock = { now: () => new Date('2026-11-20T09:00:00.000Z') };
outboundQueueContract('SQLite', () => createSqliteOutboundStore(openDatabase(':memory:'), clock));

describe('SQLite outbound queue on disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'confer-outbound-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives every due message to exactly one of two workers claiming at the same time on one file', async () => {
    const file = join(dir, 'claims.db');
    const db = openDatabase(file);
    const store = createSqliteOutboundStore(db, clock);
    const keys = Array.from({ length: 5000 }, (_, index) => `reminder:m:${String(index).padStart(4, '0')}`);
    await store.enqueue(keys.map((key) => reminder(key)));
    const script = fileURLToPath(new URL('./outbound-claim-worker.ts', import.meta.url));
    // Two processes, as two app instances would be: each has its own connection and SQLite's file lock.
    const startAt = String(Date.now() + 2_000);
    const run = (token: string) =>
      new Promise<string[]>((resolve, reject) => {
        const args = [script, file, token, String(clock.now().getTime()), startAt];
        execFile(process.execPath, args, (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout))));
      });
    const [first, second] = await Promise.all([run('w1'), run('w2')]);
    expect(first.length).toBeGreaterThan(0);
    expect(second.length).toBeGreaterThan(0);
    expect(new Set([...first, ...second]).size).toBe(first.length + second.length);
    expect([...first, ...second].sort()).toEqual(keys);
    db.close();
  });

  it('keeps a claimed message across a reopen, so a restarted worker takes it over when the lease ends', async () => {
    const file = join(dir, 'restart.db');
    const before = createSqliteOutboundStore(openDatabase(file), clock);
    await before.enqueue([reminder('r:1')]);
    const now = clock.now();
    const [job] = await before.claim({
      now,
      limit: 10,
      claimToken: 'old',
      leaseUntil: new Date(now.getTime() + 30_000),
    });
    await before.markSending(job!, {
      deliveryId: 'd-1',
      conversationId: 'a:1',
      leaseUntil: new Date(now.getTime() + 30_000),
    });
    const after = createSqliteOutboundStore(openDatabase(file), clock);
    const later = new Date(now.getTime() + 30_000);
    const [taken] = await after.claim({
      now: later,
      limit: 10,
      claimToken: 'new',
      leaseUntil: new Date(later.getTime() + 1),
    });
    expect(taken).toMatchObject({ state: 'sending', deliveryId: 'd-1', claimToken: 'new', attempts: 1 });
  });
});
