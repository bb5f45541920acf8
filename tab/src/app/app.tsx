import { resolveLocale, type Translator } from '@confer/contracts/i18n';
import { FluentProvider } from '@fluentui/react-components';
import { useEffect, useLayoutEffect, useState } from 'react';
import { AppHeader } from '../features/shell/app-header.tsx';
import { PageLayout } from '../features/shell/page-layout.tsx';
import { PageSkeleton } from '../features/shell/page-skeleton.tsx';
import { SignInScreen } from '../features/shell/sign-in-screen.tsx';
import { StartupError } from '../features/shell/startup-error.tsx';
import { englishTranslator, loadedTranslator, loadTranslator } from '../i18n/catalogues.ts';
import { applyDocumentLocale } from '../i18n/document-locale.ts';
import { I18nContext } from '../i18n/i18n-context.ts';
import type { HostKind } from '../lib/host-detection.ts';
import { fluentThemeOf } from '../ui/themes.ts';
import { AppShell } from './app-shell.tsx';
import { type BootDeps, type BootState, bootstrap } from './bootstrap.ts';
import { useThemeName } from './use-theme-name.ts';

export interface AppProps {
  readonly host: HostKind;
  readonly deps: BootDeps;
  /** The first start, begun before the first render (main.tsx); a retry starts again. */
  readonly firstBoot?: Promise<BootState>;
}

/**
 * The locale a boot state is shown in: Teams' `app.locale` (or, in a browser, the browser's languages) once signed
 * in; before that — starting, signing in, a failed start — the browser's languages.
 */
function localeOf(state: BootState, languages: readonly string[]) {
  return resolveLocale(state.status === 'ready' ? state.session.locale : null, ...languages);
}

export function App({ host, deps, firstBoot }: AppProps) {
  const [boot, setBoot] = useState<BootState>({ status: 'starting' });
  const [translator, setTranslator] = useState<Translator>(
    () => loadedTranslator(resolveLocale(...deps.languages)) ?? englishTranslator(),
  );
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    const started = attempt === 0 && firstBoot ? firstBoot : bootstrap(host, deps);
    started.then(async (state) => {
      const locale = localeOf(state, deps.languages);
      // A language whose messages cannot be downloaded is shown in English rather than not at all.
      const next = await loadTranslator(locale).catch(() => englishTranslator());
      if (!current) return;
      setTranslator(next);
      setBoot(state);
    });
    return () => {
      current = false;
    };
  }, [host, deps, attempt, firstBoot]);
  const session = boot.status === 'ready' ? boot.session : null;
  const theme = useThemeName(session, deps.themeSource, host === 'framed');
  useLayoutEffect(() => applyDocumentLocale(translator.locale), [translator]);
  const t = translator.t;
  return (
    <I18nContext.Provider value={translator}>
      <FluentProvider theme={fluentThemeOf(theme)} data-theme={theme} dir={translator.locale.direction}>
        {boot.status === 'starting' && (
          <PageLayout header={<AppHeader user={null} loading onSignOut={null} />}>
            <PageSkeleton label={t('shell.starting')} />
          </PageLayout>
        )}
        {boot.status === 'signed-out' && <SignInScreen onSignIn={boot.signIn} />}
        {boot.status === 'failed' && (
          <StartupError
            error={boot.error}
            host={boot.host}
            onRetry={() => {
              setBoot({ status: 'starting' });
              setAttempt((n) => n + 1);
            }}
          />
        )}
        {session && <AppShell session={session} fetch={deps.fetch} origin={deps.origin} />}
      </FluentProvider>
    </I18nContext.Provider>
  );
}
