import type { CalendarChange, Clock, Directory } from '../../graph/context.ts';
import type { CalendarStore } from '../calendar-store.ts';
import type { MeetingDeps } from '../meetings/meeting-propagation.ts';
import type { RandomBytes } from './event-ids.ts';

/** What event writes need; `publish` is the core's publishChange at runtime and silent while seeding. */
export interface WriterDeps {
  store: CalendarStore;
  directory: Directory;
  random: RandomBytes;
  clock: Clock;
  publish(change: CalendarChange): void;
}

export function meetingDeps(deps: WriterDeps): MeetingDeps {
  return { ...deps, nowMs: deps.clock.now().getTime() };
}
