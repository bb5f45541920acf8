import { DateTime } from 'luxon';
import type { Directory, DirectoryUser } from '../../graph/context.ts';
import type { CalendarStore } from '../calendar-store.ts';
import type { ShowAs } from '../events/event-model.ts';
import { instancesInWindow } from '../events/instance-expander.ts';
import { toDateTimeTimeZone } from '../time/date-time.ts';
import { requireIana } from '../time/time-zones.ts';
import { strongestStatus } from './availability-view.ts';
import type { MeetingTimeRequest } from './meeting-time-request.ts';

const STEP_MS = 30 * 60_000;

/**
 * Chance of attendance per status (docs/reference/graph-calendar.md §2): free 100, unknown 49, busy 0; tentative and
 * oof count as busy.
 */
function attendance(status: ShowAs): number {
  if (status === 'free' || status === 'workingElsewhere') return 100;
  return status === 'unknown' ? 49 : 0;
}

function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/**
 * `work` = the organizer's working hours; `personal` = those hours on every day; `unrestricted` = any time
 * (docs/reference/graph-calendar.md §2).
 */
function inActivityDomain(
  startMs: number,
  endMs: number,
  organizer: DirectoryUser,
  domain: MeetingTimeRequest['domain'],
): boolean {
  if (domain === 'unrestricted') return true;
  const hours = organizer.workingHours;
  const zone = requireIana(hours.timeZone);
  const start = DateTime.fromMillis(startMs, { zone });
  const end = DateTime.fromMillis(endMs, { zone });
  const day = start.setLocale('en-US').toFormat('cccc').toLowerCase();
  if (domain === 'work' && !hours.daysOfWeek.includes(day as never)) return false;
  const endMinutes = end.hasSame(start, 'day') ? end.hour * 60 + end.minute : 24 * 60;
  return (
    start.hour * 60 + start.minute >= minutesOf(hours.startTime) &&
    endMinutes <= minutesOf(hours.endTime) &&
    end.diff(start, 'days').days < 1
  );
}

type Availability = (startMs: number, endMs: number) => ShowAs;

function availabilityOf(store: CalendarStore, user: DirectoryUser | undefined): Availability {
  if (!user?.mail) return () => 'unknown';
  const records = store.records(user.id);
  return (startMs, endMs) => {
    const statuses = instancesInWindow(records, startMs, endMs)
      .filter((i) => !i.content.isCancelled)
      .map((i) => i.content.showAs);
    return strongestStatus(statuses);
  };
}

export interface MeetingTimeDeps {
  store: CalendarStore;
  directory: Directory;
}

/**
 * findMeetingTimes (docs/reference/graph-calendar.md §2): candidates every half hour, scored, filtered and ordered as
 * documented.
 */
export function findMeetingTimes(
  deps: MeetingTimeDeps,
  organizer: DirectoryUser,
  request: MeetingTimeRequest,
  zone: string,
) {
  const organizerAvailability = availabilityOf(deps.store, organizer);
  const attendees = request.attendees.map((a) => {
    const user = deps.directory.findByEmail(organizer.tenantId, a.address);
    return { ...a, known: Boolean(user?.mail), availability: availabilityOf(deps.store, user) };
  });
  const suggestions: { startMs: number; confidence: number; organizer: ShowAs; each: ShowAs[] }[] = [];
  let organizerBusyEverywhere = true;
  for (const slot of request.slots) {
    for (
      let startMs = Math.ceil(slot.fromMs / STEP_MS) * STEP_MS;
      startMs + request.durationMs <= slot.toMs;
      startMs += STEP_MS
    ) {
      const endMs = startMs + request.durationMs;
      if (!inActivityDomain(startMs, endMs, organizer, request.domain)) continue;
      const organizerStatus = organizerAvailability(startMs, endMs);
      if (!request.organizerOptional && attendance(organizerStatus) < 100) continue;
      organizerBusyEverywhere = false;
      const each = attendees.map((a) => a.availability(startMs, endMs));
      const confidence = each.length ? each.reduce((sum, s) => sum + attendance(s), 0) / each.length : 100;
      if (confidence >= request.minimumPercentage)
        suggestions.push({ startMs, confidence, organizer: organizerStatus, each });
    }
  }
  suggestions.sort((a, b) => b.confidence - a.confidence || a.startMs - b.startMs);
  const picked = suggestions.slice(0, request.maxCandidates);
  return {
    emptySuggestionsReason: picked.length
      ? ''
      : emptyReason(
          organizerBusyEverywhere,
          request,
          attendees.every((a) => a.known),
        ),
    meetingTimeSuggestions: picked.map((s, index) => ({
      confidence: Math.round(s.confidence * 100) / 100,
      order: index + 1,
      organizerAvailability: s.organizer,
      ...(request.reasons ? { suggestionReason: reason(s.confidence) } : {}),
      attendeeAvailability: request.attendees.map((a, i) => ({
        attendee: { type: a.type, emailAddress: { address: a.address, ...(a.name ? { name: a.name } : {}) } },
        availability: s.each[i],
      })),
      locations: request.locations.map((displayName) => ({ displayName })),
      meetingTimeSlot: {
        start: toDateTimeTimeZone(s.startMs, zone),
        end: toDateTimeTimeZone(s.startMs + request.durationMs, zone),
      },
    })),
  };
}

function reason(confidence: number): string {
  return confidence === 100
    ? 'Suggested because it is one of the nearest times when all attendees are available.'
    : 'Suggested because it is one of the nearest times when most attendees are available.';
}

function emptyReason(organizerBusy: boolean, request: MeetingTimeRequest, allKnown: boolean): string {
  if (organizerBusy && !request.organizerOptional) return 'organizerUnavailable';
  return allKnown ? 'attendeesUnavailable' : 'attendeesUnavailableOrUnknown';
}
