import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requestSpecs, teamsTokenSpec } from './test-support/request-arbitraries.ts';

/**
 * Every request body schema accepts every well-formed body and refuses every malformed one: another kind of
 * value, a required field missing, a field of the wrong type or out of range, a key the schema does not
 * know, fields that do not go together. A failure prints its seed and the shrunk body; rerun with
 * `CONFER_PROPERTY_SEED=<seed>` to replay it.
 */
const SEED = Number(process.env.CONFER_PROPERTY_SEED ?? 20_261_207);
const world = {
  now: new Date('2026-12-07T09:00:00Z'),
  colleagues: ['alexw@contoso.onmicrosoft.com', 'meganb@contoso.onmicrosoft.com'],
  typeIds: ['mentoring-session', 'one-to-one-check-in'],
  versions: [1, 2, 3],
  meetingPeople: ['alexw@contoso.onmicrosoft.com'],
};
const specs = { ...requestSpecs(world), 'POST /dev/api/teams-token': teamsTokenSpec([]) };

describe('request body schemas (fast-check)', () => {
  describe.each(Object.entries(specs))('%s', (_route, spec) => {
    it('accepts every well-formed body', () => {
      fc.assert(
        fc.property(spec.valid, (body) => {
          const result = spec.schema.safeParse(JSON.parse(JSON.stringify(body)));
          expect(result.error?.issues ?? []).toEqual([]);
        }),
        { numRuns: 150, seed: SEED },
      );
    });

    it('refuses every malformed body, naming what is wrong', () => {
      fc.assert(
        fc.property(spec.invalid, (body) => {
          const result = spec.schema.safeParse(JSON.parse(JSON.stringify(body) ?? 'null'));
          expect(result.success).toBe(false);
          expect(result.error?.issues.length).toBeGreaterThan(0);
        }),
        { numRuns: 150, seed: SEED },
      );
    });
  });
});
