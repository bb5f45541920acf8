import { AppError } from '../../domain/app-error.ts';
import type { BusyBlock, Interval, PersonAvailability, PersonRef } from '../../domain/scheduling/model.ts';
import { itemsWithin, widenToSteps } from '../../domain/scheduling/schedule-window.ts';
import type { ScheduleAnswer } from '../../ports/scheduling-gateway.ts';
import { actorFor, type Caller } from './caller.ts';
import type { SchedulingDeps } from './scheduling-deps.ts';
import { unreadableMessage } from './status-messages.ts';

const DAY_MS = 24 * 3_600_000;
/** getSchedule refuses windows of 62 days or more (docs/reference/graph-calendar.md §1). */
export const MAX_WINDOW_DAYS = 62;
export const DEFAULT_WINDOW_DAYS = 14;
/** Resolution of the free/busy view Confer asks for; blocks keep their exact times regardless. */
const VIEW_INTERVAL_MINUTES = 15;

export interface AvailabilityResult {
  window: Interval;
  /** The organizer first, then attendees in the order asked. */
  people: (PersonAvailability & { isOrganizer: boolean; message: string | null })[];
}

/** Validates a window: default two weeks from now, end after start, shorter than 62 days. */
export function resolveWindow(now: Date, start?: string, end?: string): Interval {
  // The default start is now, floored to the view interval: availability, suggestions and clash checks made
  // moments apart then ask for the same window, so the cached getSchedule answer serves all of them.
  const step = VIEW_INTERVAL_MINUTES * 60_000;
  const from = start ? new Date(start) : new Date(Math.floor(now.getTime() / step) * step);
  const to = end ? new Date(end) : new Date(from.getTime() + DEFAULT_WINDOW_DAYS * DAY_MS);
  if (to <= from) throw new AppError('validation_failed', 'The window must end after it starts.');
  if (to.getTime() - from.getTime() >= MAX_WINDOW_DAYS * DAY_MS) {
    throw new AppError('validation_failed', `The window must be shorter than ${MAX_WINDOW_DAYS} days.`);
  }
  return { start: from, end: to };
}

/**
 * Everyone's free/busy, working hours and zone for a window: the organizer's own events with titles,
 * others as blocks only, and for each calendar that cannot be read a status and what to do.
 * Graph is asked once per 20 readable people (getSchedule) and nothing else; answers are cached briefly.
 */
export async function loadAvailability(
  deps: SchedulingDeps,
  caller: Caller,
  attendeeEmails: readonly string[],
  window: Interval,
): Promise<AvailabilityResult> {
  const emails = attendeeEmails.map((e) => e.toLowerCase());
  if (emails.includes(caller.mailbox.email)) {
    throw new AppError('validation_failed', 'You are the organizer: list only the other people.');
  }
  const actor = await actorFor(deps, caller);
  const directory = emails.length ? await deps.directory.resolveEmails(actor, emails) : new Map();
  rejectUnknownColleagues(caller, emails, directory);
  const people: PersonRef[] = [
    { userId: caller.mailbox.userId, email: caller.mailbox.email, displayName: caller.displayName },
    ...emails.map((email) => {
      const entry = directory.get(email);
      return { userId: entry?.userId ?? null, email, displayName: entry?.displayName ?? email };
    }),
  ];
  const readable = people.filter((p, i) => i === 0 || (p.userId && directory.get(p.email)?.hasMailbox));
  const answers = await readSchedules(deps, caller, actor, readable, window);
  const conferBusy = await conferMeetingIntervals(deps, caller.identity.tenantId, people, window);
  const organizerZone = answers.get(caller.mailbox.email)?.timeZone ?? 'UTC';

  return {
    window,
    people: people.map((person, index) => {
      const answer = answers.get(person.email);
      const status = answer?.status ?? (person.userId ? 'mailbox_not_enabled' : 'external');
      return {
        person,
        isOrganizer: index === 0,
        status,
        message: unreadableMessage(status, person.displayName),
        timeZone: answer?.timeZone ?? organizerZone,
        workingHours: status === 'ok' ? (answer?.workingHours ?? null) : null,
        blocks: status === 'ok' ? markConferMeetings(answer?.blocks ?? [], conferBusy.get(person.userId ?? '')) : [],
      };
    }),
  };
}

/**
 * An address at the organizer's own domain that the directory does not know is a typo, not a guest:
 * refuse it rather than invite nobody. Other domains are external people, who still get invitations.
 */
export function rejectUnknownColleagues(
  caller: Caller,
  emails: readonly string[],
  directory: ReadonlyMap<string, unknown>,
): void {
  const ownDomain = caller.mailbox.email.split('@')[1];
  const unknown = emails.filter((e) => e.split('@')[1] === ownDomain && !directory.has(e));
  if (unknown.length > 0) {
    throw new AppError('unknown_person', `No one in your organisation has the address ${unknown.join(', ')}.`, {
      details: { emails: unknown },
    });
  }
}

async function readSchedules(
  deps: SchedulingDeps,
  caller: Caller,
  actor: Awaited<ReturnType<typeof actorFor>>,
  people: readonly PersonRef[],
  window: Interval,
): Promise<Map<string, ScheduleAnswer>> {
  const addresses = people.map((p) => p.email);
  // Graph is asked for whole view intervals and the answer trimmed back, so windows a moment apart (or shifted
  // by a millisecond on purpose) share one cached answer instead of each spending the tenant's Graph budget.
  const asked = widenToSteps(window, VIEW_INTERVAL_MINUTES * 60_000, MAX_WINDOW_DAYS * DAY_MS);
  const key = `${caller.mailbox.userId}|${[...addresses].sort().join(',')}|${asked.start.toISOString()}|${asked.end.toISOString()}`;
  const tenantId = caller.identity.tenantId;
  let answers = deps.availabilityCache.get(tenantId, key);
  if (!answers) {
    answers = await deps.gateway.getSchedules({
      actor,
      organizer: caller.mailbox,
      addresses,
      window: asked,
      intervalMinutes: VIEW_INTERVAL_MINUTES,
    });
    deps.availabilityCache.set(tenantId, key, answers);
  }
  return new Map(answers.map((a) => [a.email.toLowerCase(), { ...a, blocks: itemsWithin(a.blocks, window) }]));
}

/** Confer's own meetings per person in the window, so the per-day meeting cap can count them. */
async function conferMeetingIntervals(
  deps: SchedulingDeps,
  tenantId: string,
  people: readonly PersonRef[],
  window: Interval,
): Promise<Map<string, Interval[]>> {
  const userIds = people.flatMap((p) => (p.userId ? [p.userId] : []));
  const rows = await deps.meetings.countMeetingsByUserAndDay(tenantId, userIds, window);
  const byUser = new Map<string, Interval[]>();
  for (const row of rows)
    byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), { start: row.start, end: row.end }]);
  return byUser;
}

function markConferMeetings(blocks: readonly BusyBlock[], confer: readonly Interval[] | undefined): BusyBlock[] {
  if (!confer?.length) return [...blocks];
  const keys = new Set(confer.map((i) => `${i.start.getTime()}|${i.end.getTime()}`));
  return blocks.map((b) => (keys.has(`${b.start.getTime()}|${b.end.getTime()}`) ? { ...b, isConferMeeting: true } : b));
}
