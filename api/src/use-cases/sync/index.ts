import type { MeetingNotifier } from '../../ports/meeting-notifier.ts';
import type { NotificationInbox } from '../../ports/notification-inbox.ts';
import type { SyncWorker } from './sync-worker.ts';

export type { SyncDeps } from './sync-deps.ts';
export { createSyncWorker, type SyncWorker } from './sync-worker.ts';

/** The inbox the endpoint records into, waking the worker when something new was recorded. */
export function wakingInbox(inbox: NotificationInbox, worker: Pick<SyncWorker, 'wake'>): NotificationInbox {
  return {
    ...inbox,
    async record(notifications) {
      const added = await inbox.record(notifications);
      if (added > 0) worker.wake();
      return added;
    },
  };
}

/** The meeting notifier, also starting to watch the organizer's calendar when they create a meeting. */
export function watchingNotifier(notifier: MeetingNotifier, worker: Pick<SyncWorker, 'watch'>): MeetingNotifier {
  return {
    ...notifier,
    async meetingCreated(meeting) {
      worker.watch(meeting.tenantId, meeting.organizerId);
      await notifier.meetingCreated(meeting);
    },
  };
}
