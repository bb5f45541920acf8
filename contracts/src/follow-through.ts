import { z } from 'zod';

/**
 * After the meeting and between meetings (attendance, follow-ups, cadence): the API's answers and requests,
 * shared by the API (validation, OpenAPI) and the tab.
 */

export const attendanceStateSchema = z.enum(['pending', 'held', 'partly_attended', 'no_show', 'unknown']);
export type AttendanceStateDto = z.infer<typeof attendanceStateSchema>;

export const unknownReasonSchema = z.enum([
  'no_report',
  'not_permitted',
  'not_connected',
  'no_online_meeting',
  'not_told',
]);

export const participantAttendanceSchema = z.object({
  email: z.string(),
  userId: z.string().nullable(),
  displayName: z.string(),
  role: z.enum(['organizer', 'attendee']),
  joined: z.boolean(),
  minutesPresent: z.number().int().min(0),
});

/** One ended occurrence: what Teams' attendance report (or the organizer) says happened. */
export const occurrenceAttendanceSchema = z.object({
  occurrenceStart: z.string(),
  occurrenceEnd: z.string(),
  online: z.boolean(),
  state: attendanceStateSchema,
  /**
   * `teams`: Graph's answer (the attendance report, or its refusal); `organizer`: marked by the organizer;
   * `timeout`: no report came, or nobody said, in time.
   */
  source: z.enum(['teams', 'organizer', 'timeout']).nullable(),
  unknownReason: unknownReasonSchema.nullable(),
  participants: z.array(participantAttendanceSchema),
  decidedAt: z.string().nullable(),
  /** The organizer may say whether it was held: in person, or when Teams gave no answer. */
  canMark: z.boolean(),
});
export type OccurrenceAttendanceDto = z.infer<typeof occurrenceAttendanceSchema>;

/** GET /api/meetings/{id}/attendance */
export const meetingAttendanceResponseSchema = z.object({ occurrences: z.array(occurrenceAttendanceSchema) });
export type MeetingAttendanceResponse = z.infer<typeof meetingAttendanceResponseSchema>;

/** POST /api/meetings/{id}/attendance: the organizer says whether an occurrence was held. */
export const markAttendanceRequestSchema = z
  .object({
    occurrenceStart: z.iso.datetime({ offset: true }),
    held: z.boolean(),
  })
  .strict();
export type MarkAttendanceRequest = z.infer<typeof markAttendanceRequestSchema>;

export const cadenceStatusSchema = z.enum(['on_track', 'due', 'overdue']);
export type CadenceStatus = z.infer<typeof cadenceStatusSchema>;

const partnerSchema = z.object({ userId: z.string(), displayName: z.string(), email: z.string() });

/** One pair the caller is in, with its rhythm. */
export const pairCadenceSchema = z.object({
  partner: partnerSchema,
  /** Days between meetings; null when neither the pair nor its meeting type has a rhythm. */
  rhythmDays: z.number().int().nullable(),
  rhythmSource: z.enum(['pair', 'type']).nullable(),
  typeId: z.string().nullable(),
  typeName: z.string().nullable(),
  lastHeldAt: z.string(),
  /** When the rhythm says they should meet next; null without a rhythm. */
  dueAt: z.string().nullable(),
  status: cadenceStatusSchema,
  /** Their next meeting, if one is booked: then the pair is never due. */
  upcoming: z.object({ meetingId: z.string(), start: z.string() }).nullable(),
  /** Whether the caller usually organises their meetings. */
  usuallyOrganizes: z.boolean(),
});
export type PairCadenceDto = z.infer<typeof pairCadenceSchema>;

/** GET /api/cadence: overdue first, then due, then on track. */
export const cadenceResponseSchema = z.object({ pairs: z.array(pairCadenceSchema), nudges: z.boolean() });
export type CadenceResponse = z.infer<typeof cadenceResponseSchema>;

/** PUT /api/cadence/{partnerId}: the pair's own rhythm; null goes back to the meeting type's. */
export const setPairRhythmRequestSchema = z
  .object({ rhythmDays: z.number().int().min(1).max(365).nullable() })
  .strict();

/** PUT /api/cadence/nudges */
export const setNudgesRequestSchema = z.object({ enabled: z.boolean() }).strict();

/** PUT /api/admin/meeting-types/{id}/cadence */
export const setTypeCadenceRequestSchema = z
  .object({ cadenceDays: z.number().int().min(1).max(365).nullable() })
  .strict();

/** GET /api/people/{userId}/together: the caller's history with one person. */
export const togetherResponseSchema = z.object({
  partner: partnerSchema,
  held: z.number().int(),
  partlyAttended: z.number().int(),
  missed: z.number().int(),
  unknown: z.number().int(),
  /** Average days between the starts of consecutive held meetings; null with fewer than two. */
  averageGapDays: z.number().nullable(),
  lastHeldAt: z.string().nullable(),
  nextMeetingAt: z.string().nullable(),
  cadence: pairCadenceSchema.nullable(),
});
export type TogetherResponse = z.infer<typeof togetherResponseSchema>;
