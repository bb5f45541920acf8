import { z } from 'zod';
import { WEEKDAYS_FROM_MONDAY } from './time/date-key.ts';
import { isTimeZone } from './time/zoned-time.ts';

/**
 * The scheduling API (issue: scheduling core). One set of zod schemas validates requests in the API,
 * types the tab and the bot, and generates /api/openapi.json.
 */

export const LIMITS = {
  /** Graph getSchedule answers up to 20 entities per request; Confer schedules up to 20 people per meeting. */
  maxPeople: 20,
  /** getSchedule refuses windows of 62 days or more (docs/reference/graph-calendar.md §1). */
  maxWindowDays: 62,
  defaultWindowDays: 14,
  minDurationMinutes: 5,
  maxDurationMinutes: 480,
  maxTitle: 255,
  maxLocation: 255,
  maxAgenda: 4_000,
  maxNote: 20_000,
  maxComment: 1_000,
  maxActionTitle: 500,
  maxSuggestions: 10,
  maxSeriesOccurrences: 52,
} as const;

const instant = z.iso.datetime({ offset: true }).describe('ISO 8601 instant, e.g. 2026-11-23T09:00:00Z');
const email = z.email().max(320);
const ianaZone = z.string().min(1).max(64).refine(isTimeZone, 'must be an IANA time zone such as Europe/London');
const id = z
  .string()
  .regex(/^[A-Za-z0-9-]{1,64}$/, 'malformed id')
  .describe('Confer id');

export const recurrenceSchema = z.object({
  kind: z.enum(['weekly', 'biweekly', 'monthly']),
  count: z.number().int().min(2).max(LIMITS.maxSeriesOccurrences),
});
/** How a series repeats; its dates are the rule in `@confer/contracts/time` (time/series.ts). */
export type Recurrence = z.infer<typeof recurrenceSchema>;
export type RecurrenceKind = Recurrence['kind'];
/** Every kind of series, in the order a person is offered them. */
export const RECURRENCE_KINDS: readonly RecurrenceKind[] = recurrenceSchema.shape.kind.options;

export const calendarReadStatusSchema = z.enum([
  'ok',
  'not_connected',
  'consent_required',
  'outside_access_policy',
  'mailbox_not_enabled',
  'external',
  'unknown',
]);
export type CalendarReadStatus = z.infer<typeof calendarReadStatusSchema>;

export const freeBusyStatusSchema = z.enum(['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown']);

const attendeesField = z
  .array(email)
  .max(LIMITS.maxPeople - 1, `at most ${LIMITS.maxPeople - 1} people besides you`)
  .refine((list) => new Set(list.map((e) => e.toLowerCase())).size === list.length, 'each person once');

export const personSchema = z.object({
  userId: z.string().nullable(),
  email: z.string(),
  displayName: z.string(),
});

export const availabilityPersonSchema = z.object({
  person: personSchema,
  isOrganizer: z.boolean(),
  status: calendarReadStatusSchema,
  /** What to do about an unreadable calendar, in plain language; null when readable. */
  message: z.string().nullable(),
  timeZone: z.string(),
  workingHours: z
    .object({ days: z.array(z.string()), start: z.string(), end: z.string(), timeZone: z.string() })
    .nullable(),
  blocks: z.array(
    z.object({
      start: z.string(),
      end: z.string(),
      status: freeBusyStatusSchema,
      /** Only on the organizer's own events. */
      subject: z.string().optional(),
      isConferMeeting: z.boolean().optional(),
    }),
  ),
});

/** How suggestions are searched for: POST /api/suggestions, or `suggest` in POST /api/availability. */
const suggestionOptionsShape = {
  durationMinutes: z.number().int().min(LIMITS.minDurationMinutes).max(LIMITS.maxDurationMinutes),
  start: instant.optional(),
  end: instant.optional(),
  minimumNoticeMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(60),
  bufferBeforeMinutes: z.number().int().min(0).max(120).default(0),
  bufferAfterMinutes: z.number().int().min(0).max(120).default(0),
  maxMeetingsPerDay: z.number().int().min(1).max(20).nullable().default(null),
  tentativeIsBusy: z.boolean().default(true),
  recurrence: recurrenceSchema.nullable().default(null),
  maxSuggestions: z.number().int().min(1).max(LIMITS.maxSuggestions).default(5),
};

/** POST /api/suggestions */
export const suggestionsRequestSchema = z.object({ attendees: attendeesField, ...suggestionOptionsShape }).strict();

export const suggestionOptionsSchema = z.object(suggestionOptionsShape).strict();
export type SuggestionOptions = z.infer<typeof suggestionOptionsSchema>;

/**
 * POST /api/availability. With `suggest`, the answer also carries the suggestions (`suggestions`), read from the
 * same calendars in the same Graph request: the picker needs both when it opens.
 */
export const availabilityRequestSchema = z
  .object({
    attendees: attendeesField,
    start: instant.optional(),
    end: instant.optional(),
    suggest: suggestionOptionsSchema.optional(),
  })
  .strict();

export const suggestionSchema = z.object({
  start: z.string(),
  end: z.string(),
  score: z.number(),
  reasons: z.array(z.object({ code: z.string(), text: z.string() })),
});

export const suggestionsResponseSchema = z.object({
  window: z.object({ start: z.string(), end: z.string() }),
  suggestions: z.array(suggestionSchema),
  /** People whose calendars could not be read: suggestions cannot account for them. */
  unreadable: z.array(availabilityPersonSchema.pick({ person: true, status: true, message: true })),
});
export type SuggestionsResponse = z.infer<typeof suggestionsResponseSchema>;

export const availabilityResponseSchema = z.object({
  window: z.object({ start: z.string(), end: z.string() }),
  people: z.array(availabilityPersonSchema),
  /** Only when the request asked for them (`suggest`). */
  suggestions: suggestionsResponseSchema.optional(),
});
export type AvailabilityResponse = z.infer<typeof availabilityResponseSchema>;

/** POST /api/conflicts */
export const conflictsRequestSchema = z
  .object({
    attendees: attendeesField,
    start: instant,
    end: instant,
    timeZone: ianaZone,
    recurrence: recurrenceSchema.nullable().default(null),
    /** When checking a reschedule: ignore this meeting's own busy time. */
    meetingId: id.optional(),
  })
  .strict();

export const conflictSchema = z.object({
  occurrence: z.object({ start: z.string(), end: z.string() }),
  person: personSchema,
  status: z.union([freeBusyStatusSchema, z.literal('unreadable')]),
  subject: z.string().optional(),
});
export const conflictsResponseSchema = z.object({ conflicts: z.array(conflictSchema) });
export type ConflictsResponse = z.infer<typeof conflictsResponseSchema>;

/** POST /api/meetings */
export const createMeetingRequestSchema = z
  .object({
    typeId: id.nullable().default(null),
    title: z.string().trim().min(1).max(LIMITS.maxTitle),
    agenda: z.string().max(LIMITS.maxAgenda).default(''),
    attendees: attendeesField.refine((list) => list.length >= 1, 'invite at least one person'),
    start: instant,
    end: instant,
    timeZone: ianaZone,
    recurrence: recurrenceSchema.nullable().default(null),
    online: z.boolean().default(true),
    location: z.string().trim().max(LIMITS.maxLocation).nullable().default(null),
    /** Create even when the clash check finds conflicts (the caller has shown them). */
    acceptConflicts: z.boolean().default(false),
  })
  .strict();
export type CreateMeetingRequest = z.infer<typeof createMeetingRequestSchema>;

export const attendeeSchema = z.object({
  email: z.string(),
  userId: z.string().nullable(),
  displayName: z.string(),
  type: z.enum(['required', 'optional']),
  response: z.enum(['none', 'organizer', 'accepted', 'tentativelyAccepted', 'declined', 'notResponded']),
  respondedAt: z.string().nullable(),
  proposedStart: z.string().nullable(),
  proposedEnd: z.string().nullable(),
  /** Invited in Outlook, not through Confer: sees the meeting, but not its notes and actions until added in Confer. */
  addedInOutlook: z.boolean(),
});

export const meetingSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** The Outlook event's subject when someone changed it there (Confer keeps its own title); null when the same. */
  outlookSubject: z.string().nullable(),
  agenda: z.string(),
  typeId: z.string().nullable(),
  organizer: personSchema,
  isOrganizer: z.boolean(),
  start: z.string(),
  end: z.string(),
  timeZone: z.string(),
  recurrence: recurrenceSchema.nullable(),
  online: z.boolean(),
  joinUrl: z.string().nullable(),
  location: z.string().nullable(),
  status: z.enum(['creating', 'scheduled', 'cancelled', 'failed']),
  attendees: z.array(attendeeSchema),
  /** The caller's own response (attendees) or 'organizer'. */
  myResponse: attendeeSchema.shape.response,
  version: z.number().int(),
  webUrl: z.string(),
  occurrences: z.array(
    z.object({ originalStart: z.string(), start: z.string(), end: z.string(), cancelled: z.boolean() }),
  ),
});
export type MeetingDto = z.infer<typeof meetingSchema>;

export const meetingListResponseSchema = z.object({ meetings: z.array(meetingSchema) });

/** PATCH /api/meetings/{id} (organizer): change time, place, people or agenda of the meeting or whole series. */
export const updateMeetingRequestSchema = z
  .object({
    version: z.number().int().min(1),
    title: z.string().trim().min(1).max(LIMITS.maxTitle).optional(),
    agenda: z.string().max(LIMITS.maxAgenda).optional(),
    start: instant.optional(),
    end: instant.optional(),
    timeZone: ianaZone.optional(),
    attendees: attendeesField.refine((list) => list.length >= 1, 'keep at least one person').optional(),
    location: z.string().trim().max(LIMITS.maxLocation).nullable().optional(),
    acceptConflicts: z.boolean().default(false),
  })
  .strict()
  .refine((body) => (body.start === undefined) === (body.end === undefined), 'give start and end together');

/** PATCH /api/meetings/{id}/occurrences/{originalStart}: move one occurrence of a series. */
export const updateOccurrenceRequestSchema = z
  .object({ start: instant, end: instant, acceptConflicts: z.boolean().default(false) })
  .strict();

/** POST /api/meetings/{id}/occurrences/{originalStart}/cancel: cancel one occurrence of a series (organizer). */
export const cancelOccurrenceRequestSchema = z
  .object({ message: z.string().max(LIMITS.maxComment).default('') })
  .strict();

/** POST /api/meetings/{id}/cancel (organizer; attendees decline instead). */
export const cancelMeetingRequestSchema = z
  .object({ message: z.string().max(LIMITS.maxComment).default(''), version: z.number().int().min(1) })
  .strict();

/** POST /api/meetings/{id}/respond (attendee). */
export const respondRequestSchema = z
  .object({
    response: z.enum(['accept', 'tentative', 'decline']),
    comment: z.string().max(LIMITS.maxComment).default(''),
    proposedStart: instant.optional(),
    proposedEnd: instant.optional(),
  })
  .strict()
  .refine((b) => (b.proposedStart === undefined) === (b.proposedEnd === undefined), 'give both proposed times')
  .refine(
    (b) => b.proposedStart === undefined || b.response !== 'accept',
    'propose a new time only when not accepting',
  );

export const noteSchema = z.object({
  id: z.string(),
  occurrenceStart: z.string().nullable(),
  visibility: z.enum(['private', 'shared']),
  body: z.string(),
  authorId: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export const saveNoteRequestSchema = z
  .object({
    occurrenceStart: instant.nullable().default(null),
    visibility: z.enum(['private', 'shared']),
    body: z.string().max(LIMITS.maxNote),
    version: z.number().int().min(1).nullable().default(null),
  })
  .strict();

export const actionSchema = z.object({
  id: z.string(),
  occurrenceStart: z.string().nullable(),
  title: z.string(),
  ownerEmail: z.string(),
  ownerName: z.string(),
  dueDate: z.string().nullable(),
  done: z.boolean(),
  createdAt: z.string(),
  version: z.number().int(),
  /** True when raised in an earlier occurrence and carried forward because it is not done. */
  carriedOver: z.boolean(),
});
const dueDate = z.iso.date().nullable();
export const createActionRequestSchema = z
  .object({
    title: z.string().trim().min(1).max(LIMITS.maxActionTitle),
    ownerEmail: email,
    dueDate: dueDate.default(null),
    occurrenceStart: instant.nullable().default(null),
  })
  .strict();
export const updateActionRequestSchema = z
  .object({
    version: z.number().int().min(1),
    title: z.string().trim().min(1).max(LIMITS.maxActionTitle).optional(),
    ownerEmail: email.optional(),
    dueDate: dueDate.optional(),
    done: z.boolean().optional(),
  })
  .strict();

export const meetingTypeSchema = z.object({
  id: z.string(),
  name: z.string(),
  durationMinutes: z.number().int(),
  agendaPrompts: z.array(z.string()),
  defaultReminders: z.array(z.number().int()),
  /** How often pairs meeting with this type are expected to meet, in days; null: no rhythm. Absent from older servers. */
  cadenceDays: z.number().int().positive().nullable().default(null),
});

export const connectionSchema = z.object({
  mode: z.enum(['user', 'tenant']),
  status: z.enum(['connected', 'consent_required', 'expired', 'outside_scope', 'not_connected']),
  checkedAt: z.string().nullable(),
  message: z.string(),
  canDisconnect: z.boolean(),
  /**
   * An admin's setting behind the state, so the tab can say why: `integration_off` (Confer uses no calendar, there
   * is nothing to connect) or `disconnect_forbidden` (Disconnect is not offered). Absent from older servers.
   */
  restriction: z.enum(['integration_off', 'disconnect_forbidden']).nullable().optional(),
});
export type ConnectionDto = z.infer<typeof connectionSchema>;

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm');
/** GET/PUT /api/me/preferences */
export const preferencesSchema = z
  .object({
    /** Reminder lead times in minutes before start; empty = the meeting type's defaults. */
    reminderMinutes: z
      .array(
        z
          .number()
          .int()
          .min(0)
          .max(7 * 24 * 60),
      )
      .max(5)
      .refine((list) => new Set(list).size === list.length, 'each lead time once'),
    timeZoneOverride: ianaZone.nullable(),
    workingHoursOverride: z
      .object({
        days: z.array(z.enum(WEEKDAYS_FROM_MONDAY)).min(1).max(7),
        start: clockTime,
        end: clockTime,
      })
      .refine((h) => h.start < h.end, 'working hours end after they start')
      .nullable(),
  })
  .strict();
export type PreferencesDto = z.infer<typeof preferencesSchema>;

export const historyEntrySchema = z.object({
  at: z.string(),
  actorId: z.string().nullable(),
  kind: z.string(),
  summary: z.string(),
});
