import * as contracts from '@confer/contracts';
import { z } from 'zod';
import { changeNotificationSchema, lifecycleNotificationSchema } from '../adapters/graph/graph-notifications.ts';

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

interface Operation {
  method: Method;
  path: string;
  summary: string;
  request?: z.ZodType;
  query?: Record<string, string>;
  response?: z.ZodType;
  status?: number;
  auth?: boolean;
  /** A page for a person's browser: an HTML answer, and (with `request`) a form post rather than JSON. */
  page?: boolean;
}

const meeting = '/api/meetings/{id}';
const AUDIT_FILTERS = {
  action: 'exactly this action, e.g. admin.settings_changed',
  actor: 'entries by this object id',
  since: 'ISO instant, inclusive',
  until: 'ISO instant, inclusive',
};
const HEALTH_FILTERS = {
  status: 'connected | consent_required | expired | outside_scope | disconnected | never_connected',
  q: 'part of a display name or email, any case (up to 100 characters)',
};

/** Every endpoint, described from the same zod schemas that validate it. */
const operations: Operation[] = [
  { method: 'get', path: '/api/health', summary: 'Liveness', auth: false },
  {
    method: 'get',
    path: '/api/ready',
    summary: 'Readiness: 200 while the process can serve, 503 while its database is away or it is stopping',
    auth: false,
  },
  {
    method: 'get',
    path: '/api/config',
    summary: 'Public sign-in settings for the tab',
    response: contracts.runtimeConfigSchema,
    auth: false,
  },
  {
    method: 'get',
    path: '/api/me',
    summary: 'The signed-in person: id, name and whether they hold the Confer.Admin role',
    response: contracts.meSchema,
  },
  {
    method: 'get',
    path: '/api/me/time-zone',
    summary: 'The zone to show my times in: my override, else my Outlook mailbox zone',
    response: contracts.viewerTimeZoneSchema,
  },
  {
    method: 'get',
    path: '/api/me/week',
    summary: "The signed-in person's next 7 days",
    response: contracts.weekResponseSchema,
  },
  {
    method: 'get',
    path: '/api/me/connection',
    summary: 'My calendar connection: mode, status and what to do',
    response: contracts.connectionSchema,
  },
  {
    method: 'post',
    path: '/api/me/connection',
    summary: 'Connect my calendar (per-user mode) and check it',
    response: contracts.connectionSchema,
  },
  {
    method: 'delete',
    path: '/api/me/connection',
    summary: 'Disconnect my calendar (per-user mode)',
    response: contracts.connectionSchema,
  },
  {
    method: 'get',
    path: '/api/me/preferences',
    summary: 'My reminders, time zone and working hours overrides',
    response: contracts.preferencesSchema,
  },
  {
    method: 'put',
    path: '/api/me/preferences',
    summary: 'Save my preferences',
    request: contracts.preferencesSchema,
    response: contracts.preferencesSchema,
  },
  {
    method: 'post',
    path: '/api/availability',
    summary: 'Free/busy, working hours and readability of everyone',
    request: contracts.availabilityRequestSchema,
    response: contracts.availabilityResponseSchema,
  },
  {
    method: 'post',
    path: '/api/suggestions',
    summary: 'Ranked mutual free times with reasons',
    request: contracts.suggestionsRequestSchema,
    response: contracts.suggestionsResponseSchema,
  },
  {
    method: 'post',
    path: '/api/conflicts',
    summary: 'Who clashes with a proposed time (every occurrence of a series)',
    request: contracts.conflictsRequestSchema,
    response: contracts.conflictsResponseSchema,
  },
  {
    method: 'get',
    path: '/api/meeting-types',
    summary: "The tenant's meeting types",
    response: z.object({ meetingTypes: z.array(contracts.meetingTypeSchema) }),
  },
  {
    method: 'get',
    path: '/api/people',
    summary: 'People picker (directory search)',
    query: { search: 'Start of a name or address', limit: '1–25' },
  },
  {
    method: 'post',
    path: '/api/meetings',
    summary: 'Schedule a meeting (Outlook event, invitations, Teams link)',
    request: contracts.createMeetingRequestSchema,
    response: contracts.meetingSchema,
    status: 201,
  },
  {
    method: 'get',
    path: '/api/meetings',
    summary: 'My meetings',
    query: { scope: 'upcoming | past', limit: '1–100' },
    response: contracts.meetingListResponseSchema,
  },
  { method: 'get', path: meeting, summary: 'One meeting with responses', response: contracts.meetingSchema },
  {
    method: 'patch',
    path: meeting,
    summary: 'Change time, people, place or agenda (organizer)',
    request: contracts.updateMeetingRequestSchema,
    response: contracts.meetingSchema,
  },
  {
    method: 'post',
    path: `${meeting}/cancel`,
    summary: 'Cancel with a message (organizer) or decline (attendee)',
    request: contracts.cancelMeetingRequestSchema,
    response: contracts.meetingSchema,
  },
  {
    method: 'post',
    path: `${meeting}/respond`,
    summary: 'Accept, tentative, decline, propose a new time (attendee)',
    request: contracts.respondRequestSchema,
    response: contracts.meetingSchema,
  },
  {
    method: 'patch',
    path: `${meeting}/occurrences/{start}`,
    summary: 'Move one occurrence of a series',
    request: contracts.updateOccurrenceRequestSchema,
    response: contracts.meetingSchema,
  },
  {
    method: 'post',
    path: `${meeting}/occurrences/{start}/cancel`,
    summary: 'Cancel one occurrence of a series',
    request: contracts.cancelOccurrenceRequestSchema,
    response: contracts.meetingSchema,
  },
  {
    method: 'get',
    path: `${meeting}/notes`,
    summary: 'Shared notes and my private notes',
    response: z.object({ notes: z.array(contracts.noteSchema) }),
  },
  {
    method: 'post',
    path: `${meeting}/notes`,
    summary: 'Add a note',
    request: contracts.saveNoteRequestSchema,
    response: contracts.noteSchema,
    status: 201,
  },
  {
    method: 'put',
    path: `${meeting}/notes/{noteId}`,
    summary: 'Change my note',
    request: contracts.saveNoteRequestSchema,
    response: contracts.noteSchema,
  },
  { method: 'delete', path: `${meeting}/notes/{noteId}`, summary: 'Delete my note', status: 204 },
  {
    method: 'get',
    path: `${meeting}/actions`,
    summary: 'Actions (with open ones carried from earlier occurrences)',
    query: { occurrenceStart: 'ISO instant of an occurrence' },
    response: z.object({ actions: z.array(contracts.actionSchema) }),
  },
  {
    method: 'post',
    path: `${meeting}/actions`,
    summary: 'Add an action',
    request: contracts.createActionRequestSchema,
    response: contracts.actionSchema,
    status: 201,
  },
  {
    method: 'patch',
    path: `${meeting}/actions/{actionId}`,
    summary: 'Change an action',
    request: contracts.updateActionRequestSchema,
    response: contracts.actionSchema,
  },
  { method: 'delete', path: `${meeting}/actions/{actionId}`, summary: 'Delete an action', status: 204 },
  {
    method: 'get',
    path: `${meeting}/history`,
    summary: 'History of changes',
    response: z.object({ history: z.array(contracts.historyEntrySchema) }),
  },
  {
    method: 'get',
    path: `${meeting}/attendance`,
    summary: 'Who joined each ended occurrence (Teams attendance report, or the organizer for meetings in person)',
    response: contracts.meetingAttendanceResponseSchema,
  },
  {
    method: 'post',
    path: `${meeting}/attendance`,
    summary: 'The organizer says whether an occurrence was held (in person, or when Teams gave no report)',
    request: contracts.markAttendanceRequestSchema,
    response: contracts.occurrenceAttendanceSchema,
  },
  {
    method: 'get',
    path: '/api/cadence',
    summary: "The caller's pairs, their rhythm and whether they are due; whether the caller gets nudges",
    response: contracts.cadenceResponseSchema,
  },
  {
    method: 'put',
    path: '/api/cadence/nudges',
    summary: 'Turn cadence nudges on or off for the caller',
    request: contracts.setNudgesRequestSchema,
    response: z.object({ enabled: z.boolean() }),
  },
  {
    method: 'put',
    path: '/api/cadence/{partnerId}',
    summary: "Set the pair's own rhythm in days (null: the meeting type's)",
    request: contracts.setPairRhythmRequestSchema,
    response: contracts.pairCadenceSchema,
  },
  {
    method: 'get',
    path: '/api/people/{userId}/together',
    summary: "The caller's history with one person: held, missed, average gap, next meeting, rhythm",
    response: contracts.togetherResponseSchema,
  },
  {
    method: 'put',
    path: '/api/admin/meeting-types/{id}/cadence',
    summary: "Set a meeting type's rhythm in days, or null for none (Confer.Admin role; audited)",
    request: contracts.setTypeCadenceRequestSchema,
    response: contracts.meetingTypeSchema,
  },
  {
    method: 'get',
    path: '/api/admin/settings',
    summary: "The tenant's settings (Confer.Admin role; others get 403 admin_required)",
    response: contracts.adminSettingsViewSchema,
  },
  {
    method: 'put',
    path: '/api/admin/settings',
    summary: 'Change the connection mode, Outlook integration switch, self-service disconnect and owners (audited)',
    request: contracts.adminSettingsSchema,
    response: contracts.adminSettingsViewSchema,
  },
  {
    method: 'get',
    path: '/api/admin/audit',
    summary: "The tenant's audit log, newest first (Confer.Admin role)",
    query: { limit: '1–200 (default 50)', ...AUDIT_FILTERS },
    response: contracts.auditListSchema,
  },
  {
    method: 'get',
    path: '/api/admin/audit.csv',
    summary: 'Every matching audit entry, newest first, as a text/csv download; details as JSON (Confer.Admin role)',
    query: AUDIT_FILTERS,
  },
  {
    method: 'get',
    path: '/api/admin/health',
    summary:
      'Connection health of everyone Confer knows: counts by status over everyone, then one page in display name order (Confer.Admin role)',
    query: {
      ...HEALTH_FILTERS,
      cursor: 'nextCursor of the previous page (opaque; anything else is 400)',
      limit: '1–200 (default 50)',
    },
    response: contracts.healthPageSchema,
  },
  {
    method: 'get',
    path: '/api/admin/health.csv',
    summary: 'Every matching person as a text/csv download (Confer.Admin role)',
    query: HEALTH_FILTERS,
  },
  {
    method: 'post',
    path: '/api/admin/consent-link',
    summary:
      "A fresh single-use link (24 h) to Entra's admin consent endpoint; Entra sends the admin back to /admin/consent/return (Confer.Admin role, audited)",
    response: contracts.consentLinkSchema,
    status: 201,
  },
  {
    method: 'get',
    path: '/api/admin/consent',
    summary: 'The latest admin consent outcome the return page recorded, or null (Confer.Admin role)',
    response: contracts.consentStatusSchema,
  },
  {
    method: 'get',
    path: '/api/admin/incidents',
    summary:
      'Incidents of the Outlook integration, newest first, each with the card and email its integration owners got or are still owed (Confer.Admin role)',
    query: { state: 'open or resolved (default both)', limit: '1–200 (default 50)' },
    response: contracts.incidentListSchema,
  },
  {
    method: 'get',
    path: '/api/admin/people',
    summary:
      'Names for the Entra object ids the admin pages show, from the people Confer knows and the directory; ids nobody can name are left out (Confer.Admin role)',
    query: { ids: 'up to 50 object ids, comma-separated' },
    response: contracts.peopleNamesSchema,
  },
  {
    method: 'post',
    path: '/api/admin/access-tests',
    summary:
      "Test Confer's Graph access now for a random sample plus named people (at most 100): free/busy, mailbox settings and calendar write, each failure with what to do; one test at a time per tenant (409 access_test_running), kept and audited (Confer.Admin role)",
    request: contracts.accessTestRequestSchema,
    response: contracts.accessTestSchema,
    status: 201,
  },
  {
    method: 'get',
    path: '/api/admin/access-tests',
    summary: 'The kept access tests (the newest 20), newest first, without the per-person list (Confer.Admin role)',
    response: contracts.accessTestListSchema,
  },
  {
    method: 'get',
    path: '/api/admin/access-tests/{id}',
    summary: 'One kept access test with every person tested (Confer.Admin role)',
    response: contracts.accessTestSchema,
  },
  {
    method: 'post',
    path: `${meeting}/guest-links`,
    summary:
      'Organizer: offer up to 5 times (default: Confer’s suggestions) to an external attendee whose calendar Confer cannot read; answers the signed link (once) and its expiry (docs/guest-links.md)',
    request: contracts.createGuestLinkRequestSchema,
    response: contracts.guestLinkResponseSchema,
    status: 201,
  },
  {
    method: 'get',
    path: `${meeting}/guest-links`,
    summary: 'Organizer: the meeting’s guest links and their state (offered, picked, proposed, expired, revoked)',
    response: contracts.guestOffersResponseSchema,
  },
  {
    method: 'delete',
    path: `${meeting}/guest-links/{offerId}`,
    summary: 'Organizer: withdraw an open guest link (410 guest_link_revoked for the guest from then on)',
    response: contracts.guestOfferResponseSchema,
  },
  {
    method: 'get',
    path: '/guest/{token}',
    summary:
      'The guest page (HTML, no account): the offered times in the guest’s zone and language; a bad, used, expired or withdrawn link is refused with a page and a code; 20 requests a minute per address',
    query: { tz: 'IANA time zone to show the times in (default: the browser’s, else UTC)' },
    auth: false,
    page: true,
  },
  {
    method: 'post',
    path: '/guest/{token}/pick',
    summary:
      'The guest picks one of the offered times (form: offerId, start, tz): the meeting moves as the organizer, the link is used up; 5 answers a minute per link',
    request: z.object({ offerId: z.string(), start: z.string(), tz: z.string().optional() }),
    auth: false,
    page: true,
  },
  {
    method: 'post',
    path: '/guest/{token}/propose',
    summary:
      'The guest proposes another time (form: offerId, when as YYYY-MM-DDTHH:MM in tz, message): nothing moves, the organizer is asked in Teams',
    request: z.object({
      offerId: z.string(),
      when: z.string(),
      tz: z.string().optional(),
      message: z.string().optional(),
    }),
    auth: false,
    page: true,
  },
  graphDelivery('/api/graph/notifications', 'change notifications', changeNotificationSchema),
  graphDelivery(
    '/api/graph/lifecycle',
    'lifecycle notifications (reauthorizationRequired, subscriptionRemoved, missed)',
    lifecycleNotificationSchema,
  ),
];

/**
 * A URL Graph delivers to: no bearer token (each item proves itself by its clientState), 202 for a batch, and
 * with `?validationToken` the subscription handshake (200 text/plain).
 */
function graphDelivery(path: string, what: string, item: z.ZodType): Operation {
  return {
    method: 'post',
    path,
    summary: `Microsoft Graph's ${what} for Confer's subscriptions (202); with ?validationToken, the handshake (200 text/plain)`,
    query: { validationToken: "Graph's handshake token, echoed back as text/plain" },
    request: z.object({ value: z.array(item) }),
    status: 202,
    auth: false,
  };
}

export function buildOpenApiDocument(version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    paths[op.path] ??= {};
    (paths[op.path] as Record<string, unknown>)[op.method] = describe(op);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Confer API',
      version,
      description:
        'Scheduling 1:1 and small-group conversations against Outlook calendars. Errors are { error: { code, message, details? } }.',
    },
    components: {
      securitySchemes: {
        entra: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'Entra access token for api://{host}/{clientId}/access_as_user',
        },
      },
      schemas: { Error: schema(contracts.errorBodySchema, 'output') },
    },
    paths,
  };
}

function describe(op: Operation) {
  const parameters = [
    ...[...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    })),
    ...Object.entries(op.query ?? {}).map(([name, description]) => ({
      name,
      in: 'query',
      required: false,
      description,
      schema: { type: 'string' },
    })),
  ];
  const status = String(op.status ?? 200);
  const error = {
    description: 'Error',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  };
  return {
    summary: op.summary,
    ...(op.auth === false ? { security: [] } : { security: [{ entra: [] }] }),
    ...(parameters.length ? { parameters } : {}),
    ...(op.request
      ? {
          requestBody: {
            required: true,
            content: {
              [op.page ? 'application/x-www-form-urlencoded' : 'application/json']: {
                schema: schema(op.request, 'input'),
              },
            },
          },
        }
      : {}),
    responses: {
      [status]: op.page
        ? { description: 'A page', content: { 'text/html': { schema: { type: 'string' } } } }
        : op.response
          ? { description: 'OK', content: { 'application/json': { schema: schema(op.response, 'output') } } }
          : { description: status === '204' ? 'No content' : 'OK' },
      '4XX': error,
      '5XX': error,
    },
  };
}

function schema(type: z.ZodType, io: 'input' | 'output') {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(type, { io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return rest;
}
