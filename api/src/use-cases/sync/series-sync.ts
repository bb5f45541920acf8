import { seriesStarts } from '@confer/contracts/time';
import type { Meeting } from '../../domain/scheduling/meeting.ts';
import { actorForUser } from '../scheduling/caller.ts';
import { notify } from '../scheduling/notify.ts';
import type { SchedulingDeps } from '../scheduling/scheduling-deps.ts';
import { followOccurrence, recordFromOutlook } from './occurrence-change.ts';

const DAY_MS = 86_400_000;
/** How far past Confer's last occurrence Outlook's instances are read, to see a series extended there. */
const EXTENSION_HORIZON_DAYS = 730;
/** A series longer than this is not followed further (Confer's own series are bounded well below). */
const MAX_OCCURRENCES = 1_000;

/**
 * Makes a Confer series follow its Outlook instances (docs/reference/graph-calendar.md §3): one `instances` read
 * shows every occurrence Outlook still has, each with its `originalStart`. An occurrence moved there becomes a
 * moved occurrence in Confer, one missing becomes cancelled, one moved back returns to the pattern; when Outlook's
 * last occurrence is earlier or later than Confer's, the series was shortened or extended there and Confer's count
 * follows (occurrences cancelled one by one at the very end read the same way, as "ended earlier"). Reminders
 * follow through the notifier. Answers how many changes it made.
 */
export async function followSeries(deps: SchedulingDeps, meeting: Meeting): Promise<number> {
  if (!meeting.recurrence || !meeting.graphEventId || meeting.status !== 'scheduled') return 0;
  const actor = await actorForUser(deps, meeting.tenantId, meeting.organizerId);
  const mailbox = { userId: meeting.organizerId, email: meeting.organizerEmail };
  const pattern = [...seriesStarts(meeting.start, meeting.timeZone, { ...meeting.recurrence, count: MAX_OCCURRENCES })];
  const confersLast = pattern[meeting.recurrence.count - 1] ?? meeting.start.getTime();
  const window = {
    start: new Date(meeting.start.getTime() - DAY_MS),
    end: new Date(confersLast + EXTENSION_HORIZON_DAYS * DAY_MS),
  };
  const instances = await deps.gateway.listInstances(actor, mailbox, meeting.graphEventId, window);
  if (instances.length === 0) return 0;
  const byOriginal = new Map(instances.flatMap((i) => (i.originalStart ? [[i.originalStart.getTime(), i]] : [])));
  const lastOriginal = Math.max(...byOriginal.keys());
  const count = pattern.indexOf(lastOriginal) + 1;
  let changes = 0;
  let current = meeting;
  if (count > 0 && count !== meeting.recurrence.count) {
    current = await recount(deps, meeting, count);
    changes += 1;
  }
  const known = await deps.meetings.listOccurrences(meeting.tenantId, meeting.id);
  for (const original of pattern.slice(0, current.recurrence?.count ?? 0)) {
    if (await followOccurrence(deps, current, known, original, byOriginal.get(original))) changes += 1;
  }
  return changes;
}

/** The series now has `count` occurrences, as Outlook ended or extended it. */
async function recount(deps: SchedulingDeps, meeting: Meeting, count: number): Promise<Meeting> {
  const rule = meeting.recurrence as NonNullable<Meeting['recurrence']>;
  const after: Meeting = {
    ...meeting,
    recurrence: { ...rule, count },
    version: meeting.version + 1,
    updatedAt: deps.clock.now(),
  };
  if (!(await deps.meetings.update(after, meeting.version))) return meeting;
  await recordFromOutlook(deps, meeting, {
    kind: 'updated',
    summary: count < rule.count ? 'Series ended earlier in Outlook' : 'Series extended in Outlook',
    details: { origin: 'outlook', count, previousCount: rule.count },
  });
  await notify(deps, 'meetingChanged', meeting.id, (n) => n.meetingChanged(meeting, after, 'outlook'));
  return after;
}

/**
 * Follows every upcoming Confer series the person organizes: Outlook named an instance Confer has no id for (a
 * first edit of an occurrence, or an occurrence deleted), and only the series' instances tell which one it was.
 */
export async function followSeriesOf(deps: SchedulingDeps, tenantId: string, organizerId: string): Promise<number> {
  const upcoming = await deps.meetings.listForUser(tenantId, organizerId, {
    from: deps.clock.now(),
    statuses: ['scheduled'],
    limit: 100,
    order: 'asc',
  });
  let changes = 0;
  for (const meeting of upcoming) {
    if (meeting.organizerId === organizerId && meeting.recurrence) changes += await followSeries(deps, meeting);
  }
  return changes;
}
