import type { GraphContext } from '../graph/context.ts';
import type { CalendarStore } from './calendar-store.ts';
import type { RandomBytes } from './events/event-ids.ts';

/** What the calendar's routes and use cases need, passed in explicitly. */
export interface CalendarDeps {
  ctx: GraphContext;
  store: CalendarStore;
  random: RandomBytes;
}
