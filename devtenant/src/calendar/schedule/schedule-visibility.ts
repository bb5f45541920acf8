import type { GraphCaller } from '../../graph/context.ts';
import type { EventInstance } from '../events/event-model.ts';
import { toDateTimeTimeZone } from '../time/date-time.ts';

/**
 * Subject, location and isPrivate are shown only to the mailbox owner, or to others when the item's sensitivity
 * is normal or personal and the calendar lets the organisation see titles and locations
 * (docs/reference/graph-calendar.md §1). Every devtenant mailbox uses Exchange's "titles and locations" organisation
 * sharing; private items stay hidden.
 */
export function scheduleItem(
  instance: EventInstance,
  caller: GraphCaller,
  ownerId: string,
  zone: string,
): Record<string, unknown> {
  const { content } = instance;
  const item: Record<string, unknown> = {
    status: content.showAs,
    start: toDateTimeTimeZone(content.startMs, zone),
    end: toDateTimeTimeZone(content.endMs, zone),
  };
  const isOwner = caller.kind === 'delegated' && caller.userId === ownerId;
  const isPrivate = content.sensitivity === 'private' || content.sensitivity === 'confidential';
  if (isOwner || !isPrivate) {
    return { isPrivate, ...item, subject: content.subject, location: content.location.displayName };
  }
  return item;
}
