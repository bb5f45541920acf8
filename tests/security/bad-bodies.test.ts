import { gzipSync } from 'node:zlib';
import {
  availabilityRequestSchema,
  cancelMeetingRequestSchema,
  cancelOccurrenceRequestSchema,
  conflictsRequestSchema,
  createActionRequestSchema,
  createGuestLinkRequestSchema,
  createMeetingRequestSchema,
  type MeetingDto,
  markAttendanceRequestSchema,
  preferencesSchema,
  respondRequestSchema,
  saveNoteRequestSchema,
  setNudgesRequestSchema,
  setPairRhythmRequestSchema,
  suggestionsRequestSchema,
  teamsTokenRequestSchema,
  updateActionRequestSchema,
  updateMeetingRequestSchema,
  updateOccurrenceRequestSchema,
} from '@confer/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createControllableClock } from '../../devtenant/src/index.ts';
import { devtenantGraph } from '../scheduling/support/devtenant-graph.ts';
import { type Api, mail } from '../scheduling/support/scheduling-api.ts';
import { apiAs } from '../support/api-client.ts';
import { PEOPLE, type Stack, startStack } from '../support/stack.ts';
import { createSeriesFixture, fillPath, type SeriesFixture } from './support/series-fixture.ts';

const KB = 1024;
const DAY = 86_400_000;

/** One endpoint that reads a body: where it is, its body limit, a body it accepts, and who calls it. */
interface Endpoint {
  method: 'POST' | 'PUT' | 'PATCH';
  path: string;
  limitBytes: number;
  valid: Record<string, unknown>;
  /** The contract schema the valid body must satisfy (none for the bot's activities and Graph's notifications). */
  schema: z.ZodType | null;
  as: 'adele' | 'alex' | null;
  kind: 'api' | 'dev' | 'bot' | 'graph';
}

interface BadBody {
  name: string;
  body: string | Uint8Array<ArrayBuffer>;
  headers: Record<string, string>;
}

const JSON_TYPE = { 'content-type': 'application/json' };
const asJson = (value: unknown) => JSON.stringify(value);
/** `{"key": value, ...rest}` as text: `__proto__` written as an own key, the way an attacker sends it. */
const withKey = (key: string, value: unknown, rest?: Record<string, unknown>) => {
  const tail = rest && Object.keys(rest).length > 0 ? `,${asJson(rest).slice(1)}` : '}';
  return `{${asJson(key)}:${asJson(value)}${tail}`;
};
/** `{"a":{"a":…}}` as deep as fits in `bytes` (so the parser reads it all rather than stopping at the limit). */
const nested = (bytes: number) => {
  const depth = Math.floor(bytes / 6);
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
};

function badBodies(endpoint: Endpoint): BadBody[] {
  const valid = endpoint.valid;
  const pollution = { polluted: 'yes' };
  const cases: BadBody[] = [
    { name: 'invalid JSON', body: '{"title": "Coaching", ', headers: JSON_TYPE },
    { name: 'a JSON string', body: '"hello"', headers: JSON_TYPE },
    { name: 'JSON null', body: 'null', headers: JSON_TYPE },
    { name: 'an array instead of an object', body: asJson([valid]), headers: JSON_TYPE },
    { name: 'the right body as text/plain', body: asJson(valid), headers: { 'content-type': 'text/plain' } },
    {
      name: 'the right body as a form',
      body: new URLSearchParams(Object.entries(valid).map(([k, v]) => [k, String(v)])).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    },
    { name: 'the right body without a content type', body: asJson(valid), headers: {} },
    {
      name: 'the right body in Latin-1',
      body: asJson(valid),
      headers: { 'content-type': 'application/json; charset=latin1' },
    },
    {
      name: 'an unknown content encoding',
      body: asJson(valid),
      headers: { ...JSON_TYPE, 'content-encoding': 'compress' },
    },
    {
      name: 'a corrupt gzip body',
      body: new TextEncoder().encode('not gzip at all'),
      headers: { ...JSON_TYPE, 'content-encoding': 'gzip' },
    },
    {
      name: 'over the limit',
      body: asJson({ ...valid, padding: 'x'.repeat(endpoint.limitBytes * 2) }),
      headers: JSON_TYPE,
    },
    {
      name: 'over the limit once unzipped',
      body: new Uint8Array(gzipSync(asJson({ ...valid, padding: 'x'.repeat(endpoint.limitBytes * 20) }))),
      headers: { ...JSON_TYPE, 'content-encoding': 'gzip' },
    },
    { name: 'deeply nested', body: nested(endpoint.limitBytes * 0.9), headers: JSON_TYPE },
    { name: 'the fields only under __proto__', body: withKey('__proto__', valid), headers: JSON_TYPE },
    {
      name: 'the fields only under constructor.prototype',
      body: withKey('constructor', { prototype: valid }),
      headers: JSON_TYPE,
    },
  ];
  // A Bot Framework activity and a Graph notification batch are open by protocol (channels and Graph add
  // their own fields), so extra keys beside a valid body are not refused there; everywhere else the schemas
  // are strict.
  if (endpoint.kind === 'bot' || endpoint.kind === 'graph') return cases;
  return [
    ...cases,
    { name: 'the right body plus __proto__', body: withKey('__proto__', pollution, valid), headers: JSON_TYPE },
    {
      name: 'the right body plus constructor.prototype',
      body: withKey('constructor', { prototype: pollution }, valid),
      headers: JSON_TYPE,
    },
  ];
}

/** What each refusal must be: the status and code (the bot names a body that is not an activity in its own code). */
function expected(endpoint: Endpoint, bad: BadBody): { status: number; code: string } {
  const name = bad.name;
  if (name.startsWith('over the limit')) return { status: 413, code: 'payload_too_large' };
  if (name.includes('Latin-1') || name.includes('unknown content encoding'))
    return { status: 415, code: 'unsupported_media_type' };
  if (endpoint.kind === 'bot') return { status: 400, code: 'invalid_activity' };
  // Graph's notification URLs read only JSON and say so, rather than finding no fields in another type.
  if (endpoint.kind === 'graph' && /as text\/plain|as a form|without a content type/.test(name))
    return { status: 415, code: 'unsupported_media_type' };
  if (['invalid JSON', 'a JSON string', 'JSON null', 'a corrupt gzip body'].includes(name))
    return { status: 400, code: 'bad_request' };
  return { status: 400, code: 'validation_failed' };
}

/**
 * Every endpoint that reads a body — each route with a request body in /api/openapi.json, the bot endpoint
 * and the Teams-host emulation's — is sent bodies it cannot accept: broken or non-object JSON, the right
 * body in the wrong media type, charset or encoding, bodies over its limit (also once unzipped), deep
 * nesting, and prototype-pollution keys. Each is refused with its own 4xx and `{ error: { code, message } }`
 * in JSON, and afterwards every table of the store, both people's Outlook calendars and `Object.prototype`
 * are as they were.
 */
describe('oversized and malformed bodies on every endpoint', () => {
  let stack: Stack;
  let users: Record<'adele' | 'alex', Api>;
  let series: MeetingDto;
  let fixture: SeriesFixture;
  let endpoints: Endpoint[];
  let snapshot: () => Promise<unknown>;
  let before: unknown;
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
  let tokens: Record<'adele' | 'alex', string>;

  beforeAll(async () => {
    // A pinned Monday morning, so the series and its occurrences fall on the same days whenever this runs.
    stack = await startStack({ tabDir: null, clock: createControllableClock(new Date('2026-12-07T09:00:00Z')) });
    users = { adele: apiAs(stack, PEOPLE.adele.id), alex: apiAs(stack, PEOPLE.alex.id) };
    tokens = { adele: await stack.tabTokenFor(PEOPLE.adele.id), alex: await stack.tabTokenFor(PEOPLE.alex.id) };
    fixture = await createSeriesFixture(users.adele);
    series = fixture.series;
    endpoints = await listEndpoints();
    const graph = devtenantGraph(stack);
    const now = stack.devtenant.clock.now();
    const view = [new Date(now.getTime() - DAY), new Date(now.getTime() + 60 * DAY)] as const;
    snapshot = async () => ({
      store: dumpStore(stack),
      adeleEvents: (await graph.calendarView(PEOPLE.adele.id, ...view)).map(eventSummary),
      alexEvents: (await graph.calendarView(PEOPLE.alex.id, ...view)).map(eventSummary),
    });
    before = await snapshot();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  /**
   * Every route with a request body in /api/openapi.json, plus the bot endpoint, Graph's notification URLs
   * and the dev host's.
   */
  async function listEndpoints(): Promise<Endpoint[]> {
    const document = (await (await fetch(`${stack.appUrl}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { requestBody?: unknown; security?: unknown[] }>>;
    };
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        // Bearer-token routes only: Graph's notification URLs (documented without security) are listed below.
        .filter(([, operation]) => operation.requestBody !== undefined && operation.security?.length !== 0)
        // Admin routes refuse these people (no Confer.Admin role) before validating a body; their bodies are
        // tested with an admin's token in tests/security/admin-endpoints.test.ts.
        .filter(() => !path.startsWith('/api/admin/'))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    const missing = documented.filter((route) => !(route in validBodies()));
    if (missing.length > 0) throw new Error(`No valid body known for ${missing.join(', ')}: add one here`);
    const api = documented.map((route): Endpoint => {
      const [method, template] = route.split(' ') as [Endpoint['method'], string];
      const { body, schema, as } = validBodies()[route]!;
      return { method, path: fillPath(template, fixture), limitBytes: 100 * KB, valid: body, schema, as, kind: 'api' };
    });
    return [
      ...api,
      {
        method: 'POST',
        path: '/dev/api/teams-token',
        limitBytes: 10 * KB,
        valid: { userId: PEOPLE.alex.id },
        schema: teamsTokenRequestSchema,
        as: null,
        kind: 'dev',
      },
      {
        method: 'POST',
        path: '/api/messages',
        limitBytes: 256 * KB,
        valid: {
          type: 'message',
          text: 'help',
          channelId: 'msteams',
          serviceUrl: 'https://smba.trafficmanager.net/emea/',
          from: { id: '29:alex', aadObjectId: PEOPLE.alex.id },
          recipient: { id: '28:confer' },
          conversation: { id: 'a:alex', conversationType: 'personal', tenantId: stack.config.tenantId },
        },
        schema: null,
        as: null,
        kind: 'bot',
      },
      ...['/api/graph/notifications', '/api/graph/lifecycle'].map(
        (path): Endpoint => ({
          method: 'POST',
          path,
          limitBytes: 256 * KB,
          valid: {
            value: [
              {
                subscriptionId: 'sub-unknown',
                subscriptionExpirationDateTime: '2026-12-09T09:00:00.000Z',
                tenantId: stack.config.tenantId,
                clientState: 'not-ours',
                ...(path.endsWith('lifecycle')
                  ? { lifecycleEvent: 'missed' }
                  : { changeType: 'updated', resource: 'Users/u/Events/e', resourceData: { id: 'e' } }),
              },
            ],
          },
          schema: null,
          as: null,
          kind: 'graph',
        }),
      ),
    ];
  }

  /** A body each documented route accepts (checked against its schema below), and who sends it. */
  function validBodies(): Record<string, { body: Record<string, unknown>; schema: z.ZodType; as: 'adele' | 'alex' }> {
    const m = '/api/meetings/{id}';
    const start = Date.parse(series.start) + DAY;
    const times = { start: new Date(start).toISOString(), end: new Date(start + 1_800_000).toISOString() };
    return {
      'PUT /api/me/preferences': {
        body: { reminderMinutes: [15], timeZoneOverride: 'Asia/Kolkata', workingHoursOverride: null },
        schema: preferencesSchema,
        as: 'adele',
      },
      'POST /api/availability': {
        body: { attendees: [mail('alexw')] },
        schema: availabilityRequestSchema,
        as: 'adele',
      },
      'POST /api/suggestions': {
        body: { attendees: [mail('alexw')], durationMinutes: 30 },
        schema: suggestionsRequestSchema,
        as: 'adele',
      },
      'POST /api/conflicts': {
        body: { attendees: [mail('alexw')], ...times, timeZone: 'Europe/London' },
        schema: conflictsRequestSchema,
        as: 'adele',
      },
      'POST /api/meetings': {
        body: {
          title: 'Career chat',
          attendees: [mail('alexw')],
          ...times,
          timeZone: 'Europe/London',
          acceptConflicts: true,
        },
        schema: createMeetingRequestSchema,
        as: 'adele',
      },
      [`POST ${m}/guest-links`]: {
        body: { attendee: mail('alexw'), slots: [times] },
        schema: createGuestLinkRequestSchema,
        as: 'adele',
      },
      [`PATCH ${m}`]: {
        body: { version: series.version, title: 'Renamed' },
        schema: updateMeetingRequestSchema,
        as: 'adele',
      },
      [`POST ${m}/cancel`]: {
        body: { version: series.version, message: 'Cancelled' },
        schema: cancelMeetingRequestSchema,
        as: 'adele',
      },
      [`POST ${m}/respond`]: {
        body: { response: 'decline', comment: 'Away' },
        schema: respondRequestSchema,
        as: 'alex',
      },
      [`PATCH ${m}/occurrences/{start}`]: {
        body: { ...times, acceptConflicts: true },
        schema: updateOccurrenceRequestSchema,
        as: 'adele',
      },
      [`POST ${m}/occurrences/{start}/cancel`]: {
        body: { message: 'Not this week' },
        schema: cancelOccurrenceRequestSchema,
        as: 'adele',
      },
      [`POST ${m}/attendance`]: {
        body: { occurrenceStart: series.start, held: true },
        schema: markAttendanceRequestSchema,
        as: 'adele',
      },
      'PUT /api/cadence/nudges': { body: { enabled: false }, schema: setNudgesRequestSchema, as: 'adele' },
      'PUT /api/cadence/{partnerId}': { body: { rhythmDays: 14 }, schema: setPairRhythmRequestSchema, as: 'adele' },
      [`POST ${m}/notes`]: { body: { visibility: 'shared', body: 'More' }, schema: saveNoteRequestSchema, as: 'adele' },
      [`PUT ${m}/notes/{noteId}`]: {
        body: { visibility: 'shared', body: 'Changed', version: 1 },
        schema: saveNoteRequestSchema,
        as: 'adele',
      },
      [`POST ${m}/actions`]: {
        body: { title: 'Write it up', ownerEmail: mail('alexw') },
        schema: createActionRequestSchema,
        as: 'adele',
      },
      [`PATCH ${m}/actions/{actionId}`]: {
        body: { version: 1, done: true },
        schema: updateActionRequestSchema,
        as: 'adele',
      },
    };
  }

  async function send(endpoint: Endpoint, bad: BadBody) {
    const token = endpoint.as ? tokens[endpoint.as] : null;
    const response = await fetch(`${stack.appUrl}${endpoint.path}`, {
      method: endpoint.method,
      headers: { ...bad.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: bad.body,
    });
    const text = await response.text();
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      body = text.slice(0, 200);
    }
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', body };
  }

  it('knows a body each route accepts, so a refusal below is about the body’s form, not its content', () => {
    for (const endpoint of endpoints) {
      if (endpoint.schema) expect(endpoint.schema.safeParse(endpoint.valid).success, endpoint.path).toBe(true);
    }
    expect(endpoints.map((e) => `${e.method} ${e.path}`)).toEqual(
      expect.arrayContaining([
        `POST /api/meetings/${series.id}/notes`,
        'POST /dev/api/teams-token',
        'POST /api/messages',
        'POST /api/graph/notifications',
        'POST /api/graph/lifecycle',
      ]),
    );
  });

  it('refuses each bad body with a 4xx and { error: { code, message } }, never a 500 or an HTML page', async () => {
    const failures: string[] = [];
    for (const endpoint of endpoints) {
      for (const bad of badBodies(endpoint)) {
        const answer = await send(endpoint, bad);
        const want = expected(endpoint, bad);
        const error = (answer.body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
        const ok =
          answer.status === want.status &&
          answer.contentType.startsWith('application/json') &&
          error?.code === want.code &&
          typeof error.message === 'string' &&
          error.message.length > 0;
        if (!ok)
          failures.push(
            `${endpoint.method} ${endpoint.path} ${bad.name}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`,
          );
      }
    }
    expect(failures).toEqual([]);
  });

  it('changed nothing: the store, both Outlook calendars and Object.prototype are as they were', async () => {
    expect(await snapshot()).toEqual(before);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

/** Every row of every table, so any write at all shows. */
function dumpStore(stack: Stack): Record<string, unknown[]> {
  const tables = stack.composed.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map(({ name }) => [name, stack.composed.db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]),
  );
}

function eventSummary(event: { id: string; subject: string; start: unknown; end: unknown; isCancelled: boolean }) {
  return { id: event.id, subject: event.subject, start: event.start, end: event.end, isCancelled: event.isCancelled };
}
