import { DateTime, Duration } from 'luxon';
import { z } from 'zod';
import type { DirectoryUser } from '../../graph/context.ts';
import { GraphHttpError } from '../../graph/context.ts';
import { dateTimeTimeZoneInput } from '../events/event-input.ts';
import { parseDateTimeTimeZone } from '../time/date-time.ts';
import { requireIana } from '../time/time-zones.ts';

const address = z.object({ address: z.string(), name: z.string().optional() });
const requestSchema = z.object({
  attendees: z.array(z.object({ type: z.string().optional(), emailAddress: address })).optional(),
  locationConstraint: z
    .object({
      isRequired: z.boolean().optional(),
      suggestLocation: z.boolean().optional(),
      locations: z
        .array(z.object({ displayName: z.string(), resolveAvailability: z.boolean().optional() }).loose())
        .optional(),
    })
    .optional(),
  timeConstraint: z
    .object({
      activityDomain: z.enum(['work', 'personal', 'unrestricted', 'unknown']).optional(),
      timeSlots: z.array(z.object({ start: dateTimeTimeZoneInput, end: dateTimeTimeZoneInput })).optional(),
    })
    .optional(),
  // The docs' own example sends booleans as strings ("false"), which the service accepts.
  isOrganizerOptional: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]).optional(),
  meetingDuration: z.string().optional(),
  maxCandidates: z.number().int().min(1).optional(),
  returnSuggestionReasons: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]).optional(),
  minimumAttendeePercentage: z.number().min(0).max(100).optional(),
});

export interface MeetingTimeRequest {
  attendees: { type: string; address: string; name: string | undefined }[];
  locations: string[];
  domain: 'work' | 'personal' | 'unrestricted';
  slots: { fromMs: number; toMs: number }[];
  organizerOptional: boolean;
  durationMs: number;
  maxCandidates: number;
  reasons: boolean;
  minimumPercentage: number;
}

/**
 * Without a maxCandidates the service picks a number; devtenant returns at most this many (undocumented,
 * docs/reference/graph-calendar.md §2).
 */
const DEFAULT_MAX_CANDIDATES = 20;

/** Without timeSlots, devtenant searches from the next half hour to the end of the second working day after today. */
function defaultSlots(organizer: DirectoryUser, nowMs: number): { fromMs: number; toMs: number }[] {
  const zone = requireIana(organizer.timeZone);
  const now = DateTime.fromMillis(nowMs, { zone });
  const from = now.plus({ minutes: 30 - (now.minute % 30) }).startOf('minute');
  let end = now.startOf('day');
  for (let added = 0; added < 2; ) {
    end = end.plus({ days: 1 });
    if (end.weekday <= 5) added++;
  }
  return [{ fromMs: from.toMillis(), toMs: end.endOf('day').toMillis() }];
}

export function parseMeetingTimeRequest(body: unknown, organizer: DirectoryUser, nowMs: number): MeetingTimeRequest {
  const parsed = requestSchema.safeParse(body ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new GraphHttpError(
      400,
      'RequestBodyRead',
      `Invalid findMeetingTimes request: '${issue?.path.join('.')}' ${issue?.message ?? ''}`,
    );
  }
  const input = parsed.data;
  const duration = Duration.fromISO(input.meetingDuration ?? 'PT30M');
  if (!duration.isValid || duration.toMillis() <= 0) {
    throw new GraphHttpError(400, 'RequestBodyRead', `'${input.meetingDuration}' is not a valid ISO 8601 duration.`);
  }
  const slots = input.timeConstraint?.timeSlots?.map((slot) => ({
    fromMs: parseDateTimeTimeZone(slot.start, 'timeSlots.start').toMillis(),
    toMs: parseDateTimeTimeZone(slot.end, 'timeSlots.end').toMillis(),
  }));
  const domain = input.timeConstraint?.activityDomain;
  return {
    attendees: (input.attendees ?? []).map((a) => ({
      type: a.type ?? 'required',
      address: a.emailAddress.address,
      name: a.emailAddress.name,
    })),
    locations: (input.locationConstraint?.locations ?? []).map((l) => l.displayName),
    domain: domain === 'personal' || domain === 'unrestricted' ? domain : 'work',
    slots: slots?.length ? slots : defaultSlots(organizer, nowMs),
    organizerOptional: input.isOrganizerOptional ?? false,
    durationMs: duration.toMillis(),
    maxCandidates: input.maxCandidates ?? DEFAULT_MAX_CANDIDATES,
    reasons: input.returnSuggestionReasons ?? false,
    minimumPercentage: input.minimumAttendeePercentage ?? 50,
  };
}
