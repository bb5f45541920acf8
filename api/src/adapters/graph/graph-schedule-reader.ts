import type { BusyBlock, CalendarReadStatus, FreeBusyStatus } from '../../domain/scheduling/model.ts';
import type { ScheduleAnswer, ScheduleQuery } from '../../ports/scheduling-gateway.ts';
import { clientFor, type GraphActorDeps, mailboxPath, PREFER_UTC } from './graph-actor.ts';
import { call, parse } from './graph-call.ts';
import { type ScheduleInformation, scheduleResponseSchema } from './graph-event-schemas.ts';
import { toInstant } from './graph-time.ts';
import { toWorkingHours } from './graph-zones.ts';

/** getSchedule's documented limit per request (docs/reference/graph-calendar.md §1), counting every address. */
export const MAX_SCHEDULES_PER_REQUEST = 20;
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
  const entries: ScheduleInformation[] = [];
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
        return parse(scheduleResponseSchema, raw, 'getSchedule answer').value;
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
 * Twenty calendars share most of their instants (team meetings, the half-hour grid: about 500 distinct of
 * 1,800 in the demo tenant), so each date-time is parsed once per answer; every block still gets its own Date.
 */
function sharedInstants(): InstantReader {
  // Keyed by zone, then date-time: no key string to build per look-up.
  const zones = new Map<string, Map<string, number>>();
  return (value) => {
    let parsed = zones.get(value.timeZone);
    if (!parsed) {
      parsed = new Map();
      zones.set(value.timeZone, parsed);
    }
    let ms = parsed.get(value.dateTime);
    if (ms === undefined) {
      ms = toInstant(value).getTime();
      parsed.set(value.dateTime, ms);
    }
    return new Date(ms);
  };
}

function toAnswer(
  email: string,
  entry: ScheduleInformation | undefined,
  own: boolean,
  instant: InstantReader,
): ScheduleAnswer {
  if (!entry) return { email, status: 'unknown', timeZone: null, workingHours: null, blocks: [] };
  if (entry.error) {
    return { email, status: readStatus(entry.error), timeZone: null, workingHours: null, blocks: [] };
  }
  const workingHours = toWorkingHours(entry.workingHours);
  const blocks = (entry.scheduleItems ?? []).map((item): BusyBlock => {
    const block: BusyBlock = { start: instant(item.start), end: instant(item.end), status: toStatus(item.status) };
    // Titles only from the organizer's own calendar: others' subjects are theirs
    // (docs/reference/design.md §5).
    return own && item.subject ? { ...block, subject: item.subject } : block;
  });
  return { email, status: 'ok', timeZone: workingHours?.timeZone ?? null, workingHours, blocks };
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

function toStatus(status: string): FreeBusyStatus {
  return status === 'workingelsewhere' ? 'workingElsewhere' : (status as FreeBusyStatus);
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
