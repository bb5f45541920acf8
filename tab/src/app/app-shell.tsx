import type { MeetingDto } from '@confer/contracts';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type MeRequest, useMe } from '../features/admin/use-me.ts';
import { HomePage } from '../features/home/home-page.tsx';
import { AppHeader } from '../features/shell/app-header.tsx';
import { NavBar, type NavTarget } from '../features/shell/nav-bar.tsx';
import { NotFound } from '../features/shell/not-found.tsx';
import { PageLayout } from '../features/shell/page-layout.tsx';
import { PageSkeleton } from '../features/shell/page-skeleton.tsx';
import type { AuthedApi } from '../lib/authed-api.ts';
import type { HostSession } from '../lib/session.ts';
import type { Route } from './routes.ts';
import { type TabServices, TabServicesContext } from './tab-services.ts';
import { useRoute } from './use-route.ts';
import { deviceTimeZone, resolveViewerZone } from './viewer-zone.ts';

// Pages other than Home load on first visit: Home is what most people open, and it stays small.
const MeetingPage = lazy(() =>
  import('../features/meeting/meeting-page.tsx').then((m) => ({ default: m.MeetingPage })),
);
const SettingsPage = lazy(() =>
  import('../features/settings/settings-page.tsx').then((m) => ({ default: m.SettingsPage })),
);
const SchedulePage = lazy(() => import('../features/schedule/index.ts').then((m) => ({ default: m.SchedulePage })));
const AdminPage = lazy(() => import('../features/admin/admin-page.tsx').then((m) => ({ default: m.AdminPage })));

export interface AppShellProps {
  readonly session: HostSession;
  readonly fetch: typeof fetch;
  readonly origin: string;
}

export function AppShell({ session, fetch, origin }: AppShellProps) {
  const { route, navigate } = useRoute(session.subPageId);
  const api = useMemo<AuthedApi>(
    () => ({
      fetch,
      baseUrl: origin,
      getToken: () => session.getToken(),
      ...(session.refreshToken ? { refreshToken: () => session.refreshToken?.() ?? session.getToken() } : {}),
    }),
    [fetch, origin, session],
  );
  const [timeZone, setTimeZone] = useState<string | null>(null);
  const [zoneAttempt, setZoneAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    void zoneAttempt;
    resolveViewerZone(api, deviceTimeZone()).then((zone) => current && setTimeZone(zone));
    return () => {
      current = false;
    };
  }, [api, zoneAttempt]);
  const me = useMe(api);
  const reported = useRef(false);
  const reportReady = useCallback(() => {
    if (reported.current) return;
    reported.current = true;
    session.reportLoaded();
  }, [session]);
  const services = useMemo<TabServices | null>(
    () =>
      timeZone
        ? {
            session,
            api,
            locale: session.locale,
            timeZone,
            navigate,
            reportReady,
            refreshTimeZone: () => setZoneAttempt((n) => n + 1),
          }
        : null,
    [session, api, timeZone, navigate, reportReady],
  );
  useEffect(() => {
    // A new page: its heading is announced and focus does not stay on a link that no longer exists.
    document.title = `${titleOf(route)} · Confer`;
  }, [route]);
  return (
    <PageLayout
      header={
        <>
          <AppHeader user={session.account} loading={false} onSignOut={session.signOut} />
          <NavBar current={navTargetOf(route)} showAdmin={me.data?.isAdmin === true} />
        </>
      }
    >
      {services ? (
        <TabServicesContext.Provider value={services}>
          <Suspense fallback={<PageSkeleton label="Loading the page" />}>
            <RoutePage route={route} navigate={navigate} me={me} />
          </Suspense>
        </TabServicesContext.Provider>
      ) : (
        <PageSkeleton label="Loading your meetings" />
      )}
    </PageLayout>
  );
}

function RoutePage({ route, navigate, me }: { route: Route; navigate: (route: Route) => void; me: MeRequest }) {
  switch (route.page) {
    case 'home':
      return <HomePage view={route.view} />;
    case 'schedule':
      return (
        <SchedulePage
          key={route.with.join(',')}
          initialAttendees={[...route.with]}
          onCreated={(meeting: MeetingDto) => navigate({ page: 'meeting', id: meeting.id })}
        />
      );
    case 'meeting':
      return <MeetingPage key={route.id} id={route.id} intent={route.intent ?? null} />;
    case 'settings':
      return <SettingsPage />;
    case 'admin':
      return <AdminPage section={route.section} me={me} />;
    case 'not-found':
      return <NotFound path={route.path} />;
  }
}

function navTargetOf(route: Route): NavTarget | null {
  if (route.page === 'home' || route.page === 'meeting') return 'home';
  if (route.page === 'schedule' || route.page === 'settings' || route.page === 'admin') return route.page;
  return null;
}

function titleOf(route: Route): string {
  const titles: Record<Route['page'], string> = {
    home: 'Home',
    schedule: 'Schedule',
    meeting: 'Meeting',
    settings: 'Settings',
    admin: 'Admin',
    'not-found': 'Not found',
  };
  return titles[route.page];
}
