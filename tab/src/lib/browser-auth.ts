// Browser mode only (loaded lazily): MSAL against the configured authority, by redirect.

import {
  type AccountInfo,
  BrowserCacheLocation,
  createStandardPublicClientApplication,
  InteractionRequiredAuthError,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import type { RuntimeConfig } from '@confer/contracts';
import { AppError } from './app-error.ts';
import { type BrowserThemeSource, subscribeBrowserTheme } from './browser-theme.ts';
import { consentScopes } from './consent-url.ts';
import type { HostSession } from './session.ts';

export type BrowserStart =
  | { readonly status: 'signed-in'; readonly session: HostSession; readonly account: BrowserAccount }
  | { readonly status: 'signed-out'; readonly signIn: () => Promise<void> };

export interface BrowserAccount {
  readonly name: string;
  readonly username: string;
}

export interface BrowserAuthDeps {
  readonly config: RuntimeConfig;
  readonly themeSource: BrowserThemeSource;
  readonly locale: string;
  /** Where to come back after sign-in: the page that started it. */
  readonly returnUrl: string;
  /** The page sign-in and consent come back to: the tab's address with its route (`/#/meetings/{id}`). */
  readonly startPage: () => string;
}

export async function startBrowserAuth(deps: BrowserAuthDeps): Promise<BrowserStart> {
  const { config } = deps;
  const pca = await createStandardPublicClientApplication({
    auth: {
      clientId: config.clientId,
      authority: config.authority,
      // A known authority is trusted as is: no instance discovery call to login.microsoftonline.com.
      knownAuthorities: [config.authorityHost],
      redirectUri: config.redirectUri,
      postLogoutRedirectUri: deps.returnUrl,
    },
    // Tokens live in this tab's sessionStorage: they survive the sign-in redirect (same tab), but other tabs
    // and later visits never see them, and they are gone when the tab closes (a new tab signs in again).
    cache: { cacheLocation: BrowserCacheLocation.SessionStorage },
  });
  const redirectResult = await pca.handleRedirectPromise().catch((cause: unknown) => {
    throw new AppError('sign_in_failed', `Sign-in did not complete: ${messageOf(cause)}`, { cause });
  });
  const account = redirectResult?.account ?? pca.getActiveAccount() ?? pca.getAllAccounts()[0] ?? null;
  const signIn = () =>
    pca.loginRedirect({ scopes: [config.apiScope], prompt: 'select_account', redirectStartPage: deps.startPage() });
  if (!account) return { status: 'signed-out', signIn };
  pca.setActiveAccount(account);
  return {
    status: 'signed-in',
    account: { name: account.name ?? account.username, username: account.username },
    session: createBrowserSession(pca, account, deps, signIn),
  };
}

function createBrowserSession(
  pca: IPublicClientApplication,
  account: AccountInfo,
  deps: BrowserAuthDeps,
  signIn: () => Promise<void>,
): HostSession {
  const { config } = deps;
  return {
    kind: 'browser',
    locale: deps.locale,
    initialTheme: deps.themeSource.current(),
    account: { displayName: account.name ?? account.username, userPrincipalName: account.username },
    subPageId: '',
    async getToken() {
      try {
        const result = await pca.acquireTokenSilent({ scopes: [config.apiScope], account });
        return result.accessToken;
      } catch (cause) {
        if (cause instanceof InteractionRequiredAuthError) {
          throw new AppError('interaction_required', 'Your sign-in has expired. Sign in again to continue.', { cause });
        }
        throw new AppError('sign_in_failed', `Could not get a token for Confer: ${messageOf(cause)}`, { cause });
      }
    },
    subscribeTheme: (listener) => subscribeBrowserTheme(deps.themeSource, listener),
    async requestConsent(scopes) {
      await pca.acquireTokenRedirect({
        scopes: consentScopes(scopes),
        account,
        prompt: 'consent',
        redirectStartPage: deps.startPage(),
      });
    },
    signInAgain: signIn,
    reportLoaded: () => undefined,
    reportFailure: () => undefined,
    async signOut() {
      // Local sign-out: forget the account here; the next sign-in offers the account picker again.
      await pca.clearCache({ account });
      window.location.assign(deps.returnUrl);
    },
  };
}

function messageOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
