import { describe, expect, it } from 'vitest';
import type { MeetingNotifier } from '../../ports/meeting-notifier.ts';
import { notify } from './notify.ts';
import type { SchedulingDeps } from './scheduling-deps.ts';

function depsWith(notifier: MeetingNotifier | undefined) {
  const errors: unknown[][] = [];
  const logger = { error: (...args: unknown[]) => errors.push(args) } as unknown as SchedulingDeps['logger'];
  const deps = { logger, ...(notifier ? { notifier } : {}) } as SchedulingDeps;
  return { deps, errors };
}

describe('notify', () => {
  it('a failing notifier is logged with the event and meeting, and never fails the saved change', async () => {
    const failing = new Error('queue is read-only');
    const { deps, errors } = depsWith({
      meetingCreated: async () => {
        throw failing;
      },
    } as unknown as MeetingNotifier);
    await expect(notify(deps, 'meetingCreated', 'm-1', (n) => n.meetingCreated({} as never))).resolves.toBeUndefined();
    expect(errors).toEqual([
      ['meeting notification failed', { event: 'meetingCreated', meetingId: 'm-1', error: failing }],
    ]);
  });

  it('without a notifier nobody is told and nothing is logged', async () => {
    const { deps, errors } = depsWith(undefined);
    let called = false;
    await notify(deps, 'meetingCancelled', 'm-1', async () => {
      called = true;
    });
    expect(called).toBe(false);
    expect(errors).toEqual([]);
  });
});
