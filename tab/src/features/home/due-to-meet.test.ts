import type { PairCadenceDto } from '@confer/contracts';
import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../app/routes.ts';
import { bookHref } from './due-to-meet.tsx';

const pair: PairCadenceDto = {
  partner: { userId: 'megan', displayName: 'Megan Bowen', email: 'meganb@contoso.onmicrosoft.com' },
  rhythmDays: 14,
  rhythmSource: 'type',
  typeId: 'mentoring',
  typeName: 'Mentoring',
  lastHeldAt: '2026-11-02T09:00:00.000Z',
  dueAt: '2026-11-16T09:30:00.000Z',
  status: 'overdue',
  upcoming: null,
  usuallyOrganizes: true,
};

describe('Book', () => {
  it('opens the schedule page with the person and the type they last met for', () => {
    expect(bookHref(pair)).toBe('#/schedule?with=meganb%40contoso.onmicrosoft.com&type=mentoring');
    expect(parseRoute(bookHref(pair))).toEqual({
      page: 'schedule',
      with: ['meganb@contoso.onmicrosoft.com'],
      type: 'mentoring',
    });
  });

  it('opens it with the person alone when they met for no particular type', () => {
    expect(parseRoute(bookHref({ ...pair, typeId: null, typeName: null }))).toEqual({
      page: 'schedule',
      with: ['meganb@contoso.onmicrosoft.com'],
    });
  });
});
