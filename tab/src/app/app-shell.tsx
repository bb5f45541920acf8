import type { MeetingDto } from '@confer/contracts';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type MeRequest, useMe } from '../features/admin/use-me.ts';
import { HomePage } from '../features/home/home-page.tsx';
import { startHomeReads } from '../features/home/home-reads.ts';
import { prefetchPicker } from '../features/schedule/picker-prefetch.ts';
import { AppHeader } from '../features/shell/app-header.tsx';
import { ErrorPanel } from '../features/shell/error-panel.tsx';
import { NavBar, type NavTarget } from '../features/shell/nav-bar.tsx';
import { NotFound } from '../features/shell/not-found.tsx';
import { PageLayout } from '../features/shell/page-layout.tsx';
import { PageSkeleton } from '../features/shell/page-skeleton.tsx';
import { useT } from '../i18n/i18n-context.ts';
import { AppError } from '../lib/app-error.ts';
import type { AuthedApi } from '../lib/authed-api.ts';
import type { HostSession } from '../lib/session.ts';
import { isLazyPage, type LazyPage, type PageComponents, preloadPage, usePageModule } from './page-modules.ts';
import type { Route } from './routes.ts';
import { type TabServices, TabServicesContext } from './tab-services.ts';
import { useRoute } from './use-route.ts';
import { deviceTimeZone, resolveViewerZone } from './viewer-zone.ts';

// Pages other than Home load on first visit: Home is what most people open, and it stays small.
export interface AppShellProps {
  readonly session: HostSession;
  readonly fetch: typeof fetch;
  readonly origin: string;
}

export function AppShell({ session, fetch, origin }: AppShellProps) {
  const { t, locale } = useT();
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
  // Home's lists are read now, beside the zone they are shown in, not after it (home-reads.ts).
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the page the tab opened on.
  useEffect(() => {
    if (route.page === 'home' && route.view !== 'week') startHomeReads(api, route.view);
  }, []);
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
  // The picker's first read starts now, beside the zone and the page's code, not after them.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the page the tab opened on.
  useEffect(() => {
    // A Teams deep link names its page only now (main.tsx saw no route in the address).
    if (isLazyPage(route.page)) preloadPage(route.page).catch(() => undefined);
    if (route.page !== 'schedule') return;
    const own = session.account?.userPrincipalName.toLowerCase();
    prefetchPicker({
      api,
      attendees: route.with.filter((email) => email.toLowerCase() !== own),
      deviceZone: deviceTimeZone(),
      locale: locale.formatLocale,
      now: new Date(),
      viewportWidth: window.innerWidth,
    });
  }, []);
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
            locale: locale.formatLocale,
            timeZone,
            navigate,
            reportReady,
            refreshTimeZone: () => setZoneAttempt((n) => n + 1),
          }
        : null,
    [session, api, locale, timeZone, navigate, reportReady],
  );
  useEffect(() => {
    // A new page: its heading is announced and focus does not stay on a link that no longer exists.
    document.title = t('shell.documentTitle', { page: t(titleKeys[route.page]) });
  }, [route, t]);
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
          <RoutePage route={route} navigate={navigate} me={me} />
        </TabServicesContext.Provider>
      ) : (
        <PageSkeleton label={t('shell.loadingMeetings')} />
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
        <OnDemand
          page="schedule"
          render={(SchedulePage) => (
            <SchedulePage
              key={`${route.with.join(',')}|${route.type ?? ''}`}
              initialAttendees={[...route.with]}
              initialTypeId={route.type ?? null}
              onCreated={(meeting: MeetingDto) => navigate({ page: 'meeting', id: meeting.id })}
            />
          )}
        />
      );
    case 'meeting':
      return (
        <OnDemand
          page="meeting"
          render={(MeetingPage) => <MeetingPage key={route.id} id={route.id} intent={route.intent ?? null} />}
        />
      );
    case 'settings':
      return <OnDemand page="settings" render={(SettingsPage) => <SettingsPage />} />;
    case 'admin':
      return <OnDemand page="admin" render={(AdminPage) => <AdminPage section={route.section} me={me} />} />;
    case 'not-found':
      return <NotFound path={route.path} />;
  }
}

/** A page whose code is downloaded on demand (started as soon as the route was known: see page-modules.ts). */
function OnDemand<P extends LazyPage>({
  page,
  render,
}: {
  page: P;
  render: (Component: PageComponents[P]) => ReactNode;
}) {
  const { t } = useT();
  const module = usePageModule(page);
  if (module.status === 'loading') return <PageSkeleton label={t('shell.loadingPage')} />;
  if (module.status === 'failed') {
    const retry = async () => module.retry();
    return (
      <ErrorPanel
        error={new AppError('network_error', t('shell.pageDownloadFailed'))}
        failedTitle={t('shell.pageFailed')}
        onRetry={module.retry}
        onConsent={retry}
        onSignIn={retry}
      />
    );
  }
  return render(module.Component);
}

function navTargetOf(route: Route): NavTarget | null {
  if (route.page === 'home' || route.page === 'meeting') return 'home';
  if (route.page === 'schedule' || route.page === 'settings' || route.page === 'admin') return route.page;
  return null;
}

const titleKeys: Record<Route['page'], string> = {
  home: 'shell.nav.home',
  schedule: 'shell.nav.schedule',
  meeting: 'shell.titleMeeting',
  settings: 'shell.nav.settings',
  admin: 'shell.nav.admin',
  'not-found': 'shell.titleNotFound',
};
