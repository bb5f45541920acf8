import { type ComponentType, useEffect, useState } from 'react';
import type { AdminPage } from '../features/admin/admin-page.tsx';
import type { MeetingPage } from '../features/meeting/meeting-page.tsx';
import type { SchedulePageProps } from '../features/schedule/schedule-page.tsx';

/**
 * The pages whose code is downloaded on demand, and what each module gives. Home is in the first download: it
 * is where most visits start.
 */
export interface PageComponents {
  schedule: ComponentType<SchedulePageProps>;
  meeting: typeof MeetingPage;
  settings: ComponentType;
  admin: typeof AdminPage;
}
export type LazyPage = keyof PageComponents;

const loaders: { [P in LazyPage]: () => Promise<PageComponents[P]> } = {
  schedule: () => import('../features/schedule/index.ts').then((m) => m.SchedulePage),
  meeting: () => import('../features/meeting/meeting-page.tsx').then((m) => m.MeetingPage),
  settings: () => import('../features/settings/settings-page.tsx').then((m) => m.SettingsPage),
  admin: () => import('../features/admin/admin-page.tsx').then((m) => m.AdminPage),
};

// What each loader gave: the component of the same page (kept apart from the types, which TypeScript cannot index
// by a generic key).
const loaded = new Map<LazyPage, unknown>();
const pending = new Map<LazyPage, Promise<unknown>>();

/**
 * Starts downloading a page's code, once; a failed download may be tried again. Called as soon as the page is
 * known (before sign-in finishes), so the code arrives while the tab waits for its token and time zone.
 */
export function preloadPage<P extends LazyPage>(page: P): Promise<PageComponents[P]> {
  const already = pending.get(page);
  if (already) return already as Promise<PageComponents[P]>;
  const promise = loaders[page]().then(
    (component) => {
      loaded.set(page, component);
      return component;
    },
    (error: unknown) => {
      pending.delete(page);
      throw error;
    },
  );
  pending.set(page, promise);
  return promise;
}

export function isLazyPage(page: string): page is LazyPage {
  return page in loaders;
}

export type PageModuleState<P extends LazyPage> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly Component: PageComponents[P] }
  | { readonly status: 'failed'; retry(): void };

/**
 * A page's component: at once when its code is already here (no placeholder frame, nothing held back), else
 * after the download, or a failure to offer again (a new version deployed while the tab was open, a lost
 * connection). Unlike `React.lazy` inside `Suspense`, a page whose code arrives a moment later is shown the moment
 * it arrives: React holds revealed Suspense content back for up to 300 ms after showing its fallback.
 */
export function usePageModule<P extends LazyPage>(page: P): PageModuleState<P> {
  const [, setVersion] = useState(0);
  const [failed, setFailed] = useState<{ page: LazyPage; attempt: number } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const component = loaded.get(page) as PageComponents[P] | undefined;
  useEffect(() => {
    if (component) return;
    let current = true;
    void attempt;
    preloadPage(page).then(
      () => current && setVersion((n) => n + 1),
      () => current && setFailed({ page, attempt }),
    );
    return () => {
      current = false;
    };
  }, [page, component, attempt]);
  if (component) return { status: 'ready', Component: component };
  if (failed?.page === page && failed.attempt === attempt) {
    return { status: 'failed', retry: () => setAttempt((n) => n + 1) };
  }
  return { status: 'loading' };
}
