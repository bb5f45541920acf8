import { WEEKDAYS } from '@confer/contracts/time';
import { z } from 'zod';
import { GraphHttpError } from '../../graph/context.ts';
import { SENSITIVITIES, SHOW_AS } from './event-model.ts';

/** OData enum members are matched case-insensitively (`"HTML"`, `"Required"` are accepted), echoed in canonical case. */
function graphEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return z.string().transform((value, ctx) => {
    const match = values.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
    if (match === undefined) {
      ctx.addIssue({ code: 'custom', message: `Cannot convert the literal '${value}' to the expected enum value.` });
      return z.NEVER;
    }
    return match as T[number];
  });
}

export const dateTimeTimeZoneInput = z.object({ dateTime: z.string().min(1), timeZone: z.string().min(1) });

const locationInput = z.looseObject({
  displayName: z.string().optional(),
  locationType: z.string().optional(),
  uniqueId: z.string().nullable().optional(),
  uniqueIdType: z.string().optional(),
});

const attendeeInput = z.looseObject({
  type: graphEnum(['required', 'optional', 'resource']).optional(),
  emailAddress: z.object({ address: z.string().min(3), name: z.string().optional() }),
});

const recurrenceInput = z.strictObject({
  pattern: z.strictObject({
    type: graphEnum(['daily', 'weekly', 'absoluteMonthly', 'relativeMonthly', 'absoluteYearly', 'relativeYearly']),
    interval: z.number().int().min(1).max(999).optional(),
    month: z.number().int().min(0).max(12).optional(),
    dayOfMonth: z.number().int().min(0).max(31).optional(),
    daysOfWeek: z.array(graphEnum(WEEKDAYS)).optional(),
    firstDayOfWeek: graphEnum(WEEKDAYS).optional(),
    index: graphEnum(['first', 'second', 'third', 'fourth', 'last']).optional(),
  }),
  range: z.strictObject({
    type: graphEnum(['endDate', 'noEnd', 'numbered']),
    startDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    endDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    recurrenceTimeZone: z.string().optional(),
    numberOfOccurrences: z.number().int().min(0).optional(),
  }),
});
export type RecurrenceInput = z.infer<typeof recurrenceInput>;

const writableFields = {
  subject: z.string().max(255).nullable(),
  body: z.object({ contentType: graphEnum(['text', 'html']).optional(), content: z.string().nullable().optional() }),
  start: dateTimeTimeZoneInput,
  end: dateTimeTimeZoneInput,
  isAllDay: z.boolean(),
  location: locationInput.nullable(),
  locations: z.array(locationInput),
  attendees: z.array(attendeeInput).max(500),
  showAs: graphEnum(SHOW_AS),
  sensitivity: graphEnum(SENSITIVITIES),
  importance: graphEnum(['low', 'normal', 'high']),
  categories: z.array(z.string()),
  isReminderOn: z.boolean(),
  reminderMinutesBeforeStart: z.number().int().min(0),
  responseRequested: z.boolean(),
  allowNewTimeProposals: z.boolean(),
  hideAttendees: z.boolean(),
  isOnlineMeeting: z.boolean(),
  onlineMeetingProvider: graphEnum(['unknown', 'teamsForBusiness', 'skypeForBusiness', 'skypeForConsumer']),
  recurrence: recurrenceInput.nullable(),
};

export const eventPatchInput = z.object(writableFields).partial();
export type EventPatchInput = z.infer<typeof eventPatchInput>;
export const eventCreateInput = eventPatchInput.extend({ transactionId: z.string().min(1).max(255).optional() });
export type EventCreateInput = z.infer<typeof eventCreateInput>;

/** Server-set properties a client may echo back; Graph ignores them on write. */
const READ_ONLY = new Set([
  'id',
  'createdDateTime',
  'lastModifiedDateTime',
  'changeKey',
  'iCalUId',
  'type',
  'seriesMasterId',
  'isOrganizer',
  'isCancelled',
  'isDraft',
  'organizer',
  'responseStatus',
  'webLink',
  'bodyPreview',
  'hasAttachments',
  'onlineMeeting',
  'onlineMeetingUrl',
  'originalStartTimeZone',
  'originalEndTimeZone',
  'originalStart',
  'occurrenceId',
]);

/**
 * Parses a create/update body. Unknown properties and wrong types answer 400 `RequestBodyRead`, as Graph's
 * OData reader does; nothing is written.
 */
export function parseEventBody<T>(schema: z.ZodType<T>, body: unknown, allowed: readonly string[]): T {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new GraphHttpError(400, 'RequestBodyRead', 'Empty Payload. JSON content expected.');
  }
  const cleaned: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key.startsWith('@odata.') || READ_ONLY.has(key)) continue;
    if (!allowed.includes(key)) {
      throw new GraphHttpError(
        400,
        'RequestBodyRead',
        `The property '${key}' does not exist on type 'microsoft.graph.event'.`,
      );
    }
    cleaned[key] = value;
  }
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.join('.') ?? '';
    throw new GraphHttpError(400, 'RequestBodyRead', `Invalid value for property '${path}': ${issue?.message ?? ''}`);
  }
  return parsed.data;
}

export const PATCHABLE_FIELDS = Object.keys(writableFields);
export const CREATE_FIELDS = [...PATCHABLE_FIELDS, 'transactionId'];
