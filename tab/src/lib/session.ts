/** The three Teams themes (`app.theme` in the teams-js context); a plain browser maps onto them too. */
export type ThemeName = 'default' | 'dark' | 'contrast';

export function toThemeName(value: string | undefined): ThemeName {
  return value === 'dark' || value === 'contrast' ? value : 'default';
}

export interface SessionAccount {
  readonly displayName: string;
  readonly userPrincipalName: string;
}

export type ThemeListener = (theme: ThemeName) => void;

/**
 * What the tab needs from its host, whichever it is: Teams (teams-js SSO) or a plain browser (MSAL).
 * Features depend on this interface only, never on teams-js or MSAL directly.
 */
export interface HostSession {
  readonly kind: 'teams' | 'browser';
  /** BCP 47 locale for dates and times (Teams `app.locale`, or the browser's language). */
  readonly locale: string;
  readonly initialTheme: ThemeName;
  /** Who the host says is signed in, known before the API answers (shown when the week cannot load). */
  readonly account: SessionAccount | null;
  /** Teams deep-link target (`page.subPageId`); empty in a browser. */
  readonly subPageId: string;
  /** An access token for Confer's API; call it for every request (each host keeps tokens in its own way). */
  getToken(): Promise<string>;
  /** A new token after the API refused the one `getToken` gave; absent where the host's own cache decides. */
  refreshToken?(): Promise<string>;
  subscribeTheme(listener: ThemeListener): () => void;
  /** Interactive consent after the API answered `consent_required`; resolves once consent was given. */
  requestConsent(scopes: readonly string[]): Promise<void>;
  /** Starts an interactive sign-in (browser only: the page navigates away). */
  signInAgain(): Promise<void>;
  reportLoaded(): void;
  reportFailure(message: string): void;
  /** Forgets the account in this browser; Teams has no sign-out of its own. */
  signOut: (() => Promise<void>) | null;
}
