import { describe, expect, it } from 'vitest';
import { hrefOf, parseRoute, type Route, routeOfSubPage } from './routes.ts';

describe('parseRoute', () => {
  it.each([
    ['', { page: 'home', view: 'upcoming' }],
    ['#/', { page: 'home', view: 'upcoming' }],
    ['#/past', { page: 'home', view: 'past' }],
    ['#/week', { page: 'home', view: 'week' }],
    ['#/schedule', { page: 'schedule', with: [] }],
    ['#/schedule?with=meganb@contoso.onmicrosoft.com', { page: 'schedule', with: ['meganb@contoso.onmicrosoft.com'] }],
    ['#/schedule?with=a@x.com,b@x.com&with=a@x.com', { page: 'schedule', with: ['a@x.com', 'b@x.com'] }],
    [
      '#/schedule?with=meganb@contoso.onmicrosoft.com&type=mentoring',
      { page: 'schedule', with: ['meganb@contoso.onmicrosoft.com'], type: 'mentoring' },
    ],
    ['#/schedule?type=bad%20type', { page: 'schedule', with: [] }],
    ['#/meetings/m-123', { page: 'meeting', id: 'm-123' }],
    ['#/meetings/m-123?do=notes', { page: 'meeting', id: 'm-123', intent: 'notes' }],
    ['#/meetings/m-123?do=other', { page: 'meeting', id: 'm-123' }],
    ['#/settings', { page: 'settings' }],
    ['#/admin', { page: 'admin', section: 'integration' }],
    ['#/admin/', { page: 'admin', section: 'integration' }],
    ['#/admin/health', { page: 'admin', section: 'health' }],
    ['#/admin/audit', { page: 'admin', section: 'audit' }],
    ['#/admin/integration', { page: 'not-found', path: '/admin/integration' }],
    ['#/admin/nowhere', { page: 'not-found', path: '/admin/nowhere' }],
    ['#/meetings/bad%20id', { page: 'not-found', path: '/meetings/bad%20id' }],
    ['#/nowhere', { page: 'not-found', path: '/nowhere' }],
  ] as const)('reads %s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('round-trips every route through its href', () => {
    const routes: Route[] = [
      { page: 'home', view: 'upcoming' },
      { page: 'home', view: 'past' },
      { page: 'schedule', with: ['a@x.com', 'b@x.com'] },
      { page: 'schedule', with: ['a+b@x.com'], type: 'type-1' },
      { page: 'schedule', with: [], type: 'type-1' },
      { page: 'meeting', id: 'abc-1' },
      { page: 'meeting', id: 'abc-1', intent: 'reschedule' },
      { page: 'settings' },
      { page: 'admin', section: 'integration' },
      { page: 'admin', section: 'access' },
      { page: 'admin', section: 'health' },
      { page: 'admin', section: 'incidents' },
      { page: 'admin', section: 'audit' },
    ];
    for (const route of routes) expect(parseRoute(hrefOf(route))).toEqual(route);
  });
});

describe('routeOfSubPage', () => {
  it('opens a meeting, the schedule page or settings from a Teams deep link', () => {
    expect(routeOfSubPage('meeting:abc-1')).toEqual({ page: 'meeting', id: 'abc-1' });
    expect(routeOfSubPage('schedule:a@x.com')).toEqual({ page: 'schedule', with: ['a@x.com'] });
    expect(routeOfSubPage('settings')).toEqual({ page: 'settings' });
  });

  it('ignores empty and malformed sub-page ids', () => {
    expect(routeOfSubPage('')).toBeNull();
    expect(routeOfSubPage('meeting:../x')).toBeNull();
    expect(routeOfSubPage('other:1')).toBeNull();
  });
});
