import { z } from 'zod';

/**
 * Graph payloads the scheduling gateway reads (docs/reference/graph-calendar.md §1,
 * docs/reference/graph-calendar.md §3), validated at the boundary. Enumerations are compared case-insensitively where
 * Graph's own examples disagree on case (getSchedule statuses).
 */
export const dateTimeTimeZoneSchema = z.object({ dateTime: z.string(), timeZone: z.string() });

const emailAddressSchema = z.object({
  name: z.string().nullable().optional(),
  address: z.string().nullable().optional(),
});

const responseSchema = z.enum(['none', 'organizer', 'tentativelyAccepted', 'accepted', 'declined', 'notResponded']);

export const graphAttendeeSchema = z.object({
  type: z.string().optional(),
  emailAddress: emailAddressSchema,
  status: z
    .object({ response: responseSchema.catch('none') })
    .nullable()
    .optional(),
  proposedNewTime: z.object({ start: dateTimeTimeZoneSchema, end: dateTimeTimeZoneSchema }).nullable().optional(),
});

export const graphFullEventSchema = z.object({
  id: z.string(),
  '@odata.etag': z.string().optional(),
  changeKey: z.string().nullable().optional(),
  iCalUId: z.string().nullable().optional(),
  type: z.enum(['singleInstance', 'occurrence', 'exception', 'seriesMaster']).catch('singleInstance'),
  seriesMasterId: z.string().nullable().optional(),
  subject: z.string().nullable().optional(),
  start: dateTimeTimeZoneSchema,
  end: dateTimeTimeZoneSchema,
  isCancelled: z.boolean().nullable().optional(),
  isOnlineMeeting: z.boolean().nullable().optional(),
  onlineMeeting: z.object({ joinUrl: z.string().nullable().optional() }).nullable().optional(),
  webLink: z.string().nullable().optional(),
  location: z.object({ displayName: z.string().nullable().optional() }).nullable().optional(),
  // Occurrences' and exceptions' pattern start, Edm.DateTimeOffset in UTC (docs/reference/graph-calendar.md §3).
  originalStart: z.string().nullable().optional(),
  transactionId: z.string().nullable().optional(),
  body: z
    .object({ contentType: z.string().optional(), content: z.string().nullable().optional() })
    .nullable()
    .optional(),
  attendees: z.array(graphAttendeeSchema).nullable().optional(),
  responseStatus: z
    .object({ response: responseSchema.catch('none') })
    .nullable()
    .optional(),
});
export type GraphFullEvent = z.infer<typeof graphFullEventSchema>;

export const graphEventPageSchema = z.object({
  value: z.array(z.unknown()),
  '@odata.nextLink': z.string().optional(),
});

const lowerStatus = z
  .string()
  .transform((s) => s.toLowerCase())
  .pipe(z.enum(['free', 'tentative', 'busy', 'oof', 'workingelsewhere', 'unknown']).catch('unknown'));

export const scheduleItemSchema = z.object({
  start: dateTimeTimeZoneSchema,
  end: dateTimeTimeZoneSchema,
  status: lowerStatus,
  subject: z.string().nullable().optional(),
  isPrivate: z.boolean().nullable().optional(),
});

/** A `customTimeZone` (docs/reference/graph-calendar.md §1): a bias in minutes from UTC, with optional DST rules. */
const offsetRuleSchema = z
  .object({
    bias: z.number().optional(),
    time: z.string().optional(),
    dayOccurrence: z.number().optional(),
    dayOfWeek: z.string().optional(),
    month: z.number().optional(),
    year: z.number().optional(),
    daylightBias: z.number().optional(),
  })
  .nullable()
  .optional();

export const workingHoursSchema = z.object({
  daysOfWeek: z.array(z.string()),
  startTime: z.string(),
  endTime: z.string(),
  timeZone: z
    .object({
      '@odata.type': z.string().optional(),
      name: z.string().nullable().optional(),
      bias: z.number().nullable().optional(),
      standardOffset: offsetRuleSchema,
      daylightOffset: offsetRuleSchema,
    })
    .nullable()
    .optional(),
});
export type GraphWorkingHours = z.infer<typeof workingHoursSchema>;

export const scheduleInformationSchema = z.object({
  scheduleId: z.string(),
  availabilityView: z.string().nullable().optional(),
  scheduleItems: z.array(scheduleItemSchema).nullable().optional(),
  workingHours: workingHoursSchema.nullable().optional(),
  error: z
    .object({ message: z.string().nullable().optional(), responseCode: z.string().nullable().optional() })
    .nullable()
    .optional(),
});
export type ScheduleInformation = z.infer<typeof scheduleInformationSchema>;

export const scheduleResponseSchema = z.object({ value: z.array(scheduleInformationSchema) });

/**
 * getSchedule's answer as the availability path reads it: every check of scheduleResponseSchema except that each
 * entry's items are only checked to be a list here and are read one by one by graph-schedule-reader.ts, which
 * checks each as scheduleItemSchema would while it maps it (twenty people over two weeks is near a thousand items,
 * and copying each through zod first cost more than the rest of the reading).
 */
export const scheduleAnswerSchema = z.object({
  value: z.array(
    scheduleInformationSchema.extend({
      scheduleItems: z
        .custom<unknown[]>((items) => Array.isArray(items))
        .nullable()
        .optional(),
    }),
  ),
});
export type ScheduleAnswerEntry = z.infer<typeof scheduleAnswerSchema>['value'][number];
