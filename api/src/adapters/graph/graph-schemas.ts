import { z } from 'zod';

/**
 * What Confer reads from Graph, validated at the boundary: a Graph answer that does not fit is a
 * `graph_bad_response`, never a crash deeper in.
 */
const dateTimeTimeZone = z.object({ dateTime: z.string(), timeZone: z.string() });

export const graphUserSchema = z.object({
  id: z.string(),
  displayName: z.string().nullable(),
  userPrincipalName: z.string(),
  mail: z.string().nullable().optional(),
});
export type GraphUser = z.infer<typeof graphUserSchema>;
/** `$select` for a user: exactly the fields the schema reads. */
export const GRAPH_USER_FIELDS = Object.keys(graphUserSchema.shape).join(',');
export const graphUserListSchema = z.object({ value: z.array(graphUserSchema) });

export const graphMailboxSettingsSchema = z.object({ timeZone: z.string().nullable().optional() });

export const graphEventSchema = z.object({
  id: z.string(),
  subject: z.string().nullable().optional(),
  start: dateTimeTimeZone,
  end: dateTimeTimeZone,
  isAllDay: z.boolean().optional().default(false),
  showAs: z.enum(['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown']).optional().default('busy'),
  type: z.enum(['singleInstance', 'occurrence', 'exception', 'seriesMaster']).optional().default('singleInstance'),
  sensitivity: z.enum(['normal', 'personal', 'private', 'confidential']).optional().default('normal'),
  location: z.object({ displayName: z.string().nullable().optional() }).nullable().optional(),
  isOnlineMeeting: z.boolean().nullable().optional(),
  onlineMeeting: z.object({ joinUrl: z.string().nullable().optional() }).nullable().optional(),
  organizer: z
    .object({
      emailAddress: z.object({ name: z.string().nullable().optional(), address: z.string().nullable().optional() }),
    })
    .nullable()
    .optional(),
  isOrganizer: z.boolean().optional().default(false),
  isCancelled: z.boolean().optional().default(false),
});
export type GraphEvent = z.infer<typeof graphEventSchema>;

export const graphPageSchema = z.object({
  value: z.array(z.unknown()),
  '@odata.nextLink': z.string().optional(),
});
