import type { RuntimeConfig } from '@confer/contracts';
import { fetchRuntimeConfig } from '../lib/api-client.ts';
import { type AppError, toAppError } from '../lib/app-error.ts';
import type { BrowserThemeSource } from '../lib/browser-theme.ts';
import { createConsentUrl } from '../lib/consent-url.ts';
import type { HostKind } from '../lib/host-detection.ts';
import type { HostSession } from '../lib/session.ts';

export type BootState =
  | { readonly status: 'starting' }
  | { readonly status: 'ready'; readonly session: HostSession; readonly accountName: string | null }
  | { readonly status: 'signed-out'; readonly signIn: () => Promise<void> }
  | { readonly status: 'failed'; readonly error: AppError; readonly host: HostKind };

export interface BootDeps {
  readonly fetch: typeof fetch;
  readonly origin: string;
  readonly returnUrl: string;
  /** Where a sign-in or consent redirect should come back to (the current route included). */
  readonly startPage: () => string;
  /** The browser's language (MSAL's sign-in page and the session's locale in a browser). */
  readonly locale: string;
  /** The browser's languages, most preferred first (`navigator.languages`), for the screens before sign-in. */
  readonly languages: readonly string[];
  readonly themeSource: BrowserThemeSource;
}

/** Teams answers a same-origin or Teams host within milliseconds; three seconds is generous, 60 s is not. */
const TEAMS_INITIALIZE_TIMEOUT_MS = 3000;

export async function bootstrap(host: HostKind, deps: BootDeps): Promise<BootState> {
  const configPromise = fetchRuntimeConfig({ fetch: deps.fetch, baseUrl: deps.origin });
  // Failures are reported by whichever step awaits the config; this keeps the early promise from going unhandled.
  configPromise.catch(() => undefined);
  try {
    if (host === 'framed') return await bootInTeams(configPromise);
    return await bootInBrowser(await configPromise, deps);
  } catch (error) {
    return { status: 'failed', error: toAppError(error, 'sign_in_failed'), host };
  }
}

async function bootInTeams(configPromise: Promise<RuntimeConfig>): Promise<BootState> {
  // teams-js is only downloaded when the tab runs inside a frame (a possible Teams host).
  const { startTeamsSession } = await import('../lib/teams.ts');
  const session = await startTeamsSession({
    initializeTimeoutMs: TEAMS_INITIALIZE_TIMEOUT_MS,
    consentUrl: async (scopes, loginHint) => createConsentUrl(await configPromise, scopes, loginHint),
  });
  return { status: 'ready', session, accountName: null };
}

async function bootInBrowser(config: RuntimeConfig, deps: BootDeps): Promise<BootState> {
  // MSAL is only downloaded outside Teams.
  const { startBrowserAuth } = await import('../lib/browser-auth.ts');
  const started = await startBrowserAuth({
    config,
    themeSource: deps.themeSource,
    locale: deps.locale,
    returnUrl: deps.returnUrl,
    startPage: deps.startPage,
  });
  if (started.status === 'signed-out') return started;
  return { status: 'ready', session: started.session, accountName: started.account.name };
}
