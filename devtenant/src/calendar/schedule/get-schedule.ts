import type { Request } from 'express';
import { z } from 'zod';
import type { DirectoryUser, GraphCaller, GraphContext } from '../../graph/context.ts';
import { GraphHttpError } from '../../graph/context.ts';
import type { CalendarStore } from '../calendar-store.ts';
import { instancesInWindow } from '../events/instance-expander.ts';
import { parseDateTimeTimeZone } from '../time/date-time.ts';
import { computeAvailabilityView } from './availability-view.ts';
import { scheduleItem } from './schedule-visibility.ts';

/** Observed service limit (docs-contrib#5895): more than 100 addresses → ErrorMailboxDataArrayTooBig. */
export const MAX_SCHEDULES = 100;
/** Documented: the window must be shorter than 62 days (docs/reference/graph-calendar.md §1). */
const MAX_WINDOW_MS = 62 * 86_400_000;

const requestSchema = z.object({
  schedules: z.array(z.string()).min(1),
  starttime: z.object({ datetime: z.string(), timezone: z.string() }),
  endtime: z.object({ datetime: z.string(), timezone: z.string() }),
  // `null` made the real service fail with 500 (docs#4494); devtenant answers a clear 400 instead.
  availabilityviewinterval: z.number().int().min(5).max(1440).optional(),
});

/** getSchedule property names are case-insensitive (the concept page sends `Schedules`, `StartTime`). */
function lowerKeys(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k.toLowerCase(), k.toLowerCase() === 'schedules' ? v : lowerKeys(v)]),
  );
}

export interface ScheduleRequest {
  schedules: string[];
  fromMs: number;
  toMs: number;
  interval: number;
}

export function parseScheduleRequest(body: unknown): ScheduleRequest {
  const parsed = requestSchema.safeParse(lowerKeys(body ?? {}));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new GraphHttpError(
      400,
      'RequestBodyRead',
      `Invalid getSchedule request: '${issue?.path.join('.')}' ${issue?.message ?? ''}`,
    );
  }
  const { schedules, starttime, endtime, availabilityviewinterval } = parsed.data;
  if (schedules.length > MAX_SCHEDULES) {
    throw new GraphHttpError(
      400,
      'ErrorMailboxDataArrayTooBig',
      `There are too many target users in the EmailAddress array. The allowed size = ${MAX_SCHEDULES}; the actual size = ${schedules.length}.`,
    );
  }
  const fromMs = parseDateTimeTimeZone(
    { dateTime: starttime.datetime, timeZone: starttime.timezone },
    'startTime',
  ).toMillis();
  const toMs = parseDateTimeTimeZone({ dateTime: endtime.datetime, timeZone: endtime.timezone }, 'endTime').toMillis();
  if (toMs <= fromMs)
    throw new GraphHttpError(400, 'ErrorInvalidTimeInterval', 'The end time must be later than the start time.');
  if (toMs - fromMs >= MAX_WINDOW_MS) {
    throw new GraphHttpError(
      400,
      'ErrorTimeIntervalTooBig',
      'The requested time interval must be shorter than 62 days.',
    );
  }
  return { schedules, fromMs, toMs, interval: availabilityviewinterval ?? 30 };
}

export interface ScheduleDeps {
  ctx: GraphContext;
  store: CalendarStore;
}

function unresolved(address: string): Record<string, unknown> {
  return {
    scheduleId: address,
    error: {
      message: `Unable to resolve e-mail address ${address} to an Active Directory object.`,
      responseCode: '5009',
    },
  };
}

/**
 * One scheduleInformation entry; a per-address failure is that entry's `error`, never an HTTP error
 * (docs/reference/graph-calendar.md §1).
 */
export function scheduleInformation(
  deps: ScheduleDeps,
  req: Request,
  caller: GraphCaller,
  tenantId: string,
  address: string,
  request: ScheduleRequest,
  zone: string,
): Record<string, unknown> {
  const user = deps.ctx.directory.findByEmail(tenantId, address);
  if (!user) return unresolved(address);
  let owner: DirectoryUser;
  try {
    owner = deps.ctx.resolveMailbox(req, caller, user.id, 'freeBusy');
  } catch (error) {
    if (!(error instanceof GraphHttpError)) throw error;
    return { scheduleId: address, error: { message: error.message, responseCode: error.code } };
  }
  const instances = instancesInWindow(deps.store.records(owner.id), request.fromMs, request.toMs).filter(
    (i) => !i.content.isCancelled,
  );
  const busy = instances.map((i) => ({ startMs: i.content.startMs, endMs: i.content.endMs, status: i.content.showAs }));
  return {
    scheduleId: address,
    availabilityView: computeAvailabilityView(busy, request.fromMs, request.toMs, request.interval),
    scheduleItems: instances.map((i) => scheduleItem(i, caller, owner.id, zone)),
    workingHours: {
      daysOfWeek: owner.workingHours.daysOfWeek,
      startTime: owner.workingHours.startTime,
      endTime: owner.workingHours.endTime,
      timeZone: { name: owner.workingHours.timeZone },
    },
  };
}
