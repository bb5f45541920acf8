import { AppError } from '../../domain/app-error.ts';
import type { BusyBlock, CalendarReadStatus, FreeBusyStatus } from '../../domain/scheduling/model.ts';
import type { ScheduleAnswer, ScheduleQuery } from '../../ports/scheduling-gateway.ts';
import { clientFor, type GraphActorDeps, mailboxPath, PREFER_UTC } from './graph-actor.ts';
import { call, parse } from './graph-call.ts';
import { type ScheduleAnswerEntry, scheduleAnswerSchema } from './graph-event-schemas.ts';
import { toInstant } from './graph-time.ts';
import { toWorkingHours } from './graph-zones.ts';

/** getSchedule's documented limit per request (docs/reference/graph-calendar.md §1), counting every address. */
export const MAX_SCHEDULES_PER_REQUEST = 20;
const WHAT = 'getSchedule answer';
/**
 * Outlook allows 4 concurrent requests per app and mailbox (docs/reference/graph-calendar.md §7); every chunk addresses
 * the organizer's.
 */
const MAX_CONCURRENT_REQUESTS = 4;

/**
 * Free/busy, working hours and (own) titles for everyone in `query`: one getSchedule request per 20 addresses
 * and nothing else. A calendar that cannot be read is a status on its answer, never a failed call and never
 * "free".
 */
export async function readSchedules(deps: GraphActorDeps, query: ScheduleQuery): Promise<ScheduleAnswer[]> {
  const addresses = uniqueAddresses(query.addresses);
  if (addresses.length === 0) return [];
  const client = await clientFor(deps, query.actor);
  const path = `${mailboxPath(query.actor, query.organizer)}/calendar/getSchedule`;
  const chunks = chunk(addresses, MAX_SCHEDULES_PER_REQUEST);
  const entries: ScheduleAnswerEntry[] = [];
  for (const group of chunk(chunks, MAX_CONCURRENT_REQUESTS)) {
    const answers = await Promise.all(
      group.map(async (schedules) => {
        const body = {
          schedules,
          startTime: { dateTime: utcDateTime(query.window.start), timeZone: 'UTC' },
          endTime: { dateTime: utcDateTime(query.window.end), timeZone: 'UTC' },
          availabilityViewInterval: query.intervalMinutes,
        };
        const raw = await call(() => client.api(path).header('Prefer', PREFER_UTC).post(body));
        return parse(scheduleAnswerSchema, raw, WHAT).value;
      }),
    );
    entries.push(...answers.flat());
  }
  const byAddress = new Map(entries.map((e) => [e.scheduleId.toLowerCase(), e]));
  const organizer = query.organizer.email.toLowerCase();
  const instant = sharedInstants();
  return addresses.map((email) =>
    toAnswer(email, byAddress.get(email.toLowerCase()), email.toLowerCase() === organizer, instant),
  );
}

type InstantReader = (value: { dateTime: string; timeZone: string }) => Date;

/**
 * Twenty calendars share most of their instants (team meetings, the half-hour grid: about 500 distinct of 1,800
 * in the demo tenant), and the next read of the same people names the same ones again, so each UTC date-time is
 * read once and its Date shared by every block that names it (nothing in Confer changes a Date in place). Bounded:
 * emptied when full. Other zones, rare as Confer asks for UTC, are read once per answer.
 */
const utcInstants = new Map<string, Date>();
const MAX_UTC_INSTANTS = 50_000;

function sharedInstants(): InstantReader {
  const zones = new Map<string, Map<string, Date>>();
  return (value) => {
    let known = value.timeZone === 'UTC' ? utcInstants : zones.get(value.timeZone);
    if (!known) {
      known = new Map();
      zones.set(value.timeZone, known);
    }
    let instant = known.get(value.dateTime);
    if (instant === undefined) {
      instant = toInstant(value);
      if (known === utcInstants && utcInstants.size >= MAX_UTC_INSTANTS) utcInstants.clear();
      known.set(value.dateTime, instant);
    }
    return instant;
  };
}

function toAnswer(
  email: string,
  entry: ScheduleAnswerEntry | undefined,
  own: boolean,
  instant: InstantReader,
): ScheduleAnswer {
  if (!entry) return { email, status: 'unknown', timeZone: null, workingHours: null, blocks: [] };
  if (entry.error) {
    return { email, status: readStatus(entry.error), timeZone: null, workingHours: null, blocks: [] };
  }
  const workingHours = toWorkingHours(entry.workingHours);
  const blocks = (entry.scheduleItems ?? []).map((item) => toBlock(item, own, instant));
  return { email, status: 'ok', timeZone: workingHours?.timeZone ?? null, workingHours, blocks };
}

/**
 * One schedule item, checked as scheduleItemSchema checks it (times as date-time and zone, a status, an optional
 * subject and privacy flag); one that does not fit makes the whole answer `graph_bad_response`, as before.
 * Titles are kept only from the organizer's own calendar: others' subjects are theirs (docs/reference/design.md §5).
 */
function toBlock(item: unknown, own: boolean, instant: InstantReader): BusyBlock {
  if (typeof item !== 'object' || item === null) throw badAnswer();
  const { start, end, status, subject, isPrivate } = item as Record<string, unknown>;
  if (
    !isDateTime(start) ||
    !isDateTime(end) ||
    typeof status !== 'string' ||
    !(subject == null || typeof subject === 'string') ||
    !(isPrivate == null || typeof isPrivate === 'boolean')
  ) {
    throw badAnswer();
  }
  const block = { start: instant(start), end: instant(end), status: toStatus(status) };
  return own && subject ? { ...block, subject } : block;
}

function isDateTime(value: unknown): value is { dateTime: string; timeZone: string } {
  if (typeof value !== 'object' || value === null) return false;
  const { dateTime, timeZone } = value as Record<string, unknown>;
  return typeof dateTime === 'string' && typeof timeZone === 'string';
}

function badAnswer(): AppError {
  return new AppError('graph_bad_response', `Microsoft Graph returned an unexpected ${WHAT}.`);
}

/**
 * A per-entry `error` (docs/reference/graph-calendar.md §1): 5009 = the address resolves to nobody in the directory (an
 * external person); ErrorAccessDenied / "[RAOP]" = outside the admin's Application Access Policy;
 * MailboxNotEnabledForRESTAPI = an account without an Exchange Online mailbox.
 */
export function readStatus(error: { message?: string | null; responseCode?: string | null }): CalendarReadStatus {
  const code = error.responseCode ?? '';
  const message = error.message ?? '';
  if (code === '5009' || /unable to resolve/i.test(message)) return 'external';
  if (
    /MailboxNotEnabledForRESTAPI/i.test(code) ||
    /mailbox is either inactive|not yet supported for this mailbox/i.test(message)
  ) {
    return 'mailbox_not_enabled';
  }
  if (
    /ErrorAccessDenied|accessDenied/i.test(code) ||
    /RAOP|access is denied|access to odata is disabled/i.test(message)
  ) {
    return 'outside_access_policy';
  }
  return 'unknown';
}

/** Graph's own examples disagree on case ("Busy", "busy"); anything unknown is `unknown`, never free. */
const STATUSES: ReadonlyMap<string, FreeBusyStatus> = new Map([
  ['free', 'free'],
  ['tentative', 'tentative'],
  ['busy', 'busy'],
  ['oof', 'oof'],
  ['workingelsewhere', 'workingElsewhere'],
  ['unknown', 'unknown'],
]);

function toStatus(status: string): FreeBusyStatus {
  return STATUSES.get(status) ?? STATUSES.get(status.toLowerCase()) ?? 'unknown';
}

/** Order kept, duplicates dropped (case-insensitive): one address costs one slot of the 20. */
function uniqueAddresses(addresses: readonly string[]): string[] {
  const seen = new Set<string>();
  return addresses.filter((a) => {
    const key = a.trim().toLowerCase();
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function utcDateTime(instant: Date): string {
  return instant.toISOString().replace(/Z$/, '');
}
