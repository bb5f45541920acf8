import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type RequestSpec,
  requestSpecs,
  teamsTokenSpec,
} from '../../contracts/src/test-support/request-arbitraries.ts';
import { badInstant, instantText, text } from '../../contracts/src/test-support/value-arbitraries.ts';
import { type ControllableClock, createControllableClock } from '../../devtenant/src/index.ts';
import { apiAs } from '../support/api-client.ts';
import { PEOPLE, type Stack, startStack } from '../support/stack.ts';
import { createSeriesFixture, fillPath, type SeriesFixture } from './support/series-fixture.ts';

/**
 * The API's input validation, through HTTP against the running app: for every route that reads a body
 * (each one /api/openapi.json documents, and the Teams-host emulation's) and every route that reads a
 * query, random malformed requests are always refused by the route's schema — 400 with a code, the failing
 * fields listed, nothing written — and random well-formed ones are never refused by it and never answered
 * with a 5xx, whatever the use case then decides. A failure prints its seed and the shrunk request; rerun
 * with `CONFER_PROPERTY_SEED=<seed>` to replay it.
 */
const SEED = Number(process.env.CONFER_PROPERTY_SEED ?? 20_261_207);
const MALFORMED_RUNS = 20;
const WELL_FORMED_RUNS = 6;

interface Route {
  method: string;
  /** Path with its parameters filled in; query routes add the query. */
  path: string;
  as: 'adele' | 'alex' | null;
  spec: RequestSpec | QuerySpec;
}

/** A query schema: queries it accepts and queries it must refuse, as `key=value` pairs. */
interface QuerySpec {
  query: true;
  valid: fc.Arbitrary<Record<string, string>>;
  invalid: fc.Arbitrary<Record<string, string>>;
}

interface Answer {
  status: number;
  body: { error?: { code?: unknown; message?: unknown; details?: unknown } } | null;
}

/** The route's schema refused the request: parseInput lists each failing field (business rules do not). */
function refusedBySchema(answer: Answer): boolean {
  const error = answer.body?.error;
  return (
    answer.status === 400 &&
    (error?.code === 'bad_request' || (error?.code === 'validation_failed' && Array.isArray(error.details)))
  );
}

describe('API input validation, through HTTP (fast-check)', () => {
  let stack: Stack;
  let clock: ControllableClock;
  let fixture: SeriesFixture;
  let routes: Route[];
  let tokens: Record<'adele' | 'alex', string>;
  let sent = 0;

  beforeAll(async () => {
    clock = createControllableClock(new Date('2026-12-07T09:00:00Z'));
    stack = await startStack({ tabDir: null, clock });
    tokens = { adele: await stack.tabTokenFor(PEOPLE.adele.id), alex: await stack.tabTokenFor(PEOPLE.alex.id) };
    fixture = await createSeriesFixture(apiAs(stack, PEOPLE.adele.id));
    routes = await listRoutes();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  async function listRoutes(): Promise<Route[]> {
    const users = (await (await stack.devtenant.control('users')).json()) as {
      value: { id: string; mail: string | null }[];
    };
    const colleagues = users.value.flatMap((u) => (u.mail && u.id !== PEOPLE.adele.id ? [u.mail] : []));
    const types = (await apiAs(stack, PEOPLE.adele.id).get<{ meetingTypes: { id: string }[] }>('/api/meeting-types'))
      .body.meetingTypes;
    const specs = requestSpecs({
      now: clock.now(),
      colleagues,
      typeIds: types.map((t) => t.id),
      // The series as created; notes and actions start at version 1.
      versions: [...new Set([fixture.series.version, 1])],
      meetingPeople: fixture.series.attendees.map((a) => a.email),
    });
    const document = (await (await fetch(`${stack.appUrl}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { requestBody?: unknown; security?: unknown[] }>>;
    };
    const withBodies = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        // Bearer-token routes only: Graph's notification URLs take no user token and have their own tests
        // (api/src/http/routes/graph-notification-routes.test.ts, tests/security/bad-bodies.test.ts).
        .filter(([, operation]) => operation.requestBody !== undefined && operation.security?.length !== 0)
        // Admin routes refuse these people (no Confer.Admin role) before validating a body; their validation is
        // tested with an admin's token in tests/security/admin-endpoints.test.ts.
        .filter(() => !path.startsWith('/api/admin/'))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    const missing = withBodies.filter((route) => !specs[route]);
    if (missing.length > 0) throw new Error(`No request arbitraries for ${missing.join(', ')}`);
    const meeting = `/api/meetings/${fixture.series.id}`;
    return [
      ...withBodies.map((route): Route => {
        const [method, template] = route.split(' ') as [string, string];
        return {
          method,
          path: fillPath(template, fixture),
          as: route.endsWith('/respond') ? 'alex' : 'adele',
          spec: specs[route]!,
        };
      }),
      {
        method: 'POST',
        path: '/dev/api/teams-token',
        as: null,
        spec: teamsTokenSpec(Object.values(PEOPLE).map((p) => p.id)),
      },
      { method: 'GET', path: '/api/meetings', as: 'adele', spec: meetingListQuery() },
      { method: 'GET', path: '/api/people', as: 'adele', spec: peopleQuery() },
      { method: 'GET', path: `${meeting}/actions`, as: 'adele', spec: actionsQuery(clock.now()) },
    ];
  }

  async function send(route: Route, input: unknown): Promise<Answer> {
    // The API allows 240 requests a minute per person: move the clock on a minute before anyone reaches it.
    if (++sent % 200 === 0) clock.advance(61_000);
    const headers: Record<string, string> = route.as ? { authorization: `Bearer ${tokens[route.as]}` } : {};
    const response =
      'query' in route.spec
        ? await fetch(`${stack.appUrl}${route.path}?${new URLSearchParams(input as Record<string, string>)}`, {
            headers,
          })
        : await fetch(`${stack.appUrl}${route.path}`, {
            method: route.method,
            headers: { ...headers, 'content-type': 'application/json' },
            body: JSON.stringify(input),
          });
    const textBody = await response.text();
    return { status: response.status, body: textBody ? (JSON.parse(textBody) as Answer['body']) : null };
  }

  const label = (route: Route) => `${route.method} ${route.path.replace(fixture?.series.id ?? '', '{id}')}`;

  it('refuses every malformed request with 400, a code and the failing fields, and writes nothing', async () => {
    const before = dumpStore(stack);
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(route.spec.invalid, async (input) => {
          const answer = await send(route, input);
          expect(
            refusedBySchema(answer),
            `${label(route)} ${JSON.stringify(input)?.slice(0, 300)}: ${answer.status} ${JSON.stringify(answer.body)}`,
          ).toBe(true);
          expect(typeof answer.body?.error?.message).toBe('string');
        }),
        { numRuns: MALFORMED_RUNS, seed: SEED },
      );
    }
    expect(dumpStore(stack)).toEqual(before);
  });

  it('never refuses a well-formed request by its schema, and never answers one with a 5xx', async () => {
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(route.spec.valid, async (input) => {
          const answer = await send(route, input);
          const shown = `${label(route)} ${JSON.stringify(input)?.slice(0, 300)}: ${answer.status} ${JSON.stringify(answer.body)}`;
          expect(answer.status, shown).toBeLessThan(500);
          expect(refusedBySchema(answer), shown).toBe(false);
        }),
        // No shrinking: well-formed requests change the meeting they act on, so a replay is not the same
        // request twice; the first failure is reported as drawn, with its seed.
        { numRuns: WELL_FORMED_RUNS, seed: SEED, endOnFailure: true },
      );
    }
  });
});

/** GET /api/meetings?scope&limit */
function meetingListQuery(): QuerySpec {
  const limit = fc.integer({ min: 1, max: 100 }).map(String);
  return {
    query: true,
    valid: fc.record({ scope: fc.constantFrom('upcoming', 'past'), limit }, { requiredKeys: [] }),
    invalid: fc.oneof(
      fc.record({ scope: fc.string().filter((s) => s !== 'upcoming' && s !== 'past') }),
      fc.record({ limit: fc.constantFrom('0', '101', '-1', '2.5', 'ten', '', '1e9') }),
    ),
  };
}

/** GET /api/people?search&limit: any text a person might type, quotes, ampersands and hashes included. */
function peopleQuery(): QuerySpec {
  const search = fc.oneof(text(1, 100, true), fc.constantFrom("O'Brien", 'a&b', 'x#y', '%27', "'; DROP", 'ali'));
  return {
    query: true,
    valid: fc.record(
      { search: search.filter((s) => s.trim().length > 0), limit: fc.integer({ min: 1, max: 25 }).map(String) },
      { requiredKeys: ['search'] },
    ),
    invalid: fc.oneof(
      fc.constant({}),
      fc.record({ search: fc.constantFrom('', '   ', 'x'.repeat(101)) }),
      fc.record({ search: fc.constant('alex'), limit: fc.constantFrom('0', '26', 'many', '1.5') }),
    ),
  };
}

/** GET /api/meetings/{id}/actions?occurrenceStart */
function actionsQuery(now: Date): QuerySpec {
  return {
    query: true,
    valid: fc.record({ occurrenceStart: instantText(now) }, { requiredKeys: [] }),
    invalid: fc.record({
      occurrenceStart: badInstant.filter((v) => typeof v === 'string').map(String),
    }),
  };
}

function dumpStore(stack: Stack): Record<string, unknown[]> {
  const tables = stack.composed.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map(({ name }) => [name, stack.composed.db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]),
  );
}
