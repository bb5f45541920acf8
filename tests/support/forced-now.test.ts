import { describe, expect, it } from 'vitest';
import { forcedNow } from './forced-now.ts';

describe('CONFER_TEST_NOW', () => {
  it('is the instant the stack clock starts at when set, and nothing when not', () => {
    expect(forcedNow({ CONFER_TEST_NOW: '2026-12-31T16:00:00Z' })).toEqual(new Date('2026-12-31T16:00:00.000Z'));
    expect(forcedNow({ CONFER_TEST_NOW: '2027-03-29T09:00:00+01:00' })).toEqual(new Date('2027-03-29T08:00:00.000Z'));
    expect(forcedNow({})).toBeUndefined();
    expect(forcedNow({ CONFER_TEST_NOW: '' })).toBeUndefined();
  });

  it.each(['tomorrow', '2026-12-31', '2026-13-01T00:00:00Z', '1767196800000'])(
    'refuses %s with a message naming the variable, instead of running on the real date',
    (value) => {
      expect(() => forcedNow({ CONFER_TEST_NOW: value })).toThrow(/CONFER_TEST_NOW must be an ISO instant/);
    },
  );
});
