import { describe, expect, it } from 'vitest';
import { type FreeBusyStatus, isBlocking } from './free-busy.ts';
import { freeBusyStatusSchema } from './scheduling.ts';

describe('isBlocking', () => {
  const cases: [FreeBusyStatus, boolean, boolean][] = [
    // status, blocks with tentative as busy, blocks with tentative as free
    ['busy', true, true],
    ['oof', true, true],
    ['unknown', true, true],
    ['tentative', true, false],
    ['workingElsewhere', false, false],
    ['free', false, false],
  ];

  it.each(cases)('%s: blocks %s when tentative is busy, %s when it is not', (status, asBusy, asFree) => {
    expect(isBlocking(status, true)).toBe(asBusy);
    expect(isBlocking(status, false)).toBe(asFree);
  });

  it('decides every status the wire can carry', () => {
    expect(cases.map(([status]) => status).sort()).toEqual([...freeBusyStatusSchema.options].sort());
  });
});
