import { FluentProvider } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { AppHeader } from '../features/shell/app-header.tsx';
import { PageLayout } from '../features/shell/page-layout.tsx';
import { PageSkeleton } from '../features/shell/page-skeleton.tsx';
import { SignInScreen } from '../features/shell/sign-in-screen.tsx';
import { StartupError } from '../features/shell/startup-error.tsx';
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

export function App({ host, deps, firstBoot }: AppProps) {
  const [boot, setBoot] = useState<BootState>({ status: 'starting' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    const started = attempt === 0 && firstBoot ? firstBoot : bootstrap(host, deps);
    started.then((state) => current && setBoot(state));
    return () => {
      current = false;
    };
  }, [host, deps, attempt, firstBoot]);
  const session = boot.status === 'ready' ? boot.session : null;
  const theme = useThemeName(session, deps.themeSource, host === 'framed');
  const lang = session?.locale ?? deps.locale;
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return (
    <FluentProvider theme={fluentThemeOf(theme)} data-theme={theme}>
      {boot.status === 'starting' && (
        <PageLayout header={<AppHeader user={null} loading onSignOut={null} />}>
          <PageSkeleton label="Starting Confer" />
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
  );
}
