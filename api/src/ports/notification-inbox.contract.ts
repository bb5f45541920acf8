import { describe, expect, it } from 'vitest';
import type { AcceptedNotification, NotificationInbox } from './notification-inbox.ts';

export function aChange(overrides: Partial<AcceptedNotification> = {}): AcceptedNotification {
  return {
    dedupeKey: 'sub-1|updated|evt-1|W/"ck-1"',
    subscriptionId: 'sub-1',
    tenantId: 'tenant-a',
    changeType: 'updated',
    resource: 'Users/oid-megan/Events/evt-1',
    resourceId: 'evt-1',
    changeKey: 'ck-1',
    lifecycleEvent: null,
    receivedAt: '2026-11-23T09:00:00.000Z',
    ...overrides,
  };
}

export function aLifecycle(overrides: Partial<AcceptedNotification> = {}): AcceptedNotification {
  return {
    dedupeKey: 'sub-1|missed|2026-11-28T09:00:00.000Z',
    subscriptionId: 'sub-1',
    tenantId: 'tenant-a',
    changeType: null,
    resource: null,
    resourceId: null,
    changeKey: null,
    lifecycleEvent: 'missed',
    receivedAt: '2026-11-23T09:00:01.000Z',
    ...overrides,
  };
}

/** One contract suite for every NotificationInbox implementation (memory, SQLite, PostgreSQL). */
export function notificationInboxContract(name: string, create: () => NotificationInbox | Promise<NotificationInbox>) {
  describe(`NotificationInbox contract: ${name}`, () => {
    it('records change and lifecycle notifications as pending, in order, every field kept', async () => {
      const inbox = await create();
      expect(await inbox.record([aChange(), aLifecycle()])).toBe(2);
      const pending = await inbox.listPending(10);
      expect(pending.map(({ seq: _seq, ...entry }) => entry)).toEqual([
        { ...aChange(), state: 'pending' },
        { ...aLifecycle(), state: 'pending' },
      ]);
      expect(pending[0]?.seq).toBeLessThan(pending[1]?.seq ?? 0);
    });

    it('records a repeated delivery once, within a batch and across batches', async () => {
      const inbox = await create();
      const later = aChange({ receivedAt: '2026-11-23T09:00:30.000Z' });
      expect(await inbox.record([aChange(), aChange()])).toBe(1);
      expect(await inbox.record([later, aLifecycle()])).toBe(1);
      expect(await inbox.record([aLifecycle({ receivedAt: '2026-11-23T09:01:00.000Z' })])).toBe(0);
      const pending = await inbox.listPending(10);
      expect(pending).toHaveLength(2);
      expect(pending[0]?.receivedAt).toBe('2026-11-23T09:00:00.000Z');
    });

    it('keeps notifications that differ in their key, such as a later version of the same event', async () => {
      const inbox = await create();
      await inbox.record([aChange()]);
      expect(await inbox.record([aChange({ dedupeKey: 'sub-1|updated|evt-1|W/"ck-2"' })])).toBe(1);
      expect(await inbox.listPending(10)).toHaveLength(2);
    });

    it('lists at most the limit, oldest first', async () => {
      const inbox = await create();
      await inbox.record(['a', 'b', 'c'].map((id) => aChange({ dedupeKey: id, resourceId: id })));
      expect((await inbox.listPending(2)).map((e) => e.resourceId)).toEqual(['a', 'b']);
    });

    it('marks entries processed: they leave the pending list, and a lifecycle event may then arrive again', async () => {
      const inbox = await create();
      await inbox.record([aChange(), aLifecycle(), aChange({ dedupeKey: 'other', resourceId: 'evt-2' })]);
      const [first, second] = await inbox.listPending(10);
      await inbox.markProcessed([first?.seq ?? 0, second?.seq ?? 0, 9_999]);
      expect((await inbox.listPending(10)).map((e) => e.resourceId)).toEqual(['evt-2']);
      // A processed change stays recorded for good; a processed lifecycle key may be recorded again.
      expect(await inbox.record([aChange(), aLifecycle()])).toBe(1);
      await inbox.markProcessed([first?.seq ?? 0]);
      expect((await inbox.listPending(10)).map((e) => e.lifecycleEvent)).toEqual([null, 'missed']);
    });

    it('prunes only processed entries received before the instant, after which a repeat is new again', async () => {
      const inbox = await create();
      await inbox.record([
        aChange({ dedupeKey: 'old', receivedAt: '2026-11-01T00:00:00.000Z' }),
        aChange({ dedupeKey: 'old-pending', receivedAt: '2026-11-01T00:00:00.000Z' }),
        aChange({ dedupeKey: 'recent', receivedAt: '2026-11-23T00:00:00.000Z' }),
      ]);
      const [old, , recent] = await inbox.listPending(10);
      await inbox.markProcessed([old?.seq ?? 0, recent?.seq ?? 0]);
      expect(await inbox.pruneProcessed('2026-11-16T00:00:00.000Z')).toBe(1);
      expect((await inbox.listPending(10)).map((e) => e.dedupeKey)).toEqual(['old-pending']);
      expect(await inbox.record([aChange({ dedupeKey: 'old' }), aChange({ dedupeKey: 'recent' })])).toBe(1);
    });

    it('records nothing for an empty batch', async () => {
      const inbox = await create();
      expect(await inbox.record([])).toBe(0);
      expect(await inbox.listPending(10)).toEqual([]);
    });
  });
}
