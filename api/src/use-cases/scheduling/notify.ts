import type { MeetingNotifier } from '../../ports/meeting-notifier.ts';
import type { SchedulingDeps } from './scheduling-deps.ts';

/**
 * Tells the people in a meeting, after the change is saved. The change has happened in Outlook and in
 * Confer by now, so a notifier failure is logged and never fails (or undoes) the person's change.
 */
export async function notify(
  deps: SchedulingDeps,
  event: keyof MeetingNotifier,
  meetingId: string,
  send: (notifier: MeetingNotifier) => Promise<void>,
): Promise<void> {
  if (!deps.notifier) return;
  try {
    await send(deps.notifier);
  } catch (error) {
    deps.logger.error('meeting notification failed', { event, meetingId, error });
  }
}
