// The only module that imports teams-js (docs/reference/design.md §8), loaded lazily in Teams mode only.
import { app, authentication } from '@microsoft/teams-js';
import { AppError } from './app-error.ts';
import { type HostSession, type ThemeListener, toThemeName } from './session.ts';
import { sharedToken } from './shared-token.ts';

export interface TeamsSessionDeps {
  /**
   * A framed page whose parent never answers would otherwise wait teams-js's 60 s
   * (docs/reference/teams-platform.md §3).
   */
  readonly initializeTimeoutMs: number;
  /** The authorize URL (https, as teams-js requires) for the consent popup. */
  readonly consentUrl: (scopes: readonly string[], loginHint: string) => Promise<string>;
}

export async function startTeamsSession(deps: TeamsSessionDeps): Promise<HostSession> {
  await initializeWithin(deps.initializeTimeoutMs);
  // One SSO round trip per token, not per API call (shared-token.ts).
  const token = sharedToken(getTeamsToken);
  // Asked now, beside getContext, rather than once the shell renders and calls the API: the first page's
  // requests then start as soon as they are made instead of after two more host round trips.
  token.prefetch();
  const context = await app.getContext();
  const listeners = new Set<ThemeListener>();
  app.registerOnThemeChangeHandler((theme) => {
    for (const listener of listeners) listener(toThemeName(theme));
  });
  const loginHint = context.user?.loginHint ?? context.user?.userPrincipalName ?? '';
  return {
    kind: 'teams',
    locale: context.app.locale || 'en-US',
    initialTheme: toThemeName(context.app.theme),
    account: context.user?.displayName
      ? { displayName: context.user.displayName, userPrincipalName: context.user.userPrincipalName ?? loginHint }
      : null,
    subPageId: context.page.subPageId ?? '',
    getToken: () => token.get(),
    refreshToken: () => token.refresh(),
    subscribeTheme(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async requestConsent(scopes) {
      const url = await deps.consentUrl(scopes, loginHint);
      try {
        await authentication.authenticate({ url, width: 600, height: 535 });
      } catch (cause) {
        throw new AppError('consent_required', 'Permission was not granted. Try again when you are ready.', { cause });
      }
    },
    async signInAgain() {
      // Teams owns the sign-in; a fresh token request is all the tab can do.
      await token.refresh();
    },
    reportLoaded: () => app.notifySuccess(),
    reportFailure: (message) => app.notifyFailure({ reason: app.FailedReason.Other, message }),
    signOut: null,
  };
}

/**
 * Opens a link through the host (teams-js `app.openLink`, sent as `executeDeepLink`): for a Teams meeting join
 * URL, Teams joins the meeting itself instead of opening a browser tab from inside its own frame.
 */
export async function openTeamsLink(url: string): Promise<void> {
  await app.openLink(url);
}

async function getTeamsToken(): Promise<string> {
  try {
    return await authentication.getAuthToken();
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    // Teams answers `resourceRequiresConsent` when the user has not consented to the app's API yet.
    if (/consent/i.test(reason)) {
      throw new AppError('consent_required', 'Confer needs your permission first.', { cause });
    }
    throw new AppError('sign_in_failed', `Teams could not sign you in to Confer (${reason}).`, { cause });
  }
}

/** In the consent popup (frameContext `authentication`): hand the outcome back to the tab through the host. */
export async function finishTeamsAuthentication(
  outcome: { ok: true; result: string } | { ok: false; reason: string },
  initializeTimeoutMs: number,
): Promise<void> {
  await initializeWithin(initializeTimeoutMs);
  if (outcome.ok) authentication.notifySuccess(outcome.result);
  else authentication.notifyFailure(outcome.reason);
}

async function initializeWithin(timeoutMs: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new AppError('host_unavailable', 'The page around Confer is not Microsoft Teams.')),
      timeoutMs,
    );
  });
  try {
    await Promise.race([app.initialize(), timeout]);
  } catch (cause) {
    throw cause instanceof AppError
      ? cause
      : new AppError('host_unavailable', 'Microsoft Teams did not answer.', { cause });
  } finally {
    clearTimeout(timer);
  }
}
