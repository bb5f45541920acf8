import fc from 'fast-check';
import type { z } from 'zod';
import { teamsTokenRequestSchema } from '../dev-host.ts';
import { markAttendanceRequestSchema, setNudgesRequestSchema, setPairRhythmRequestSchema } from '../follow-through.ts';
import { createGuestLinkRequestSchema, GUEST_LIMITS } from '../guest-links.ts';
import {
  availabilityRequestSchema,
  cancelMeetingRequestSchema,
  cancelOccurrenceRequestSchema,
  conflictsRequestSchema,
  createActionRequestSchema,
  createMeetingRequestSchema,
  LIMITS,
  preferencesSchema,
  respondRequestSchema,
  saveNoteRequestSchema,
  suggestionsRequestSchema,
  updateActionRequestSchema,
  updateMeetingRequestSchema,
  updateOccurrenceRequestSchema,
} from '../scheduling.ts';
import {
  attendees,
  badBoolean,
  badChoice,
  badEmail,
  badInstant,
  badInt,
  badText,
  badZone,
  email,
  instantText,
  int,
  meetingTimes,
  notNull,
  text,
  zone,
} from './value-arbitraries.ts';

/** What well-formed requests may refer to: "now", colleagues who exist, meeting types, a meeting's versions. */
export interface RequestWorld {
  now: Date;
  /** Addresses of people who may be invited (never the caller). */
  colleagues: readonly string[];
  typeIds: readonly string[];
  /** Versions the meeting or note or action being changed may be at. */
  versions: readonly number[];
  /** Addresses of the people in the meeting being acted on (action owners are among them). */
  meetingPeople: readonly string[];
}

interface Field {
  valid: fc.Arbitrary<unknown>;
  /** Values this field must refuse, whatever the other fields hold. */
  invalid: fc.Arbitrary<unknown>;
  required?: boolean;
}

/** One request body schema with arbitraries for bodies it accepts and bodies it must refuse. */
export interface RequestSpec {
  schema: z.ZodType;
  valid: fc.Arbitrary<Record<string, unknown>>;
  invalid: fc.Arbitrary<unknown>;
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
const id = fc.stringMatching(/^[A-Za-z0-9-]{1,64}$/);
const badId = fc.constantFrom('two words', '', 'x'.repeat(65), 'semi;colon', '../etc', 42, true);
const isoDate = fc
  .integer({ min: 0, max: 3_000 })
  .map((d) => new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
const badIsoDate = fc.constantFrom('2026-13-01', '2026-00-10', '26-1-1', 'tomorrow', '2026/12/01', 20261201);
const recurrence = fc.record({
  kind: fc.constantFrom('weekly', 'biweekly', 'monthly'),
  count: int(2, LIMITS.maxSeriesOccurrences),
});
const badRecurrence = fc.oneof(
  fc.record({ kind: badChoice(['weekly', 'biweekly', 'monthly']), count: int(2, 10) }),
  fc.record({ kind: fc.constant('weekly'), count: badInt(2, LIMITS.maxSeriesOccurrences) }),
  fc.constant({ kind: 'weekly' }),
  fc.constantFrom('weekly', 3, true),
);
const clockTime = int(0, 24 * 60 - 1).map((m) => `${pad(Math.floor(m / 60))}:${pad(m % 60)}`);
const pad = (n: number) => String(n).padStart(2, '0');

/** Versions: mostly ones the thing may be at now, sometimes any. */
function version(world: RequestWorld): fc.Arbitrary<number> {
  if (world.versions.length === 0) return int(1, 1_000);
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...world.versions) },
    { weight: 1, arbitrary: int(1, 1_000) },
  );
}

function attendeesField(world: RequestWorld, min: number): Field {
  const max = LIMITS.maxPeople - 1;
  return {
    valid: attendees(world.colleagues, min, max),
    invalid: fc.oneof(
      attendees([], max + 1, max + 3),
      email(world.colleagues).map((a) => [a, a.toUpperCase()]),
      fc.tuple(email(world.colleagues), badEmail).map(([a, b]) => [a, b]),
      email(world.colleagues),
      fc.constant(null),
      ...(min > 0 ? [fc.constant([])] : []),
    ),
    required: true,
  };
}

interface SpecOptions {
  /** Parts drawn with the fields that `fix` turns into fields (a start and end pair, a proposal). */
  parts?: Record<string, fc.Arbitrary<unknown>>;
  /** Schema keys that only `fix` writes, so no "extra" key takes their name. */
  alsoKeys?: string[];
  fix?: (body: Record<string, unknown>) => Record<string, unknown>;
  /** Whole bodies refused for how their fields combine. */
  refused?: fc.Arbitrary<unknown>[];
}

/** Builds a spec from its fields: a refused body is another kind of value, a field missing or wrong, or a key too many. */
function spec(schema: z.ZodType, fields: Record<string, Field>, options: SpecOptions = {}): RequestSpec {
  const names = Object.keys(fields);
  const keys = [...names, ...(options.alsoKeys ?? [])];
  const requiredKeys = names.filter((name) => fields[name]!.required);
  const model = { ...Object.fromEntries(names.map((name) => [name, fields[name]!.valid])), ...options.parts };
  const fix = options.fix ?? ((body: Record<string, unknown>) => body);
  const valid = fc.record(model, { requiredKeys }).map((body) => fix(body as Record<string, unknown>));
  const wrongField = valid.chain((body) =>
    fc.constantFrom(...names).chain((name) => fields[name]!.invalid.map((value) => ({ ...body, [name]: value }))),
  );
  const extraKey = fc
    .tuple(
      valid,
      fc.string({ minLength: 1, maxLength: 16 }).filter((key) => !keys.includes(key)),
      fc.jsonValue(),
    )
    .map(([body, key, value]) => ({ ...body, [key]: value }));
  const missing = requiredKeys.length
    ? [valid.chain((body) => fc.constantFrom(...requiredKeys).map((name) => omit(body, name)))]
    : [];
  const notAnObject = fc.oneof(
    fc.constant(null),
    fc.integer(),
    fc.string(),
    fc.boolean(),
    fc.array(valid, { maxLength: 2 }),
  );
  const invalid = fc.oneof(notAnObject, wrongField, extraKey, ...missing, ...(options.refused ?? []));
  return { schema, valid, invalid };
}

function omit(body: Record<string, unknown>, name: string): Record<string, unknown> {
  const { [name]: _dropped, ...rest } = body;
  return rest;
}

type Pair = { start: string; end: string } | null | undefined;

/**
 * Mostly an `end` some minutes after `start`, so well-formed requests also reach what lies behind the
 * schema; the rest keep the independent start and end they were drawn with.
 */
function endAfterStart(minutes: readonly number[]): SpecOptions {
  return {
    parts: { endAfter: fc.option(fc.constantFrom(...minutes), { nil: null, freq: 3 }) },
    fix: ({ endAfter, ...body }) =>
      typeof endAfter === 'number' && typeof body.start === 'string'
        ? { ...body, end: new Date(Date.parse(body.start) + endAfter * 60_000).toISOString() }
        : body,
  };
}

const MEETING_MINUTES = [5, 30, 45, 60, 480];
const WINDOW_MINUTES = [60, 24 * 60, 14 * 24 * 60, 61 * 24 * 60];

/**
 * Every request body schema of the API, keyed `METHOD path` as /api/openapi.json writes it, plus the
 * Teams-host emulation's token request.
 */
export function requestSpecs(world: RequestWorld): Record<string, RequestSpec> {
  const instant = instantText(world.now);
  const times = meetingTimes(world.now);
  const m = '/api/meetings/{id}';
  return {
    'PUT /api/me/preferences': spec(preferencesSchema, {
      reminderMinutes: {
        valid: fc.uniqueArray(int(0, 7 * 24 * 60), { maxLength: 5 }),
        invalid: fc.oneof(
          fc.uniqueArray(int(0, 7 * 24 * 60), { minLength: 6, maxLength: 8 }),
          int(0, 100).map((n) => [n, n]),
          badInt(0, 7 * 24 * 60).map((n) => [n]),
          fc.constant(15),
        ),
        required: true,
      },
      timeZoneOverride: { valid: fc.option(zone, { nil: null }), invalid: notNull(badZone), required: true },
      workingHoursOverride: {
        valid: fc.option(
          fc
            .record({ days: fc.subarray([...WEEKDAYS], { minLength: 1 }), a: clockTime, b: clockTime })
            .filter(({ a, b }) => a !== b)
            .map(({ days, a, b }) => ({ days, start: a < b ? a : b, end: a < b ? b : a })),
          { nil: null },
        ),
        invalid: fc.oneof(
          fc.constant({ days: [], start: '09:00', end: '17:00' }),
          fc.constant({ days: ['funday'], start: '09:00', end: '17:00' }),
          fc.constant({ days: ['monday'], start: '17:00', end: '09:00' }),
          fc.constant({ days: ['monday'], start: '09:00', end: '09:00' }),
          fc.constantFrom('9:00', '24:00', '09:60', '0900').map((start) => ({ days: ['monday'], start, end: '23:59' })),
        ),
        required: true,
      },
    }),
    'POST /api/availability': spec(
      availabilityRequestSchema,
      {
        attendees: attendeesField(world, 0),
        start: { valid: instant, invalid: badInstant },
        end: { valid: instant, invalid: badInstant },
        suggest: {
          valid: fc.record(
            {
              durationMinutes: int(LIMITS.minDurationMinutes, LIMITS.maxDurationMinutes),
              recurrence: fc.option(recurrence, { nil: null }),
              maxSuggestions: int(1, LIMITS.maxSuggestions),
            },
            { requiredKeys: ['durationMinutes'] },
          ),
          invalid: fc.oneof(
            fc.constant(null),
            fc.string(),
            fc.record({}),
            badInt(LIMITS.minDurationMinutes, LIMITS.maxDurationMinutes).map((durationMinutes) => ({
              durationMinutes,
            })),
            notNull(badRecurrence).map((recurrence) => ({ durationMinutes: 30, recurrence })),
            attendeesField(world, 0).valid.map((attendees) => ({ durationMinutes: 30, attendees })),
          ),
        },
      },
      endAfterStart(WINDOW_MINUTES),
    ),
    'POST /api/suggestions': spec(
      suggestionsRequestSchema,
      {
        attendees: attendeesField(world, 0),
        durationMinutes: {
          valid: int(LIMITS.minDurationMinutes, LIMITS.maxDurationMinutes),
          invalid: badInt(LIMITS.minDurationMinutes, LIMITS.maxDurationMinutes),
          required: true,
        },
        start: { valid: instant, invalid: badInstant },
        end: { valid: instant, invalid: badInstant },
        minimumNoticeMinutes: { valid: int(0, 7 * 24 * 60), invalid: badInt(0, 7 * 24 * 60) },
        bufferBeforeMinutes: { valid: int(0, 120), invalid: badInt(0, 120) },
        bufferAfterMinutes: { valid: int(0, 120), invalid: badInt(0, 120) },
        maxMeetingsPerDay: { valid: fc.option(int(1, 20), { nil: null }), invalid: notNull(badInt(1, 20)) },
        tentativeIsBusy: { valid: fc.boolean(), invalid: badBoolean },
        recurrence: { valid: fc.option(recurrence, { nil: null }), invalid: notNull(badRecurrence) },
        maxSuggestions: { valid: int(1, LIMITS.maxSuggestions), invalid: badInt(1, LIMITS.maxSuggestions) },
      },
      endAfterStart(WINDOW_MINUTES),
    ),
    'POST /api/conflicts': spec(
      conflictsRequestSchema,
      {
        attendees: attendeesField(world, 0),
        start: { valid: instant, invalid: badInstant, required: true },
        end: { valid: instant, invalid: badInstant, required: true },
        timeZone: { valid: zone, invalid: badZone, required: true },
        recurrence: { valid: fc.option(recurrence, { nil: null }), invalid: notNull(badRecurrence) },
        meetingId: { valid: id, invalid: badId },
      },
      endAfterStart(MEETING_MINUTES),
    ),
    'POST /api/meetings': spec(
      createMeetingRequestSchema,
      {
        typeId: {
          valid: fc.option(world.typeIds.length ? fc.oneof(fc.constantFrom(...world.typeIds), id) : id, { nil: null }),
          invalid: badId,
        },
        title: {
          valid: text(1, LIMITS.maxTitle, true),
          invalid: fc.oneof(badText(LIMITS.maxTitle), fc.constantFrom('', '   ')),
          required: true,
        },
        agenda: { valid: text(0, LIMITS.maxAgenda), invalid: badText(LIMITS.maxAgenda) },
        attendees: attendeesField(world, 1),
        start: { valid: instant, invalid: badInstant, required: true },
        end: { valid: instant, invalid: badInstant, required: true },
        timeZone: { valid: zone, invalid: badZone, required: true },
        recurrence: { valid: fc.option(recurrence, { nil: null }), invalid: notNull(badRecurrence) },
        online: { valid: fc.boolean(), invalid: badBoolean },
        location: { valid: fc.option(text(0, 255), { nil: null }), invalid: notNull(badText(255)) },
        acceptConflicts: { valid: fc.boolean(), invalid: badBoolean },
      },
      endAfterStart(MEETING_MINUTES),
    ),
    [`PATCH ${m}`]: spec(
      updateMeetingRequestSchema,
      {
        version: { valid: version(world), invalid: badInt(1), required: true },
        title: { valid: text(1, LIMITS.maxTitle, true), invalid: badText(LIMITS.maxTitle) },
        agenda: { valid: text(0, LIMITS.maxAgenda), invalid: badText(LIMITS.maxAgenda) },
        timeZone: { valid: zone, invalid: badZone },
        attendees: { ...attendeesField(world, 1), required: false },
        location: { valid: fc.option(text(0, 255), { nil: null }), invalid: notNull(badText(255)) },
        acceptConflicts: { valid: fc.boolean(), invalid: badBoolean },
      },
      {
        // A new time is a start and an end together.
        parts: { times: fc.option(times, { nil: null }) },
        alsoKeys: ['start', 'end'],
        fix: ({ times: pair, ...body }) => ({ ...body, ...((pair as Pair) ?? {}) }),
        refused: [
          fc.tuple(version(world), instant).map(([v, start]) => ({ version: v, start })),
          fc.tuple(version(world), instant).map(([v, end]) => ({ version: v, end })),
          fc.tuple(version(world), badInstant).map(([v, start]) => ({ version: v, start, end: start })),
        ],
      },
    ),
    [`POST ${m}/cancel`]: spec(cancelMeetingRequestSchema, {
      message: { valid: text(0, LIMITS.maxComment), invalid: badText(LIMITS.maxComment) },
      version: { valid: version(world), invalid: badInt(1), required: true },
    }),
    [`POST ${m}/respond`]: spec(
      respondRequestSchema,
      {
        response: {
          valid: fc.constantFrom('accept', 'tentative', 'decline'),
          invalid: badChoice(['accept', 'tentative', 'decline']),
          required: true,
        },
        comment: { valid: text(0, LIMITS.maxComment), invalid: badText(LIMITS.maxComment) },
      },
      {
        // A proposed time comes as a pair, and never with an acceptance.
        parts: { proposal: fc.option(times, { nil: null }) },
        alsoKeys: ['proposedStart', 'proposedEnd'],
        fix: ({ proposal, ...body }) => {
          const pair = proposal as Pair;
          if (!pair || body.response === 'accept') return body;
          return { ...body, proposedStart: pair.start, proposedEnd: pair.end };
        },
        refused: [
          times.map((t) => ({ response: 'accept', proposedStart: t.start, proposedEnd: t.end })),
          instant.map((start) => ({ response: 'tentative', proposedStart: start })),
          fc
            .tuple(badInstant, instant)
            .map(([start, end]) => ({ response: 'decline', proposedStart: start, proposedEnd: end })),
        ],
      },
    ),
    [`PATCH ${m}/occurrences/{start}`]: spec(
      updateOccurrenceRequestSchema,
      {
        start: { valid: instant, invalid: badInstant, required: true },
        end: { valid: instant, invalid: badInstant, required: true },
        acceptConflicts: { valid: fc.boolean(), invalid: badBoolean },
      },
      endAfterStart(MEETING_MINUTES),
    ),
    [`POST ${m}/occurrences/{start}/cancel`]: spec(cancelOccurrenceRequestSchema, {
      message: { valid: text(0, LIMITS.maxComment), invalid: badText(LIMITS.maxComment) },
    }),
    [`POST ${m}/guest-links`]: spec(createGuestLinkRequestSchema, {
      attendee: { valid: email(world.meetingPeople), invalid: badEmail, required: true },
      slots: {
        valid: fc
          .uniqueArray(instantText(world.now), { minLength: 1, maxLength: GUEST_LIMITS.maxSlots, selector: Date.parse })
          .map((starts) =>
            starts.map((start) => ({ start, end: new Date(Date.parse(start) + 30 * 60_000).toISOString() })),
          ),
        invalid: fc.oneof(
          fc.constant([]),
          fc.constant(null),
          instantText(world.now).map((start) => [{ start }]),
          badInstant.map((start) => [{ start, end: start }]),
          instantText(world.now).map((start) =>
            Array.from({ length: GUEST_LIMITS.maxSlots + 1 }, () => ({ start, end: start })),
          ),
        ),
      },
      occurrenceStart: { valid: instant, invalid: badInstant },
    }),
    [`POST ${m}/attendance`]: spec(markAttendanceRequestSchema, {
      occurrenceStart: { valid: instant, invalid: badInstant, required: true },
      held: { valid: fc.boolean(), invalid: badBoolean, required: true },
    }),
    'PUT /api/cadence/nudges': spec(setNudgesRequestSchema, {
      enabled: { valid: fc.boolean(), invalid: badBoolean, required: true },
    }),
    'PUT /api/cadence/{partnerId}': spec(setPairRhythmRequestSchema, {
      rhythmDays: {
        valid: fc.option(int(1, 365), { nil: null }),
        invalid: notNull(badInt(1, 365)),
        required: true,
      },
    }),
    [`POST ${m}/notes`]: noteSpec(world),
    [`PUT ${m}/notes/{noteId}`]: noteSpec(world),
    [`POST ${m}/actions`]: spec(createActionRequestSchema, {
      title: {
        valid: text(1, LIMITS.maxActionTitle, true),
        invalid: fc.oneof(badText(LIMITS.maxActionTitle), fc.constant(' ')),
        required: true,
      },
      ownerEmail: { valid: owner(world), invalid: badEmail, required: true },
      dueDate: { valid: fc.option(isoDate, { nil: null }), invalid: badIsoDate },
      occurrenceStart: { valid: fc.option(instant, { nil: null }), invalid: notNull(badInstant) },
    }),
    [`PATCH ${m}/actions/{actionId}`]: spec(updateActionRequestSchema, {
      version: { valid: version(world), invalid: badInt(1), required: true },
      title: { valid: text(1, LIMITS.maxActionTitle, true), invalid: badText(LIMITS.maxActionTitle) },
      ownerEmail: { valid: owner(world), invalid: badEmail },
      dueDate: { valid: fc.option(isoDate, { nil: null }), invalid: badIsoDate },
      done: { valid: fc.boolean(), invalid: badBoolean },
    }),
  };
}

/** Mostly someone in the meeting, as an action's owner must be. */
function owner(world: RequestWorld): fc.Arbitrary<string> {
  const anyone = email(world.colleagues);
  return world.meetingPeople.length ? fc.oneof(fc.constantFrom(...world.meetingPeople), anyone) : anyone;
}

function noteSpec(world: RequestWorld): RequestSpec {
  return spec(saveNoteRequestSchema, {
    occurrenceStart: { valid: fc.option(instantText(world.now), { nil: null }), invalid: notNull(badInstant) },
    visibility: {
      valid: fc.constantFrom('private', 'shared'),
      invalid: badChoice(['private', 'shared']),
      required: true,
    },
    body: { valid: text(0, LIMITS.maxNote), invalid: badText(LIMITS.maxNote), required: true },
    version: { valid: fc.option(version(world), { nil: null }), invalid: notNull(badInt(1)) },
  });
}

/** POST /dev/api/teams-token (the Teams-host emulation, local tenant only). */
export function teamsTokenSpec(userIds: readonly string[]): RequestSpec {
  return spec(teamsTokenRequestSchema, {
    userId: {
      valid: userIds.length ? fc.oneof(fc.constantFrom(...userIds), fc.uuid()) : fc.uuid(),
      invalid: fc.constantFrom('', 42, null, true, ['x']),
      required: true,
    },
  });
}
