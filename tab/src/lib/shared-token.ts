/**
 * One access token for the whole page: kept until shortly before it expires, and one request shared by every
 * caller that asks while it is in flight. Teams answers `getAuthToken` from its own cache too, but each call is a
 * round trip through the host (postMessage to the Teams client and back), and a page that loads six things at once
 * would otherwise make six.
 */
export interface SharedToken {
  get(): Promise<string>;
  /**
   * Starts a request before anyone needs the token (the page is still starting). Its failure is answered to the
   * first caller after it rather than asked again: one host round trip either way.
   */
  prefetch(): void;
  /** Drops the kept token (the API refused it) and fetches a new one. */
  refresh(): Promise<string>;
}

/** A token is not used in its last five minutes: the request may take a while and clocks differ. */
const EXPIRY_MARGIN_MS = 5 * 60_000;

export function sharedToken(fetchToken: () => Promise<string>, now: () => number = Date.now): SharedToken {
  let kept: { token: string; usableUntil: number } | null = null;
  let inFlight: Promise<string> | null = null;
  /** A prefetch's failure nobody has heard yet, and whether a prefetch is in flight that nobody has asked for. */
  let unheardFailure: Promise<string> | null = null;
  let prefetchUnclaimed = false;
  const usable = () => kept !== null && now() < kept.usableUntil;

  function fetchShared(): Promise<string> {
    if (inFlight) return inFlight;
    const request = fetchToken().then(
      (token) => {
        const expiresAt = expiryOf(token);
        kept = expiresAt === null ? null : { token, usableUntil: expiresAt - EXPIRY_MARGIN_MS };
        return token;
      },
      (error: unknown) => {
        kept = null;
        throw error;
      },
    );
    inFlight = request.finally(() => {
      inFlight = null;
    });
    return inFlight;
  }

  return {
    get() {
      if (unheardFailure) {
        const failed = unheardFailure;
        unheardFailure = null;
        return failed;
      }
      if (kept && usable()) return Promise.resolve(kept.token);
      prefetchUnclaimed = false;
      return fetchShared();
    },
    prefetch() {
      if (usable() || inFlight) return;
      const request = fetchShared();
      prefetchUnclaimed = true;
      request.then(
        () => {
          prefetchUnclaimed = false;
        },
        () => {
          if (prefetchUnclaimed) unheardFailure = request;
          prefetchUnclaimed = false;
        },
      );
    },
    refresh() {
      kept = null;
      unheardFailure = null;
      prefetchUnclaimed = false;
      return fetchShared();
    },
  };
}

/** The `exp` claim of a JWT in milliseconds, or null when the token cannot be read (then it is not kept). */
export function expiryOf(token: string): number | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(
      payload
        .replace(/-/g, '+')
        .replace(/_/g, '/')
        .padEnd(Math.ceil(payload.length / 4) * 4, '='),
    );
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : null;
  } catch {
    return null;
  }
}
